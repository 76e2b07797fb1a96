// The write-up's likely preprocessing, needed to re-run its before/after table: each input
// divided by its range and centred, so that it fills [−0.5, 0.5], and the target min–max scaled
// to [0, 1]. Inputs this small cannot outweigh a bias of a few units, so a hidden unit can be
// off on every sample from the very start: the write-up's printed example has such a unit.
import { makeDataset, type Dataset, type DatasetOptions, type ScaleStats } from './data';

/** Half the width of the interval the squeezed inputs fill. */
export const SQUEEZED_HALF_WIDTH = 0.5;

/**
 * The data set with x′ = (x − min)/(max − min) − 0.5 for both inputs and y′ = (y − min)/(max − min).
 * `scaling.method` stays 'minmax' (it names the target's scaling); each input's ScaleStats
 * carries the centring, so applyScale and undoScale still convert both ways.
 */
export function makeSqueezedDataset(options: Omit<DatasetOptions, 'scaling'> = {}): Dataset {
  const minmax = makeDataset({ ...options, scaling: 'minmax' });
  const centred = (s: ScaleStats): ScaleStats => ({ ...s, shift: s.shift + SQUEEZED_HALF_WIDTH * s.scale });
  return {
    n: minmax.n,
    x1: minmax.x1.map((v) => v - SQUEEZED_HALF_WIDTH),
    x2: minmax.x2.map((v) => v - SQUEEZED_HALF_WIDTH),
    y: minmax.y,
    raw: minmax.raw,
    scaling: { method: 'minmax', x1: centred(minmax.scaling.x1), x2: centred(minmax.scaling.x2), y: minmax.scaling.y },
    options: minmax.options,
  };
}
