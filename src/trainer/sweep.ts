// Many runs of one setup that differ only in their initialisation seed: the answer to
// "how wide is the range of outcomes?". Pure and synchronous; the browser runs slices of a
// sweep in Web Workers, each worker calling runSweep on its share of the seeds.
import type { Dataset } from './data';
import { initParams, type InitPreset } from './init';
import { makeSchedule, type ScheduleSpec } from './schedule';
import { train, type TrainStatus } from './train';
import { unitActivity, type UnitState } from './units';
import { rSquared, variance } from './loss';
import { curvature } from './curvature';
import { classifyEndState, type EndState } from './endState';
import { DEFAULT_HIDDEN } from './parameters';
import type { OptimizerSpec } from './optimizers';

export interface SweepConfig {
  data: Dataset;
  preset: InitPreset;
  /** Initialisation seeds, one run each. */
  seeds: readonly (number | string)[];
  epochs: number;
  learningRate: number;
  hidden?: number;
  /** How the rate changes during each run (as data; each run gets a fresh schedule). Default: constant. */
  schedule?: ScheduleSpec;
  /** How each run takes its steps (as data; each run gets a fresh optimizer). Default: plain gradient descent. */
  optimizer?: OptimizerSpec;
  /** Samples per update; omit for full batch. */
  batchSize?: number;
  /** Seed of every run's mini-batch shuffling; default: the run's own initialisation seed. */
  shuffleSeed?: number | string;
  /** Also measure λmax (curvature.ts) at each run's start and end; costs about one epoch each. */
  measureCurvature?: boolean;
  /** Also report each run's final parameters, end state, gradient norm and a short loss trace. */
  details?: boolean;
}

/** How many evenly spaced losses `details` keeps of each run (enough for a small sparkline). */
export const SWEEP_TRACE_POINTS = 48;

/** What `details` adds to a run. */
export interface SweepRunDetails {
  /** The parameters at the end (the last finite ones if the run diverged). */
  params: number[];
  state: EndState | string;
  /** For each hidden unit, on how many samples z > 0 at the end. */
  activeCounts: number[];
  /** √(Σ (∂L/∂θ)²) at the end. */
  gradientNorm: number;
  /** Losses at SWEEP_TRACE_POINTS evenly spaced epochs, first and last included. */
  trace: number[];
}

export interface SweepRun {
  seed: number | string;
  status: TrainStatus;
  /** Loss at the start of the last completed epoch (the last finite loss if it diverged). */
  finalLoss: number;
  rSquared: number;
  epochs: number;
  /** Each hidden unit's state at the end. */
  units: UnitState[];
  /** The rate the run ended with (the starting rate unless a schedule cut it). */
  finalRate?: number;
  /** Epochs from which a schedule's cut rate applied. */
  cuts?: number[];
  /** λmax at the start, with `measureCurvature`. */
  startLambdaMax?: number;
  /** λmax at the end (at the last finite parameters if the run diverged), with `measureCurvature`. */
  endLambdaMax?: number;
  /** With `details`. */
  details?: SweepRunDetails;
}

/** `count` losses at evenly spaced epochs, the first and the last included. */
export function lossTrace(losses: ArrayLike<number>, count: number = SWEEP_TRACE_POINTS): number[] {
  const n = losses.length;
  if (n <= count) return Array.from(losses);
  return Array.from({ length: count }, (_, i) => losses[Math.round((i * (n - 1)) / (count - 1))]);
}

/** Epochs between two reports of a run's progress (onEpochs): well under a millisecond each. */
export const PROGRESS_EPOCHS = 500;

/**
 * Runs every seed in order; `onRun` reports progress after each run and may return false to cancel;
 * `onEpochs` (optional) reports how far the run under way has got, every `PROGRESS_EPOCHS`
 * epochs, for a sweep whose single run takes longer than its page should stay silent.
 */
export function runSweep(config: SweepConfig, onRun?: (run: SweepRun, index: number) => boolean | void, onEpochs?: (index: number, epoch: number) => void): SweepRun[] {
  const hidden = config.hidden ?? DEFAULT_HIDDEN;
  const varY = variance(config.data.y);
  const runs: SweepRun[] = [];
  for (let i = 0; i < config.seeds.length; i++) {
    const seed = config.seeds[i];
    const params = initParams({ preset: config.preset, seed, hidden });
    const schedule = makeSchedule(config.schedule);
    const result = train({
      data: config.data, params, learningRate: config.learningRate, epochs: config.epochs, hidden, schedule,
      optimizer: config.optimizer, batchSize: config.batchSize, shuffleSeed: config.shuffleSeed ?? seed,
    }, onEpochs && { every: PROGRESS_EPOCHS, report: (epoch) => onEpochs(i, epoch) });
    const finalLoss = result.losses.length ? result.losses[result.losses.length - 1] : NaN;
    const run: SweepRun = {
      seed,
      status: result.status,
      finalLoss,
      rSquared: rSquared(finalLoss, varY),
      epochs: result.epochs,
      units: unitActivity(result.params, config.data, hidden).states,
      finalRate: result.finalLearningRate,
      cuts: [...result.cuts],
    };
    if (config.measureCurvature) {
      run.startLambdaMax = curvature(params, config.data, hidden).lambdaMax;
      run.endLambdaMax = curvature(result.params, config.data, hidden).lambdaMax;
    }
    if (config.details) {
      const end = classifyEndState(result.params, config.data, hidden);
      run.details = {
        params: Array.from(result.params),
        state: end.state,
        activeCounts: end.activeCounts,
        gradientNorm: end.gradientNorm,
        trace: lossTrace(result.losses),
      };
    }
    runs.push(run);
    if (onRun && onRun(run, i) === false) break;
  }
  return runs;
}

/**
 * Deals `count` runs out to `parts` workers as contiguous, nearly equal index ranges
 * [start, end), so results can be put back in seed order whatever finishes first.
 */
export function splitRuns(count: number, parts: number): Array<[number, number]> {
  const p = Math.max(1, Math.min(Math.floor(parts) || 1, count));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < p; i++) {
    const start = Math.floor((i * count) / p);
    const end = Math.floor(((i + 1) * count) / p);
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}
