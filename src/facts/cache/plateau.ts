// Lesson 10's experiments: the same 100 starts trained with a fixed rate and with
// reduce-on-plateau, full batch (the write-up's starts and He starts) and with mini-batches of 10.
// Cached in plateau.json (src/facts/cache/runs.ts says how); reduce-on-plateau.ts reads it.
import type { InitPreset, ScheduleSpec } from '../../trainer';
import type { CachedRuns, RunJob } from './runs';

/** Seeds 1 … 100 of every setting: enough for a count to carry a useful interval. */
export const PLATEAU_SEEDS = 100;
export const FULL_BATCH_EPOCHS = 5_000;
/** The schedule of every comparison: PyTorch's counting, halve after 200 epochs without a relative gain of 10⁻⁴. */
export const EXPERIMENT_SCHEDULE = {
  kind: 'plateau', factor: 0.5, patience: 200, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, flavour: 'pytorch',
} as const satisfies ScheduleSpec;

/** Mini-batches: batches of 10 (30 updates an epoch), a rate that makes full progress early, and one ten times smaller. */
export const MINI_BATCH = { batchSize: 10, epochs: 3_000, rate: 0.05, smallRate: 0.005, early: 100, tail: 300 } as const;

const seeds = Array.from({ length: PLATEAU_SEEDS }, (_, i) => i + 1);

/** One arm of a comparison: every seed with the same settings. */
export function arm(preset: InitPreset, learningRate: number, extra: Partial<RunJob> = {}): RunJob[] {
  return seeds.map((seed) => ({ preset, seed, learningRate, epochs: FULL_BATCH_EPOCHS, ...extra }));
}
const withSchedule = { schedule: EXPERIMENT_SCHEDULE } as const;
const miniBatch = { batchSize: MINI_BATCH.batchSize, epochs: MINI_BATCH.epochs, lossesAt: [MINI_BATCH.early], tail: MINI_BATCH.tail };

/** The arms, by name, as the facts module pairs them. */
export const PLATEAU_ARMS = {
  writeup03Fixed: arm('writeup', 0.03),
  writeup03Plateau: arm('writeup', 0.03, withSchedule),
  writeup01Fixed: arm('writeup', 0.01),
  writeup01Plateau: arm('writeup', 0.01, withSchedule),
  he01Fixed: arm('he', 0.1),
  he01Plateau: arm('he', 0.1, withSchedule),
  he005Fixed: arm('he', 0.05, { tail: MINI_BATCH.tail }),
  he03Plateau: arm('he', 0.3, withSchedule),
  miniFixed: arm('he', MINI_BATCH.rate, miniBatch),
  miniPlateau: arm('he', MINI_BATCH.rate, { ...miniBatch, ...withSchedule }),
  miniSmall: arm('he', MINI_BATCH.smallRate, miniBatch),
};

export const PLATEAU_RUNS: CachedRuns = {
  name: 'plateau',
  purpose: 'Lesson 10: fixed rate against reduce-on-plateau on the same 100 starts, full batch and mini-batches of 10.',
  jobs: Object.values(PLATEAU_ARMS).flat(),
};
