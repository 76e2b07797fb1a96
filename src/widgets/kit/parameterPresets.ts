// Named starting points for widgets that let a student set the nine parameters: the
// write-up's printed example, a He start, and a start with a dead hidden unit (the
// trainer's presetParameters). Client-safe (these starts only draw nine numbers), so the select
// can load them live.
import { DEAD_UNIT_B1, HE_SEED, presetParameters } from '../../trainer/presets';
import { PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';
import { clipText } from '../../experiments/settings/source';
import { parseNumberInput } from '../../experiments/settings/numberInput';
import { PARAMETER_LIMIT, parameterRules, parseParameterName } from './parameters';

/** The trainer's named starts (presets.ts) a parameter-setting widget offers. */
export type ParameterPreset = 'writeup-example' | 'he' | 'dead-unit';

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
