// Lesson 11's counts over random starts: how many He starts of the two-unit network end below a
// loss of 0.1, and how many He starts with every bias set to 2 end at the best plane. 100 seeds
// each, cached in symmetry.json (src/facts/cache/runs.ts says how).
import type { CachedRuns, RunJob } from './runs';

export const SYMMETRY_SEEDS = 100;
/** The lesson's rate (the symmetry widget's) and its long budget, at which the tied runs have stopped moving. */
export const SYMMETRY_RATE = 0.05;
export const SYMMETRY_EPOCHS = 20_000;

const seeds = Array.from({ length: SYMMETRY_SEEDS }, (_, i) => i + 1);

export const SYMMETRY_ARMS = {
  /** Random He starts: the usual cure for ties. */
  he: seeds.map((seed): RunJob => ({ preset: 'he', seed, learningRate: SYMMETRY_RATE, epochs: SYMMETRY_EPOCHS, gradientNorm: true })),
  /** Random He weights, every bias 2: units switched on for every sample. */
  biasesTwo: seeds.map((seed): RunJob => ({ preset: 'he', seed, biases: 2, learningRate: SYMMETRY_RATE, epochs: SYMMETRY_EPOCHS, gradientNorm: true })),
};

export const SYMMETRY_RUNS: CachedRuns = {
  name: 'symmetry',
  purpose: 'Lesson 11: He starts, and He weights with every bias 2, 100 seeds each, trained until they rest.',
  jobs: Object.values(SYMMETRY_ARMS).flat(),
};
