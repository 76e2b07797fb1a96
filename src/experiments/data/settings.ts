// The data's settings, the same in every widget that makes its own data set: how many samples,
// the input ranges, the whole-number noise b and the scaling, with the rules that a range's
// lowest end is not above its highest. A widget adds its own seed setting (the data explorer
// calls it `seed`, the training console `dataSeed`) with `dataSeedField`.
import type { DatasetOptions, Scaling } from '../../trainer/data';
import { choiceField, numberField } from '../settings/fields';
import { orderedPair, type SettingsRule } from '../settings/schema';

export const SCALING_OPTIONS = [
  { value: 'zscore', label: 'z-score' },
  { value: 'minmax', label: 'min–max' },
  { value: 'none', label: 'none (raw)' },
] as const satisfies readonly { value: Scaling; label: string }[];

/** "zscore", "z-score", "Z score", "min–max" all name a scaling. */
const squeeze = (text: string) => text.replace(/[\s_–-]/g, '');

export const DATA_FIELDS = {
  n: numberField({ label: 'Number of samples n', min: 1, max: 10_000, integer: true, default: 300, log: true, hint: '1 to 10,000' }),
  x1Low: numberField({ label: 'Lowest x1', min: -100, max: 100, default: -5 }),
  x1High: numberField({ label: 'Highest x1', min: -100, max: 100, default: 5 }),
  x2Low: numberField({ label: 'Lowest x2', min: -100, max: 100, default: -10 }),
  x2High: numberField({ label: 'Highest x2', min: -100, max: 100, default: 10 }),
  noiseLow: numberField({ label: 'Lowest noise', min: -10, max: 10, integer: true, default: -1 }),
  noiseHigh: numberField({ label: 'Highest noise', min: -10, max: 10, integer: true, default: 1 }),
  scaling: choiceField<Scaling>({ label: 'Scaling', options: SCALING_OPTIONS, default: 'zscore', hint: 'of x1, x2 and y', normalise: squeeze }),
};

/** The seed of the data generator, under whatever name a widget gives it. */
export const dataSeedField = () => numberField({ label: 'Data seed', min: 0, max: 999_999_999, integer: true, default: 1 });

interface DataRanges {
  x1Low: number;
  x1High: number;
  x2Low: number;
  x2High: number;
  noiseLow: number;
  noiseHigh: number;
}

/** Each range's lowest end must not be above its highest. */
export function dataRules<C extends DataRanges>(): SettingsRule<C>[] {
  return [orderedPair<C>('x1Low', 'x1High', 'x1 range'), orderedPair<C>('x2Low', 'x2High', 'x2 range'), orderedPair<C>('noiseLow', 'noiseHigh', 'noise range')];
}

/** The trainer's options for a widget's data settings and its data seed. */
export function datasetOptions(settings: DataRanges & { n: number; scaling: Scaling }, seed: number): DatasetOptions {
  return {
    n: settings.n,
    x1Range: [settings.x1Low, settings.x1High],
    x2Range: [settings.x2Low, settings.x2High],
    noiseRange: [settings.noiseLow, settings.noiseHigh],
    seed,
    scaling: settings.scaling,
  };
}
