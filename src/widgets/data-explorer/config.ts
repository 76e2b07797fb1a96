// The data explorer's settings: one typed object, read from the component's data-* attributes
// now and from a shareable link's query string later. Anything unknown or garbled is ignored
// with a notice saying what was ignored and what is used instead; parsing never throws.
import type { DatasetOptions, Scaling } from '../../trainer/data';
import { parseNumberInput, type NumberInputRules } from '../kit/numberInput';

export interface DataExplorerConfig {
  /** Number of samples. */
  n: number;
  x1Low: number;
  x1High: number;
  x2Low: number;
  x2High: number;
  /** Whole-number ends of the noise b. */
  noiseLow: number;
  noiseHigh: number;
  /** Seed of the data generator. */
  seed: number;
  scaling: Scaling;
}

type NumberKey = Exclude<keyof DataExplorerConfig, 'scaling'>;

export const DATA_EXPLORER_DEFAULTS: Readonly<DataExplorerConfig> = {
  n: 300,
  x1Low: -5,
  x1High: 5,
  x2Low: -10,
  x2High: 10,
  noiseLow: -1,
  noiseHigh: 1,
  seed: 1,
  scaling: 'zscore',
};

/** What each number may be; the labels are the controls' labels and appear in messages. */
export const DATA_EXPLORER_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  n: { min: 1, max: 10_000, integer: true, label: 'Number of samples n' },
  x1Low: { min: -100, max: 100, label: 'Lowest x1' },
  x1High: { min: -100, max: 100, label: 'Highest x1' },
  x2Low: { min: -100, max: 100, label: 'Lowest x2' },
  x2High: { min: -100, max: 100, label: 'Highest x2' },
  noiseLow: { min: -10, max: 10, integer: true, label: 'Lowest noise' },
  noiseHigh: { min: -10, max: 10, integer: true, label: 'Highest noise' },
  seed: { min: 0, max: 999_999_999, integer: true, label: 'Data seed' },
};

export const SCALING_OPTIONS: readonly { value: Scaling; label: string }[] = [
  { value: 'zscore', label: 'z-score' },
  { value: 'minmax', label: 'min–max' },
  { value: 'none', label: 'none (raw)' },
];

const NUMBER_KEYS = Object.keys(DATA_EXPLORER_RULES) as NumberKey[];
export const DATA_EXPLORER_KEYS: readonly (keyof DataExplorerConfig)[] = [...NUMBER_KEYS, 'scaling'];

/** Pairs whose low end must not be above the high end. */
const PAIRS: readonly [NumberKey, NumberKey, string][] = [
  ['x1Low', 'x1High', 'x1 range'],
  ['x2Low', 'x2High', 'x2 range'],
  ['noiseLow', 'noiseHigh', 'noise range'],
];

export type ConfigSource = URLSearchParams | DOMStringMap | Record<string, string | undefined>;

function entries(source: ConfigSource): [string, string][] {
  if (typeof (source as URLSearchParams).forEach === 'function' && typeof (source as URLSearchParams).get === 'function') {
    const out: [string, string][] = [];
    (source as URLSearchParams).forEach((value, key) => out.push([key, value]));
    return out;
  }
  return Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** "zscore", "z-score", "Z score" → 'zscore'; anything else → null. */
export function parseScaling(text: string): Scaling | null {
  const t = text.trim().toLowerCase().replace(/[\s_–-]/g, '');
  return t === 'zscore' || t === 'minmax' || t === 'none' ? t : null;
}

function shown(text: string): string {
  return text.length > 30 ? `${text.slice(0, 27)}…` : text;
}

/** Checks the relations between fields (low ≤ high); returns the problems in words. */
export function crossFieldProblems(config: DataExplorerConfig): { keys: [NumberKey, NumberKey]; message: string }[] {
  return PAIRS.filter(([lo, hi]) => config[lo] > config[hi]).map(([lo, hi, name]) => ({
    keys: [lo, hi],
    message: `The ${name} runs from ${config[lo]} to ${config[hi]}: its lowest value must not be above its highest.`,
  }));
}

export function parseDataExplorerConfig(source: ConfigSource): { config: DataExplorerConfig; notices: string[] } {
  const config: DataExplorerConfig = { ...DATA_EXPLORER_DEFAULTS };
  const notices: string[] = [];
  for (const [key, text] of entries(source)) {
    // Astro adds data-astro-* attributes of its own to elements; they are not settings.
    if (key.startsWith('astro')) continue;
    if (key === 'scaling') {
      const scaling = parseScaling(text);
      if (scaling) config.scaling = scaling;
      else notices.push(`Ignored scaling “${shown(text)}”: use z-score, min-max or none. Using ${config.scaling}.`);
      continue;
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${shown(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = parseNumberInput(text, DATA_EXPLORER_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${DATA_EXPLORER_DEFAULTS[k]}.`);
  }
  for (const problem of crossFieldProblems(config)) {
    const [lo, hi] = problem.keys;
    config[lo] = DATA_EXPLORER_DEFAULTS[lo];
    config[hi] = DATA_EXPLORER_DEFAULTS[hi];
    notices.push(`${problem.message} Using ${config[lo]} to ${config[hi]}.`);
  }
  return { config, notices };
}

export function serializeDataExplorerConfig(config: DataExplorerConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of DATA_EXPLORER_KEYS) params.set(key, String(config[key]));
  return params;
}

/** The trainer's options for this config. */
export function toDatasetOptions(config: DataExplorerConfig): DatasetOptions {
  return {
    n: config.n,
    x1Range: [config.x1Low, config.x1High],
    x2Range: [config.x2Low, config.x2High],
    noiseRange: [config.noiseLow, config.noiseHigh],
    seed: config.seed,
    scaling: config.scaling,
  };
}
