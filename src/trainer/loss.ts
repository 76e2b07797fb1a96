// How wrong the network is, and what "wrong" should be compared with.
//   L = (1/N) Σ (ŷ_i − y_i)²                  mean squared error
//   baseline: always predicting the mean ȳ scores exactly Var(y)
//   R² = 1 − L / Var(y)                        the share of the pattern that was learned
import { predict, checkShape } from './network';
import { hiddenWidthOf, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';

/** Mean squared error of the network on a data set. */
export function meanSquaredError(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): number {
  checkShape(params, hidden);
  checkData(data);
  let sum = 0;
  for (let i = 0; i < data.n; i++) {
    const e = predict(params, data.x1[i], data.x2[i], hidden) - data.y[i];
    sum += e * e;
  }
  if (Number.isFinite(sum)) return sum / data.n;
  // Σe² passed the largest double; the mean may not have. Divide each term first (as gradient.ts's
  // fallback does), so that only a mean too large to represent is reported as one.
  let mean = 0;
  for (let i = 0; i < data.n; i++) {
    const e = predict(params, data.x1[i], data.x2[i], hidden) - data.y[i];
    mean += (e / data.n) * e;
  }
  return mean;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Population variance (divides by N): exactly the loss of always predicting the mean. */
export function variance(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - m) * (values[i] - m);
  return sum / values.length;
}

/** R² = 1 − L / Var(y). 1 is a perfect fit, 0 is no better than the mean, negative is worse. */
export function rSquared(loss: number, varianceOfY: number): number {
  if (!(varianceOfY > 0)) return loss === 0 ? 1 : Number.NEGATIVE_INFINITY;
  return 1 - loss / varianceOfY;
}

/** The best plane ŷ = a·x1 + b·x2 + c, by least squares, and its loss: the second baseline. */
export interface LinearFit {
  a: number;
  b: number;
  c: number;
  loss: number;
}

/** Solves the 3×3 normal equations of least squares (centred, so c is the mean's correction). */
export function linearFit(data: Dataset): LinearFit {
  checkData(data);
  const n = data.n;
  const m1 = mean(data.x1), m2 = mean(data.x2), my = mean(data.y);
  let s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
  for (let i = 0; i < n; i++) {
    const d1 = data.x1[i] - m1, d2 = data.x2[i] - m2, dy = data.y[i] - my;
    s11 += d1 * d1;
    s12 += d1 * d2;
    s22 += d2 * d2;
    s1y += d1 * dy;
    s2y += d2 * dy;
  }
  const det = s11 * s22 - s12 * s12;
  let a = 0, b = 0;
  // A degenerate design (constant inputs) falls back to fewer slopes.
  if (Math.abs(det) > 1e-12 * Math.max(1, s11 * s22)) {
    a = (s1y * s22 - s2y * s12) / det;
    b = (s2y * s11 - s1y * s12) / det;
  } else if (s11 > 0) {
    a = s1y / s11;
  } else if (s22 > 0) {
    b = s2y / s22;
  }
  const c = my - a * m1 - b * m2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = a * data.x1[i] + b * data.x2[i] + c - data.y[i];
    sum += e * e;
  }
  return { a, b, c, loss: sum / n };
}

/** The numbers every loss is shown beside. */
export interface Baselines {
  /** Var(y): the loss of always predicting the mean. */
  meanPredictor: number;
  /** The loss of the best straight-plane fit. */
  linear: number;
}

export function baselines(data: Dataset): Baselines {
  return { meanPredictor: variance(data.y), linear: linearFit(data).loss };
}
