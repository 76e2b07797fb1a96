// A long series (a loss per epoch) as one SVG path, cheaply: only the points downsampleIndices
// keeps are drawn, and a value that cannot be drawn — not finite, or not positive on a log
// axis — lifts the pen (d3-shape's line().defined()), so a diverged run or a gap shows as a gap
// rather than a false line.
import { line } from 'd3-shape';
import { downsampleIndices } from './downsample';
import { round } from './svg';

export interface LongSeries {
  /** Points 0 … length − 1. */
  length: number;
  valueAt: (i: number) => number;
}

/** Whether a value can be placed on the axis. */
export function drawable(value: number, log: boolean): boolean {
  return Number.isFinite(value) && (!log || value > 0);
}

/** The indices worth drawing: every bucket's lowest and highest point (about 2·buckets of them). */
export function keptIndices(series: LongSeries, buckets = 200): number[] {
  return downsampleIndices(series.length, series.valueAt, buckets);
}

/** The lowest and highest drawable value among the kept points of all series, or null if there is none. */
export function keptExtent(series: readonly LongSeries[], log: boolean, buckets = 200): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const s of series) {
    for (const i of keptIndices(s, buckets)) {
      const v = s.valueAt(i);
      if (!drawable(v, log)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi >= lo ? [lo, hi] : null;
}

/** "M…L…" through the kept points, placed by x(i) and y(value); undrawable values break the line. */
export function seriesPath(series: LongSeries, x: (i: number) => number, y: (v: number) => number, log: boolean, buckets = 200): string {
  const path = line<number>()
    .defined((i) => drawable(series.valueAt(i), log))
    .x((i) => round(x(i)))
    .y((i) => round(y(series.valueAt(i))));
  return path(keptIndices(series, buckets)) ?? '';
}
