// One training run of the console, DOM-free: the data, the starting parameters and the
// trainer, advanced epoch by epoch with the rate changes of the config applied at their
// epochs. The server uses it to draw the run at build time; the browser uses it to play,
// step, and to step back by replaying the same seeds to an earlier epoch (exact, because
// the trainer is deterministic).
import { Trainer, type TrainStatus } from '../../trainer/train';
import { makeDataset, type Dataset } from '../../trainer/data';
import { variance } from '../../trainer/loss';
import { makeSchedule } from '../../trainer/schedule';
import { startingValues, type RateChange } from '../training/settings';
import { consoleDataOptions, scheduleSpec, type TrainingConsoleConfig } from './settings';
import { unitsAsked } from '../steps';

export interface ConsoleRun {
  /** The setup; its rateChanges are the schedule this run follows. */
  readonly config: TrainingConsoleConfig;
  readonly data: Dataset;
  /** The parameters at epoch 0. */
  readonly start: Float64Array;
  /** Var(y): the loss of always predicting the mean. */
  readonly varY: number;
  readonly trainer: Trainer;
}

/** The data set a config describes. */
export function consoleData(config: TrainingConsoleConfig): Dataset {
  return makeDataset(consoleDataOptions(config));
}

/** A fresh run at epoch 0. Throws TrainerInputError (a message for the reader) on a bad setup. */
export function startRun(config: TrainingConsoleConfig, data: Dataset = consoleData(config)): ConsoleRun {
  const start = startingValues(config);
  const trainer = new Trainer({
    data,
    params: start,
    learningRate: config.learningRate,
    hidden: config.hidden,
    batchSize: config.batchSize === 'full' ? undefined : config.batchSize,
    // The shuffling of mini-batches follows the starting seed, so one seed fixes the whole run.
    shuffleSeed: config.initSeed,
    // Between the reader's own changes η follows the schedule (constant unless reduce-on-plateau).
    schedule: makeSchedule(scheduleSpec(config)),
  });
  return { config, data, start, varY: variance(data.y), trainer };
}

/**
 * Runs up to `epochs` more epochs (never past `limit`), switching the rate at the epochs the
 * config's rate changes name. Stops early if the run diverges. Returns the epochs run.
 */
export function advance(run: ConsoleRun, epochs: number, limit = run.config.maxEpochs): number {
  const { trainer } = run;
  const from = trainer.epoch;
  const target = Math.min(limit, from + Math.max(0, Math.floor(epochs)));
  while (trainer.epoch < target && trainer.status === 'ok') {
    // η typed before the first epoch is the config's starting rate (the trainer was made with the old one).
    if (trainer.epoch === 0) trainer.setLearningRate(run.config.learningRate);
    const change = run.config.rateChanges.find((c) => c.epoch === trainer.epoch);
    if (change) trainer.setLearningRate(change.rate);
    const next = run.config.rateChanges.find((c) => c.epoch > trainer.epoch);
    const until = next ? Math.min(target, next.epoch) : target;
    trainer.step(until - trainer.epoch);
  }
  return trainer.epoch - from;
}

/** Sample-epochs (epochs · N · H) per piece of a replay: well under a millisecond of work. */
const PIECE = 50_000;

/**
 * Advances `run` to `target` a piece at a time, yielding the epoch reached after each piece:
 * a replay for the kit's slice scheduler, which runs pieces for a few milliseconds at a time.
 * Stops early if the run diverges.
 */
export function* replayTo(run: ConsoleRun, target: number): Generator<number, ConsoleRun, number | undefined> {
  const piece = Math.max(1, Math.floor(PIECE / (run.data.n * run.config.hidden)));
  // One epoch first; then what the slice scheduler measured to fit (a PIECE when run at once).
  let epochs = 1;
  while (run.trainer.epoch < target && advance(run, Math.min(epochs, target - run.trainer.epoch)) > 0) epochs = unitsAsked(yield run.trainer.epoch, piece);
  return run;
}

/**
 * The rate the next epoch will use: a change the reader made at this epoch, else the starting
 * rate before the first epoch, else the trainer's (which a schedule may have cut).
 */
export function nextRate(run: ConsoleRun): number {
  const { trainer, config } = run;
  const change = config.rateChanges.find((c) => c.epoch === trainer.epoch);
  if (change) return change.rate;
  return trainer.epoch === 0 ? config.learningRate : trainer.learningRate;
}

/** The rate used during `epoch`: recorded for completed epochs, the next rate for the current one. */
export function rateDuring(run: ConsoleRun, epoch: number): number {
  return epoch < run.trainer.epoch ? run.trainer.learningRates[epoch] : nextRate(run);
}

/** Where η changed so far, for marks on the loss curve: the reader's changes and the schedule's cuts, in epoch order. */
export function rateMarks(run: ConsoleRun): RateChange[] {
  const { trainer } = run;
  const cuts = trainer.cuts.filter((e) => e <= trainer.epoch).map((epoch) => ({ epoch, rate: rateDuring(run, epoch) }));
  return [...run.config.rateChanges.filter((c) => c.epoch <= trainer.epoch), ...cuts].sort((a, b) => a.epoch - b.epoch);
}

/** A run replayed from its seeds to `epoch` (or as far as it gets before diverging). */
export function runTo(config: TrainingConsoleConfig, epoch: number, data?: Dataset): ConsoleRun {
  const run = startRun(config, data);
  advance(run, epoch);
  return run;
}

/** L at the current parameters: the loss the next epoch starts from. Infinite if it overflows. */
export function currentLoss(run: ConsoleRun): number {
  return run.trainer.currentLoss();
}

/**
 * The loss after 0, 1, …, E updates: the trainer's history (loss at the start of each
 * completed epoch) followed by the loss now. E + 1 values.
 */
export function lossHistory(run: ConsoleRun): Float64Array {
  return run.trainer.lossHistory();
}

/** The run a console shows, as other views on the page see it (the playground's gradient check and loss slice). */
export interface ConsoleSnapshot {
  config: TrainingConsoleConfig;
  /** The current parameters (a copy) and those at epoch 0. */
  params: Float64Array;
  start: Float64Array;
  data: Dataset;
  varY: number;
  /** The rate the next epoch will use. */
  rate: number;
  status: TrainStatus;
  playing: boolean;
  /** A replay is bringing the run to the epoch asked for; the numbers are not yet its. */
  replaying: boolean;
}
