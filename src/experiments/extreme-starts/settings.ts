// The extreme-starts widget's settings (lesson 12): which start (all zeros, weights in the
// millions, very large biases, or a sensible random start to compare), its seed, the learning
// rate, how many epochs, and the scaling of the data. Link keys: start, seed, learningRate,
// epochs, scaling.
import type { Scaling } from '../../trainer/data';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { initField, initSeedField, learningRateField } from '../training/settings';

export const EXTREME_STARTS = ['zeros', 'huge-weights', 'large-biases', 'he'] as const;
export type ExtremeStart = (typeof EXTREME_STARTS)[number];

export type ExtremeScaling = Extract<Scaling, 'zscore' | 'minmax'>;

export const START_OPTIONS = [
  { value: 'zeros', label: 'All zeros', hint: 'every weight and bias 0' },
  { value: 'huge-weights', label: 'Weights in the millions', hint: 'the write-up’s weights × 1,000,000' },
  { value: 'large-biases', label: 'Very large biases', hint: 'biases between −500 and 500' },
  { value: 'he', label: 'A sensible start', hint: 'random (He), for comparison' },
] as const satisfies readonly { value: ExtremeStart; label: string; hint: string }[];

export const SCALING_CHOICES = [
  { value: 'zscore', label: 'z-score (centred)' },
  { value: 'minmax', label: 'min–max (0 to 1)' },
] as const satisfies readonly { value: ExtremeScaling; label: string }[];

const fields = {
  start: initField<ExtremeStart>({ default: 'zeros', options: START_OPTIONS }),
  seed: { ...initSeedField(1), hint: 'draws different random values' },
  // Down to 10⁻¹⁶: a start with weights in the millions needs a rate near 10⁻¹⁴ to stay finite.
  learningRate: learningRateField({ default: 0.01, min: 1e-16, max: 10, hint: '10⁻¹⁶ to 10' }),
  epochs: numberField({ label: 'Epochs', min: 1, max: 20_000, integer: true, default: 3000, log: true, hint: '1 to 20,000' }),
  scaling: choiceField<ExtremeScaling>({ label: 'Scaling of the data', options: SCALING_CHOICES, default: 'zscore', normalise: (text) => text.replace(/[\s_–-]/g, '') }),
};

export type ExtremeStartsConfig = ConfigOf<typeof fields>;

export const extremeStartsSettings = defineSettings(fields);
