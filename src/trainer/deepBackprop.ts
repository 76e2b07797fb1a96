// Backpropagation for any number of hidden layers, with the one rule the lesson derives: the
// error signal δ of a layer is the next layer's δ sent back through its weights, gated by ReLU'.
//   δ(out) = ∂L/∂ŷ = (2/N)·(ŷ − y)
//   δˡ     = (W^{l+1})ᵀ δ^{l+1} ⊙ ReLU'(zˡ)        (the next layer's error, passed back and gated)
//   ∂L/∂Wˡ = δˡ · (input of layer l)ᵀ             (one entry: δ of the unit it goes to × the input it comes from)
//   ∂L/∂bˡ = δˡ
// summed over the samples. For 2-2-1 this is backprop.ts line for line: δ(out) is dL_dyhat,
// δ¹ is (dL_dz1, dL_dz2) and ∂L/∂W¹ holds dL_dW1 … dL_dW4. The trainer runs deepGradient.ts;
// tests check that the two agree, and that this one equals the autodiff engine bit for bit.
import { reluPrime } from './activation';
import type { LossAndGradient } from './backprop';
import { biasIndex, checkDeepShape, weightIndex, type DeepLayout } from './deepParameters';
import { forwardDeep } from './deepNetwork';
import type { Samples } from './gradient';
import type { Parameters } from './parameters';

/** Loss and every partial derivative, layer by layer from the output back. */
export function backpropagateDeep(params: Parameters, layout: DeepLayout, data: Samples & { n: number }): LossAndGradient {
  checkDeepShape(params, layout);
  const N = data.n;
  const grad = new Float64Array(layout.parameterCount);
  let L = 0;
  for (let i = 0; i < N; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const pass = forwardDeep(params, layout, x1, x2);
    const e = pass.yhat - data.y[i];
    L += e * e;
    let delta: ArrayLike<number> = [(2 / N) * e]; // δ(out) = ∂L/∂ŷ
    for (let l = layout.layers; l >= 1; l--) {
      const input: ArrayLike<number> = l === 1 ? [x1, x2] : pass.h[l - 2];
      // ∂L/∂Wˡ = δˡ·inputᵀ and ∂L/∂bˡ = δˡ, added to the other samples' contributions
      for (let to = 0; to < delta.length; to++) {
        for (let from = 0; from < input.length; from++) grad[weightIndex(layout, l, from, to)] += delta[to] * input[from];
        grad[biasIndex(layout, l, to)] += delta[to];
      }
      if (l > 1) delta = passBack(params, layout, l, delta, pass.z[l - 2]);
    }
  }
  return { loss: L / N, grad };
}

/** δ^{l−1} = (Wˡ)ᵀ δˡ ⊙ ReLU'(z^{l−1}): each unit below collects the errors of the units it feeds, weighted, then its gate. */
export function passBack(params: Parameters, layout: DeepLayout, l: number, delta: ArrayLike<number>, zBelow: Float64Array): Float64Array {
  return zBelow.map((z, from) => {
    let sum = 0;
    for (let to = 0; to < delta.length; to++) sum += params[weightIndex(layout, l, from, to)] * delta[to];
    return sum * reluPrime(z);
  });
}
