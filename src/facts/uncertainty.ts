// A count or a median over random runs, as the prose prints it: with n and a 95% interval, so a
// reader can see how much another hundred seeds might change it (src/trainer/statistics.ts).
import { medianInterval, wilsonInterval } from '../trainer';

export interface CountFact {
  /** "71" */
  count: string;
  /** "100": the number of runs. */
  runs: string;
  /** The Wilson interval's ends, as counts out of the runs ("61", "79"). */
  low: string;
  high: string;
  /** "61–79" */
  interval: string;
  /** "71 of 100 (95% interval 61–79)" */
  text: string;
  exact: { count: number; runs: number; low: number; high: number };
}

const whole = (n: number) => n.toLocaleString('en-GB');

/** k runs out of n, with Wilson's 95% interval expressed as counts out of n. */
export function countFact(count: number, runs: number): CountFact {
  const { low, high } = wilsonInterval(count, runs);
  const lo = Math.round(low * runs), hi = Math.round(high * runs);
  return {
    count: whole(count),
    runs: whole(runs),
    low: whole(lo),
    high: whole(hi),
    interval: `${whole(lo)}–${whole(hi)}`,
    text: `${whole(count)} of ${whole(runs)} (95% interval ${whole(lo)}–${whole(hi)})`,
    exact: { count, runs, low, high },
  };
}

export interface MedianFact {
  median: string;
  low: string;
  high: string;
  runs: string;
  /** "0.045 (95% interval 0.041 to 0.050, 100 runs)" */
  text: string;
  exact: { median: number; low: number; high: number; runs: number };
}

/** The median of values from random runs, with its distribution-free 95% interval. */
export function medianFact(values: ArrayLike<number>, format: (v: number) => string): MedianFact {
  const m = medianInterval(values);
  const runs = values.length;
  return {
    median: format(m.median),
    low: format(m.low),
    high: format(m.high),
    runs: whole(runs),
    text: `${format(m.median)} (95% interval ${format(m.low)} to ${format(m.high)}, ${whole(runs)} runs)`,
    exact: { median: m.median, low: m.low, high: m.high, runs },
  };
}
