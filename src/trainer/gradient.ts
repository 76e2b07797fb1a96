// The fused loss-and-gradient pass the trainer runs thousands of times a second.
// One pass per sample does forward, residual, ReLU mask and gradient accumulation;
// nothing is allocated inside the loops. backprop.ts holds the readable version.
import { checkShape } from './network';
import { DEFAULT_HIDDEN, hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import type { Dataset } from './data';
import type { LossAndGradient } from './backprop';

export type { LossAndGradient } from './backprop';

/** Columns of the samples a pass runs over: the whole data set, or a mini-batch gathered into its own arrays. */
export interface Samples {
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
}

/**
 * Writes ∂L/∂θ into `grad` and returns L, for L = (1/m) Σ e² over the m samples start..end.
 * `scratch` holds H pre-activations; pass one of length ≥ H to avoid allocating.
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
  scratch: Float64Array = new Float64Array(hidden),
): number {
  return hidden === 2
    ? lossAndGradient2(params, samples, grad, start, end)
    : lossAndGradientWide(params, samples, hidden, grad, start, end, scratch);
}

/** Any width H: pre-activations kept in `scratch` between the forward and backward halves. */
function lossAndGradientWide(
  params: Parameters,
  samples: Samples,
  H: number,
  grad: Float64Array,
  start: number,
  end: number,
  scratch: Float64Array,
): number {
  const { x1: X1, x2: X2, y: Y } = samples;
  grad.fill(0);
  const bOut = params[4 * H];
  let loss = 0, gOut = 0;
  for (let i = start; i < end; i++) {
    const x1 = X1[i], x2 = X2[i];
    let yhat = bOut;
    for (let k = 0; k < H; k++) {
      const z = params[k] * x1 + params[H + k] * x2 + params[3 * H + k];
      scratch[k] = z;
      if (z > 0) yhat += params[2 * H + k] * z;
    }
    const e = yhat - Y[i];
    loss += e * e;
    gOut += e;
    for (let k = 0; k < H; k++) {
      const z = scratch[k];
      if (z > 0) {
        grad[2 * H + k] += e * z;
        const d = e * params[2 * H + k];
        grad[k] += d * x1;
        grad[H + k] += d * x2;
        grad[3 * H + k] += d;
      }
    }
  }
  grad[4 * H] = gOut;
  const m = end - start;
  const scale = 2 / m;
  for (let j = 0; j < 4 * H + 1; j++) grad[j] *= scale;
  return loss / m;
}

/** The same pass for H = 2 with every parameter and gradient sum in a local variable. */
function lossAndGradient2(
  p: Parameters,
  samples: Samples,
  grad: Float64Array,
  start: number,
  end: number,
): number {
  const { x1: X1, x2: X2, y: Y } = samples;
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
export function lossAndGradient(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params) || DEFAULT_HIDDEN): LossAndGradient {
  checkShape(params, hidden);
  const grad = new Float64Array(parameterCount(hidden));
  const loss = lossAndGradientInto(params, data, hidden, grad, 0, data.n);
  return { loss, grad };
}
