// The setup comparison's settings: two training setups, A and B, that differ in the data (input
// ranges, scaling, number of samples) and in how the loss is turned into steps (mean or summed
// loss, batch size), trained from the same start with the same learning rate for the same
// epochs. One typed object, read from data-* attributes or a shared link under flat keys
// (rangeA, nB, …); parsing never throws: anything unknown or garbled is ignored with a notice.
import type { LossForm } from '../../trainer/train';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';

export type RangeChoice = 'original' | 'wide';
export type ComparisonScaling = 'zscore' | 'minmax' | 'none';
export type ComparisonStart = 'he' | 'writeup' | 'writeup-example';
export type XAxis = 'epochs' | 'updates';
export type BatchSize = number | 'full';

/** The write-up's original input ranges, and the wider ones it tried (ten times each). */
export const RANGES: Readonly<Record<RangeChoice, { x1: [number, number]; x2: [number, number]; label: string }>> = {
  original: { x1: [-5, 5], x2: [-10, 10], label: 'original: x1 in [−5, 5], x2 in [−10, 10]' },
  wide: { x1: [-50, 50], x2: [-100, 100], label: 'wide: x1 in [−50, 50], x2 in [−100, 100]' },
};

export interface Setup {
  range: RangeChoice;
  scaling: ComparisonScaling;
  /** Number of samples N. */
  n: number;
  lossForm: LossForm;
  /** Samples per update; 'full' is one update per epoch, and so is any batch of N or more. */
  batchSize: BatchSize;
}

export interface SetupComparisonConfig {
  init: ComparisonStart;
  initSeed: number;
  learningRate: number;
  epochs: number;
  xAxis: XAxis;
  a: Setup;
  b: Setup;
}

export const SETUPS = ['a', 'b'] as const;
export type SetupName = (typeof SETUPS)[number];
const SUFFIX: Record<SetupName, string> = { a: 'A', b: 'B' };

/** At most this many sample-passes (epochs × N) per setup: a few hundred milliseconds. */
export const MAX_WORK = 20_000_000;

type NumberKey = 'initSeed' | 'learningRate' | 'epochs';

export const SETUP_COMPARISON_RULES: Readonly<Record<NumberKey | 'n', NumberInputRules>> = {
  initSeed: { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' },
  learningRate: { min: 1e-7, max: 10, label: 'Learning rate η' },
  epochs: { min: 1, max: 5000, integer: true, label: 'Epochs' },
  n: { min: 1, max: 10_000, integer: true, label: 'Number of samples N' },
};

export const SETUP_DEFAULTS: Readonly<Setup> = { range: 'original', scaling: 'zscore', n: 300, lossForm: 'mean', batchSize: 'full' };

export const SETUP_COMPARISON_DEFAULTS: Readonly<SetupComparisonConfig> = {
  init: 'he',
  initSeed: 1,
  learningRate: 0.05,
  epochs: 1000,
  xAxis: 'epochs',
  a: { ...SETUP_DEFAULTS },
  b: { ...SETUP_DEFAULTS, range: 'wide' },
};

const SETUP_KEYS = ['range', 'scaling', 'n', 'lossForm', 'batchSize'] as const;
type SetupKey = (typeof SETUP_KEYS)[number];

/** "rangeA" for setup a's range: the flat name in links and data-* attributes. */
export function settingName(setup: SetupName, key: SetupKey): string {
  return `${key}${SUFFIX[setup]}`;
}

export const SETUP_COMPARISON_KEYS: readonly string[] = [
  'init', 'initSeed', 'learningRate', 'epochs', 'xAxis',
  ...SETUPS.flatMap((s) => SETUP_KEYS.map((k) => settingName(s, k))),
];

export const RANGE_OPTIONS: readonly { value: RangeChoice; label: string }[] = [
  { value: 'original', label: 'original (x1 ±5, x2 ±10)' },
  { value: 'wide', label: 'wide (x1 ±50, x2 ±100)' },
];
export const SCALING_OPTIONS: readonly { value: ComparisonScaling; label: string }[] = [
  { value: 'zscore', label: 'z-score' },
  { value: 'minmax', label: 'min–max' },
  { value: 'none', label: 'none (raw)' },
];
export const LOSS_OPTIONS: readonly { value: LossForm; label: string }[] = [
  { value: 'mean', label: 'mean: (1/N)·Σe²' },
  { value: 'sum', label: 'sum: Σe²' },
];
export const BATCH_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'full', label: 'full batch' },
  { value: '100', label: '100 samples' },
  { value: '32', label: '32 samples' },
  { value: '10', label: '10 samples' },
  { value: '1', label: '1 sample' },
];
export const START_OPTIONS: readonly { value: ComparisonStart; label: string }[] = [
  { value: 'he', label: 'He start' },
  { value: 'writeup', label: 'Write-up’s random scheme' },
  { value: 'writeup-example', label: 'Write-up’s example' },
];
export const AXIS_OPTIONS: readonly { value: XAxis; label: string }[] = [
  { value: 'epochs', label: 'epochs' },
  { value: 'updates', label: 'updates (steps)' },
];

/** "full", "all" → 'full'; a whole number from 1 to 10,000; otherwise a message. */
export function parseBatchSize(text: string): { ok: true; value: BatchSize } | { ok: false; message: string } {
  if (/^\s*(full|all)\s*$/i.test(text)) return { ok: true, value: 'full' };
  return parseNumberInput(text, { min: 1, max: 10_000, integer: true, label: 'The batch size' });
}

/** A rule between fields that a config breaks: what is wrong, and what the parser uses instead. */
export interface ComparisonProblem {
  message: string;
  fallback: string;
  fix: (c: SetupComparisonConfig) => void;
}

export function comparisonProblems(config: SetupComparisonConfig): ComparisonProblem[] {
  const problems: ComparisonProblem[] = [];
  const n = Math.max(config.a.n, config.b.n);
  if (config.epochs * n > MAX_WORK) {
    const most = Math.max(1, Math.floor(MAX_WORK / n));
    problems.push({
      message: `${config.epochs.toLocaleString('en-GB')} epochs of ${n.toLocaleString('en-GB')} samples is more training than this page runs at once (at most ${(MAX_WORK / 1e6).toLocaleString('en-GB')} million sample-passes per setup).`,
      fallback: `Using ${most.toLocaleString('en-GB')} epochs.`,
      fix: (c) => (c.epochs = most),
    });
  }
  return problems;
}

/** Every setting read on its own (garbled ones replaced, with a notice); rules between fields not yet applied. */
export function readSetupComparisonConfig(source: ConfigSource): { config: SetupComparisonConfig; notices: string[] } {
  const d = SETUP_COMPARISON_DEFAULTS;
  const config: SetupComparisonConfig = { ...d, a: { ...d.a }, b: { ...d.b } };
  const notices: string[] = [];
  const choice = <T extends string>(text: string, options: readonly { value: T }[], what: string, current: T): T => {
    const value = oneOf(text, options);
    if (value === null) notices.push(`Ignored ${what} “${clipText(text)}”: use ${options.map((o) => o.value).join(', ')}. Using ${current}.`);
    return value ?? current;
  };
  for (const [key, text] of configEntries(source)) {
    const setupMatch = /^(range|scaling|n|lossForm|batchSize)([AB])$/.exec(key);
    if (setupMatch) {
      const s: SetupName = setupMatch[2] === 'A' ? 'a' : 'b';
      const k = setupMatch[1] as SetupKey;
      const setup = config[s];
      const what = `setup ${setupMatch[2]}’s`;
      if (k === 'range') setup.range = choice(text, RANGE_OPTIONS, `${what} range`, setup.range);
      else if (k === 'scaling') setup.scaling = choice(text.replace(/[\s_–-]/g, ''), SCALING_OPTIONS, `${what} scaling`, setup.scaling);
      else if (k === 'lossForm') setup.lossForm = choice(text, LOSS_OPTIONS, `${what} loss form`, setup.lossForm);
      else if (k === 'batchSize') {
        const r = parseBatchSize(text);
        if (r.ok) setup.batchSize = r.value;
        else notices.push(`${r.message} Using the full batch for setup ${setupMatch[2]}.`);
      } else {
        const r = parseNumberInput(text, SETUP_COMPARISON_RULES.n);
        if (r.ok) setup.n = r.value;
        else notices.push(`${r.message} Using ${setup.n} for setup ${setupMatch[2]}.`);
      }
      continue;
    }
    if (key === 'init') {
      config.init = choice(text, START_OPTIONS, 'the start', config.init);
      continue;
    }
    if (key === 'xAxis') {
      config.xAxis = choice(text, AXIS_OPTIONS, 'the x-axis', config.xAxis);
      continue;
    }
    if (key === 'initSeed' || key === 'learningRate' || key === 'epochs') {
      const r = parseNumberInput(text, SETUP_COMPARISON_RULES[key]);
      if (r.ok) config[key] = r.value;
      else notices.push(`${r.message} Using ${d[key]}.`);
      continue;
    }
    notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
  }
  return { config, notices };
}

export function parseSetupComparisonConfig(source: ConfigSource): { config: SetupComparisonConfig; notices: string[] } {
  const { config, notices } = readSetupComparisonConfig(source);
  for (const problem of comparisonProblems(config)) {
    problem.fix(config);
    notices.push(`${problem.message} ${problem.fallback}`);
  }
  return { config, notices };
}

export function serializeSetupComparisonConfig(config: SetupComparisonConfig): URLSearchParams {
  const params = new URLSearchParams();
  params.set('init', config.init);
  params.set('initSeed', String(config.initSeed));
  params.set('learningRate', String(config.learningRate));
  params.set('epochs', String(config.epochs));
  params.set('xAxis', config.xAxis);
  for (const s of SETUPS) for (const k of SETUP_KEYS) params.set(settingName(s, k), String(config[s][k]));
  return params;
}
