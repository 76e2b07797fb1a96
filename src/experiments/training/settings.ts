// The training settings several widgets share: the learning rate η (with its own message for a
// negative rate), where the network starts (a preset and its seed, or exact values), the hidden
// width, the batch size and the rate changes a reader makes while training. Each is a field
// factory, so a widget can give its own default or range and still read, write and explain the
// setting the same way as the others; TRAINING_FIELDS holds them with the training console's
// defaults. The rules that tie them together (exact values must fit the width, the printed
// example exists only for H = 2, a batch cannot hold more samples than there are) come with them.
import { initParams, INIT_PRESETS, INIT_PRESET_NAMES, type InitPreset } from '../../trainer/init';
import { MAX_HIDDEN, parameterCount, type Parameters } from '../../trainer/parameters';
import { choiceField, customField, numberField, type ChoiceOption, type NumberField, type ReadResult } from '../settings/fields';
import { parseNumberInput, type NumberInputResult, type NumberInputRules } from '../settings/numberInput';
import type { SettingsRule } from '../settings/schema';
import { clipText } from '../settings/source';

/** The longest run a widget trains (the console's epoch limit; rate changes lie within it). */
export const MAX_TRAINING_EPOCHS = 1_000_000;
/** The widest network the trainer has (the seed sweep of lesson 15 opens its 16-unit runs in the console). */
export const MAX_HIDDEN_WIDTH = MAX_HIDDEN;
/** The learning-rate field's range; the slider is logarithmic over it. */
export const RATE_RULES: NumberInputRules = { min: 0.0001, max: 10_000, label: 'The learning rate η' };
/** Seeds are whole numbers up to nine digits (the "New seed" button wraps after the last). */
export const SEED_MAX = 999_999_999;

/**
 * A learning rate typed by a reader. Beyond the range check, a negative rate gets its own
 * explanation: it would step uphill.
 */
export function parseLearningRate(text: string | null | undefined, rules: NumberInputRules = RATE_RULES): NumberInputResult {
  const result = parseNumberInput(text, rules);
  if (!result.ok && /^\s*[-−]\s*(\d|\.\d)/.test(String(text ?? ''))) {
    const plain = parseNumberInput(String(text).replace('−', '-').replace(/^\s*-/, ''), { ...rules, min: 0, max: Number.MAX_VALUE });
    if (plain.ok) {
      const range = `${rules.min.toLocaleString('en-GB', { maximumFractionDigits: 6 })} to ${rules.max.toLocaleString('en-GB')}`;
      return { ok: false, message: `The learning rate η must be positive: a negative η would step uphill, making the loss grow. Type a number from ${range}.` };
    }
  }
  return result;
}

/** η: a logarithmic slider over RATE_RULES (or a narrower range), a negative value explained. */
export function learningRateField(spec: { default: number; label?: string; min?: number; max?: number; hint?: string }): NumberField {
  const rules: NumberInputRules = { ...RATE_RULES, min: spec.min ?? RATE_RULES.min, max: spec.max ?? RATE_RULES.max, label: spec.label ?? RATE_RULES.label };
  return { ...numberField({ ...rules, default: spec.default, log: true, hint: spec.hint }), read: (text) => parseLearningRate(text, rules) };
}

/** The starting presets by name, labelled as the trainer labels them. */
export function initOptions<P extends InitPreset = InitPreset>(names: readonly P[] = INIT_PRESET_NAMES as P[]): ChoiceOption<P>[] {
  return names.map((value) => ({ value, label: INIT_PRESETS[value].label }));
}

/** How the starting parameters are drawn (any preset, or the few a widget offers). */
export function initField<P extends InitPreset = InitPreset>(spec: { default: NoInfer<P>; options?: readonly ChoiceOption<P>[]; label?: string; hint?: string }) {
  return choiceField<P>({ label: spec.label ?? 'Starting values', default: spec.default, options: spec.options ?? initOptions<P>(), hint: spec.hint });
}

/** The seed the starting parameters (and the console's mini-batch shuffling) are drawn with. */
export const initSeedField = (defaultSeed = 1) => numberField({ label: 'Starting seed', min: 0, max: SEED_MAX, integer: true, default: defaultSeed });

/** Hidden units H (the course's network has 2). */
export const hiddenField = (spec: { default?: number; max?: number } = {}) =>
  numberField({ label: 'Hidden units H', min: 1, max: spec.max ?? MAX_HIDDEN_WIDTH, integer: true, default: spec.default ?? 2, hint: "the course's network has 2" });

/** "-0.5, 1, 2" → numbers (each finite and within ±1e6); "" or "none" → null (use the preset). */
export function parseStart(text: string): ReadResult<number[] | null> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return { ok: true, value: null };
  const values: number[] = [];
  for (const [i, piece] of trimmed.split(/[,\s]+/).entries()) {
    const r = parseNumberInput(piece, { min: -1e6, max: 1e6, label: `Starting value ${i + 1}` });
    if (!r.ok) return r;
    values.push(r.value);
  }
  return { ok: true, value: values };
}

/** Exact starting values (4H + 1 of them, layout order W…, B…); they replace the preset when given. */
export const startField = () =>
  customField<number[] | null>({
    label: 'Exact starting values',
    default: null,
    read: parseStart,
    write: (value) => (value === null ? '' : value.join(',')),
    show: (value) => (value === null ? 'none (the preset)' : value.join(', ')),
  });

/** From this epoch on, training uses this rate (a change made while training). */
export interface RateChange {
  epoch: number;
  rate: number;
}

/** "1200:0.5, 3000:0.1" → rate changes in epoch order, or a message naming the first bad one. */
export function parseRateChanges(text: string, maxEpochs = MAX_TRAINING_EPOCHS): ReadResult<RateChange[]> {
  const changes: RateChange[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: [] };
  for (const piece of trimmed.split(',')) {
    const [epochText, rateText, extra] = piece.split(':');
    if (rateText === undefined || extra !== undefined) {
      return { ok: false, message: `The rate change “${clipText(piece.trim())}” must be written epoch:rate, e.g. 1000:0.01.` };
    }
    const epoch = parseNumberInput(epochText, { min: 1, max: maxEpochs, integer: true, label: 'The epoch of a rate change' });
    if (!epoch.ok) return epoch;
    const rate = parseLearningRate(rateText);
    if (!rate.ok) return rate;
    changes.push({ epoch: epoch.value, rate: rate.value });
  }
  changes.sort((a, b) => a.epoch - b.epoch);
  // Two changes at one epoch: the later one in the text wins, as it would have while training.
  return { ok: true, value: changes.filter((c, i) => i === changes.length - 1 || changes[i + 1].epoch !== c.epoch) };
}

export function formatRateChanges(changes: readonly RateChange[]): string {
  return changes.map((c) => `${c.epoch}:${c.rate}`).join(',');
}

/** Rates set while training, in epoch order; replayed exactly when stepping back. */
export const rateChangesField = () =>
  customField<RateChange[]>({
    label: 'Rate changes',
    default: [],
    read: (text) => parseRateChanges(text),
    write: formatRateChanges,
    show: (value) => (value.length ? formatRateChanges(value) : 'none'),
  });

/** The rate in force during `epoch`. */
export function rateAt(config: { learningRate: number; rateChanges: readonly RateChange[] }, epoch: number): number {
  let rate = config.learningRate;
  for (const c of config.rateChanges) if (c.epoch <= epoch) rate = c.rate;
  return rate;
}

export type BatchSize = number | 'full';

export const BATCH_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'full', label: 'full batch (all N)' },
  { value: '100', label: '100 samples' },
  { value: '32', label: '32 samples' },
  { value: '10', label: '10 samples' },
  { value: '1', label: '1 sample' },
];

/** Samples per update: 'full' (or "all") is full-batch gradient descent, one update per epoch. */
export const batchSizeField = (defaultSize: BatchSize = 'full') =>
  customField<BatchSize>({
    label: 'Batch size',
    default: defaultSize,
    hint: 'samples per update',
    read: (text) => (/^\s*(full|all)\s*$/i.test(text) ? { ok: true, value: 'full' } : parseNumberInput(text, { min: 1, max: 10_000, integer: true, label: 'The batch size' })),
    write: (value) => String(value),
    show: (value) => (value === 'full' ? 'all samples' : String(value)),
  });

/** The training settings with the training console's defaults. */
export const TRAINING_FIELDS = {
  init: initField<InitPreset>({ default: 'he' }),
  initSeed: initSeedField(1),
  start: startField(),
  hidden: hiddenField(),
  learningRate: learningRateField({ default: 0.05 }),
  rateChanges: rateChangesField(),
  batchSize: batchSizeField('full'),
};

interface StartSettings {
  init: InitPreset;
  initSeed: number;
  start: number[] | null;
  hidden: number;
}

/** Exact starting values must be 4H + 1; the printed example exists only for H = 2. */
export function startRules<C extends StartSettings>(): SettingsRule<C>[] {
  return [
    {
      keys: ['start'],
      problem: (c) =>
        c.start && c.start.length !== parameterCount(c.hidden)
          ? `A network with ${c.hidden} hidden unit${c.hidden === 1 ? '' : 's'} has ${parameterCount(c.hidden)} parameters, but ${c.start.length} starting values were given.`
          : null,
      restored: () => 'the preset instead',
    },
    {
      keys: ['init'],
      problem: (c) => (!c.start && c.init === 'writeup-example' && c.hidden !== 2 ? "The write-up's printed example exists only for 2 hidden units." : null),
    },
  ];
}

/** A batch cannot hold more samples than the data has. */
export function batchRule<C extends { batchSize: BatchSize; n: number }>(): SettingsRule<C> {
  return {
    keys: ['batchSize'],
    problem: (c) => (c.batchSize !== 'full' && c.batchSize > c.n ? `A batch of ${c.batchSize} samples is more than the ${c.n} there are.` : null),
    restored: () => 'the full batch',
  };
}

/** The parameters at epoch 0: the exact values if given, else the preset drawn with its seed. */
export function startingValues(config: StartSettings): Parameters {
  return config.start ? Float64Array.from(config.start) : initParams({ preset: config.init, seed: config.initSeed, hidden: config.hidden });
}
