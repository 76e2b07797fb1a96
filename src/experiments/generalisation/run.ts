// One run of the generalisation experiment, DOM-free: draw the data, hold out a seeded share of
// it, train on the rest while the held-out loss is recorded at every epoch, and find where early
// stopping would have stopped. A generator that yields after each piece of epochs, so the page can
// train in slices (kit/slices.ts) and the facts and tests drain it at once (finishRun).
import { makeDataset, targetFunction, applyScale, type Dataset } from '../../trainer/data';
import { earlyStopping } from '../../trainer/earlyStopping';
import { initParams } from '../../trainer/init';
import { meanSquaredError, variance } from '../../trainer/loss';
import { noiseFloor } from '../../trainer/noiseFloor';
import { heldOutBaseline, splitDataset, type DataSplit } from '../../trainer/split';
import { Trainer, type TrainStatus } from '../../trainer/train';
import type { GeneralisationConfig } from './settings';

export interface GeneralisationRun {
  config: GeneralisationConfig;
  /** All N samples, and the two parts (each scaled with the training part's statistics). */
  data: Dataset;
  split: DataSplit;
  /** The best expected loss on new samples, in the training part's units (noiseFloor). */
  floor: number;
  /** Var(y) of the training part (1 with z-scores) and the held-out loss of predicting its mean. */
  trainBaseline: number;
  testBaseline: number;
  /** The loss after 0, 1, …, E epochs on each part (E + 1 values; E is the epochs completed). */
  trainLosses: Float64Array;
  testLosses: Float64Array;
  /** Early stopping on the held-out loss: the epoch to keep, its held-out loss, and where patience ran out (−1: never). */
  bestEpoch: number;
  bestTestLoss: number;
  stopEpoch: number;
  /** The parameters after the last epoch and at the best epoch. */
  params: Float64Array;
  bestParams: Float64Array;
  status: TrainStatus;
  /** Why the run stopped early, in words ('' if it did not). */
  message: string;
}

/** Epochs between two yields: one slice of work is a few of these pieces. */
const PIECE_WORK = 200_000;

/** The data, the split and the trainer of a config (throws TrainerInputError on a bad setup). */
export function setUpRun(config: GeneralisationConfig): { data: Dataset; split: DataSplit; trainer: Trainer } {
  const data = makeDataset({ n: config.n, noiseRange: [config.noiseLow, config.noiseHigh], seed: config.dataSeed });
  const split = splitDataset(data, { testFraction: config.testFraction, seed: config.splitSeed });
  const trainer = new Trainer({
    data: split.train,
    heldOut: split.test,
    params: initParams({ preset: 'he', seed: config.initSeed, hidden: config.hidden }),
    hidden: config.hidden,
    learningRate: config.learningRate,
    weightDecay: config.weightDecay,
  });
  return { data, split, trainer };
}

/** Trains the config's run, yielding the epochs done after each piece; returns the finished run. */
export function* generalisationSteps(config: GeneralisationConfig): Generator<number, GeneralisationRun> {
  const { data, split, trainer } = setUpRun(config);
  const piece = Math.max(1, Math.floor(PIECE_WORK / (split.train.n * config.hidden)));
  // heldOutLosses[e] is measured at the start of epoch e, before its step: the parameters to keep
  // for a new best are those before that step. Kept as earlyStopping counts, so once its patience
  // has run out a later, lower held-out loss no longer replaces them.
  const before = new Float64Array(trainer.params.length);
  let bestParams = Float64Array.from(trainer.params);
  let best = Infinity, without = 0;
  while (trainer.epoch < config.epochs && trainer.status === 'ok') {
    const until = Math.min(config.epochs, trainer.epoch + piece);
    while (trainer.epoch < until && trainer.status === 'ok') {
      before.set(trainer.params);
      const epoch = trainer.epoch;
      trainer.step(1);
      // A step that diverged recorded nothing; after patience ran out nothing is kept.
      if (trainer.epoch === epoch || without >= config.patience) continue;
      const held = trainer.heldOutLosses[epoch];
      if (held < best) {
        best = held;
        bestParams = Float64Array.from(before);
        without = 0;
      } else without++;
    }
    yield trainer.epoch;
  }
  const params = Float64Array.from(trainer.params);
  const testLosses = new Float64Array(trainer.epoch + 1);
  testLosses.set(trainer.heldOutLosses);
  testLosses[trainer.epoch] = trainer.status === 'ok' ? meanSquaredError(params, split.test, config.hidden) : NaN;
  const stop = earlyStopping(testLosses, { patience: config.patience });
  if (stop.bestEpoch === trainer.epoch) bestParams = params; // the loss after the last epoch was the best
  return {
    config,
    data,
    split,
    floor: noiseFloor(split.train),
    trainBaseline: variance(split.train.y),
    testBaseline: heldOutBaseline(split),
    trainLosses: trainer.lossHistory(),
    testLosses,
    bestEpoch: stop.bestEpoch,
    bestTestLoss: stop.bestLoss,
    stopEpoch: stop.stopped ? stop.stopEpoch : -1,
    params,
    bestParams,
    status: trainer.status,
    message: trainer.message,
  };
}

/** The run at once (at build time, in facts and tests). */
export function runGeneralisation(config: GeneralisationConfig): GeneralisationRun {
  const steps = generalisationSteps(config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The noise-free target x1² + x2 of each sample of `part`, in the units the network sees (the training part's scaling). */
export function trueTargets(part: Dataset): Float64Array {
  return part.raw.x1.map((x1, i) => applyScale(targetFunction(x1, part.raw.x2[i]), part.scaling.y));
}
