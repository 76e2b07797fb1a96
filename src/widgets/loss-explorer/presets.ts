// The starting points the loss explorer offers, computed with the trainer. Build-time only:
// the .astro writes each preset's nine values into its button, so the browser never trains.
// Lesson 5's facts use the same function, so the prose and the widget show the same numbers.
import { initParams, train, type Dataset, type Parameters } from '../../trainer';
import { HE_SEED, presetParameters as sharedPreset } from '../kit/parameterPresets';
import type { LossExplorerPreset } from './config';

/** "trained": the He start (seed 1) after this much full-batch gradient descent. */
export const TRAINED_RUN = { seed: HE_SEED, learningRate: 0.01, epochs: 20_000 } as const;

/**
 * The nine values of a preset on a data set (only "trained" depends on the data), rounded to
 * the 4 decimals the parameter fields show, so the figure, the fields and the lesson agree.
 */
export function presetParameters(preset: LossExplorerPreset, data: Dataset): Parameters {
  return exactPreset(preset, data).map((v) => Math.round(v * 1e4) / 1e4 || 0);
}

function exactPreset(preset: LossExplorerPreset, data: Dataset): Parameters {
  switch (preset) {
    case 'he':
    case 'writeup-example':
      return sharedPreset(preset);
    case 'zeros':
      return initParams({ preset: 'zeros' });
    case 'trained':
      return train({
        data,
        params: initParams({ preset: 'he', seed: TRAINED_RUN.seed }),
        learningRate: TRAINED_RUN.learningRate,
        epochs: TRAINED_RUN.epochs,
      }).params;
  }
}
