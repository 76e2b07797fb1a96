// The gallery's sweep, run once per build for each config: the lesson's facts and the
// server-drawn gallery ask for the same hundred runs, and this hands both the same result.
import { runSweep, type SweepRun } from '../../trainer/sweep';
import { defaultDataset } from '../data/defaultDataset';
import { basinGallerySettings, gallerySeeds, type BasinGalleryConfig } from './settings';

const done = new Map<string, SweepRun[]>();

/** Every run of the gallery, in seed order, with details (final parameters, end state, loss trace). */
export function gallerySweep(config: BasinGalleryConfig): SweepRun[] {
  const key = basinGallerySettings.serialise(config).toString();
  let runs = done.get(key);
  if (!runs) {
    runs = runSweep({
      data: defaultDataset(),
      preset: config.preset,
      seeds: gallerySeeds(config),
      epochs: config.epochs,
      learningRate: config.learningRate,
      details: true,
    });
    done.set(key, runs);
  }
  return runs;
}
