// Backpropagation for the course's 2-2-1 network, written the way the lesson derives it.
// This is the readable reference: every name is a symbol from the lesson. The trainer runs
// the fused passes in gradient.ts and gradientUnrolled.ts; property tests check that they agree
// with these on random cases, kinks (z = 0, where ReLU'(0) = 0 decides) included.
//
//   e_i        = ŷ_i − y_i
//   ∂L/∂ŷ_i    = (2/N)·e_i
//   ∂L/∂B3 = Σ ∂L/∂ŷ_i            ∂L/∂W5 = Σ ∂L/∂ŷ_i·h1_i          ∂L/∂W6 = Σ ∂L/∂ŷ_i·h2_i
//   ∂L/∂z1_i   = ∂L/∂ŷ_i · W5 · ReLU'(z1_i)      (the error passed back through W5, gated by the unit)
//   ∂L/∂B1 = Σ ∂L/∂z1_i           ∂L/∂W1 = Σ ∂L/∂z1_i·x1_i          ∂L/∂W3 = Σ ∂L/∂z1_i·x2_i
//   and the same for unit 2 with W6, W2, W4, B2.
import { relu, reluPrime } from './activation';
import {
  B1, B2, B3, hiddenBias, hiddenWidthOf, outputBias, parameterCount, W1, W2, W3, W4, W5, W6, weightFromX1, weightFromX2, weightToOutput,
  type Parameters,
} from './parameters';
import { checkData, type Dataset } from './data';
import { checkShape } from './network';

export interface LossAndGradient {
  loss: number;
  grad: Float64Array;
}

/** Loss and all nine partial derivatives of the 2-2-1 network, term by term. */
export function backpropagate221(params: Parameters, data: Dataset): LossAndGradient {
  checkShape(params, 2);
  checkData(data);
  const N = data.n;
  let L = 0;
  let dL_dW1 = 0, dL_dW2 = 0, dL_dW3 = 0, dL_dW4 = 0, dL_dW5 = 0, dL_dW6 = 0;
  let dL_dB1 = 0, dL_dB2 = 0, dL_dB3 = 0;
  for (let i = 0; i < N; i++) {
    const x1 = data.x1[i], x2 = data.x2[i], y = data.y[i];
    // forward
    const z1 = params[W1] * x1 + params[W3] * x2 + params[B1];
    const z2 = params[W2] * x1 + params[W4] * x2 + params[B2];
    const h1 = relu(z1);
    const h2 = relu(z2);
    const yhat = params[W5] * h1 + params[W6] * h2 + params[B3];
    const e = yhat - y;
    L += (e * e) / N;
    // backward: output layer
    const dL_dyhat = (2 / N) * e;
    dL_dB3 += dL_dyhat;
    dL_dW5 += dL_dyhat * h1;
    dL_dW6 += dL_dyhat * h2;
    // backward: through W5 and W6, gated by ReLU'
    const dL_dz1 = dL_dyhat * params[W5] * reluPrime(z1);
    const dL_dz2 = dL_dyhat * params[W6] * reluPrime(z2);
    dL_dB1 += dL_dz1;
    dL_dW1 += dL_dz1 * x1;
    dL_dW3 += dL_dz1 * x2;
    dL_dB2 += dL_dz2;
    dL_dW2 += dL_dz2 * x1;
    dL_dW4 += dL_dz2 * x2;
  }
  const grad = Float64Array.of(dL_dW1, dL_dW2, dL_dW3, dL_dW4, dL_dW5, dL_dW6, dL_dB1, dL_dB2, dL_dB3);
  return { loss: L, grad };
}

/**
 * The same derivation for any hidden width H, unit by unit: unit k has z_k, h_k, its output
 * weight w(hk→out) in place of W5 or W6, and ∂L/∂z_k = ∂L/∂ŷ · w(hk→out) · ReLU'(z_k). For H = 2
 * it takes every sum in backpropagate221's order, so the two agree bit for bit.
 */
export function backpropagate(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): LossAndGradient {
  checkShape(params, hidden);
  checkData(data);
  const H = hidden;
  const N = data.n;
  const grad = new Float64Array(parameterCount(H));
  const z = new Float64Array(H);
  const h = new Float64Array(H);
  let L = 0;
  for (let i = 0; i < N; i++) {
    const x1 = data.x1[i], x2 = data.x2[i], y = data.y[i];
    // forward
    for (let k = 0; k < H; k++) {
      z[k] = params[weightFromX1(k, H)] * x1 + params[weightFromX2(k, H)] * x2 + params[hiddenBias(k, H)];
      h[k] = relu(z[k]);
    }
    let yhat = params[weightToOutput(0, H)] * h[0];
    for (let k = 1; k < H; k++) yhat += params[weightToOutput(k, H)] * h[k];
    yhat += params[outputBias(H)];
    const e = yhat - y;
    L += (e * e) / N;
    // backward: output layer
    const dL_dyhat = (2 / N) * e;
    grad[outputBias(H)] += dL_dyhat;
    for (let k = 0; k < H; k++) grad[weightToOutput(k, H)] += dL_dyhat * h[k];
    // backward: through each output weight, gated by ReLU'
    for (let k = 0; k < H; k++) {
      const dL_dzk = dL_dyhat * params[weightToOutput(k, H)] * reluPrime(z[k]);
      grad[hiddenBias(k, H)] += dL_dzk;
      grad[weightFromX1(k, H)] += dL_dzk * x1;
      grad[weightFromX2(k, H)] += dL_dzk * x2;
    }
  }
  return { loss: L, grad };
}
