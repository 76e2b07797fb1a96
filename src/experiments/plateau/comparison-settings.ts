// The plateau widget's settings (lesson 10): one start trained twice — at a fixed rate and with
// reduce-on-plateau from the same rate — and the size of the paired comparison over many seeds.
// The schedule's seven options are the reusable group (settings.ts), with PyTorch's and Keras's
// names and meaning.
import type { InitPreset } from '../../trainer/init';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { initField, initOptions, initSeedField, learningRateField } from '../training/settings';
import { MAX_PLATEAU_EPOCHS, PLATEAU_FIELDS, plateauRules } from './settings';

/** The starts this widget offers: the write-up's random scheme and He's, the one recommended for ReLU networks. */
export type PlateauStart = Extract<InitPreset, 'writeup' | 'he'>;

export const MAX_SEEDS = 200;

/** The lengths the epoch menu offers (a lesson or a link may ask for any other). */
export const EPOCH_CHOICES: readonly number[] = [2_000, 5_000, 10_000, 30_000];

const fields = {
  init: initField<PlateauStart>({ default: 'he', options: initOptions<PlateauStart>(['he', 'writeup']) }),
  initSeed: initSeedField(2),
  learningRate: learningRateField({ default: 0.1, max: 10, label: 'The starting rate η₀', hint: 'both runs start here' }),
  epochs: numberField({ label: 'Epochs', min: 10, max: MAX_PLATEAU_EPOCHS, integer: true, default: 5_000 }),
  ...PLATEAU_FIELDS,
  seeds: numberField({ label: 'Seeds in the comparison', min: 2, max: MAX_SEEDS, integer: true, default: 30 }),
};

export type PlateauConfig = ConfigOf<typeof fields>;

export const plateauComparisonSettings = defineSettings(fields, plateauRules<PlateauConfig>());

/** The settings both runs of the pair depend on (all but the comparison's size). */
export function pairKey(config: PlateauConfig): string {
  const { seeds: _seeds, ...pair } = config;
  return JSON.stringify(pair);
}
