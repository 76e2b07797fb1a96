// The rate sweep's settings (lesson 8): the starting scheme, how many starts (seeds 1 … n), how
// many epochs each run trains, and the learning rates.
import { DEFAULT_DATASET } from '../../trainer/data';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { initField } from '../training/settings';
import { estimateWork, type WorkEstimate } from '../work';
import { LESSON_START, rateListField, START_OPTIONS, type StartPreset } from './settings';

const fields = {
  init: initField<StartPreset>({ default: LESSON_START.init, options: START_OPTIONS }),
  seeds: numberField({ label: 'Starts per rate', min: 1, max: 1000, integer: true, default: 100, hint: 'seeds 1, 2, 3, …' }),
  epochs: numberField({ label: 'Epochs per run', min: 1, max: 20_000, integer: true, default: 3000 }),
  rates: rateListField(),
};

export type RateSweepConfig = ConfigOf<typeof fields>;

export const rateSweepSettings = defineSettings(fields);

/** The seeds a sweep of `count` starts uses. */
export function sweepSeeds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/**
 * What a sweep costs before it starts: every start at every rate, trained in full on the course's
 * data (the curvature measured at each start is small beside it). A link asking for 1,000 starts
 * × 6 rates × 20,000 epochs is hours of work, and waits for the reader's word.
 */
export function rateSweepWork(config: RateSweepConfig): WorkEstimate {
  return estimateWork({ runs: config.rates.length * config.seeds, epochs: config.epochs, samples: DEFAULT_DATASET.n });
}
