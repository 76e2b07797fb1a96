// The plateau widget's settings (lesson 10): one start trained twice — at a fixed rate and with
// reduce-on-plateau from the same rate — and the size of the paired comparison over many seeds.
// The schedule's seven options are the reusable group (settings.ts), with PyTorch's and Keras's
// names and meaning.
import type { InitPreset } from '../../trainer/init';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { MAX_PLATEAU_EPOCHS, PLATEAU_FIELDS, plateauRules } from './settings';

/** The starts this widget offers: the write-up's random scheme and He's, the one recommended for ReLU networks. */
export type PlateauStart = Extract<InitPreset, 'writeup' | 'he'>;

export const MAX_SEEDS = 200;

export const START_OPTIONS = [
  { value: 'he', label: 'He (recommended for ReLU)' },
  { value: 'writeup', label: "Write-up's random scheme" },
] as const satisfies readonly { value: PlateauStart; label: string }[];

/** The lengths the epoch menu offers (a lesson or a link may ask for any other). */
export const EPOCH_CHOICES: readonly number[] = [2_000, 5_000, 10_000, 30_000];

const fields = {
  init: choiceField<PlateauStart>({ label: 'Starting values', options: START_OPTIONS, default: 'he' }),
  initSeed: numberField({ label: 'Starting seed', min: 0, max: 999_999_999, integer: true, default: 2 }),
  learningRate: numberField({ label: 'The starting rate η₀', min: 0.0001, max: 10, default: 0.1, log: true, hint: 'both runs start here' }),
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
