// One setup of the comparison, DOM-free: its data, the shared start, and full-batch or mini-batch
// gradient descent on a mean or summed loss. Whatever loss the setup trains on, the curve shows
// the mean squared error L = (1/N)·Σe² on all its samples at the start of each epoch, beside
// Var(y), so two setups can be compared on one scale. The server draws both runs at build time,
// the browser reruns them on a change, and lesson 14's facts use the same function.
import { curvature } from '../../trainer/curvature';
import { makeDataset, type Dataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { variance } from '../../trainer/loss';
import { Trainer, type TrainStatus } from '../../trainer/train';
import { runToEnd } from '../steps';
import { RANGES, setupOf, type Setup, type SetupComparisonConfig, type SetupName } from './settings';
import { unitsAsked } from '../steps';

/** R² that counts as "fitted" in the lesson's race. */
export const GOOD_FIT = 0.9;

export interface SetupRun {
  data: Dataset;
  varY: number;
  /** losses[e]: L after e epochs, e = 0 … epochs (the last may be infinite if the run blew up). */
  losses: Float64Array;
  epochs: number;
  updates: number;
  updatesPerEpoch: number;
  status: TrainStatus;
  divergedAt: number;
  message: string;
  /** 2/λmax at the start: the largest step a mean-loss full-batch run can take without overshooting. */
  stableRate: number;
  /** The size of a step in mean-loss terms: η for a mean loss, η × (samples per update) for a sum. */
  effectiveRate: number;
  /** The first epoch with R² ≥ GOOD_FIT, or −1. */
  reachedAt: number;
}

export function setupData(setup: Setup): Dataset {
  const r = RANGES[setup.range];
  return makeDataset({ n: setup.n, x1Range: r.x1, x2Range: r.x2, scaling: setup.scaling });
}

export function comparisonStart(config: Pick<SetupComparisonConfig, 'init' | 'initSeed'>): Float64Array {
  return initParams({ preset: config.init, seed: config.initSeed });
}

export function samplesPerUpdate(setup: Setup): number {
  return setup.batchSize === 'full' ? setup.n : Math.min(setup.batchSize, setup.n);
}

/** A batch that holds all N samples (or more) is the full batch: one update per epoch. */
export function isFullBatch(setup: Setup): boolean {
  return samplesPerUpdate(setup) === setup.n;
}

export function runSetup(config: SetupComparisonConfig, which: SetupName, data: Dataset = setupData(setupOf(config, which))): SetupRun {
  return runToEnd(runSetupSteps(config, which, data, Infinity));
}

/** Both setups, A then B, yielding the epoch reached: what the page trains on every change. */
export function* runBothSteps(config: SetupComparisonConfig): Generator<number, Record<SetupName, SetupRun>, number | undefined> {
  const a = yield* runSetupSteps(config, 'a');
  const b = yield* runSetupSteps(config, 'b');
  return { a, b };
}

/** About this many sample passes (epochs × N) between two pauses of runSetupSteps: a millisecond or two. */
const SAMPLES_PER_SLICE = 200_000;

/**
 * The same run, pausing every `samplesPerSlice` sample passes (yielding the epoch reached), so
 * the browser can train it in frame-sized slices instead of one task. The trainer is
 * deterministic, mini-batch shuffles included: steps taken in slices give the identical run.
 */
export function* runSetupSteps(
  config: SetupComparisonConfig,
  which: SetupName,
  data: Dataset = setupData(setupOf(config, which)),
  samplesPerSlice = SAMPLES_PER_SLICE,
): Generator<number, SetupRun, number | undefined> {
  const setup = setupOf(config, which);
  const start = comparisonStart(config);
  const batch = samplesPerUpdate(setup);
  const trainer = new Trainer({
    data,
    params: start,
    learningRate: config.learningRate,
    batchSize: isFullBatch(setup) ? undefined : batch,
    lossForm: setup.lossForm,
    shuffleSeed: config.initSeed,
  });
  const epochsPerSlice = Math.max(1, Math.floor(samplesPerSlice / data.n));
  // One epoch first; then as many as the slice scheduler measured to fit (epochsPerSlice when run at once).
  let piece = 1;
  while (trainer.epoch < config.epochs && trainer.status === 'ok') {
    trainer.step(Math.min(piece, config.epochs - trainer.epoch));
    if (trainer.epoch < config.epochs) piece = unitsAsked(yield trainer.epoch, epochsPerSlice);
  }
  const epochs = trainer.epoch;
  const losses = trainer.lossHistory();
  const varY = variance(data.y);
  let reachedAt = -1;
  for (let e = 0; e <= epochs; e++) {
    if (1 - losses[e] / varY >= GOOD_FIT) {
      reachedAt = e;
      break;
    }
  }
  return {
    data,
    varY,
    losses,
    epochs,
    updates: trainer.updates,
    updatesPerEpoch: Math.ceil(setup.n / batch),
    status: trainer.status,
    divergedAt: trainer.divergedAt,
    message: trainer.message,
    stableRate: curvature(start, data).stableLearningRate,
    effectiveRate: setup.lossForm === 'sum' ? config.learningRate * batch : config.learningRate,
    reachedAt,
  };
}
