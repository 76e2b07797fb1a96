// The forward pass of a network with one or more hidden layers, layer by layer, for one sample.
//   z¹ = W¹·x + b¹,   h¹ = ReLU(z¹)                 (x = (x1, x2))
//   z² = W²·h¹ + b²,  h² = ReLU(z²)
//   ŷ  = w(out)·h² + b(out)                           (a linear output)
// Each row of a product is summed left to right and the bias is added last, as the lesson writes
// z1 = W1·x1 + W3·x2 + B1. Parameters are in deepParameters.ts's layout.
import { relu } from './activation';
import { biasIndex, checkDeepShape, weightIndex, type DeepLayout } from './deepParameters';
import type { Samples } from './gradient';
import type { Parameters } from './parameters';

/** Every intermediate number of one forward pass, so lessons and widgets can show them. */
export interface DeepForwardPass {
  x1: number;
  x2: number;
  /** z[l − 1] holds the pre-activations of hidden layer l (z[0] is z¹). */
  z: Float64Array[];
  /** h[l − 1] = ReLU(z[l − 1]), the activations of hidden layer l. */
  h: Float64Array[];
  /** The prediction ŷ. */
  yhat: number;
}

/** z = W·input + b for layer l: one row per unit, each summed left to right, the bias last. */
export function layerPreActivation(params: Parameters, layout: DeepLayout, l: number, input: ArrayLike<number>): Float64Array {
  const z = new Float64Array(layout.sizes[l]);
  for (let to = 0; to < z.length; to++) {
    let sum = 0;
    for (let from = 0; from < input.length; from++) sum += params[weightIndex(layout, l, from, to)] * input[from];
    z[to] = sum + params[biasIndex(layout, l, to)];
  }
  return z;
}

/** Pushes one sample (x1, x2) through every layer. */
export function forwardDeep(params: Parameters, layout: DeepLayout, x1: number, x2: number): DeepForwardPass {
  checkDeepShape(params, layout);
  const z: Float64Array[] = [], h: Float64Array[] = [];
  let input: ArrayLike<number> = [x1, x2];
  for (let l = 1; l < layout.layers; l++) {
    z.push(layerPreActivation(params, layout, l, input));
    h.push(z[l - 1].map(relu));
    input = h[l - 1];
  }
  const yhat = layerPreActivation(params, layout, layout.layers, input)[0];
  return { x1, x2, z, h, yhat };
}

/** L = (1/N) Σ (ŷ − y)² over the samples 0..n−1, through the readable forward pass. */
export function deepMeanSquaredError(params: Parameters, layout: DeepLayout, data: Samples & { n: number }): number {
  let sum = 0;
  for (let i = 0; i < data.n; i++) {
    const e = forwardDeep(params, layout, data.x1[i], data.x2[i]).yhat - data.y[i];
    sum += e * e;
  }
  return sum / data.n;
}
