// The training console's settings and run state: one typed object, read from the component's
// data-* attributes (and, later, a shareable link's query string). It holds everything needed
// to rebuild the exact run a reader is looking at: data, start, width, batch size, the rate and
// every change made to it while training, and the epoch reached. Parsing never throws: anything
// unknown or garbled is ignored with a notice saying what is used instead.
import { INIT_PRESETS, INIT_PRESET_NAMES, type InitPreset } from '../../trainer/init';
import { parameterCount } from '../../trainer/parameters';
import { DATA_FIELDS } from '../../experiments/data/settings';
import { dataExplorerSettings, type DataExplorerConfig } from '../../experiments/data-explorer/settings';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';
import {
  BATCH_OPTIONS,
  formatRateChanges,
  MAX_HIDDEN_WIDTH,
  MAX_TRAINING_EPOCHS,
  parseLearningRate,
  parseRateChanges,
  parseStart,
  RATE_RULES,
  rateAt,
  type RateChange,
} from '../../experiments/training/settings';
import type { ScheduleSpec } from '../../trainer/schedule';
import {
  FLAVOUR_OPTIONS,
  MODE_OPTIONS,
  parseFactor,
  parseFlavour,
  parseMode,
  plateauCrossFieldProblems,
  PLATEAU_DEFAULTS,
  PLATEAU_RULES,
  type PlateauConfig,
} from '../plateau/config';

/**
 * The parts of the console a page may show; the run buttons and the rate are always there.
 * `settings` are the usual controls (start, width, batch, samples, scaling, data seed); `data`
 * adds the input ranges and the noise, `schedule` the learning-rate schedule, `start` a field
 * for exact starting values (the playground shows them all).
 */
export const PANELS = ['loss', 'parameters', 'fit', 'parity', 'settings', 'data', 'schedule', 'start'] as const;
export type Panel = (typeof PANELS)[number];

export type YScale = 'log' | 'linear';

/** How η moves on its own: not at all, or cut by reduce-on-plateau (trainer/schedule.ts). */
export type ScheduleKind = 'constant' | 'plateau';

/** The data settings are the data explorer's (same names and rules), its `seed` called `dataSeed`. */
export interface TrainingConsoleConfig extends Omit<DataExplorerConfig, 'seed'>, Pick<PlateauConfig, PlateauOption> {
  dataSeed: number;
  /** How the starting parameters are drawn, and the seed they are drawn with. */
  init: InitPreset;
  initSeed: number;
  /** Exact starting values (4H + 1 of them, layout order W…, B…); replaces `init` when given. */
  start: number[] | null;
  /** Hidden units H (the course's network has 2). */
  hidden: number;
  /** η at epoch 0. */
  learningRate: number;
  /** Rates set while training, in epoch order; replayed exactly when stepping back. */
  rateChanges: RateChange[];
  /** The schedule η follows between the reader's own changes; the plateau options (as the plateau widget's) apply to 'plateau'. */
  schedule: ScheduleKind;
  /** Samples per update: 'full' is full-batch gradient descent (one update per epoch). */
  batchSize: number | 'full';
  /** The epoch the run has reached (the server draws this state; a link restores it). */
  epoch: number;
  /** Play pauses here. */
  maxEpochs: number;
  /** At most this many epochs per animation frame (a time budget applies as well). */
  speed: number;
  yScale: YScale;
  panels: Panel[];
}

type DataKey = 'n' | 'x1Low' | 'x1High' | 'x2Low' | 'x2High' | 'noiseLow' | 'noiseHigh';
/** Reduce-on-plateau's options, named and meant as in the plateau widget (and PyTorch / Keras). */
type PlateauOption = 'factor' | 'patience' | 'threshold' | 'thresholdMode' | 'cooldown' | 'minLr' | 'flavour';
type PlateauKey = Exclude<PlateauOption, 'thresholdMode' | 'flavour'>;
type NumberKey = DataKey | PlateauKey | 'dataSeed' | 'initSeed' | 'hidden' | 'learningRate' | 'epoch' | 'maxEpochs' | 'speed';

export const MAX_CONSOLE_EPOCHS = MAX_TRAINING_EPOCHS;
export const MAX_CONSOLE_HIDDEN = MAX_HIDDEN_WIDTH;
export { RATE_RULES, parseLearningRate, parseRateChanges, formatRateChanges, parseStart, rateAt, BATCH_OPTIONS, type RateChange };

/** What each number may be; the labels are the controls' labels and appear in messages. */
export const TRAINING_CONSOLE_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  n: DATA_FIELDS.n,
  x1Low: DATA_FIELDS.x1Low,
  x1High: DATA_FIELDS.x1High,
  x2Low: DATA_FIELDS.x2Low,
  x2High: DATA_FIELDS.x2High,
  noiseLow: DATA_FIELDS.noiseLow,
  noiseHigh: DATA_FIELDS.noiseHigh,
  dataSeed: dataExplorerSettings.fields.seed,
  initSeed: { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' },
  hidden: { min: 1, max: MAX_CONSOLE_HIDDEN, integer: true, label: 'Hidden units' },
  learningRate: RATE_RULES,
  factor: PLATEAU_RULES.factor,
  patience: PLATEAU_RULES.patience,
  threshold: PLATEAU_RULES.threshold,
  cooldown: PLATEAU_RULES.cooldown,
  minLr: PLATEAU_RULES.minLr,
  epoch: { min: 0, max: MAX_CONSOLE_EPOCHS, integer: true, label: 'The epoch reached' },
  maxEpochs: { min: 1, max: MAX_CONSOLE_EPOCHS, integer: true, label: 'The epoch limit' },
  speed: { min: 1, max: 100_000, integer: true, label: 'Epochs per frame' },
};

export const TRAINING_CONSOLE_DEFAULTS: Readonly<TrainingConsoleConfig> = {
  n: dataExplorerSettings.defaults.n,
  x1Low: dataExplorerSettings.defaults.x1Low,
  x1High: dataExplorerSettings.defaults.x1High,
  x2Low: dataExplorerSettings.defaults.x2Low,
  x2High: dataExplorerSettings.defaults.x2High,
  noiseLow: dataExplorerSettings.defaults.noiseLow,
  noiseHigh: dataExplorerSettings.defaults.noiseHigh,
  scaling: dataExplorerSettings.defaults.scaling,
  dataSeed: dataExplorerSettings.defaults.seed,
  init: 'he',
  initSeed: 1,
  start: null,
  hidden: 2,
  learningRate: 0.05,
  rateChanges: [],
  // The plateau options start as lesson 10's (the plateau widget's), not the libraries' own
  // (factor 0.1, patience 10): those suit epochs of mini-batches, not one step per epoch.
  schedule: 'constant',
  factor: PLATEAU_DEFAULTS.factor,
  patience: PLATEAU_DEFAULTS.patience,
  threshold: PLATEAU_DEFAULTS.threshold,
  thresholdMode: PLATEAU_DEFAULTS.thresholdMode,
  cooldown: PLATEAU_DEFAULTS.cooldown,
  minLr: PLATEAU_DEFAULTS.minLr,
  flavour: PLATEAU_DEFAULTS.flavour,
  batchSize: 'full',
  epoch: 200,
  maxEpochs: 200_000,
  speed: 10,
  yScale: 'log',
  panels: ['loss', 'parameters', 'fit', 'settings'],
};

const NUMBER_KEYS = Object.keys(TRAINING_CONSOLE_RULES) as NumberKey[];
/** Every key, in the order a link lists them. */
export const TRAINING_CONSOLE_KEYS: readonly (keyof TrainingConsoleConfig)[] = [
  'n', 'x1Low', 'x1High', 'x2Low', 'x2High', 'noiseLow', 'noiseHigh', 'scaling', 'dataSeed',
  'init', 'initSeed', 'start', 'hidden', 'learningRate', 'rateChanges',
  'schedule', 'factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'flavour', 'batchSize',
  'epoch', 'maxEpochs', 'speed', 'yScale', 'panels',
];

export const SPEED_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '1', label: '1' },
  { value: '10', label: '10' },
  { value: '100', label: '100' },
  { value: '1000', label: '1,000' },
  { value: '100000', label: 'as many as fit' },
];

export const SCHEDULE_OPTIONS: readonly { value: ScheduleKind; label: string }[] = [
  { value: 'constant', label: 'constant' },
  { value: 'plateau', label: 'reduce on plateau' },
];

export { FLAVOUR_OPTIONS, MODE_OPTIONS };

export const INIT_OPTIONS: readonly { value: string; label: string }[] = INIT_PRESET_NAMES.map((name) => ({
  value: name,
  label: INIT_PRESETS[name].label,
}));

/** "plateau", "reduce-on-plateau", "ReduceLROnPlateau" → 'plateau'; "constant", "fixed", "none" → 'constant'; else null. */
export function parseScheduleKind(text: string): ScheduleKind | null {
  const t = text.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (['constant', 'fixed', 'none'].includes(t)) return 'constant';
  if (['plateau', 'reduceonplateau', 'reducelronplateau'].includes(t)) return 'plateau';
  return oneOf(text, SCHEDULE_OPTIONS);
}

/** The schedule a config asks for, as the trainer's plain data (makeSchedule turns it into one). */
export function scheduleSpec(config: TrainingConsoleConfig): ScheduleSpec {
  if (config.schedule !== 'plateau') return { kind: 'constant' };
  const { factor, patience, threshold, thresholdMode, cooldown, minLr, flavour } = config;
  return { kind: 'plateau', factor, patience, threshold, thresholdMode, cooldown, minLr, flavour };
}

export function parsePanels(text: string): { ok: true; value: Panel[] } | { ok: false; message: string } {
  const names = text.split(/[,\s]+/).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !(PANELS as readonly string[]).includes(n));
  if (unknown.length) return { ok: false, message: `Unknown panel “${clipText(unknown[0])}”: use ${PANELS.join(', ')}.` };
  // Keep the console's own order, whatever order the list was written in.
  return { ok: true, value: PANELS.filter((p) => names.includes(p)) };
}

/** Problems that involve more than one field, each with the keys to fall back on. */
export function consoleCrossFieldProblems(config: TrainingConsoleConfig): { keys: (keyof TrainingConsoleConfig)[]; message: string }[] {
  const problems: { keys: (keyof TrainingConsoleConfig)[]; message: string }[] = dataExplorerSettings.problems(asDataConfig(config)).map((p) => ({
    keys: p.keys.map((k) => (k === 'seed' ? 'dataSeed' : k)),
    message: p.message,
  }));
  if (config.start && config.start.length !== parameterCount(config.hidden)) {
    problems.push({
      keys: ['start'],
      message: `A network with ${config.hidden} hidden unit${config.hidden === 1 ? '' : 's'} has ${parameterCount(config.hidden)} parameters, but ${config.start.length} starting values were given.`,
    });
  }
  if (!config.start && config.init === 'writeup-example' && config.hidden !== 2) {
    problems.push({ keys: ['init'], message: "The write-up's printed example exists only for 2 hidden units." });
  }
  if (config.batchSize !== 'full' && config.batchSize > config.n) {
    problems.push({ keys: ['batchSize'], message: `A batch of ${config.batchSize} samples is more than the ${config.n} there are.` });
  }
  if (config.epoch > config.maxEpochs) {
    problems.push({ keys: ['epoch'], message: `The epoch reached (${config.epoch}) is past the epoch limit (${config.maxEpochs}).` });
  }
  for (const problem of plateauCrossFieldProblems({ ...PLATEAU_DEFAULTS, threshold: config.threshold, thresholdMode: config.thresholdMode, flavour: config.flavour })) {
    problems.push({ keys: problem.keys.filter((k): k is 'threshold' | 'thresholdMode' => k === 'threshold' || k === 'thresholdMode'), message: problem.message });
  }
  const late = config.rateChanges.find((c) => c.epoch > config.maxEpochs);
  if (late) problems.push({ keys: ['rateChanges'], message: `A rate change at epoch ${late.epoch} is past the epoch limit (${config.maxEpochs}).` });
  return problems;
}

/** The data part of the config in the data explorer's terms (same rules, same data). */
export function asDataConfig(config: TrainingConsoleConfig): DataExplorerConfig {
  const { n, x1Low, x1High, x2Low, x2High, noiseLow, noiseHigh, scaling, dataSeed } = config;
  return { n, x1Low, x1High, x2Low, x2High, noiseLow, noiseHigh, scaling, seed: dataSeed };
}

export function parseTrainingConsoleConfig(source: ConfigSource): { config: TrainingConsoleConfig; notices: string[] } {
  const defaults = TRAINING_CONSOLE_DEFAULTS;
  const config: TrainingConsoleConfig = { ...defaults, rateChanges: [], panels: [...defaults.panels] };
  const notices: string[] = [];
  let rateText: string | null = null;
  for (const [key, text] of configEntries(source)) {
    switch (key) {
      case 'scaling': {
        const scaling = DATA_FIELDS.scaling.read(text);
        if (scaling.ok) config.scaling = scaling.value;
        else notices.push(`Ignored scaling “${clipText(text)}”: use z-score, min-max or none. Using ${config.scaling}.`);
        continue;
      }
      case 'init': {
        const preset = text.trim() as InitPreset;
        if (INIT_PRESET_NAMES.includes(preset)) config.init = preset;
        else notices.push(`Ignored the starting preset “${clipText(text)}”: use one of ${INIT_PRESET_NAMES.join(', ')}. Using ${config.init}.`);
        continue;
      }
      case 'start': {
        const r = parseStart(text);
        if (r.ok) config.start = r.value;
        else notices.push(`${r.message} Using the ${config.init} preset instead.`);
        continue;
      }
      case 'rateChanges':
        rateText = text; // checked once the epoch limit is known
        continue;
      case 'schedule': {
        const kind = parseScheduleKind(text);
        if (kind) config.schedule = kind;
        else notices.push(`Ignored the schedule “${clipText(text)}”: use constant or plateau. Using ${config.schedule}.`);
        continue;
      }
      case 'thresholdMode': {
        const mode = parseMode(text);
        if (mode) config.thresholdMode = mode;
        else notices.push(`Ignored the threshold mode “${clipText(text)}”: use rel or abs. Using ${config.thresholdMode}.`);
        continue;
      }
      case 'flavour': {
        const flavour = parseFlavour(text);
        if (flavour) config.flavour = flavour;
        else notices.push(`Ignored the flavour “${clipText(text)}”: use pytorch or keras. Using ${config.flavour}.`);
        continue;
      }
      case 'batchSize': {
        if (/^\s*(full|all)\s*$/i.test(text)) {
          config.batchSize = 'full';
          continue;
        }
        const r = parseNumberInput(text, { min: 1, max: DATA_FIELDS.n.max, integer: true, label: 'The batch size' });
        if (r.ok) config.batchSize = r.value;
        else notices.push(`${r.message} Using the full batch.`);
        continue;
      }
      case 'yScale': {
        const t = text.trim().toLowerCase();
        if (t === 'log' || t === 'linear') config.yScale = t;
        else notices.push(`Ignored the loss axis “${clipText(text)}”: use log or linear. Using ${config.yScale}.`);
        continue;
      }
      case 'panels': {
        const r = parsePanels(text);
        if (r.ok) config.panels = r.value;
        else notices.push(`${r.message} Showing ${config.panels.join(', ')}.`);
        continue;
      }
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = k === 'learningRate' ? parseLearningRate(text) : k === 'factor' ? parseFactor(text) : parseNumberInput(text, TRAINING_CONSOLE_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${defaults[k]}.`);
  }
  if (rateText !== null) {
    const r = parseRateChanges(rateText, config.maxEpochs);
    if (r.ok) config.rateChanges = r.value;
    else notices.push(`${r.message} Ignoring the rate changes.`);
  }
  for (const problem of consoleCrossFieldProblems(config)) {
    // Keras with a relative threshold falls back to Keras's own comparison, not to the default 'rel'.
    const keras = problem.keys.includes('thresholdMode');
    for (const key of problem.keys) (config as unknown as Record<string, unknown>)[key] = keras && key === 'thresholdMode' ? 'abs' : structuredClone(defaults[key]);
    // The default epoch may itself be past a low limit: then start at the limit.
    config.epoch = Math.min(config.epoch, config.maxEpochs);
    notices.push(`${problem.message} ${keras ? 'Using the absolute mode.' : 'Using the default instead.'}`);
  }
  return { config, notices };
}

/** One value as its text in a link or data-* attribute. */
export function serializeValue<K extends keyof TrainingConsoleConfig>(key: K, value: TrainingConsoleConfig[K]): string {
  if (key === 'rateChanges') return formatRateChanges(value as RateChange[]);
  if (key === 'start') return value === null ? '' : (value as number[]).join(',');
  if (key === 'panels') return (value as Panel[]).join(',');
  return String(value);
}

export function serializeTrainingConsoleConfig(config: TrainingConsoleConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TRAINING_CONSOLE_KEYS) params.set(key, serializeValue(key, config[key]));
  return params;
}

const SETTING_NAMES: Partial<Record<keyof TrainingConsoleConfig, string>> = {
  n: 'samples', x1Low: 'lowest x1', x1High: 'highest x1', x2Low: 'lowest x2', x2High: 'highest x2',
  noiseLow: 'lowest noise', noiseHigh: 'highest noise', scaling: 'scaling', dataSeed: 'data seed',
  init: 'starting values', initSeed: 'starting seed', start: 'exact starting values', hidden: 'hidden units', batchSize: 'batch size',
  schedule: 'schedule', factor: 'factor', patience: 'patience', threshold: 'threshold', thresholdMode: 'threshold mode',
  cooldown: 'cooldown', minLr: 'min_lr', flavour: 'flavour',
};

/** "Batch size: 32; hidden units: 1": the settings that differ between two configs, in words. */
export function describeChanges(before: TrainingConsoleConfig, after: TrainingConsoleConfig): string {
  const parts: string[] = [];
  for (const [key, name] of Object.entries(SETTING_NAMES) as [keyof TrainingConsoleConfig, string][]) {
    if (serializeValue(key, before[key]) === serializeValue(key, after[key])) continue;
    const value =
      key === 'init'
        ? INIT_PRESETS[after.init].label
        : key === 'batchSize' && after.batchSize === 'full'
          ? 'all samples'
          : key === 'start' && after.start === null
            ? 'none (the preset)'
            : key === 'schedule'
              ? SCHEDULE_OPTIONS.find((o) => o.value === after.schedule)!.label
              : serializeValue(key, after[key]);
    parts.push(`${name}: ${value}`);
  }
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
