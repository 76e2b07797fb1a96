// The training console's settings: everything needed to rebuild the exact run a reader is
// looking at — the data (experiments/data), the start, width, batch size and rate with every
// change made to it while training (experiments/training), the schedule (experiments/plateau),
// the epoch reached — and how the console shows it. Key order is the order links write them.
import { DATA_FIELDS, dataRules, dataSeedField, datasetOptions } from '../data/settings';
import { PLATEAU_FIELDS, plateauRules, plateauSpec } from '../plateau/settings';
import { choiceField, customField, numberField, type ReadResult } from '../settings/fields';
import { defineSettings, type ConfigOf, type SettingsRule } from '../settings/schema';
import { clipText } from '../settings/source';
import { batchRule, MAX_TRAINING_EPOCHS, startRules, TRAINING_FIELDS } from '../training/settings';
import type { DatasetOptions } from '../../trainer/data';
import type { ScheduleSpec } from '../../trainer/schedule';

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

export const MAX_CONSOLE_EPOCHS = MAX_TRAINING_EPOCHS;

export const SPEED_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '1', label: '1' },
  { value: '10', label: '10' },
  { value: '100', label: '100' },
  { value: '1000', label: '1,000' },
  { value: '100000', label: 'as many as fit' },
];

export const SCHEDULE_OPTIONS = [
  { value: 'constant', label: 'constant' },
  { value: 'plateau', label: 'reduce on plateau' },
] as const satisfies readonly { value: ScheduleKind; label: string }[];

/** "reduce-on-plateau", "ReduceLROnPlateau" name the plateau schedule; "fixed", "none" the constant one. */
function scheduleName(text: string): string {
  const t = text.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (['fixed', 'none'].includes(t)) return 'constant';
  return ['reduceonplateau', 'reducelronplateau'].includes(t) ? 'plateau' : t;
}

/** "fit, loss" → the panels in the console's own order, whatever order the list was written in. */
export function parsePanels(text: string): ReadResult<Panel[]> {
  const names = text.split(/[,\s]+/).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !(PANELS as readonly string[]).includes(n));
  if (unknown.length) return { ok: false, message: `Unknown panel “${clipText(unknown[0])}”: use ${PANELS.join(', ')}.` };
  return { ok: true, value: PANELS.filter((p) => names.includes(p)) };
}

/** A field with a short name for links (issue 18: a shared console link fits in a chat message). */
const short = <F extends object>(field: F, name: string): F => ({ ...field, short: name });

const fields = {
  ...DATA_FIELDS,
  scaling: short(DATA_FIELDS.scaling, 'sc'),
  dataSeed: short(dataSeedField(), 'ds'),
  init: short(TRAINING_FIELDS.init, 'in'),
  initSeed: short(TRAINING_FIELDS.initSeed, 'is'),
  start: short(TRAINING_FIELDS.start, 's'),
  hidden: short(TRAINING_FIELDS.hidden, 'h'),
  learningRate: short(TRAINING_FIELDS.learningRate, 'lr'),
  rateChanges: short(TRAINING_FIELDS.rateChanges, 'rc'),
  schedule: choiceField<ScheduleKind>({ label: 'Schedule', options: SCHEDULE_OPTIONS, default: 'constant', hint: 'η between your own changes', normalise: scheduleName, short: 'sch' }),
  ...PLATEAU_FIELDS,
  batchSize: short(TRAINING_FIELDS.batchSize, 'bs'),
  /** The epoch the run has reached (the server draws this state; a link restores it). */
  epoch: numberField({ label: 'The epoch reached', min: 0, max: MAX_CONSOLE_EPOCHS, integer: true, default: 200, short: 'e' }),
  /** Play pauses here. */
  maxEpochs: numberField({ label: 'The epoch limit', min: 1, max: MAX_CONSOLE_EPOCHS, integer: true, default: 200_000, short: 'me' }),
  /** At most this many epochs per animation frame (a time budget applies as well). */
  speed: numberField({ label: 'Epochs per frame', min: 1, max: 100_000, integer: true, default: 10, short: 'sp' }),
  yScale: choiceField<YScale>({ label: 'The loss axis', options: [{ value: 'log', label: 'log' }, { value: 'linear', label: 'linear' }], default: 'log', short: 'ys' }),
  panels: customField<Panel[]>({ label: 'Panels', default: ['loss', 'parameters', 'fit', 'settings'], read: parsePanels, write: (value) => value.join(','), short: 'p' }),
};

export type TrainingConsoleConfig = ConfigOf<typeof fields>;

type C = TrainingConsoleConfig;

/** The run must not be past its own limit, nor a rate change after it. */
const limitRules: SettingsRule<C>[] = [
  {
    keys: ['epoch'],
    problem: (c) => (c.epoch > c.maxEpochs ? `The epoch reached (${c.epoch}) is past the epoch limit (${c.maxEpochs}).` : null),
    repair: (c) => ({ epoch: c.maxEpochs }),
    restored: (c) => `epoch ${c.epoch}`,
  },
  {
    keys: ['rateChanges'],
    problem: (c) => {
      const late = c.rateChanges.find((change) => change.epoch > c.maxEpochs);
      return late ? `A rate change at epoch ${late.epoch} is past the epoch limit (${c.maxEpochs}).` : null;
    },
    restored: () => 'no rate changes',
  },
];

export const trainingConsoleSettings = defineSettings(fields, [...dataRules<C>(), ...startRules<C>(), batchRule<C>(), ...plateauRules<C>(), ...limitRules]);

/** The trainer's data options for a console config. */
export function consoleDataOptions(config: C): DatasetOptions {
  return datasetOptions(config, config.dataSeed);
}

/** The schedule a config asks for, as the trainer's plain data (makeSchedule turns it into one). */
export function scheduleSpec(config: C): ScheduleSpec {
  return config.schedule === 'plateau' ? plateauSpec(config) : { kind: 'constant' };
}

/** The settings that make a different run (restarting it at epoch 0), by the name a sentence gives them. */
const SETUP_NAMES: Partial<Record<keyof C, string>> = {
  n: 'samples', x1Low: 'lowest x1', x1High: 'highest x1', x2Low: 'lowest x2', x2High: 'highest x2',
  noiseLow: 'lowest noise', noiseHigh: 'highest noise', scaling: 'scaling', dataSeed: 'data seed',
  init: 'starting values', initSeed: 'starting seed', start: 'exact starting values', hidden: 'hidden units', batchSize: 'batch size',
  schedule: 'schedule', factor: 'factor', patience: 'patience', threshold: 'threshold', thresholdMode: 'threshold mode',
  cooldown: 'cooldown', minLr: 'min_lr', flavour: 'flavour',
};
export const SETUP_KEYS = Object.keys(SETUP_NAMES) as (keyof C & string)[];

/** The setup settings that differ between two configs. */
export function changedSetup(before: C, after: C): (keyof C & string)[] {
  const written = (config: C, key: keyof C & string) => trainingConsoleSettings.fields[key].write(config[key] as never);
  return SETUP_KEYS.filter((key) => written(before, key) !== written(after, key));
}

/** "Batch size: 32; hidden units: 1": the setup settings that differ between two configs, in words. */
export function describeChanges(before: C, after: C): string {
  const text = changedSetup(before, after)
    .map((key) => `${SETUP_NAMES[key]}: ${trainingConsoleSettings.fields[key].show(after[key] as never)}`)
    .join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
