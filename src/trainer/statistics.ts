// How sure a count or a median over random runs is. A lesson that says "71 of 100 runs" or "the
// median run ends at 0.05" reports one draw of 100 seeds; another 100 seeds would give a
// slightly different number. These intervals say how different, so the prose can print them.
//
// Wilson's score interval for a proportion (Wilson 1927; recommended over the textbook
// p ± 1.96·√(p(1−p)/n) by Brown, Cai & DasGupta 2001, which fails near 0 and 1: at 0 of 100 it
// gives [0, 0]). The median's interval is distribution-free: between two order statistics chosen
// with the binomial distribution so that the true median lies between them with at least the
// stated confidence (e.g. Conover, Practical Nonparametric Statistics, §3.2).
import { TrainerInputError } from './errors';

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for k successes in n trials (95% by default), as proportions in [0, 1]. */
export function wilsonInterval(k: number, n: number, z: number = Z95): Interval {
  if (!Number.isInteger(n) || n < 1) throw new TrainerInputError('A proportion needs at least one run.');
  if (!Number.isInteger(k) || k < 0 || k > n) throw new TrainerInputError(`A count of ${k} out of ${n} is not possible.`);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the formula is exactly 0 and 1; rounding must not push it past them.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** P(X ≤ k) for X ~ Binomial(n, ½), summed in log space so that n in the thousands is fine. */
function binomialHalfCdf(k: number, n: number): number {
  let logTerm = -n * Math.LN2; // log C(n, 0) 2^−n
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

export interface MedianInterval extends Interval {
  median: number;
  /** The confidence the two order statistics actually give (at least the one asked for). */
  confidence: number;
  /** The 1-based ranks of the two order statistics in the sorted values. */
  ranks: [number, number];
}

/**
 * The sample median and a distribution-free interval for the true median: the r-th and
 * (n + 1 − r)-th smallest values, with r the largest rank for which
 * P(r ≤ Binomial(n, ½) ≤ n − r) ≥ confidence. Needs n ≥ 6 for 95%.
 */
export function medianInterval(values: ArrayLike<number>, confidence = 0.95): MedianInterval {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0 || sorted.some((v) => Number.isNaN(v))) throw new TrainerInputError('A median needs numbers.');
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // Coverage of [X(r), X(n+1−r)] is 1 − 2·P(Bin ≤ r − 1); find the largest r that keeps it.
  let r = 0;
  for (let candidate = 1; candidate <= Math.floor((n + 1) / 2); candidate++) {
    if (1 - 2 * binomialHalfCdf(candidate - 1, n) >= confidence) r = candidate;
    else break;
  }
  if (r === 0) throw new TrainerInputError(`${n} runs are too few for a ${Math.round(confidence * 100)}% interval of the median.`);
  return { median, low: sorted[r - 1], high: sorted[n - r], confidence: 1 - 2 * binomialHalfCdf(r - 1, n), ranks: [r, n + 1 - r] };
}
