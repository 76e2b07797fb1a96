// One run of the symmetry widget, DOM-free: a symmetric start (optionally with unit 1 nudged
// by ε), trained by full-batch gradient descent, with every epoch's nine parameters kept so
// unit 1 and unit 2 can be traced against each other. Also the two levels the widget compares
// with: the lowest loss one hidden unit reaches, and the lowest two units reach.
import { initParams } from '../../trainer/init';
import { variance } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { Trainer, train, type TrainStatus } from '../../trainer/train';
import { unitsIdentical } from '../../trainer/symmetry';
import type { Dataset } from '../../trainer/data';
import { defaultDataset } from '../data/defaultDataset';
import { runToEnd } from '../steps';
import type { SymmetryConfig } from './settings';
import { unitsAsked } from '../steps';

export interface SymmetryRun {
  readonly config: SymmetryConfig;
  readonly data: Dataset;
  readonly varY: number;
  /** The nine parameters after e updates, for e = 0…epochs, one after another (9 per epoch). */
  readonly history: Float64Array;
  /** The loss after e updates, e = 0…epochs (infinite where it overflowed). */
  readonly losses: Float64Array;
  /** Epochs actually run (fewer than asked if the run diverged). */
  readonly epochs: number;
  readonly status: TrainStatus;
  readonly message: string;
  /** The first epoch at which unit 1 and unit 2 differ in any bit, or −1 if they never do. */
  readonly firstDifferent: number;
}

export const PARAMS_PER_EPOCH = 9;

/** The nine parameters after `epoch` updates. */
export function paramsAt(run: Pick<SymmetryRun, 'history'>, epoch: number): Float64Array {
  return run.history.subarray(epoch * PARAMS_PER_EPOCH, (epoch + 1) * PARAMS_PER_EPOCH);
}

/** The starting parameters: the preset, with ε added to the nudged parameter of unit 1. */
export function symmetricStart(config: Pick<SymmetryConfig, 'start' | 'nudge' | 'epsilon'>): Float64Array {
  const params = initParams({ preset: config.start });
  params[PARAMETER_NAMES.indexOf(config.nudge)] += config.epsilon;
  return params;
}

export function symmetryRun(config: SymmetryConfig, data: Dataset = defaultDataset()): SymmetryRun {
  return runToEnd(symmetryRunSteps(config, data, Infinity));
}

/**
 * The same run, pausing after every `epochsPerSlice` epochs (yielding the epoch reached), so the
 * browser can train a long run in frame-sized slices instead of one task.
 */
export function* symmetryRunSteps(config: SymmetryConfig, data: Dataset = defaultDataset(), epochsPerSlice = 250): Generator<number, SymmetryRun, number | undefined> {
  const trainer = new Trainer({ data, params: symmetricStart(config), learningRate: config.learningRate });
  const history = new Float64Array((config.epochs + 1) * PARAMS_PER_EPOCH);
  history.set(trainer.params, 0);
  let firstDifferent = unitsIdentical(trainer.params) ? -1 : 0;
  // One epoch first; then as many as the slice scheduler measured to fit (epochsPerSlice when run at once).
  let pause = trainer.epoch + 1;
  while (trainer.epoch < config.epochs && trainer.step(1) === 'ok') {
    history.set(trainer.params, trainer.epoch * PARAMS_PER_EPOCH);
    if (firstDifferent < 0 && !unitsIdentical(trainer.params)) firstDifferent = trainer.epoch;
    if (trainer.epoch >= pause) pause = trainer.epoch + unitsAsked(yield trainer.epoch, epochsPerSlice);
  }
  const epochs = trainer.epoch;
  const losses = trainer.lossHistory();
  return {
    config,
    data,
    varY: variance(data.y),
    history: history.subarray(0, (epochs + 1) * PARAMS_PER_EPOCH),
    losses,
    epochs,
    status: trainer.status,
    message: trainer.message,
    firstDifferent,
  };
}

/** A run and, for a nudged one, the tied run (ε = 0) it is compared with. */
export interface SymmetryPair {
  run: SymmetryRun;
  tied: SymmetryRun | null;
}

/**
 * The run for `config` and, when it is nudged, the tied run beside it (`tied`, if given, is that
 * run already made: only ε or the nudged parameter changed), yielding the epoch reached.
 */
export function* symmetryPairSteps(config: SymmetryConfig, data: Dataset = defaultDataset(), tied: SymmetryRun | null = null): Generator<number, SymmetryPair, number | undefined> {
  const run = yield* symmetryRunSteps(config, data);
  if (config.epsilon === 0) return { run, tied: null };
  return { run, tied: tied ?? (yield* symmetryRunSteps({ ...config, epsilon: 0 }, data)) };
}

/** Whether `run` is the tied run `config` is compared with (same start, rate and length, ε = 0). */
export function isTiedRunOf(run: SymmetryRun, config: SymmetryConfig): boolean {
  const c = run.config;
  return c.epsilon === 0 && c.start === config.start && c.learningRate === config.learningRate && c.epochs === config.epochs;
}

/** The first epoch whose loss is below `level`, or −1. */
export function firstBelow(losses: ArrayLike<number>, level: number): number {
  for (let e = 0; e < losses.length; e++) if (losses[e] < level) return e;
  return -1;
}

/** Random (He) starts tried for each width, and how long each is trained. */
export const LEVEL_SEEDS = 10;
export const LEVEL_EPOCHS = 10_000;
export const LEVEL_RATE = 0.05;

export interface WidthLevels {
  /** The lowest loss a network with one hidden unit reached from LEVEL_SEEDS He starts. */
  oneUnit: number;
  /** The same for the course's two units. */
  twoUnits: number;
  /** Every start's final loss (seeds 1, 2, …), one unit and two units; left out where only the levels are known. */
  finals?: { oneUnit: number[]; twoUnits: number[] };
}

const levelCache = new WeakMap<Dataset, WidthLevels>();

/**
 * How low one unit and two units get on this data: the best of several random starts each.
 * A network whose two units are tied can do no better than `oneUnit`.
 */
export function widthLevels(data: Dataset = defaultDataset()): WidthLevels {
  const cached = levelCache.get(data);
  if (cached) return cached;
  const finalsOf = (hidden: number) =>
    Array.from({ length: LEVEL_SEEDS }, (_, k) => {
      const r = train({ data, params: initParams({ preset: 'he', seed: k + 1, hidden }), hidden, learningRate: LEVEL_RATE, epochs: LEVEL_EPOCHS });
      return r.status === 'ok' ? r.lossHistory[r.epochs] : Infinity;
    });
  const finals = { oneUnit: finalsOf(1), twoUnits: finalsOf(2) };
  const levels = { oneUnit: Math.min(...finals.oneUnit), twoUnits: Math.min(...finals.twoUnits), finals };
  levelCache.set(data, levels);
  return levels;
}
