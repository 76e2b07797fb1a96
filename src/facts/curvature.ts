// Every number lesson 21 ("The shape of the loss: curvature") prints, computed with the trainer:
// the bowl widget's default bowl and path, the same bowl at its best rate and a rounder and a
// narrower one, the condition number of the output layer's bowl with raw and with standardised
// inputs, and the network's exact Hessian beside Gauss–Newton at the He start and after training.
import { bowlSettings } from '../experiments/bowl/settings';
import { spectrumSettings } from '../experiments/spectrum/settings';
import { spectrumRunAtOnce } from '../experiments/spectrum/run';
import { formatInteger, formatNumber } from '../experiments/format';
import { bestRate, bowlPath, conditionNumber, slowestFactor } from '../trainer/quadratic';
import { symmetricEigen } from '../trainer/eigen';
import { makeDataset, type Dataset } from '../trainer/data';
import { bowlOf } from '../experiments/bowl/settings';
import { stepsToOnePercent } from '../experiments/bowl/steps';
import { decimalsShown, fixed } from './format';

// ---------- The bowl widget's default ----------

export const BOWL_DEFAULTS = bowlSettings.defaults;
const D = BOWL_DEFAULTS;
const start: [number, number] = [D.startX, D.startY];
const limit = 2 / Math.max(D.lambda1, D.lambda2);
const best = bestRate(D.lambda1, D.lambda2);
const stepsAt = (lambda1: number, lambda2: number, rate: number) =>
  stepsToOnePercent(bowlPath(bowlOf({ lambda1, lambda2, angle: D.angle }), start, { learningRate: rate, steps: 5000 }).losses);
const defaultSteps = stepsAt(D.lambda1, D.lambda2, D.learningRate);
const bestSteps = stepsAt(D.lambda1, D.lambda2, best.learningRate);
/** A round bowl (κ = 1) and a narrow one (κ = 50), each at its best rate. */
const ROUND = [4, 4] as const, NARROW = [50, 1] as const;
const roundSteps = stepsAt(ROUND[0], ROUND[1], bestRate(ROUND[0], ROUND[1]).learningRate);
const narrowSteps = stepsAt(NARROW[0], NARROW[1], bestRate(NARROW[0], NARROW[1]).learningRate);

// ---------- The exercises: another bowl ----------

const exercise = { lambda1: 12, lambda2: 3 };
const exerciseBest = bestRate(exercise.lambda1, exercise.lambda2);
export const EXERCISE_BOWL = {
  ...exercise,
  limit: 2 / exercise.lambda1,
  limitText: fixed(2 / exercise.lambda1, 3),
  kappaText: formatNumber(exercise.lambda1 / exercise.lambda2),
  bestFactor: exerciseBest.factor,
  bestFactorText: fixed(exerciseBest.factor, 3),
};

// ---------- Standardising the inputs: the output layer's bowl ----------

/**
 * The Hessian of (1/N) Σ (a·x1 + c·x2 + d − y)² over (a, c, d): (2/N) Σ [x1, x2, 1]ᵀ[x1, x2, 1].
 * A straight-line model is the simplest bowl over weights that multiply inputs; its condition
 * number shows what the inputs' scales do to any weight that multiplies them.
 */
export function linearBowl(x1: ArrayLike<number>, x2: ArrayLike<number>): Float64Array {
  const n = x1.length;
  const s = { x1x1: 0, x1x2: 0, x2x2: 0, x1: 0, x2: 0 };
  for (let i = 0; i < n; i++) {
    s.x1x1 += x1[i] * x1[i];
    s.x1x2 += x1[i] * x2[i];
    s.x2x2 += x2[i] * x2[i];
    s.x1 += x1[i];
    s.x2 += x2[i];
  }
  const k = 2 / n;
  return Float64Array.from([s.x1x1, s.x1x2, s.x1, s.x1x2, s.x2x2, s.x2, s.x1, s.x2, n].map((v) => k * v));
}
const data: Dataset = makeDataset();
const eigen = (m: Float64Array) => symmetricEigen(m).values;
const raw = eigen(linearBowl(data.raw.x1, data.raw.x2));
const scaled = eigen(linearBowl(data.x1, data.x2));
const kappaOf = (values: Float64Array) => values[0] / values[values.length - 1];

// ---------- The network: He start, seed 1, η = 0.05 ----------

export const SPECTRUM_DEFAULTS = spectrumSettings.defaults;
const atStart = spectrumRunAtOnce({ ...SPECTRUM_DEFAULTS, at: 0 });
const atEnd = spectrumRunAtOnce({ ...SPECTRUM_DEFAULTS, at: SPECTRUM_DEFAULTS.epochs });
const negatives = (values: Float64Array) => [...values].filter((v) => v < -1e-9).length;
const largestAlong = Math.max(...atEnd.hessianMax);

/** The spectrum part-way (an epoch the prose never shows), for the exercise only the widget answers. */
const WIDGET_ONLY_EPOCH = 500;
const atMiddle = spectrumRunAtOnce({ ...SPECTRUM_DEFAULTS, at: WIDGET_ONLY_EPOCH });
const middleMax = formatNumber(atMiddle.hessian.lambdaMax);

export const curvatureFacts = {
  widgetOnly: {
    epoch: formatInteger(WIDGET_ONLY_EPOCH),
    hessianMax: middleMax,
    hessianMaxDecimals: decimalsShown(middleMax),
    limit: formatNumber(atMiddle.hessian.stableLearningRate),
    rate: formatNumber(SPECTRUM_DEFAULTS.learningRate),
  },
  bowl: {
    lambda1: formatNumber(D.lambda1),
    lambda2: formatNumber(D.lambda2),
    angle: formatNumber(D.angle),
    kappa: formatNumber(conditionNumber(D.lambda1, D.lambda2)),
    rate: formatNumber(D.learningRate),
    limit: formatNumber(limit),
    ratio: formatNumber(D.learningRate / limit),
    factorSteep: fixed(1 - D.learningRate * Math.max(D.lambda1, D.lambda2), 3),
    factorShallow: fixed(1 - D.learningRate * Math.min(D.lambda1, D.lambda2), 3),
    factor: fixed(slowestFactor(D.lambda1, D.lambda2, D.learningRate), 3),
    steps: formatInteger(defaultSteps),
    bestRate: fixed(best.learningRate, 4),
    bestFactor: fixed(best.factor, 4),
    bestSteps: formatInteger(bestSteps),
    round: { lambda: formatNumber(ROUND[0]), steps: formatInteger(roundSteps) },
    narrow: { lambda1: formatNumber(NARROW[0]), lambda2: formatNumber(NARROW[1]), kappa: formatNumber(NARROW[0] / NARROW[1]), steps: formatInteger(narrowSteps), factor: fixed(bestRate(NARROW[0], NARROW[1]).factor, 4) },
  },
  inputs: {
    x1Low: formatNumber(data.options.x1Range[0]),
    x1High: formatNumber(data.options.x1Range[1]),
    x2Low: formatNumber(data.options.x2Range[0]),
    x2High: formatNumber(data.options.x2Range[1]),
    raw: [...raw].map((v) => fixed(v, 2)),
    scaled: [...scaled].map((v) => fixed(v, 3)),
    kappaRaw: formatNumber(kappaOf(raw)),
    kappaScaled: fixed(kappaOf(scaled), 3),
  },
  network: {
    rate: formatNumber(SPECTRUM_DEFAULTS.learningRate),
    epochs: formatInteger(SPECTRUM_DEFAULTS.epochs),
    start: {
      hessianMax: fixed(atStart.hessian.lambdaMax, 2),
      gaussNewtonMax: fixed(atStart.gaussNewton.lambdaMax, 2),
      negatives: formatInteger(negatives(atStart.hessian.eigenvalues)),
      hessianMin: fixed(atStart.hessian.lambdaMin, 2),
      loss: formatNumber(atStart.losses[0]),
    },
    end: {
      hessianMax: fixed(atEnd.hessian.lambdaMax, 4),
      gaussNewtonMax: fixed(atEnd.gaussNewton.lambdaMax, 4),
      negatives: formatInteger(negatives(atEnd.hessian.eigenvalues)),
      hessianMin: formatNumber(atEnd.hessian.lambdaMin),
      loss: formatNumber(atEnd.losses[atEnd.losses.length - 1]),
      limit: fixed(atEnd.hessian.stableLearningRate, 4),
    },
    largestAlong: fixed(largestAlong, 2),
    threshold: formatNumber(2 / SPECTRUM_DEFAULTS.learningRate),
  },
  exact: {
    defaultSteps,
    bestSteps,
    roundSteps,
    narrowSteps,
    kappaRaw: kappaOf(raw),
    kappaScaled: kappaOf(scaled),
    start: atStart,
    end: atEnd,
    largestAlong,
  },
};
