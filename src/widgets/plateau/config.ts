// The plateau widget's settings: one start, trained twice — at a fixed rate and with
// reduce-on-plateau from the same rate — plus the size of the paired comparison over many
// seeds. The schedule's settings keep the names and meaning they have in PyTorch and Keras.
// Parsing never throws: anything unknown or garbled is ignored with a notice saying what is
// used instead.
import type { InitPreset } from '../../trainer/init';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputResult, type NumberInputRules } from '../../experiments/settings/numberInput';

import { describeSchedule, FLAVOUR_OPTIONS, MODE_OPTIONS, parseFactor, plateauOptions, plateauSpec, type Flavour, type ThresholdMode } from '../../experiments/plateau/settings';

export { describeSchedule, FLAVOUR_OPTIONS, MODE_OPTIONS, parseFactor, plateauOptions, plateauSpec, type Flavour, type ThresholdMode };
/** The starts this widget offers: the write-up's random scheme and He's, the one recommended for ReLU networks. */
export type PlateauStart = Extract<InitPreset, 'writeup' | 'he'>;

/** Reduce-on-plateau's settings, with PyTorch's and Keras's names and meaning (for any widget that offers the schedule). */
export interface PlateauSettings {
  /** new rate = old rate · factor. */
  factor: number;
  /** Bad epochs tolerated before a cut. */
  patience: number;
  /** How much better a loss must be to count (PyTorch threshold, Keras min_delta). */
  threshold: number;
  thresholdMode: ThresholdMode;
  /** Epochs after a cut in which bad epochs are not counted. */
  cooldown: number;
  /** The rate is never cut below this (min_lr). */
  minLr: number;
  /** Whose counting: PyTorch cuts when bad epochs exceed patience, Keras when they reach it. */
  flavour: Flavour;
}

export interface PlateauConfig extends PlateauSettings {
  /** How the starting parameters are drawn, and with which seed (both runs start there). */
  init: PlateauStart;
  initSeed: number;
  /** η at epoch 0, for both runs; the fixed run keeps it. */
  learningRate: number;
  /** How long both runs train. */
  epochs: number;
  /** The paired comparison trains seeds 1…seeds both ways. */
  seeds: number;
}

type NumberKey = 'initSeed' | 'learningRate' | 'epochs' | 'factor' | 'patience' | 'threshold' | 'cooldown' | 'minLr' | 'seeds';

export const PLATEAU_DEFAULTS: Readonly<PlateauConfig> = {
  init: 'he',
  initSeed: 2,
  learningRate: 0.1,
  epochs: 5_000,
  factor: 0.5,
  patience: 200,
  threshold: 1e-4,
  thresholdMode: 'rel',
  cooldown: 0,
  minLr: 0,
  flavour: 'pytorch',
  seeds: 30,
};

export const MAX_PLATEAU_EPOCHS = 100_000;
export const MAX_SEEDS = 200;

/** What each number may be; the labels are the controls' labels and appear in messages. */
export const PLATEAU_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  initSeed: { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' },
  learningRate: { min: 0.0001, max: 10, label: 'The starting rate η₀' },
  epochs: { min: 10, max: MAX_PLATEAU_EPOCHS, integer: true, label: 'Epochs' },
  factor: { min: 0, max: 1, label: 'The factor' },
  patience: { min: 0, max: MAX_PLATEAU_EPOCHS, integer: true, label: 'Patience' },
  threshold: { min: 0, max: 1_000, label: 'The threshold' },
  cooldown: { min: 0, max: MAX_PLATEAU_EPOCHS, integer: true, label: 'Cooldown' },
  minLr: { min: 0, max: 10, label: 'min_lr' },
  seeds: { min: 2, max: MAX_SEEDS, integer: true, label: 'Seeds in the comparison' },
};

export const START_OPTIONS: readonly { value: PlateauStart; label: string }[] = [
  { value: 'he', label: 'He (recommended for ReLU)' },
  { value: 'writeup', label: "Write-up's random scheme" },
];


export const EPOCH_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '2000', label: '2,000' },
  { value: '5000', label: '5,000' },
  { value: '10000', label: '10,000' },
  { value: '30000', label: '30,000' },
];

const NUMBER_KEYS = Object.keys(PLATEAU_RULES) as NumberKey[];
/** Every key, in the order a link lists them. */
export const PLATEAU_KEYS: readonly (keyof PlateauConfig)[] = [
  'init', 'initSeed', 'learningRate', 'epochs', 'factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'flavour', 'seeds',
];

/** Checks one typed value by its rules (the factor by its own). */
export function parseSetting(key: NumberKey, text: string | null | undefined): NumberInputResult {
  return key === 'factor' ? parseFactor(text) : parseNumberInput(text, PLATEAU_RULES[key]);
}

/** "PyTorch", "torch", "Keras", "tf.keras" → a flavour; anything else → null. */
export function parseFlavour(text: string): Flavour | null {
  const t = text.trim().toLowerCase().replace(/^tf\.|\s+/g, '');
  if (t === 'pytorch' || t === 'torch') return 'pytorch';
  if (t === 'keras') return 'keras';
  return null;
}

export function parseMode(text: string): ThresholdMode | null {
  const t = text.trim().toLowerCase();
  if (t === 'rel' || t === 'relative') return 'rel';
  if (t === 'abs' || t === 'absolute') return 'abs';
  return null;
}

/** Problems that involve more than one field, each with the keys to fall back on. */
export function plateauCrossFieldProblems(config: PlateauSettings): { keys: (keyof PlateauSettings)[]; message: string }[] {
  const problems: { keys: (keyof PlateauSettings)[]; message: string }[] = [];
  if (config.flavour === 'keras' && config.thresholdMode === 'rel') {
    problems.push({ keys: ['thresholdMode'], message: 'Keras compares losses only absolutely (its min_delta is subtracted from the best loss), so the relative mode is a PyTorch setting.' });
  }
  if (config.thresholdMode === 'rel' && config.threshold >= 1) {
    problems.push({ keys: ['threshold'], message: 'A relative threshold of 1 or more would mean no loss ever counts as better (it would have to be below 0).' });
  }
  return problems;
}

export function parsePlateauConfig(source: ConfigSource): { config: PlateauConfig; notices: string[] } {
  const defaults = PLATEAU_DEFAULTS;
  const config: PlateauConfig = { ...defaults };
  const notices: string[] = [];
  let modeGiven = false;
  for (const [key, text] of configEntries(source)) {
    switch (key) {
      case 'init': {
        const start = oneOf(text, START_OPTIONS);
        if (start) config.init = start;
        else notices.push(`Ignored the start “${clipText(text)}”: use he or writeup. Using ${config.init}.`);
        continue;
      }
      case 'flavour': {
        const flavour = parseFlavour(text);
        if (flavour) config.flavour = flavour;
        else notices.push(`Ignored the flavour “${clipText(text)}”: use pytorch or keras. Using ${config.flavour}.`);
        continue;
      }
      case 'thresholdMode': {
        const mode = parseMode(text);
        modeGiven = mode !== null;
        if (mode) config.thresholdMode = mode;
        else notices.push(`Ignored the threshold mode “${clipText(text)}”: use rel or abs. Using ${config.thresholdMode}.`);
        continue;
      }
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = parseSetting(k, text);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${defaults[k]}.`);
  }
  // Keras without a mode means Keras's own test: absolute.
  if (config.flavour === 'keras' && !modeGiven) config.thresholdMode = 'abs';
  for (const problem of plateauCrossFieldProblems(config)) {
    const fallback = problem.keys.map((key) => {
      // Keras with a relative mode falls back to Keras's own (absolute) comparison.
      const value = key === 'thresholdMode' ? 'abs' : defaults[key];
      (config as unknown as Record<string, unknown>)[key] = value;
      return `${key} = ${value}`;
    });
    notices.push(`${problem.message} Using ${fallback.join(', ')}.`);
  }
  return { config, notices };
}

export function serializePlateauConfig(config: PlateauConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of PLATEAU_KEYS) params.set(key, String(config[key]));
  return params;
}
