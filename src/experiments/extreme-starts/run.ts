// One run of the extreme-starts widget, DOM-free: the chosen start trained by full-batch
// gradient descent, with what the lesson needs to explain it — the size of each parameter's
// first few steps, the curvature at the start (and so the largest stable learning rate), and
// each hidden unit's state at the start and now.
import { curvature } from '../../trainer/curvature';
import { makeDataset, type Dataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { variance } from '../../trainer/loss';
import { Trainer, type TrainStatus } from '../../trainer/train';
import { unitActivity, type UnitActivity } from '../../trainer/units';
import { runToEnd } from '../steps';
import type { ExtremeScaling, ExtremeStartsConfig } from './settings';
import { unitsAsked } from '../steps';

/** How many of the first steps the widget lists. */
export const FIRST_STEPS = 4;

export interface ExtremeRun {
  readonly config: ExtremeStartsConfig;
  readonly data: Dataset;
  readonly varY: number;
  readonly start: Float64Array;
  readonly params: Float64Array;
  /** The loss after e updates, e = 0…epochs (infinite where it is too large to represent). */
  readonly losses: Float64Array;
  readonly epochs: number;
  readonly status: TrainStatus;
  /** The epoch whose loss or step stopped being finite, or −1. */
  readonly divergedAt: number;
  readonly message: string;
  /** |Δθ| of every parameter in each of the first steps (up to FIRST_STEPS, fewer if the run stopped). */
  readonly steps: Float64Array[];
  /** λmax of the Gauss–Newton matrix at the start, and 2/λmax, the largest stable rate there. */
  readonly lambdaMax: number;
  readonly stableRate: number;
  readonly unitsAtStart: UnitActivity;
  readonly unitsNow: UnitActivity;
}

const datasets = new Map<string, Dataset>();

/** The course's data (N = 300, seed 1), z-scored or min-max scaled; made once per scaling. */
export function extremeData(scaling: ExtremeScaling): Dataset {
  let data = datasets.get(scaling);
  if (!data) datasets.set(scaling, (data = makeDataset({ scaling })));
  return data;
}

export function extremeRun(config: ExtremeStartsConfig, data: Dataset = extremeData(config.scaling)): ExtremeRun {
  return runToEnd(extremeRunSteps(config, data, Infinity));
}

/**
 * The same run, pausing after every `epochsPerSlice` epochs (yielding the epoch reached), so the
 * browser can train a long run in frame-sized slices instead of one task. The trainer is
 * deterministic: steps taken in slices give the identical run.
 */
export function* extremeRunSteps(config: ExtremeStartsConfig, data: Dataset = extremeData(config.scaling), epochsPerSlice = 250): Generator<number, ExtremeRun, number | undefined> {
  const start = initParams({ preset: config.start, seed: config.seed });
  const trainer = new Trainer({ data, params: start, learningRate: config.learningRate });
  const steps: Float64Array[] = [];
  const before = Float64Array.from(start);
  while (trainer.epoch < Math.min(FIRST_STEPS, config.epochs) && trainer.step(1) === 'ok') {
    steps.push(Float64Array.from(trainer.params, (v, j) => Math.abs(v - before[j])));
    before.set(trainer.params);
  }
  // One epoch first; then as many as the slice scheduler measured to fit (epochsPerSlice when run at once).
  let piece = 1;
  while (trainer.epoch < config.epochs && trainer.status === 'ok') {
    trainer.step(Math.min(piece, config.epochs - trainer.epoch));
    if (trainer.epoch < config.epochs) piece = unitsAsked(yield trainer.epoch, epochsPerSlice);
  }
  const epochs = trainer.epoch;
  const losses = trainer.lossHistory();
  const { lambdaMax, stableLearningRate } = curvature(start, data);
  return {
    config,
    data,
    varY: variance(data.y),
    start,
    params: Float64Array.from(trainer.params),
    losses,
    epochs,
    status: trainer.status,
    divergedAt: trainer.divergedAt,
    message: trainer.message,
    steps,
    lambdaMax,
    stableRate: stableLearningRate,
    unitsAtStart: unitActivity(start, data),
    unitsNow: unitActivity(trainer.params, data),
  };
}
