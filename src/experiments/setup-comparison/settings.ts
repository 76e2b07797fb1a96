// The setup comparison's settings (lesson 14): two training setups, A and B, that differ in the
// data (input ranges, scaling, number of samples) and in how the loss is turned into steps (mean
// or summed loss, batch size), trained from the same start with the same learning rate for the
// same epochs. Links keep each setup's settings under flat keys with the setup's letter
// (rangeA, nB, …), in this order: init, initSeed, learningRate, epochs, xAxis, then A's, then B's.
import type { LossForm } from '../../trainer/train';
import { SCALING_OPTIONS } from '../data/settings';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf, type SettingsRule } from '../settings/schema';
import { batchSizeField, initField, initSeedField, learningRateField, type BatchSize } from '../training/settings';

export type RangeChoice = 'original' | 'wide';
export type ComparisonScaling = 'zscore' | 'minmax' | 'none';
export type ComparisonStart = 'he' | 'writeup' | 'writeup-example';
export type XAxis = 'epochs' | 'updates';
export type { BatchSize };

/** The write-up's original input ranges, and the wider ones it tried (ten times each). */
export const RANGES: Readonly<Record<RangeChoice, { x1: [number, number]; x2: [number, number]; label: string }>> = {
  original: { x1: [-5, 5], x2: [-10, 10], label: 'original: x1 in [−5, 5], x2 in [−10, 10]' },
  wide: { x1: [-50, 50], x2: [-100, 100], label: 'wide: x1 in [−50, 50], x2 in [−100, 100]' },
};

/** One setup's own settings. */
export interface Setup {
  range: RangeChoice;
  scaling: ComparisonScaling;
  /** Number of samples N. */
  n: number;
  lossForm: LossForm;
  /** Samples per update; 'full' is one update per epoch, and so is any batch of N or more. */
  batchSize: BatchSize;
}

export const SETUPS = ['a', 'b'] as const;
export type SetupName = (typeof SETUPS)[number];
const LETTER: Record<SetupName, 'A' | 'B'> = { a: 'A', b: 'B' };
const SETUP_KEYS = ['range', 'scaling', 'n', 'lossForm', 'batchSize'] as const;
type SetupKey = (typeof SETUP_KEYS)[number];

/** At most this many sample-passes (epochs × N) per setup: a few hundred milliseconds. */
export const MAX_WORK = 20_000_000;

export const RANGE_OPTIONS = [
  { value: 'original', label: 'original (x1 ±5, x2 ±10)' },
  { value: 'wide', label: 'wide (x1 ±50, x2 ±100)' },
] as const satisfies readonly { value: RangeChoice; label: string }[];
export const LOSS_OPTIONS = [
  { value: 'mean', label: 'mean: (1/N)·Σe²' },
  { value: 'sum', label: 'sum: Σe²' },
] as const satisfies readonly { value: LossForm; label: string }[];
export const BATCH_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'full', label: 'full batch' },
  { value: '100', label: '100 samples' },
  { value: '32', label: '32 samples' },
  { value: '10', label: '10 samples' },
  { value: '1', label: '1 sample' },
];
export const START_OPTIONS = [
  { value: 'he', label: 'He start' },
  { value: 'writeup', label: 'Write-up’s random scheme' },
  { value: 'writeup-example', label: 'Write-up’s example' },
] as const satisfies readonly { value: ComparisonStart; label: string }[];
export const AXIS_OPTIONS = [
  { value: 'epochs', label: 'epochs' },
  { value: 'updates', label: 'updates (steps)' },
] as const satisfies readonly { value: XAxis; label: string }[];

const squeeze = (text: string) => text.replace(/[\s_–-]/g, '');

/** One setup's fields; the page names them with the setup's letter (rangeA, nB, …). */
function setupFields(letter: 'A' | 'B', range: RangeChoice) {
  return {
    range: choiceField<RangeChoice>({ label: 'Input ranges', options: RANGE_OPTIONS, default: range }),
    scaling: choiceField<ComparisonScaling>({ label: 'Scaling', options: SCALING_OPTIONS, default: 'zscore', normalise: squeeze }),
    n: numberField({ label: `Samples N (${letter})`, min: 1, max: 10_000, integer: true, default: 300, log: true }),
    lossForm: choiceField<LossForm>({ label: 'Loss', options: LOSS_OPTIONS, default: 'mean' }),
    batchSize: { ...batchSizeField('full'), label: 'Samples per update', hint: undefined },
  };
}
const A = setupFields('A', 'original');
const B = setupFields('B', 'wide');

const fields = {
  init: initField<ComparisonStart>({ default: 'he', options: START_OPTIONS }),
  initSeed: initSeedField(1),
  learningRate: learningRateField({ default: 0.05, min: 1e-7, max: 10, label: 'Learning rate η' }),
  epochs: numberField({ label: 'Epochs', min: 1, max: 5000, integer: true, default: 1000, hint: 'at most 5,000' }),
  xAxis: choiceField<XAxis>({ label: 'Horizontal axis', options: AXIS_OPTIONS, default: 'epochs' }),
  rangeA: A.range, scalingA: A.scaling, nA: A.n, lossFormA: A.lossForm, batchSizeA: A.batchSize,
  rangeB: B.range, scalingB: B.scaling, nB: B.n, lossFormB: B.lossForm, batchSizeB: B.batchSize,
};

export type SetupComparisonConfig = ConfigOf<typeof fields>;

/** "rangeA" for setup a's range: the flat name in links and data-* attributes. */
export function settingName(setup: SetupName, key: SetupKey): keyof SetupComparisonConfig & string {
  return `${key}${LETTER[setup]}` as keyof SetupComparisonConfig & string;
}

/** One setup's settings out of the flat config. */
export function setupOf(config: SetupComparisonConfig, setup: SetupName): Setup {
  const value = <K extends SetupKey>(key: K) => config[settingName(setup, key)] as Setup[K];
  return { range: value('range'), scaling: value('scaling'), n: value('n'), lossForm: value('lossForm'), batchSize: value('batchSize') };
}

/** `base` with setup A's and setup B's settings changed as given (facts build the lesson's comparisons so). */
export function withSetups(base: SetupComparisonConfig, a: Partial<Setup>, b: Partial<Setup>, rest: Partial<SetupComparisonConfig> = {}): SetupComparisonConfig {
  const config = { ...base, ...rest };
  for (const [setup, changes] of [['a', a], ['b', b]] as const) {
    for (const [key, value] of Object.entries(changes)) (config as Record<string, unknown>)[settingName(setup, key as SetupKey)] = value;
  }
  return config;
}

/** The largest number of epochs both setups may train (at most MAX_WORK sample-passes each). */
export function mostEpochs(config: Pick<SetupComparisonConfig, 'nA' | 'nB'>): number {
  return Math.max(1, Math.floor(MAX_WORK / Math.max(config.nA, config.nB)));
}

/** No more training than a page runs at once; a link asking for more gets the most it may have. */
const workRule: SettingsRule<SetupComparisonConfig> = {
  keys: ['epochs', 'nA', 'nB'],
  problem: (c) => {
    const n = Math.max(c.nA, c.nB);
    return c.epochs * n > MAX_WORK
      ? `${c.epochs.toLocaleString('en-GB')} epochs of ${n.toLocaleString('en-GB')} samples is more training than this page runs at once (at most ${(MAX_WORK / 1e6).toLocaleString('en-GB')} million sample-passes per setup).`
      : null;
  },
  repair: (c) => ({ epochs: mostEpochs(c) }),
  restored: (c) => `${c.epochs.toLocaleString('en-GB')} epochs`,
};

export const setupComparisonSettings = defineSettings(fields, [workRule]);
