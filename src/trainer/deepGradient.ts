// The fused, allocation-free loss-and-gradient pass for networks with one or more hidden layers:
// what the trainer runs. One pass per sample does the forward sweep, the residual and the backward
// sweep; the only memory it touches is the parameters, the gradient it writes and one scratch
// array. deepBackprop.ts holds the readable version; tests check that the two agree.
//
// Two choices make it fast without changing what it computes:
// - Weights are stored grouped by the unit they come from (deepParameters.ts), so both the forward
//   sum z_j += w(k→j)·h_k and the backward sums run along contiguous memory, one source unit at a
//   time — and a unit that is off (h_k = 0) is skipped whole, forward and backward.
// - Gradient sums are taken with e = ŷ − y and multiplied by 2/m once at the end, as gradient.ts does.
// Every sum is taken in the order gradient.ts takes it (first layer: w·x1 + w·x2 + b; later layers:
// the bias first, then each active unit in turn), so with one hidden layer this pass equals
// gradient.ts's bit for bit, and a one-hidden-layer model trains exactly the existing run.
import type { DeepLayout } from './deepParameters';
import type { Samples } from './gradient';
import type { Parameters } from './parameters';

/** Length of the scratch array the passes need: activations and error signals of every hidden unit. */
export function deepScratchLength(layout: DeepLayout): number {
  let units = 0;
  for (let l = 1; l < layout.layers; l++) units += layout.sizes[l];
  return 2 * units;
}

/**
 * Writes ∂L/∂θ into `grad` and returns L, for L = (1/m) Σ (ŷ − y)² over the m samples start..end.
 * `scratch` must have deepScratchLength(layout) entries (its contents do not matter).
 */
export function deepLossAndGradientInto(
  params: Parameters,
  layout: DeepLayout,
  samples: Samples,
  grad: Float64Array,
  start: number,
  end: number,
  scratch: Float64Array,
): number {
  // The columns go in as arrays, not the object: see gradient.ts.
  const { sizes, weightOffset, biasOffset } = layout, { x1, x2, y } = samples;
  const loss = deepPass(params, sizes, weightOffset, biasOffset, x1, x2, y, grad, start, end, scratch, false);
  // As in gradient.ts: only if Σe² or a gradient sum overflowed is the pass redone with each
  // sample's terms divided by m first, so "too large to represent" means the mean, not the sum.
  if (Number.isFinite(loss)) return loss;
  return deepPass(params, sizes, weightOffset, biasOffset, x1, x2, y, grad, start, end, scratch, true);
}

/** The loss alone (the forward half of the pass), for mini-batch training's epoch loss. */
export function deepLossInto(params: Parameters, layout: DeepLayout, samples: Samples, start: number, end: number, scratch: Float64Array): number {
  const { sizes, weightOffset, biasOffset } = layout, { x1, x2, y } = samples;
  const loss = deepPass(params, sizes, weightOffset, biasOffset, x1, x2, y, null, start, end, scratch, false);
  if (Number.isFinite(loss)) return loss;
  return deepPass(params, sizes, weightOffset, biasOffset, x1, x2, y, null, start, end, scratch, true);
}

/**
 * scratch = [ h of every hidden unit, layer by layer | δ of every hidden unit, in the same places ].
 * h holds ReLU(z), so "unit k is on" is h_k > 0 (ReLU'(z) = 1 exactly when ReLU(z) > 0).
 * δ is the error signal ∂(Σe²/2)/∂z: the (2/m) factor is applied to the sums at the end —
 * or, when `scaled` (the overflow fallback, gradient.ts's lossAndGradientScaled), to each sample's
 * residual first: loss terms (e/m)·e and δ(out) = (2/m)·e.
 */
function deepPass(
  p: Parameters,
  sizes: readonly number[],
  weightOffset: readonly number[],
  biasOffset: readonly number[],
  X1: Float64Array,
  X2: Float64Array,
  Y: Float64Array,
  grad: Float64Array | null,
  start: number,
  end: number,
  s: Float64Array,
  scaled: boolean,
): number {
  const layers = sizes.length - 1, last = layers - 1; // `last` is the last hidden layer
  const n1 = sizes[1], nLast = sizes[last];
  // where each hidden layer's h (and, `deltas` further on, δ) starts in scratch
  let deltas = 0;
  for (let l = 1; l <= last; l++) deltas += sizes[l];
  const hLast = deltas - nLast;
  const wOut = weightOffset[layers], bOut = biasOffset[layers];
  if (grad !== null) grad.fill(0);
  const m = end - start, twoOverM = 2 / m;
  let loss = 0;
  for (let i = start; i < end; i++) {
    const x1 = X1[i], x2 = X2[i];
    // ---- forward: layer 1 from the inputs
    for (let j = 0, w = weightOffset[1], b = biasOffset[1]; j < n1; j++) {
      const z = p[w + j] * x1 + p[w + n1 + j] * x2 + p[b + j];
      s[j] = z > 0 ? z : 0;
    }
    // ---- forward: hidden layers 2 … last, one source unit at a time
    for (let l = 2, below = 0; l <= last; l++) {
      const n = sizes[l], m = sizes[l - 1], here = below + m, b = biasOffset[l];
      for (let j = 0; j < n; j++) s[here + j] = p[b + j];
      for (let k = 0, w = weightOffset[l]; k < m; k++, w += n) {
        const h = s[below + k];
        if (h > 0) for (let j = 0; j < n; j++) s[here + j] += p[w + j] * h;
      }
      for (let j = here; j < here + n; j++) {
        const z = s[j];
        s[j] = z > 0 ? z : 0;
      }
      below = here;
    }
    // ---- output
    let yhat = p[bOut];
    for (let k = 0; k < nLast; k++) {
      const h = s[hLast + k];
      if (h > 0) yhat += p[wOut + k] * h;
    }
    let e = yhat - Y[i];
    if (scaled) {
      loss += (e / m) * e;
      e = twoOverM * e;
    } else loss += e * e;
    if (grad === null) continue;
    // ---- backward: output layer (δ(out) = e), and δ of the last hidden layer
    grad[bOut] += e;
    for (let k = 0; k < nLast; k++) {
      const h = s[hLast + k];
      if (h > 0) {
        grad[wOut + k] += e * h;
        s[deltas + hLast + k] = e * p[wOut + k];
      } else s[deltas + hLast + k] = 0;
    }
    // ---- backward: hidden layers last … 2; δ below = Wᵀδ, gated
    for (let l = last, here = hLast; l >= 2; l--) {
      const n = sizes[l], m = sizes[l - 1], below = here - m, b = biasOffset[l];
      for (let j = 0; j < n; j++) grad[b + j] += s[deltas + here + j];
      for (let k = 0, w = weightOffset[l]; k < m; k++, w += n) {
        const h = s[below + k];
        if (h > 0) {
          let back = 0;
          for (let j = 0; j < n; j++) {
            const d = s[deltas + here + j];
            grad[w + j] += d * h;
            back += p[w + j] * d;
          }
          s[deltas + below + k] = back;
        } else s[deltas + below + k] = 0;
      }
      here = below;
    }
    // ---- backward: layer 1
    for (let j = 0, w = weightOffset[1], b = biasOffset[1]; j < n1; j++) {
      if (s[j] > 0) {
        const d = s[deltas + j];
        grad[w + j] += d * x1;
        grad[w + n1 + j] += d * x2;
        grad[b + j] += d;
      }
    }
  }
  if (scaled) return loss;
  if (grad !== null) for (let j = 0; j < grad.length; j++) grad[j] *= twoOverM;
  return loss / m;
}
