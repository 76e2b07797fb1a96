// The loss explorer's computations (lesson 5): one forward pass over the data (predictions,
// residuals, which units are on) and the loss along one parameter with the other eight fixed —
// a 1-D slice, drawn over an interval that depends only on the other eight, with its lowest
// point (exact for the output layer's B3, W5, W6, where the loss is a parabola). DOM-free.
import type { Dataset } from '../../trainer/data';
import { linspace, lossAlong } from '../../trainer/landscape';
import { forward } from '../../trainer/network';
import { B1, B2, B3, W5, W6, type Parameters } from '../../trainer/parameters';

/** Points along a slice: enough that the seams of a hidden unit's slice show. */
export const SLICE_POINTS = 241;
/** Slices never reach further than this from 0, whatever the closed-form minimum says. */
export const SLICE_REACH = 20;

/** Per-sample quantities of one forward pass over the data. */
export interface Residuals {
  yhat: Float64Array;
  e: Float64Array;
  h1: Float64Array;
  h2: Float64Array;
  loss: number;
  meanResidual: number;
  /** On how many samples each hidden unit is on (z > 0). */
  activeCounts: [number, number];
}

export function residualsOf(params: Parameters, data: Dataset): Residuals {
  const n = data.n;
  const yhat = new Float64Array(n), e = new Float64Array(n), h1 = new Float64Array(n), h2 = new Float64Array(n);
  let sum = 0, sumSq = 0, on1 = 0, on2 = 0;
  for (let i = 0; i < n; i++) {
    const pass = forward(params, data.x1[i], data.x2[i], 2);
    [h1[i], h2[i]] = pass.h;
    if (pass.z[0] > 0) on1++;
    if (pass.z[1] > 0) on2++;
    yhat[i] = pass.yhat;
    e[i] = pass.yhat - data.y[i];
    sum += e[i];
    sumSq += e[i] * e[i];
  }
  return { yhat, e, h1, h2, loss: sumSq / n, meanResidual: sum / n, activeCounts: [on1, on2] };
}

/**
 * Where the loss along an output-layer parameter is lowest. ŷ is linear in B3, W5 and W6, so
 * the loss along each is a parabola L(v + t) = L + 2t·(1/N)Σe·g + t²·(1/N)Σg², with g = 1
 * for B3 and g = h_k for W5, W6; its lowest point is t = −Σe·g / Σg². Null for hidden
 * parameters, and for W5 or W6 of a unit that is off on every sample (a flat line).
 */
export function outputMinimum(params: Parameters, r: Residuals, index: number): { value: number; loss: number } | null {
  if (index !== B3 && index !== W5 && index !== W6) return null;
  const g = index === B3 ? null : index === W5 ? r.h1 : r.h2;
  let seg = 0, sgg = 0;
  for (let i = 0; i < r.e.length; i++) {
    const gi = g ? g[i] : 1;
    seg += r.e[i] * gi;
    sgg += gi * gi;
  }
  if (!(sgg > 0)) return null;
  const t = -seg / sgg;
  return { value: params[index] + t, loss: r.loss - (seg * seg) / sgg / r.e.length };
}

/**
 * The interval a slice is drawn over. It depends on the other eight parameters only (plus
 * the current value when that falls outside), so moving the chosen parameter moves the marker
 * along a still curve:
 * - B3, W5, W6: centred on the parabola's lowest point;
 * - B1, B2: from where the unit is off on every sample to where it is on for every sample;
 * - W1…W4: −5 … 5.
 */
export function sliceRange(params: Parameters, data: Dataset, index: number, r: Residuals = residualsOf(params, data)): [number, number] {
  let lo = -5, hi = 5;
  const best = outputMinimum(params, r, index);
  if (best) {
    // The parabola's curvature (1/N)Σg² sets how far it takes to rise by about 9.
    const g = index === B3 ? null : index === W5 ? r.h1 : r.h2;
    let sgg = 0;
    for (let i = 0; i < r.e.length; i++) sgg += g ? g[i] * g[i] : 1;
    const half = Math.min(10, Math.max(1, 3 / Math.sqrt(sgg / r.e.length)));
    [lo, hi] = [best.value - half, best.value + half];
  } else if (index === B1 || index === B2) {
    // z = w·x + b: off everywhere for b ≤ −max(w·x), on everywhere for b > −min(w·x).
    const k = index - B1;
    const wx1 = params[k], wx2 = params[2 + k];
    let rmin = Infinity, rmax = -Infinity;
    for (let i = 0; i < data.n; i++) {
      const v = wx1 * data.x1[i] + wx2 * data.x2[i];
      if (v < rmin) rmin = v;
      if (v > rmax) rmax = v;
    }
    [lo, hi] = [Math.min(-rmax, -3) - 0.5, Math.max(-rmin, 3) + 0.5];
  }
  lo = Math.max(lo, -SLICE_REACH);
  hi = Math.min(hi, SLICE_REACH);
  const v = params[index];
  const margin = 0.05 * (hi - lo);
  if (v < lo + margin) lo = v - margin;
  if (v > hi - margin) hi = v + margin;
  return [lo, hi];
}

export interface Slice {
  values: Float64Array;
  losses: Float64Array;
  /** The lowest drawn point (exact for B3, W5, W6), or null when the slice is flat. */
  lowest: { value: number; loss: number } | null;
  /** The lowest drawn point is an end of the range: the curve still falls beyond it. */
  lowestAtEnd: boolean;
  flat: boolean;
}

export function sliceOf(params: Parameters, data: Dataset, index: number, r: Residuals = residualsOf(params, data)): Slice {
  const [lo, hi] = sliceRange(params, data, index, r);
  const values = linspace(lo, hi, SLICE_POINTS);
  const losses = lossAlong(params, data, index, values);
  let min = Infinity, max = -Infinity, at = 0;
  for (let j = 0; j < losses.length; j++) {
    if (losses[j] < min) [min, at] = [losses[j], j];
    if (losses[j] > max) max = losses[j];
  }
  const flat = !(max - min > 1e-12 * Math.max(1, Math.abs(max)));
  const exact = outputMinimum(params, r, index);
  const inside = exact !== null && exact.value >= lo && exact.value <= hi;
  // The grid can step over the dip the current value sits in (a trained network rests in a
  // narrow one): the current point is on the slice too, so the search starts from the lower of
  // the two and looks closer within a grid step either side. The lowest point is never above
  // the current one (issue 12: it was, at the trained preset).
  const here = r.loss < min;
  const start = here ? { value: params[index], loss: r.loss } : { value: values[at], loss: min };
  const step = (hi - lo) / (SLICE_POINTS - 1);
  const lowest = flat ? null : inside ? exact : refineMinimum(params, data, index, start, [Math.max(lo, start.value - step), Math.min(hi, start.value + step)]);
  const lowestAtEnd = !flat && !inside && !here && (at === 0 || at === values.length - 1);
  return { values, losses, lowest, lowestAtEnd, flat };
}

/**
 * A closer look at [lo, hi] around `best` by golden-section search, for the lowest point of a
 * slice between grid points. Never returns a point above `best`.
 */
export function refineMinimum(params: Parameters, data: Dataset, index: number, best: { value: number; loss: number }, [lo, hi]: [number, number], rounds = 40): { value: number; loss: number } {
  const at = (v: number) => lossAlong(params, data, index, [v])[0];
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = lo, b = hi;
  let c = b - ratio * (b - a), d = a + ratio * (b - a);
  let fc = at(c), fd = at(d);
  for (let k = 0; k < rounds; k++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = at(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = at(d);
    }
  }
  const found = fc < fd ? { value: c, loss: fc } : { value: d, loss: fd };
  return found.loss < best.loss ? found : best;
}
