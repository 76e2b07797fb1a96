// Lesson 18's experiments over random starts: one hidden layer against two at the same number of
// parameters (2-6-1 and 2-3-3-1 have 25, 2-9-1 and 2-4-4-1 have 37), and the course's 2-2-1 beside
// 2-2-2-1; 100 He starts each, trained at the console's rate for the long budget lesson 11 uses,
// keeping the final loss, the Gauss–Newton stable rate at the start and at the end, and the dead
// units of each layer at the start and at the end. Cached in deeper.json (src/facts/cache/runs.ts).
import type { CachedRuns, RunJob } from './runs';

export const DEEPER_SEEDS = 100;
export const DEEPER_RATE = 0.05;
export const DEEPER_EPOCHS = 20_000;

/** The networks compared, as hidden widths; pairs with equal parameter counts side by side. */
export const DEEPER_NETWORKS = {
  '2-2-1': [2],
  '2-2-2-1': [2, 2],
  '2-6-1': [6],
  '2-3-3-1': [3, 3],
  '2-9-1': [9],
  '2-4-4-1': [4, 4],
} as const satisfies Record<string, readonly number[]>;

export type DeeperNetwork = keyof typeof DEEPER_NETWORKS;

const seeds = Array.from({ length: DEEPER_SEEDS }, (_, i) => i + 1);

/** One job per seed; one hidden layer through the course's own passes (`hidden`), deeper ones through `widths`. */
export function deeperJobs(network: DeeperNetwork): RunJob[] {
  const widths = DEEPER_NETWORKS[network];
  const shape = widths.length === 1 ? { hidden: widths[0] } : { widths: [...widths] };
  return seeds.map((seed): RunJob => ({ preset: 'he', seed, ...shape, learningRate: DEEPER_RATE, epochs: DEEPER_EPOCHS, gaussNewton: true, deadPerLayer: true }));
}

export const DEEPER_RUNS: CachedRuns = {
  name: 'deeper',
  purpose: 'Lesson 18: one hidden layer against two (2-2-1, 2-2-2-1, 2-6-1, 2-3-3-1, 2-9-1, 2-4-4-1), 100 He starts each at η = 0.05 for 20,000 epochs: final loss, Gauss–Newton stable rate and dead units per layer at the start and the end.',
  jobs: (Object.keys(DEEPER_NETWORKS) as DeeperNetwork[]).flatMap(deeperJobs),
};
