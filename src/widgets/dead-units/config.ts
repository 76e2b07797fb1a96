// The dead-units widget's settings: which start, which scaling, and the training run behind the
// before/after table (rate and epochs). One typed object, read from the element's data-*
// attributes and a shared link; parsing never throws: anything unknown or garbled is ignored
// with a notice saying what is used instead.
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';

/** Where the nine starting values come from. */
export type DeadUnitsStart = 'writeup-example' | 'writeup' | 'he';
/** How x1, x2 and y are rescaled; 'squeezed' is inputs ÷ range into [−0.5, 0.5], y min–max. */
export type DeadUnitsScaling = 'zscore' | 'minmax' | 'squeezed' | 'none';

export interface DeadUnitsConfig {
  start: DeadUnitsStart;
  /** Seed of the random starts (not used by the write-up's printed example). */
  initSeed: number;
  scaling: DeadUnitsScaling;
  /** η. */
  learningRate: number;
  epochs: number;
}

type NumberKey = 'initSeed' | 'learningRate' | 'epochs';

export const MAX_DEAD_UNITS_EPOCHS = 20_000;

export const DEAD_UNITS_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  initSeed: { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' },
  learningRate: { min: 0.0001, max: 10, label: 'Learning rate η' },
  epochs: { min: 0, max: MAX_DEAD_UNITS_EPOCHS, integer: true, label: 'Epochs' },
};

export const DEAD_UNITS_DEFAULTS: Readonly<DeadUnitsConfig> = {
  start: 'writeup-example',
  initSeed: 1,
  scaling: 'squeezed',
  learningRate: 0.01,
  epochs: 2000,
};

export const DEAD_UNITS_KEYS: readonly (keyof DeadUnitsConfig)[] = ['start', 'initSeed', 'scaling', 'learningRate', 'epochs'];

export const START_OPTIONS: readonly { value: DeadUnitsStart; label: string }[] = [
  { value: 'writeup-example', label: 'Write-up’s example' },
  { value: 'writeup', label: 'Write-up’s random scheme' },
  { value: 'he', label: 'He start' },
];

export const SCALING_OPTIONS: readonly { value: DeadUnitsScaling; label: string }[] = [
  { value: 'zscore', label: 'z-score' },
  { value: 'minmax', label: 'min–max, [0, 1]' },
  { value: 'squeezed', label: 'x ÷ range, [−0.5, 0.5]' },
  { value: 'none', label: 'none (raw)' },
];

const NUMBER_KEYS = Object.keys(DEAD_UNITS_RULES) as NumberKey[];

/** "x/range", "Squeezed", "z score" → the scaling; anything else → null. */
export function parseDeadUnitsScaling(text: string): DeadUnitsScaling | null {
  const t = text.trim().toLowerCase().replace(/[\s_–-]/g, '');
  if (t === 'zscore' || t === 'minmax' || t === 'squeezed' || t === 'none') return t;
  if (t === 'x/range' || t === 'range') return 'squeezed';
  return null;
}

export function parseDeadUnitsConfig(source: ConfigSource): { config: DeadUnitsConfig; notices: string[] } {
  const config: DeadUnitsConfig = { ...DEAD_UNITS_DEFAULTS };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (key === 'start') {
      const start = oneOf(text, START_OPTIONS);
      if (start) config.start = start;
      else notices.push(`Ignored the start “${clipText(text)}”: use ${START_OPTIONS.map((o) => o.value).join(', ')}. Using ${config.start}.`);
      continue;
    }
    if (key === 'scaling') {
      const scaling = parseDeadUnitsScaling(text);
      if (scaling) config.scaling = scaling;
      else notices.push(`Ignored the scaling “${clipText(text)}”: use ${SCALING_OPTIONS.map((o) => o.value).join(', ')}. Using ${config.scaling}.`);
      continue;
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = parseNumberInput(text, DEAD_UNITS_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${DEAD_UNITS_DEFAULTS[k]}.`);
  }
  return { config, notices };
}

export function serializeDeadUnitsConfig(config: DeadUnitsConfig): URLSearchParams {
  return new URLSearchParams(DEAD_UNITS_KEYS.map((key) => [key, String(config[key])]));
}
