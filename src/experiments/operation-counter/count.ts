// Counting a training run's arithmetic twice: from the formulas (operations.ts) and by running
// the epochs through the trainer's counting helpers (countedEpoch), epoch after epoch, so the two
// can be set side by side. With the mask, the count depends on which units are on, which changes
// as the parameters move; the formula then needs A, the number of sample–unit pairs that are on,
// read off each epoch's parameters by the forward rule z > 0 (unitActivity). Pure and stepwise:
// countSteps yields after every few epochs, so the page counts in slices and stays responsive.
import { makeDataset, type Dataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { countedEpoch, operationsPerEpoch, total, type EpochCounts, type OperationCount } from '../../trainer/operations';
import type { Parameters } from '../../trainer/parameters';
import { unitActivity } from '../../trainer/units';
import type { OperationCounterConfig } from './settings';

/** The run that is counted: the default data, a He start with seed 1, η = 0.01. */
export const COUNTED_RUN = { preset: 'he' as const, seed: 1, learningRate: 0.01 };

export const PHASES = ['forward', 'loss', 'backward', 'update'] as const;
export type Phase = (typeof PHASES)[number];

const zero = (): OperationCount => ({ multiplications: 0, additions: 0, comparisons: 0 });
const emptyTally = (): EpochCounts => ({ forward: zero(), loss: zero(), backward: zero(), update: zero() });

function add(into: EpochCounts, counts: EpochCounts): void {
  for (const phase of PHASES) into[phase] = total(into[phase], counts[phase]);
}

export interface CountState {
  config: OperationCounterConfig;
  data: Dataset;
  params: Parameters;
  /** Epochs counted so far. */
  epoch: number;
  /** The first epoch alone, and all epochs so far: from the formulas and as counted. */
  first: { formula: EpochCounts; counted: EpochCounts; activePairs: number } | null;
  /** The sample–unit pairs that were on in the latest epoch counted: training moves them. */
  lastActivePairs: number;
  all: { formula: EpochCounts; counted: EpochCounts };
}

export function startCount(config: OperationCounterConfig): CountState {
  return {
    config,
    data: makeDataset({ n: config.n }),
    params: initParams({ preset: COUNTED_RUN.preset, seed: COUNTED_RUN.seed, hidden: config.hidden }),
    epoch: 0,
    first: null,
    lastActivePairs: 0,
    all: { formula: emptyTally(), counted: emptyTally() },
  };
}

/** Counts up to `epochs` more epochs (never past the config's); returns whether the count is complete. */
export function countEpochs(state: CountState, epochs: number): boolean {
  const { config, data } = state;
  const H = config.hidden;
  for (let k = 0; k < epochs && state.epoch < config.epochs; k++) {
    const activePairs = unitActivity(state.params, data, H).activeCounts.reduce((a, b) => a + b, 0);
    const mask = config.mask;
    const formula = operationsPerEpoch(data.n, H, mask ? activePairs : undefined);
    const run = countedEpoch(state.params, data, COUNTED_RUN.learningRate, H, mask);
    const counted: EpochCounts = { ...run.perSample, update: run.update };
    if (state.epoch === 0) state.first = { formula, counted, activePairs };
    state.lastActivePairs = activePairs;
    add(state.all.formula, formula);
    add(state.all.counted, counted);
    state.params = run.params;
    state.epoch += 1;
  }
  return state.epoch >= config.epochs;
}

/** How much counting one epoch costs, in sample–unit steps: the slices are sized by it. */
export function epochWork(config: OperationCounterConfig): number {
  return config.n * (config.hidden + 1);
}

/** About this many sample–unit steps between two pauses of countSteps: a millisecond or two. */
const WORK_PER_STEP = 200_000;

/** Counts the rest of `state`'s epochs, yielding the state after every few, and returns it complete. */
export function* countSteps(state: CountState): Generator<CountState, CountState> {
  const epochs = Math.max(1, Math.floor(WORK_PER_STEP / Math.max(1, epochWork(state.config))));
  while (!countEpochs(state, epochs)) yield state;
  return state;
}

/** Whether every count from the formulas equals the counted one. */
export function agrees(a: EpochCounts, b: EpochCounts): boolean {
  return PHASES.every(
    (p) => a[p].multiplications === b[p].multiplications && a[p].additions === b[p].additions && a[p].comparisons === b[p].comparisons,
  );
}
