// Which points of a long series to draw. A loss curve of a million epochs has far more points
// than the chart has pixels; drawing each bucket's smallest and largest value keeps every
// spike and dip visible (a plain "every k-th point" would hide an oscillation) while the
// path stays a few hundred points long, so a frame stays cheap.

/**
 * Indices to keep, in increasing order: the first and last index, and for each of `buckets`
 * equal runs of indices the one with the smallest and the one with the largest finite value.
 * Series no longer than 2·buckets + 2 are kept whole.
 */
export function downsampleIndices(length: number, valueAt: (i: number) => number, buckets: number): number[] {
  const n = Math.max(0, Math.floor(length));
  const b = Math.max(1, Math.floor(buckets));
  if (n <= 2 * b + 2) return Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [0];
  const size = (n - 2) / b;
  for (let k = 0; k < b; k++) {
    const from = 1 + Math.floor(k * size);
    const to = 1 + Math.floor((k + 1) * size);
    let lo = -1, hi = -1, loValue = Infinity, hiValue = -Infinity;
    for (let i = from; i < to; i++) {
      const v = valueAt(i);
      if (!Number.isFinite(v)) continue;
      if (v < loValue) [lo, loValue] = [i, v];
      if (v > hiValue) [hi, hiValue] = [i, v];
    }
    if (lo < 0) {
      keep.push(from); // a bucket of gaps keeps one index, so the gap stays a gap
      continue;
    }
    if (lo === hi) keep.push(lo);
    else keep.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  keep.push(n - 1);
  return keep;
}
