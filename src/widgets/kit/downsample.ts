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
    keepExtremes(keep, 1 + Math.floor(k * size), 1 + Math.floor((k + 1) * size), valueAt);
  }
  keep.push(n - 1);
  return keep;
}

/** Appends the indices of the lowest and highest finite value in from..to − 1 (one index for a bucket of gaps, so the gap stays a gap). */
function keepExtremes(keep: number[], from: number, to: number, valueAt: (i: number) => number): void {
  let lo = -1, hi = -1, loValue = Infinity, hiValue = -Infinity;
  for (let i = from; i < to; i++) {
    const v = valueAt(i);
    if (!Number.isFinite(v)) continue;
    if (v < loValue) [lo, loValue] = [i, v];
    if (v > hiValue) [hi, hiValue] = [i, v];
  }
  if (lo < 0) keep.push(from);
  else if (lo === hi) keep.push(lo);
  else keep.push(Math.min(lo, hi), Math.max(lo, hi));
}

/**
 * The same for an epoch axis that is logarithmic (or symlog): buckets grow geometrically, so
 * the first epochs — a few pixels each on such an axis — are all kept and the later ones, many
 * per pixel, are thinned to each bucket's lowest and highest point. Indices in increasing order.
 */
export function downsampleIndicesLog(length: number, valueAt: (i: number) => number, buckets: number): number[] {
  const n = Math.max(0, Math.floor(length));
  const b = Math.max(1, Math.floor(buckets));
  if (n <= 2 * b + 2) return Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [];
  let from = 0;
  for (let k = 1; k <= b && from < n; k++) {
    // Bucket k ends where (1 + index) has grown by the k-th share of the factor (1 + n).
    const to = Math.min(n, Math.max(from + 1, Math.round((n + 1) ** (k / b)) - 1));
    keepExtremes(keep, from, to, valueAt);
    from = to;
  }
  if (keep[keep.length - 1] !== n - 1) keep.push(n - 1);
  if (keep[0] !== 0) keep.unshift(0);
  return keep;
}
