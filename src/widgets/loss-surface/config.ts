// The loss-surface widget's settings: which two parameters span the picture, where the run
// starts (a seeded preset, with any values dragged or typed on top), how it trains, whether the
// slice goes through the run's start or its end, and how wide the window is. One typed object,
// read from data-* attributes or a shared link; parsing never throws.
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { INIT_PRESETS, type InitPreset } from '../../trainer/init';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';
import { parameterRules, parseParameterName } from '../kit/parameters';

export type SliceAt = 'start' | 'end';

export interface LossSurfaceConfig {
  /** The parameter along the horizontal axis. */
  x: ParameterName;
  /** The parameter along the vertical axis. */
  y: ParameterName;
  /** How the start is drawn, and its seed. */
  init: InitPreset;
  initSeed: number;
  /** Starting values set by hand (dragged or typed); they replace the drawn ones. */
  values: Partial<Record<ParameterName, number>>;
  learningRate: number;
  epochs: number;
  /** The seven other parameters are held at their values at the run's start or at its end. */
  slice: SliceAt;
  /** Half the width of each axis around the slice point (wider if the path needs it). */
  span: number;
}

type NumberKey = 'initSeed' | 'learningRate' | 'epochs' | 'span';

export const LOSS_SURFACE_DEFAULTS: Readonly<LossSurfaceConfig> = {
  x: 'B2',
  y: 'W6',
  init: 'he',
  initSeed: 1,
  values: {},
  learningRate: 0.05,
  epochs: 5000,
  slice: 'end',
  span: 3,
};

export const LOSS_SURFACE_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  initSeed: { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' },
  learningRate: { min: 0.0001, max: 10, label: 'The learning rate η' },
  epochs: { min: 0, max: 20_000, integer: true, label: 'Epochs' },
  span: { min: 0.1, max: 50, label: 'Half-width of the window' },
};

/** Starting values may be set within ±this (the network's parameters rarely leave ±10). */
export const START_LIMIT = 20;

export const INIT_OPTIONS: readonly { value: InitPreset; label: string }[] = (['he', 'writeup'] as const).map((value) => ({ value, label: INIT_PRESETS[value].label }));

export const SLICE_OPTIONS: readonly { value: SliceAt; label: string }[] = [
  { value: 'end', label: 'the end of the run' },
  { value: 'start', label: 'the start of the run' },
];

const NUMBER_KEYS = Object.keys(LOSS_SURFACE_RULES) as NumberKey[];
export const LOSS_SURFACE_KEYS: readonly string[] = ['x', 'y', 'init', ...NUMBER_KEYS, 'slice', ...PARAMETER_NAMES];

export function parseLossSurfaceConfig(source: ConfigSource): { config: LossSurfaceConfig; notices: string[] } {
  const config: LossSurfaceConfig = { ...LOSS_SURFACE_DEFAULTS, values: {} };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (key === 'x' || key === 'y') {
      const name = parseParameterName(text);
      if (name) config[key] = name;
      else notices.push(`Ignored the ${key === 'x' ? 'horizontal' : 'vertical'} parameter “${clipText(text)}”: use one of W1…W6, B1…B3. Using ${config[key]}.`);
      continue;
    }
    if (key === 'init') {
      const init = oneOf(text, INIT_OPTIONS);
      if (init) config.init = init;
      else notices.push(`Ignored the starting values “${clipText(text)}”: use he or writeup. Using ${config.init}.`);
      continue;
    }
    if (key === 'slice') {
      const slice = oneOf(text, SLICE_OPTIONS);
      if (slice) config.slice = slice;
      else notices.push(`Ignored the slice “${clipText(text)}”: use start or end. Using ${config.slice}.`);
      continue;
    }
    const name = parseParameterName(key);
    if (name) {
      const result = parseNumberInput(text, parameterRules(name, START_LIMIT));
      if (result.ok) config.values[name] = result.value;
      else notices.push(`${result.message} Using the drawn starting value.`);
      continue;
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = parseNumberInput(text, LOSS_SURFACE_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${LOSS_SURFACE_DEFAULTS[k]}.`);
  }
  if (config.x === config.y) {
    notices.push(`The two axes must show different parameters, but both were ${config.x}. Using ${LOSS_SURFACE_DEFAULTS.x} and ${LOSS_SURFACE_DEFAULTS.y}.`);
    config.x = LOSS_SURFACE_DEFAULTS.x;
    config.y = LOSS_SURFACE_DEFAULTS.y;
  }
  return { config, notices };
}

export function serializeLossSurfaceConfig(config: LossSurfaceConfig): URLSearchParams {
  const params = new URLSearchParams();
  params.set('x', config.x);
  params.set('y', config.y);
  params.set('init', config.init);
  for (const key of NUMBER_KEYS) params.set(key, String(config[key]));
  params.set('slice', config.slice);
  for (const name of PARAMETER_NAMES) {
    const v = config.values[name];
    if (v !== undefined) params.set(name, String(v));
  }
  return params;
}

