// The fused loss-and-gradient pass the trainer runs thousands of times a second.
// One pass per sample does forward, residual, ReLU mask and gradient accumulation;
// nothing is allocated inside the loops. backprop.ts holds the readable version.
// Widths 2, 4, 8 and 16 (the ones the site offers) have passes with every parameter in a local
// variable — H = 2 below, written with the lesson's names, the others generated into
// gradientUnrolled.ts; any other width runs one loop over units.
import { checkShape } from './network';
import { hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import type { LossAndGradient } from './backprop';
import { lossAndGradient16, lossAndGradient4, lossAndGradient8 } from './gradientUnrolled';

export type { LossAndGradient } from './backprop';

/** Columns of the samples a pass runs over: the whole data set, or a mini-batch gathered into its own arrays. */
export interface Samples {
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
}

/** Length of the `scratch` lossAndGradientInto needs for hidden width H (widths 2, 4, 8 and 16 use none). */
export function gradientScratchLength(hidden: number): number {
  return 9 * hidden;
}

/**
 * Writes ∂L/∂θ into `grad` and returns L, for L = (1/m) Σ e² over the m samples start..end.
 * Pass a `scratch` of gradientScratchLength(H) to avoid allocating.
 * (Samples are read in order: an index indirection in this loop costs V8 a third of its speed,
 * so mini-batches are gathered into contiguous arrays first.)
 */
export function lossAndGradientInto(
  params: Parameters,
  samples: Samples,
  hidden: number,
  grad: Float64Array,
  start: number,
  end: number,
  scratch?: Float64Array,
): number {
  // The columns go to the passes as arrays: a pass that read them from the object would depend on
  // the object's shape, and V8 throws its optimised code away whenever a new data set changes that.
  const { x1, x2, y } = samples;
  let loss: number;
  switch (hidden) {
    case 2:
      loss = lossAndGradient2(params, x1, x2, y, grad, start, end);
      break;
    case 4:
      loss = lossAndGradient4(params, x1, x2, y, grad, start, end);
      break;
    case 8:
      loss = lossAndGradient8(params, x1, x2, y, grad, start, end);
      break;
    case 16:
      loss = lossAndGradient16(params, x1, x2, y, grad, start, end);
      break;
    default:
      loss = lossAndGradientWide(params, x1, x2, y, hidden, grad, start, end, scratch ?? new Float64Array(gradientScratchLength(hidden)));
  }
  // The fast passes add up e² and the gradient terms before dividing by the number of samples.
  // Near divergence those sums can pass the largest double (about 1.8e308) while the means they
  // stand for are still representable; only then is the pass done again with every term scaled
  // first, so ordinary runs keep their exact bits and "too large to represent" means the loss.
  if (!Number.isFinite(loss)) return lossAndGradientScaled(params, x1, x2, y, hidden, grad, start, end);
  return loss;
}

/**
 * The same loss and gradient with each sample's terms divided by the number of samples before
 * they are added, as backprop.ts does (dL_dyhat = (2/N)·e first): a sum of such terms overflows
 * only if the mean itself does. Slower and rounded differently, so it is the fallback only.
 */
function lossAndGradientScaled(
  p: Parameters,
  X1: Float64Array,
  X2: Float64Array,
  Y: Float64Array,
  H: number,
  grad: Float64Array,
  start: number,
  end: number,
): number {
  const m = end - start;
  grad.fill(0, 0, 4 * H + 1);
  let loss = 0;
  for (let i = start; i < end; i++) {
    const x1 = X1[i], x2 = X2[i];
    let yhat = p[4 * H];
    for (let k = 0; k < H; k++) {
      const z = p[k] * x1 + p[H + k] * x2 + p[3 * H + k];
      if (z > 0) yhat += p[2 * H + k] * z;
    }
    const e = yhat - Y[i];
    loss += (e / m) * e;
    const dL_dyhat = (2 / m) * e;
    grad[4 * H] += dL_dyhat;
    for (let k = 0; k < H; k++) {
      const z = p[k] * x1 + p[H + k] * x2 + p[3 * H + k];
      if (!(z > 0)) continue;
      grad[2 * H + k] += dL_dyhat * z;
      const dL_dz = dL_dyhat * p[2 * H + k];
      grad[k] += dL_dz * x1;
      grad[H + k] += dL_dz * x2;
      grad[3 * H + k] += dL_dz;
    }
  }
  return loss;
}

/**
 * Any width H. The loop over units reads one scratch array front to back: each unit's four
 * parameters side by side, then each unit's four gradient sums, then the H pre-activations kept
 * between the forward and backward halves. Every sum is taken in the same order as in the
 * unrolled passes, so all of them agree bit for bit.
 */
function lossAndGradientWide(
  p: Parameters,
  X1: Float64Array,
  X2: Float64Array,
  Y: Float64Array,
  H: number,
  grad: Float64Array,
  start: number,
  end: number,
  scratch: Float64Array,
): number {
  const sums = 4 * H, zs = 8 * H;
  for (let k = 0, u = 0; k < H; k++, u += 4) {
    scratch[u] = p[k];
    scratch[u + 1] = p[H + k];
    scratch[u + 2] = p[2 * H + k];
    scratch[u + 3] = p[3 * H + k];
  }
  scratch.fill(0, sums, zs);
  const bOut = p[4 * H];
  let loss = 0, gbOut = 0;
  for (let i = start; i < end; i++) {
    const x1 = X1[i], x2 = X2[i];
    let yhat = bOut;
    for (let u = 0, z = zs; u < sums; u += 4, z++) {
      const zk = scratch[u] * x1 + scratch[u + 1] * x2 + scratch[u + 3];
      scratch[z] = zk;
      if (zk > 0) yhat += scratch[u + 2] * zk;
    }
    const e = yhat - Y[i];
    loss += e * e;
    gbOut += e;
    for (let u = 0, z = zs; u < sums; u += 4, z++) {
      const zk = scratch[z];
      if (zk > 0) {
        const g = sums + u;
        scratch[g + 2] += e * zk;
        const d = e * scratch[u + 2];
        scratch[g] += d * x1;
        scratch[g + 1] += d * x2;
        scratch[g + 3] += d;
      }
    }
  }
  const scale = 2 / (end - start);
  for (let k = 0, g = sums; k < H; k++, g += 4) {
    grad[k] = scratch[g] * scale;
    grad[H + k] = scratch[g + 1] * scale;
    grad[2 * H + k] = scratch[g + 2] * scale;
    grad[3 * H + k] = scratch[g + 3] * scale;
  }
  grad[4 * H] = gbOut * scale;
  return loss / (end - start);
}

/** The same pass for H = 2 with every parameter and gradient sum in a local variable. */
function lossAndGradient2(
  p: Parameters,
  X1: Float64Array,
  X2: Float64Array,
  Y: Float64Array,
  grad: Float64Array,
  start: number,
  end: number,
): number {
  const w1 = p[0], w2 = p[1], w3 = p[2], w4 = p[3], w5 = p[4], w6 = p[5], b1 = p[6], b2 = p[7], b3 = p[8];
  let g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, gb1 = 0, gb2 = 0, gb3 = 0, loss = 0;
  for (let i = start; i < end; i++) {
    const x1 = X1[i], x2 = X2[i];
    const z1 = w1 * x1 + w3 * x2 + b1;
    const z2 = w2 * x1 + w4 * x2 + b2;
    let yhat = b3;
    if (z1 > 0) yhat += w5 * z1;
    if (z2 > 0) yhat += w6 * z2;
    const e = yhat - Y[i];
    loss += e * e;
    gb3 += e;
    if (z1 > 0) {
      g5 += e * z1;
      const d = e * w5;
      g1 += d * x1;
      g3 += d * x2;
      gb1 += d;
    }
    if (z2 > 0) {
      g6 += e * z2;
      const d = e * w6;
      g2 += d * x1;
      g4 += d * x2;
      gb2 += d;
    }
  }
  const scale = 2 / (end - start);
  grad[0] = g1 * scale;
  grad[1] = g2 * scale;
  grad[2] = g3 * scale;
  grad[3] = g4 * scale;
  grad[4] = g5 * scale;
  grad[5] = g6 * scale;
  grad[6] = gb1 * scale;
  grad[7] = gb2 * scale;
  grad[8] = gb3 * scale;
  return loss / (end - start);
}

/** Loss L = (1/N)Σ(ŷ − y)² and its gradient with respect to every parameter. */
export function lossAndGradient(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): LossAndGradient {
  checkShape(params, hidden);
  checkData(data);
  const grad = new Float64Array(parameterCount(hidden));
  const loss = lossAndGradientInto(params, data, hidden, grad, 0, data.n);
  return { loss, grad };
}
