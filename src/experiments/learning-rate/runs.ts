// What the learning-rate widgets and lesson 8 measure, as pure functions of the trainer:
// one start trained at several rates, a ball stepping along one parameter's loss slice, and
// a seed sweep summarised per rate. DOM-free: used at build time (facts, server figures) and
// in the browser alike.
import { quantileSorted } from 'd3-array';
import { curvature, curvatureAlong } from '../../trainer/curvature';
import type { Dataset } from '../../trainer/data';
import { lossAndGradient } from '../../trainer/gradient';
import type { Parameters } from '../../trainer/parameters';
import type { SweepRun } from '../../trainer/sweep';
import { Trainer, type TrainStatus } from '../../trainer/train';
import { unitActivity, type UnitState } from '../../trainer/units';

// ---------- One start, several rates ----------

/** A rise of the loss that counts: more than 0.1% in one epoch. */
export const RISE = 1e-3;

export interface RateRun {
  rate: number;
  /**
   * losses[e] is the loss after e updates, e = 0 … epochs (the last one at the final
   * parameters). A run that diverged stops at its last finite loss.
   */
  losses: Float64Array;
  status: TrainStatus;
  /** The epoch whose loss or step stopped being finite, or −1. */
  divergedAt: number;
  /** How many epochs made the loss go up by more than RISE (rounding wobbles of 1e-16 do not count). */
  rises: number;
  /** The last finite loss. */
  finalLoss: number;
  /** Each hidden unit at the end (at the last finite parameters if the run diverged). */
  units: UnitState[];
  /** λmax at the end; not a number for a run that diverged. */
  endLambdaMax: number;
}

/** Trains copies of one start, one per rate, for `epochs` epochs each (full batch). */
export function compareRates(data: Dataset, start: Parameters, rates: readonly number[], epochs: number): RateRun[] {
  const steps = compareRatesSteps(data, start, rates, epochs, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Epochs per piece of work in compareRatesSteps: about a millisecond on the course's data. */
export const RATE_CHUNK = 100;

/**
 * The same runs in small pieces, for the kit's slice scheduler in the browser: each yield is how
 * many of all the epochs are done; the end value is every run, exactly as compareRates gives.
 */
export function* compareRatesSteps(data: Dataset, start: Parameters, rates: readonly number[], epochs: number, chunk = RATE_CHUNK): Generator<{ done: number; total: number }, RateRun[]> {
  const runs: RateRun[] = [];
  const total = rates.length * epochs;
  for (const [r, rate] of rates.entries()) {
    const trainer = new Trainer({ data, params: start, learningRate: rate });
    while (trainer.epoch < epochs && trainer.status === 'ok') {
      trainer.step(Math.min(chunk, epochs - trainer.epoch));
      if (trainer.epoch < epochs && trainer.status === 'ok') yield { done: r * epochs + trainer.epoch, total };
    }
    runs.push(rateRun(rate, trainer, data));
  }
  return runs;
}

function rateRun(rate: number, trainer: Trainer, data: Dataset): RateRun {
  const ok = trainer.status === 'ok';
  const losses = ok ? trainer.lossHistory() : Float64Array.from(trainer.losses);
  let rises = 0;
  for (let e = 1; e < losses.length; e++) if (losses[e] > losses[e - 1] * (1 + RISE)) rises += 1;
  return {
    rate,
    losses,
    status: trainer.status,
    divergedAt: trainer.divergedAt,
    rises,
    finalLoss: losses.length ? losses[losses.length - 1] : NaN,
    units: unitActivity(trainer.params, data).states,
    endLambdaMax: ok ? curvature(trainer.params, data).lambdaMax : NaN,
  };
}

// ---------- A ball on one parameter's loss slice ----------

export interface SlicePoint {
  value: number;
  loss: number;
  /** ∂L/∂θ at this point: the slope of the slice. */
  slope: number;
}

export interface SliceWalk {
  index: number;
  rate: number;
  /** The start and each step's landing point; stops early at the first value or loss that is not finite. */
  points: SlicePoint[];
  /** Whether a step left the numbers a computer can represent. */
  escaped: boolean;
  /** Curvature of the slice at the start, (2/N)·Σ(∂ŷ/∂θ)²; 2 along B3. */
  curvature: number;
  /** 2 / curvature: steps along this slice overshoot further each time above it (Infinity if flat). */
  limit: number;
  /** The lowest point of the slice near the start (for framing the picture). */
  lowest: { value: number; loss: number };
}

function pointAt(data: Dataset, probe: Float64Array, index: number, value: number): SlicePoint {
  probe[index] = value;
  const { loss, grad } = lossAndGradient(probe, data);
  return { value, loss, slope: grad[index] };
}

/**
 * The lowest point of the slice reached from the start by exact Newton steps: the slice is a
 * parabola between ReLU kinks, so each step lands on the bottom of the current piece. Stops
 * on a flat piece or after a few dozen steps; returns the lowest point seen.
 */
export function lowestOnSlice(data: Dataset, params: Parameters, index: number): { value: number; loss: number } {
  const probe = Float64Array.from(params);
  let here = pointAt(data, probe, index, params[index]);
  let best = here;
  for (let k = 0; k < 40; k++) {
    probe[index] = here.value;
    const c = curvatureAlong(probe, data, index);
    if (!(c > 0)) break;
    const next = pointAt(data, probe, index, here.value - here.slope / c);
    if (!Number.isFinite(next.loss)) break;
    if (next.loss < best.loss) best = next;
    if (Math.abs(next.value - here.value) <= 1e-12 * (1 + Math.abs(here.value))) break;
    here = next;
  }
  return { value: best.value, loss: best.loss };
}

/** Gradient descent on one parameter with the other eight held fixed: θ ← θ − η·∂L/∂θ, `steps` times. */
export function walkAlongSlice(data: Dataset, params: Parameters, index: number, rate: number, steps: number): SliceWalk {
  const probe = Float64Array.from(params);
  const c = curvatureAlong(params, data, index);
  const points: SlicePoint[] = [pointAt(data, probe, index, params[index])];
  let escaped = false;
  for (let k = 0; k < steps; k++) {
    const here = points[points.length - 1];
    const next = pointAt(data, probe, index, here.value - rate * here.slope);
    if (!Number.isFinite(next.value) || !Number.isFinite(next.loss) || !Number.isFinite(next.slope)) {
      escaped = true;
      break;
    }
    points.push(next);
  }
  return { index, rate, points, escaped, curvature: c, limit: c > 0 ? 2 / c : Infinity, lowest: lowestOnSlice(data, params, index) };
}

// ---------- Many starts per rate ----------

export interface RateSummary {
  rate: number;
  runs: number;
  diverged: number;
  /** Final losses of the runs that did not diverge, sorted. */
  finals: number[];
  /** 10th, 25th, 50th, 75th and 90th percentile of `finals` (null when every run diverged). */
  percentiles: { p10: number; q1: number; median: number; q3: number; p90: number } | null;
  /** Dead hidden units at the end, among the runs that did not diverge … */
  deadUnits: number;
  /** … out of this many units. */
  units: number;
  /** Starts whose limit 2/λmax lies below this rate (null when the start's λmax is not known). */
  aboveLimit: number | null;
}

/** The runs of one rate in numbers; `startLimits[i]` is 2/λmax of runs[i]'s start, if known. */
export function summariseRate(rate: number, runs: readonly SweepRun[], startLimits?: ArrayLike<number>): RateSummary {
  const survivors = runs.filter((r) => r.status === 'ok' && Number.isFinite(r.finalLoss));
  const finals = survivors.map((r) => r.finalLoss).sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(finals, p) as number;
  let aboveLimit: number | null = null;
  if (startLimits && startLimits.length >= runs.length && runs.length > 0) {
    aboveLimit = 0;
    for (let i = 0; i < runs.length; i++) if (startLimits[i] < rate) aboveLimit += 1;
  }
  return {
    rate,
    runs: runs.length,
    diverged: runs.length - survivors.length,
    finals,
    percentiles: finals.length ? { p10: q(0.1), q1: q(0.25), median: q(0.5), q3: q(0.75), p90: q(0.9) } : null,
    deadUnits: survivors.reduce((n, r) => n + r.units.filter((s) => s === 'dead').length, 0),
    units: survivors.reduce((n, r) => n + r.units.length, 0),
    aboveLimit,
  };
}
