// The generalisation widget's settings: a data set of N samples with its whole-number noise, the
// share of them held out (and the seed that picks them), the network's width and start, the
// learning rate, L2 weight decay, how long to train, and early stopping's patience. The defaults
// make a network that can memorise: few samples, much noise, sixteen hidden units.
import { checkSplitOptions } from '../../trainer/split';
import { MAX_WEIGHT_DECAY } from '../../trainer/train';
import { DATA_FIELDS, dataSeedField } from '../data/settings';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, orderedPair, type ConfigOf, type SettingsRule } from '../settings/schema';
import { hiddenField, initSeedField, learningRateField, SEED_MAX } from '../training/settings';

/** The most work one run may take: training samples × hidden units × epochs (a few seconds in a phone's browser, in slices). */
export const MAX_GENERALISATION_WORK = 400_000_000;

const fields = {
  n: numberField({ label: 'Number of samples N', min: 4, max: 2000, integer: true, default: 40, log: true, hint: 'before the split' }),
  testFraction: numberField({ label: 'Test fraction', min: 0.05, max: 0.95, default: 0.5, step: 0.05, hint: 'the share held out' }),
  splitSeed: numberField({ label: 'Split seed', min: 0, max: SEED_MAX, integer: true, default: 1 }),
  noiseLow: { ...DATA_FIELDS.noiseLow, default: -5 },
  noiseHigh: { ...DATA_FIELDS.noiseHigh, default: 5 },
  dataSeed: dataSeedField(),
  hidden: hiddenField({ default: 16 }),
  initSeed: initSeedField(1),
  learningRate: learningRateField({ default: 0.05, max: 10 }),
  weightDecay: numberField({ label: 'Weight decay λ', min: 0, max: MAX_WEIGHT_DECAY, default: 0, hint: 'penalty λ·Σw²; 0 for none' }),
  epochs: numberField({ label: 'Epochs', min: 10, max: 50_000, integer: true, default: 20_000, log: true }),
  patience: numberField({ label: 'Early-stopping patience', min: 1, max: 50_000, integer: true, default: 500, hint: 'epochs without a better held-out loss' }),
  fitAt: choiceField<'end' | 'best'>({
    label: 'Show the fit',
    default: 'end',
    options: [
      { value: 'end', label: 'after the last epoch' },
      { value: 'best', label: 'at early stopping’s epoch', hint: 'the best held-out loss' },
    ],
  }),
};

/** The settings that change the run itself (the others only change what is drawn of it). */
export const TRAINING_KEYS = ['n', 'testFraction', 'splitSeed', 'noiseLow', 'noiseHigh', 'dataSeed', 'hidden', 'initSeed', 'learningRate', 'weightDecay', 'epochs', 'patience'] as const;

export type GeneralisationConfig = ConfigOf<typeof fields>;

const rules: SettingsRule<GeneralisationConfig>[] = [
  orderedPair<GeneralisationConfig>('noiseLow', 'noiseHigh', 'noise range'),
  {
    keys: ['testFraction'],
    problem: (c) => checkSplitOptions(c.n, { testFraction: c.testFraction })[0] ?? null,
  },
  {
    keys: ['epochs'],
    problem: (c) =>
      trainingWork(c) > MAX_GENERALISATION_WORK
        ? `${c.epochs.toLocaleString('en-GB')} epochs of ${trainCount(c).toLocaleString('en-GB')} training samples with ${c.hidden} hidden units is more work than the page trains at once.`
        : null,
    restored: (c) => `${c.epochs.toLocaleString('en-GB')} epochs`,
  },
];

export const generalisationSettings = defineSettings(fields, rules);

/** How many samples the network trains on: N minus the round(f·N) held out. */
export function trainCount(config: Pick<GeneralisationConfig, 'n' | 'testFraction'>): number {
  return config.n - Math.round(config.testFraction * config.n);
}

/** Training samples × hidden units × epochs: what one run costs. */
export function trainingWork(config: GeneralisationConfig): number {
  return trainCount(config) * config.hidden * config.epochs;
}
