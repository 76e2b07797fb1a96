// The dead-units widget's settings (lesson 13): which start, which scaling, and the training run
// behind the before/after table (rate and epochs). Link keys: start, initSeed, scaling,
// learningRate, epochs.
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { initField, initSeedField, learningRateField } from '../training/settings';

/** Where the nine starting values come from. */
export type DeadUnitsStart = 'writeup-example' | 'writeup' | 'he';
/** How x1, x2 and y are rescaled; 'squeezed' is inputs ÷ range into [−0.5, 0.5], y min–max. */
export type DeadUnitsScaling = 'zscore' | 'minmax' | 'squeezed' | 'none';

export const MAX_DEAD_UNITS_EPOCHS = 20_000;

export const START_OPTIONS = [
  { value: 'writeup-example', label: 'Write-up’s example' },
  { value: 'writeup', label: 'Write-up’s random scheme' },
  { value: 'he', label: 'He start' },
] as const satisfies readonly { value: DeadUnitsStart; label: string }[];

export const SCALING_OPTIONS = [
  { value: 'zscore', label: 'z-score' },
  { value: 'minmax', label: 'min–max, [0, 1]' },
  { value: 'squeezed', label: 'x ÷ range, [−0.5, 0.5]' },
  { value: 'none', label: 'none (raw)' },
] as const satisfies readonly { value: DeadUnitsScaling; label: string }[];

/** "x/range", "Squeezed", "z score" all name a scaling. */
function scalingName(text: string): string {
  const t = text.trim().toLowerCase().replace(/[\s_–-]/g, '');
  return t === 'x/range' || t === 'range' ? 'squeezed' : t;
}

const fields = {
  start: initField<DeadUnitsStart>({ default: 'writeup-example', options: START_OPTIONS, hint: 'random scheme: W in ±10, B in ±5' }),
  initSeed: { ...initSeedField(1), hint: 'for the random starts' },
  scaling: choiceField<DeadUnitsScaling>({ label: 'Scaling of the data', options: SCALING_OPTIONS, default: 'squeezed', hint: 'x ÷ range: y min–max', normalise: scalingName }),
  learningRate: learningRateField({ default: 0.01, max: 10, label: 'Learning rate η' }),
  epochs: numberField({ label: 'Epochs', min: 0, max: MAX_DEAD_UNITS_EPOCHS, integer: true, default: 2000, hint: `full-batch, at most ${MAX_DEAD_UNITS_EPOCHS.toLocaleString('en-GB')}` }),
};

export type DeadUnitsConfig = ConfigOf<typeof fields>;

export const deadUnitsSettings = defineSettings(fields);
