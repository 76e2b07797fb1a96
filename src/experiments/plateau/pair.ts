// One start trained twice, side by side: at a fixed rate, and with reduce-on-plateau from the
// same rate. DOM-free: the server trains the pair at once (trainPair), the browser in slices of
// the kit's scheduler (pairSteps), the facts read the same runs.
import type { Dataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { variance } from '../../trainer/loss';
import { makeSchedule } from '../../trainer/schedule';
import { Trainer } from '../../trainer/train';
import { defaultDataset } from '../data/defaultDataset';
import type { PlateauConfig } from './comparison-settings';
import { describeSchedule, plateauSpec } from './settings';
import { unitsAsked } from '../steps';

/** The course's default data set: the widget does not change the data. */
export const plateauData = defaultDataset;

export interface PlateauPair {
  readonly config: PlateauConfig;
  readonly data: Dataset;
  readonly varY: number;
  readonly start: Float64Array;
  /** Keeps η₀ throughout. */
  readonly fixed: Trainer;
  /** Starts at η₀ and follows reduce-on-plateau. */
  readonly plateau: Trainer;
}

/** Both runs at epoch 0. Throws TrainerInputError (a message for the reader) on a bad setup. */
export function startPair(config: PlateauConfig, data: Dataset = plateauData()): PlateauPair {
  const start = initParams({ preset: config.init, seed: config.initSeed });
  const fixed = new Trainer({ data, params: start, learningRate: config.learningRate });
  const plateau = new Trainer({ data, params: start, learningRate: config.learningRate, schedule: makeSchedule(plateauSpec(config)) });
  return { config, data, varY: variance(data.y), start, fixed, plateau };
}

/** Runs both up to `epochs` more epochs (never past the config's length); returns the epoch reached. */
export function advancePair(pair: PlateauPair, epochs: number): number {
  const target = (t: Trainer) => Math.max(0, Math.min(pair.config.epochs - t.epoch, Math.floor(epochs)));
  pair.fixed.step(target(pair.fixed));
  pair.plateau.step(target(pair.plateau));
  return Math.max(pair.fixed.epoch, pair.plateau.epoch);
}

/** Whether both runs have trained as far as they will (the full length, or diverged). */
export function pairDone(pair: PlateauPair): boolean {
  const done = (t: Trainer) => t.status !== 'ok' || t.epoch >= pair.config.epochs;
  return done(pair.fixed) && done(pair.plateau);
}

/** Epochs per piece of work in pairSteps: about a millisecond on the course's data. */
export const PAIR_CHUNK = 50;

/**
 * The pair trained to its full length in small pieces, for the kit's slice scheduler: each
 * yield is the epoch reached so far; the end value is the pair.
 */
export function* pairSteps(pair: PlateauPair, chunk = PAIR_CHUNK): Generator<number, PlateauPair, number | undefined> {
  // One epoch first; then as many as the slice scheduler measured to fit (`chunk` when run at once).
  let epochs = 1;
  while (!pairDone(pair)) epochs = unitsAsked(yield advancePair(pair, epochs), chunk);
  return pair;
}

/** A pair trained to its full length at once (the server, the facts). */
export function trainPair(config: PlateauConfig, data?: Dataset): PlateauPair {
  const pair = startPair(config, data);
  advancePair(pair, config.epochs);
  return pair;
}

// ---------- what the figures are drawn from ----------

/** One run as the figures need it. */
export interface RunView {
  /** losses[e]: the loss at the start of epoch e, for the completed epochs. */
  losses: ArrayLike<number>;
  /** The loss at the current parameters (after losses.length updates). */
  current: number;
  /** The rate each completed epoch used. */
  rates: ArrayLike<number>;
  /** The rate the next epoch would use. */
  rate: number;
  /** The epoch it diverged at, or −1. */
  divergedAt: number;
  /** Epochs from which a cut rate applied (none for the fixed run). */
  cuts: readonly number[];
}

export interface PairView {
  fixed: RunView;
  plateau: RunView;
  varY: number;
  /** The planned length (the x axis runs to it, so the curves grow into the frame). */
  epochs: number;
  learningRate: number;
  minLr: number;
  /** The schedule's settings in words ("factor 0.5, patience 200, …"). */
  schedule: string;
}

function runView(run: Trainer): RunView {
  return { losses: run.losses, current: run.currentLoss(), rates: run.learningRates, rate: run.learningRate, divergedAt: run.divergedAt, cuts: run.cuts };
}

/** What the figures need to know about a pair, as it stands. */
export function pairView(pair: PlateauPair): PairView {
  return {
    fixed: runView(pair.fixed),
    plateau: runView(pair.plateau),
    varY: pair.varY,
    epochs: pair.config.epochs,
    learningRate: pair.config.learningRate,
    minLr: pair.config.minLr,
    schedule: describeSchedule(pair.config),
  };
}

/** The loss after e updates (0 ≤ e ≤ E): the history, then the loss now. */
export function lossAt(run: Pick<RunView, 'losses' | 'current'>, e: number): number {
  return e < run.losses.length ? run.losses[e] : run.current;
}

/** The rate in force during epoch e (the last one known for epochs not run yet). */
export function rateAt(run: Pick<RunView, 'rates' | 'rate'>, e: number): number {
  return e < run.rates.length ? run.rates[e] : run.rate;
}

// ---------- how a run stands ----------

/**
 * How a run stands, judged on its last tenth (at least 50 epochs): gone; stuck where it
 * predicts only the mean (R² near 0: a dead-unit plateau) with a loss that no longer changes;
 * rising and falling (a rate too large to settle); settled; or still improving. The schedule's
 * run can sit on a plateau with η cut a hundred-millionfold: that is not "training normally".
 */
export type RunState =
  | { kind: 'starting' }
  | { kind: 'diverged'; epoch: number }
  | { kind: 'stuck'; rate: number; cutFrom: number }
  | { kind: 'bouncing'; rises: number; window: number }
  | { kind: 'settled' }
  | { kind: 'improving' };

/** A relative change of the loss below this over the window counts as none. */
export const STILL = 1e-6;
/** R² below this: the network predicts little more than the mean. */
export const NEAR_MEAN = 0.01;

export function runState(run: RunView, varY: number, startRate: number): RunState {
  if (run.divergedAt >= 0) return { kind: 'diverged', epoch: run.divergedAt };
  const epochs = run.losses.length;
  if (epochs < 2) return { kind: 'starting' };
  const window = Math.min(epochs, Math.max(50, Math.floor(epochs / 10)));
  const first = lossAt(run, epochs - window);
  const still = Math.abs(run.current - first) <= STILL * Math.abs(first);
  if (still && 1 - run.current / varY < NEAR_MEAN) return { kind: 'stuck', rate: run.rate, cutFrom: startRate };
  let rises = 0;
  // Rounding moves a settled loss by a few parts in 10¹⁶: only a real rise counts.
  for (let e = epochs - window + 1; e <= epochs; e++) if (lossAt(run, e) > lossAt(run, e - 1) * (1 + 1e-9)) rises += 1;
  if (rises > window / 10) return { kind: 'bouncing', rises, window };
  return still ? { kind: 'settled' } : { kind: 'improving' };
}
