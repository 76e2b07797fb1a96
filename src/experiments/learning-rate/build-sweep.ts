// The rate sweep as the page is built: the same runs the browser's workers would make
// (runSweep, one call per rate), computed once per build and shared by lesson 8's facts and
// the sweep widget's server figure, so both show the very same numbers.
import type { Dataset } from '../../trainer/data';
import { runSweep, type SweepRun } from '../../trainer/sweep';
import { defaultDataset } from '../data/defaultDataset';
import { sweepSeeds, type RateSweepConfig } from './sweep-settings';

const done = new Map<string, SweepRun[][]>();

/** runs[r][i]: start with seed i + 1 trained at config.rates[r] on the default data, λmax measured. */
export function sweepAtBuild(config: RateSweepConfig, data: Dataset = defaultDataset()): SweepRun[][] {
  const key = JSON.stringify(config);
  const known = data === defaultDataset() ? done.get(key) : undefined;
  if (known) return known;
  const seeds = sweepSeeds(config.seeds);
  const runs = config.rates.map((learningRate) => runSweep({ data, preset: config.init, seeds, epochs: config.epochs, learningRate, measureCurvature: true }));
  if (data === defaultDataset()) done.set(key, runs);
  return runs;
}
