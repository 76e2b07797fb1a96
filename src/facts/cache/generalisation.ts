// Lesson 19's runs over random draws: a small, noisy data set, half of it held out, a sixteen-unit
// network trained long enough to memorise; the same with L2 weight decay, with the course's two
// units, and with ten times more samples. Every run draws its own data, split and start from one
// seed (data seed = split seed = starting seed), so the 100 runs are independent draws of the
// whole experiment. Cached in generalisation.json (src/facts/cache/runs.ts says how).
import type { CachedRuns, RunJob } from './runs';

export const GENERALISATION_SEEDS = 100;

/** The lesson's overfitting setup, which is also the widget's default. */
export const OVERFIT_SETUP = {
  n: 40,
  noiseRange: [-5, 5] as [number, number],
  testFraction: 0.5,
  hidden: 16,
  learningRate: 0.05,
  epochs: 20_000,
  patience: 500,
} as const;

/** The weight decays compared with none. */
export const WEIGHT_DECAYS = [0.001, 0.01, 0.1] as const;
/** The larger data set: ten times the samples, the rest the same. */
export const MORE_SAMPLES = 400;

const seeds = Array.from({ length: GENERALISATION_SEEDS }, (_, i) => i + 1);

function job(seed: number, changes: { hidden?: number; n?: number; weightDecay?: number } = {}): RunJob {
  const s = OVERFIT_SETUP;
  return {
    preset: 'he',
    seed,
    hidden: changes.hidden ?? s.hidden,
    learningRate: s.learningRate,
    epochs: s.epochs,
    data: { n: changes.n ?? s.n, noiseRange: [...s.noiseRange], seed },
    split: { testFraction: s.testFraction, seed },
    patience: s.patience,
    ...(changes.weightDecay ? { weightDecay: changes.weightDecay } : {}),
  };
}

export const GENERALISATION_ARMS = {
  /** Sixteen units, 20 training samples, no penalty: the network that memorises. */
  overfit: seeds.map((seed) => job(seed)),
  /** The same with each weight decay. */
  decay: Object.fromEntries(WEIGHT_DECAYS.map((lambda) => [String(lambda), seeds.map((seed) => job(seed, { weightDecay: lambda }))])) as Record<string, RunJob[]>,
  /** The course's two units on the same data. */
  twoUnits: seeds.map((seed) => job(seed, { hidden: 2 })),
  /** Sixteen units with ten times the samples. */
  moreSamples: seeds.map((seed) => job(seed, { n: MORE_SAMPLES })),
};

export const GENERALISATION_RUNS: CachedRuns = {
  name: 'generalisation',
  purpose: 'Lesson 19: 40 noisy samples, half held out, 16 He units for 20,000 epochs; with weight decay 0.001, 0.01, 0.1; with 2 units; with 400 samples. 100 seeds each.',
  jobs: [...GENERALISATION_ARMS.overfit, ...Object.values(GENERALISATION_ARMS.decay).flat(), ...GENERALISATION_ARMS.twoUnits, ...GENERALISATION_ARMS.moreSamples],
};
