// Named starting points for widgets that let a student set the nine parameters: the
// write-up's printed example, a He start, and a start with a dead hidden unit.
// Client-safe (initParams only draws nine numbers), so the select can load them live.
import { initParams } from '../../trainer/init';
import { B1, PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';
import { clipText } from '../../experiments/settings/source';
import { parseNumberInput } from '../../experiments/settings/numberInput';
import { PARAMETER_LIMIT, parameterRules, parseParameterName } from './parameters';

export type ParameterPreset = 'writeup-example' | 'he' | 'dead-unit';

/** The He start's seed: the same start every widget and lesson calls "He start (seed 1)". */
export const HE_SEED = 1;

/**
 * B1 of the dead-unit preset. With the He start's W1 and W3, z1 = W1·x1 + W3·x2 + B1 stays
 * below 0 on every sample of the default data (a unit test checks this), so h1 is dead.
 */
export const DEAD_UNIT_B1 = -5;

export const PARAMETER_PRESETS: readonly { value: ParameterPreset; label: string; description: string }[] = [
  {
    value: 'writeup-example',
    label: 'Write-up’s example',
    description: 'The starting values printed in the write-up: W1 = −0.46 … B3 = −2.5.',
  },
  { value: 'he', label: `He start (seed ${HE_SEED})`, description: 'Weights drawn with variance 2/(inputs per unit), biases 0.' },
  {
    value: 'dead-unit',
    label: 'Dead unit h1',
    description: `The He start with B1 = ${DEAD_UNIT_B1}: z1 is negative on every sample, so h1 is 0 everywhere.`,
  },
];

export const PRESET_NAMES: readonly ParameterPreset[] = PARAMETER_PRESETS.map((p) => p.value);

/** The nine values of a preset, in layout order W1…W6, B1…B3. */
export function presetParameters(preset: ParameterPreset): Parameters {
  switch (preset) {
    case 'writeup-example':
      return initParams({ preset: 'writeup-example' });
    case 'he':
      return initParams({ preset: 'he', seed: HE_SEED });
    case 'dead-unit': {
      const params = initParams({ preset: 'he', seed: HE_SEED });
      params[B1] = DEAD_UNIT_B1;
      return params;
    }
  }
}

/** "He", " dead-unit " → the preset; anything else → null. */
export function parsePreset(text: string): ParameterPreset | null {
  const t = text.trim().toLowerCase();
  return PRESET_NAMES.find((p) => p === t) ?? null;
}

/** Where a widget's nine parameters come from: a preset, with any values typed or linked on top. */
export interface StartingPoint {
  start: ParameterPreset;
  values: Partial<Record<ParameterName, number>>;
}

/**
 * Reads one setting that names the start ('start') or a parameter's value ('W1'…'B3') into
 * `point`. A garbled value adds a notice and is ignored. Returns false when `key` is neither.
 */
export function readStartingPoint(point: StartingPoint, key: string, text: string, notices: string[], limit = PARAMETER_LIMIT): boolean {
  if (key === 'start') {
    const preset = parsePreset(text);
    if (preset) point.start = preset;
    else notices.push(`Ignored the start “${clipText(text)}”: use ${PRESET_NAMES.join(', ')}. Using ${point.start}.`);
    return true;
  }
  const name = parseParameterName(key);
  if (!name) return false;
  const result = parseNumberInput(text, parameterRules(name, limit));
  if (result.ok) point.values[name] = result.value;
  else notices.push(`${result.message} Using the start’s value.`);
  return true;
}

/** The nine values: the preset's, overridden by any given values. */
export function startingParameters(point: StartingPoint): Parameters {
  const params = presetParameters(point.start);
  PARAMETER_NAMES.forEach((name, j) => {
    const v = point.values[name];
    if (v !== undefined) params[j] = v;
  });
  return params;
}

/** Writes the start and every given value into a query string, in the course's order. */
export function writeStartingPoint(out: URLSearchParams, point: StartingPoint): void {
  out.set('start', point.start);
  for (const name of PARAMETER_NAMES) {
    const v = point.values[name];
    if (v !== undefined) out.set(name, String(v));
  }
}
