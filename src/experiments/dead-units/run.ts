// One run of the dead-units widget, DOM-free: the data under the chosen scaling, the start,
// full-batch gradient descent for the chosen epochs, and, epoch by epoch, on how many samples
// each hidden unit is on. The server draws the run at build time; the browser reruns it on
// every change, in slices (at most 20,000 epochs of 300 samples); lesson 13's
// facts use the same function, so the prose and the widget cannot disagree.
import { makeDataset, type Dataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { variance } from '../../trainer/loss';
import { makeSqueezedDataset } from '../../trainer/squeeze';
import { Trainer, type TrainStatus } from '../../trainer/train';
import { unitActivity } from '../../trainer/units';
import { runToEnd } from '../steps';
import type { DeadUnitsConfig, DeadUnitsScaling, DeadUnitsStart } from './settings';
import { unitsAsked } from '../steps';

export interface DeadUnitsRun {
  data: Dataset;
  start: Float64Array;
  /** The parameters after the run (the last finite ones if it diverged). */
  final: Float64Array;
  /** Epochs completed. */
  epochs: number;
  status: TrainStatus;
  /** The trainer's explanation when the run diverged, else ''. */
  message: string;
  /** losses[e]: L after e epochs, e = 0 … epochs. */
  losses: Float64Array;
  varY: number;
  /** active[k][e]: on how many samples unit k is on (z > 0) after e epochs. */
  active: [Int32Array, Int32Array];
  /** For each unit, the first epoch after which it was off on every sample, or −1 if it never was. */
  deadFrom: [number, number];
}

/** The course's default 300 samples under the widget's scaling. */
export function deadUnitsData(scaling: DeadUnitsScaling): Dataset {
  return scaling === 'squeezed' ? makeSqueezedDataset() : makeDataset({ scaling });
}

export function deadUnitsStart(start: DeadUnitsStart, seed: number): Float64Array {
  return initParams({ preset: start, seed });
}

export function runDeadUnits(config: DeadUnitsConfig, data: Dataset = deadUnitsData(config.scaling)): DeadUnitsRun {
  return runToEnd(deadUnitsRunSteps(config, data, Infinity));
}

/**
 * The same run, pausing after every `epochsPerSlice` epochs (yielding the epoch reached), so the
 * page can train it in slices; the trainer is deterministic, so the run is the same.
 */
export function* deadUnitsRunSteps(config: DeadUnitsConfig, data: Dataset = deadUnitsData(config.scaling), epochsPerSlice = 500): Generator<number, DeadUnitsRun, number | undefined> {
  const start = deadUnitsStart(config.start, config.initSeed);
  const trainer = new Trainer({ data, params: start, learningRate: config.learningRate });
  const counts = (params: Float64Array) => unitActivity(params, data).activeCounts;
  const active: [Int32Array, Int32Array] = [new Int32Array(config.epochs + 1), new Int32Array(config.epochs + 1)];
  const record = (e: number) => {
    const [a, b] = counts(trainer.params);
    active[0][e] = a;
    active[1][e] = b;
  };
  record(0);
  // One epoch first; then as many as the slice scheduler measured to fit (epochsPerSlice when run at once).
  let pause = trainer.epoch + 1;
  while (trainer.epoch < config.epochs && trainer.step(1) === 'ok') {
    record(trainer.epoch);
    if (trainer.epoch >= pause) pause = trainer.epoch + unitsAsked(yield trainer.epoch, epochsPerSlice);
  }
  const epochs = trainer.epoch;
  const losses = trainer.lossHistory();
  const deadFrom = active.map((column) => {
    // Dead is for ever under full-batch descent (z depends only on the frozen parameters), so
    // the first zero count is where the unit died; the lesson's facts test that it stays 0.
    for (let e = 0; e <= epochs; e++) if (column[e] === 0) return e;
    return -1;
  }) as [number, number];
  return {
    data,
    start,
    final: Float64Array.from(trainer.params),
    epochs,
    status: trainer.status,
    message: trainer.message,
    losses,
    varY: variance(data.y),
    active: [active[0].subarray(0, epochs + 1), active[1].subarray(0, epochs + 1)],
    deadFrom,
  };
}
