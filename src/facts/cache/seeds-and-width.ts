// Lesson 15's sweeps over random starts, 100 seeds each, cached in seeds-and-width.json
// (src/facts/cache/runs.ts says how).
//  - widths: 2, 4, 8 and 16 hidden units, the write-up's scheme and He's, each row at a rate
//    below its own stability limit (half the median of 2/λmax at its starts, rounded down to
//    1, 2, 3 or 5 × 10ᵏ, and at most 0.05; seeds-and-width.test.ts checks the rule against the
//    cached limits), all for the same budget of epochs;
//  - small changes: 100 starts of the write-up's scheme, each trained as drawn and with every
//    value moved by a normal number of spread 0.1.
import type { InitPreset } from '../../trainer';
import type { CachedRuns, RunJob } from './runs';

export const WIDTH_SEEDS = 100;
export const WIDTH_EPOCHS = 20_000;
/** Epochs before the end at which the loss is kept: a run still falling by more than 1% since then is unfinished. */
export const WIDTH_LOOKBACK = 2_000;
export const WIDTHS = [2, 4, 8, 16] as const;
/** No row trains faster than this, whatever its limit (the He starts' limit at the start is not the limit at the end). */
export const WIDTH_RATE_CAP = 0.05;

/** Each row's rate (the rule above, applied to the medians of 2/λmax over the 100 starts). */
export const WIDTH_RATES: Record<'writeup' | 'he', Record<(typeof WIDTHS)[number], number>> = {
  writeup: { 2: 0.003, 4: 0.002, 8: 0.001, 16: 0.0005 },
  he: { 2: 0.05, 4: 0.05, 8: 0.05, 16: 0.03 },
};

export function widthJobs(init: 'writeup' | 'he', hidden: (typeof WIDTHS)[number]): RunJob[] {
  return Array.from({ length: WIDTH_SEEDS }, (_, i) => ({
    preset: init as InitPreset,
    seed: i + 1,
    hidden,
    learningRate: WIDTH_RATES[init][hidden],
    epochs: WIDTH_EPOCHS,
    lossesAt: [WIDTH_EPOCHS - WIDTH_LOOKBACK],
    gradientNorm: true,
    curvature: true,
  }));
}

/** Small changes to the start: 100 write-up starts, as drawn and nudged once each. */
export const NUDGE = { starts: 100, spread: 0.1, epochs: 3000, learningRate: 0.01 } as const;
export function nudgeJobs(nudged: boolean): RunJob[] {
  return Array.from({ length: NUDGE.starts }, (_, i) => ({
    preset: 'writeup' as const,
    seed: i + 1,
    learningRate: NUDGE.learningRate,
    epochs: NUDGE.epochs,
    ...(nudged ? { nudge: { spread: NUDGE.spread, copy: 0 } } : {}),
  }));
}

export const SEEDS_AND_WIDTH_RUNS: CachedRuns = {
  name: 'seeds-and-width',
  purpose: 'Lesson 15: 100 seeds of every width and start, each row below its stability limit; 100 write-up starts as drawn and nudged.',
  jobs: [
    ...(['writeup', 'he'] as const).flatMap((init) => WIDTHS.flatMap((h) => widthJobs(init, h))),
    ...nudgeJobs(false),
    ...nudgeJobs(true),
  ],
};

/** The first widget's sweep (He starts, two units, η = 0.01, 4,000 epochs), with the loss 400 epochs before the end: is the run still improving? */
export const SPREAD = { seeds: 100, learningRate: 0.01, epochs: 4000, lookback: 400 } as const;
export const SPREAD_JOBS: RunJob[] = Array.from({ length: SPREAD.seeds }, (_, i) => ({
  preset: 'he' as const,
  seed: i + 1,
  learningRate: SPREAD.learningRate,
  epochs: SPREAD.epochs,
  lossesAt: [SPREAD.epochs - SPREAD.lookback],
  gradientNorm: true,
}));

export const SEED_SPREAD_RUNS: CachedRuns = {
  name: 'seed-spread',
  purpose: 'Lesson 15: the hundred He starts of the first seed-sweep widget, with the loss 400 epochs before the end and the final gradient.',
  jobs: SPREAD_JOBS,
};

/** Seeding only one generator: 100 starts on the same data, and the same start on 100 data sets (the replay's settings). */
/** The replay's setup (REPLAY in src/facts/seeds-and-width.ts; a test keeps them equal): He starts, η = 0.01, 2,000 epochs, starting seed 7 on the default data. */
export const GAMBLE = { runs: 100, learningRate: 0.01, epochs: 2000, initSeed: 7 } as const;
export const GAMBLE_ARMS = {
  starts: Array.from({ length: GAMBLE.runs }, (_, i): RunJob => ({ preset: 'he', seed: i + 1, learningRate: GAMBLE.learningRate, epochs: GAMBLE.epochs })),
  data: Array.from({ length: GAMBLE.runs }, (_, i): RunJob => ({ preset: 'he', seed: GAMBLE.initSeed, dataSeed: i + 1, learningRate: GAMBLE.learningRate, epochs: GAMBLE.epochs })),
};
export const SEED_GAMBLE_RUNS: CachedRuns = {
  name: 'seed-gamble',
  purpose: 'Lesson 15: the same data from 100 starts, and the same start on 100 data sets: which seed is the bigger gamble?',
  jobs: [...GAMBLE_ARMS.starts, ...GAMBLE_ARMS.data],
};
