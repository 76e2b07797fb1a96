// Training the network on the student's own functions: the same data and start as the trainer's
// default run, the student's loop called a chunk of epochs at a time (full-batch gradient descent
// has no state besides the parameters, so chunks change nothing), the loss history compared
// with the trainer's number by number.
import { DEFAULT_DATASET, initParams, makeDataset, train, variance } from '../../trainer';
import { formatNumber } from './compare';
import { labData, named, type LabData, type NamedParams } from './values';

export const TRAINING = {
  dataSeed: DEFAULT_DATASET.seed,
  n: DEFAULT_DATASET.n,
  initSeed: 1,
  learningRate: 0.05,
  epochs: 300,
  /** Epochs per call of the student's train: each call is one progress report to the page. */
  chunk: 25,
} as const;

export interface TrainingSetup {
  data: LabData;
  start: NamedParams;
  learningRate: number;
  epochs: number;
  chunk: number;
  /** The trainer's loss history for the same run: losses[e] at the start of epoch e. */
  reference: number[];
  /** Var(y): the baseline every loss is shown beside. */
  varianceOfY: number;
}

/** The run the student's code repeats: the course's default data, He start from seed 1. */
export function trainingSetup(): TrainingSetup {
  const dataset = makeDataset({ n: TRAINING.n, seed: TRAINING.dataSeed });
  const start = initParams({ preset: 'he', seed: TRAINING.initSeed, hidden: 2 });
  const run = train({ data: dataset, params: start, learningRate: TRAINING.learningRate, epochs: TRAINING.epochs, hidden: 2 });
  return {
    data: labData(dataset),
    start: named(start),
    learningRate: TRAINING.learningRate,
    epochs: TRAINING.epochs,
    chunk: TRAINING.chunk,
    reference: Array.from(run.losses),
    varianceOfY: variance(dataset.y),
  };
}

export interface HistoryComparison {
  /** The largest |student − trainer| over the epochs both have (Infinity if a loss is not finite). */
  largestDifference: number;
  /** Every loss equal to the last bit. */
  bitIdentical: boolean;
  summary: string;
}

export function compareHistories(student: readonly number[], reference: readonly number[]): HistoryComparison {
  let largest = 0;
  let identical = student.length === reference.length;
  for (let e = 0; e < Math.min(student.length, reference.length); e++) {
    if (!Object.is(student[e], reference[e])) identical = false;
    const d = Number.isFinite(student[e]) ? Math.abs(student[e] - reference[e]) : Infinity;
    if (d > largest) largest = d;
  }
  const summary = identical
    ? `Bit-identical: all ${reference.length} losses of your run equal the trainer’s to the last bit.`
    : Number.isFinite(largest)
      ? `Your run and the trainer’s differ by at most ${formatNumber(largest)} over ${Math.min(student.length, reference.length)} epochs.`
      : 'Your run’s loss stopped being a finite number: it diverged where the trainer’s did not.';
  return { largestDifference: largest, bitIdentical: identical, summary };
}
