// The network-spectrum widget's settings: a training run (start, seed, rate, length) and the epoch
// at which both curvature matrices — the exact Hessian and Gauss–Newton — are shown in full.
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf, type SettingsRule } from '../settings/schema';
import { initField, initSeedField, learningRateField } from '../training/settings';

const fields = {
  init: initField({ default: 'he' }),
  initSeed: initSeedField(1),
  learningRate: learningRateField({ default: 0.05, max: 10 }),
  epochs: numberField({ label: 'Epochs', min: 1, max: 5000, integer: true, default: 2000, log: true }),
  at: numberField({ label: 'Show the spectrum at epoch', min: 0, max: 5000, integer: true, default: 0 }),
};

export type SpectrumConfig = ConfigOf<typeof fields>;

const rules: SettingsRule<SpectrumConfig>[] = [
  {
    keys: ['at'],
    problem: (c) => (c.at > c.epochs ? `The epoch shown can be at most ${c.epochs}, the length of the run.` : null),
    // A shorter run, or the epoch shown pushed past the run's end: it stops at the last epoch.
    follow: (c) => ({ at: c.epochs }),
  },
];

export const spectrumSettings = defineSettings(fields, rules);
