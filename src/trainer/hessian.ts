// The exact Hessian of the loss: how every partial derivative changes when any parameter moves.
//
// With e_i = ŷ_i − y_i and J_i = ∂ŷ_i/∂θ (the vector of the nine slopes of one prediction),
//   L       = (1/N) Σ e_i²
//   ∂L/∂θ   = (2/N) Σ e_i · J_i
//   ∂²L/∂θ² = (2/N) Σ J_i J_iᵀ   +   (2/N) Σ e_i · ∂²ŷ_i/∂θ²
//             └ Gauss–Newton G ┘     └ the residual term R ┘
// G (curvature.ts) is never negative and needs only first derivatives. R is what it leaves out.
//
// Which second derivatives ∂²ŷ/∂θ_a∂θ_b are not zero? ŷ = W5·ReLU(z1) + W6·ReLU(z2) + B3 with
// z1 = W1·x1 + W3·x2 + B1. ReLU'' = 0 wherever it exists (everywhere but the kink), so a second
// derivative needs a product of two parameters inside ŷ. On a sample where unit 1 is on,
// ŷ contains W5·(W1·x1 + W3·x2 + B1): the only products are W5 with W1, W3 and B1, so
//   ∂²ŷ/∂W5∂W1 = x1,   ∂²ŷ/∂W5∂W3 = x2,   ∂²ŷ/∂W5∂B1 = 1        (and 0 where unit 1 is off)
// and the same for W6 with W2, W4, B2. Everything else in R is exactly zero.
//
// These entries are partials the student already knows, divided by the output weight:
//   R[W5][W1] = (2/N) Σ_{unit 1 on} e_i·x1_i = (∂L/∂W1) / W5      (likewise W3, B1; W6 with W2, W4, B2)
// So R vanishes wherever the input-side gradient does: at every stationary point (a minimum, or a
// plateau) the Gauss–Newton matrix IS the Hessian, and near a good fit the two agree. At a poor
// start, where those gradients are large and the output weights small, R can make the Hessian's
// largest eigenvalue much larger than G's and give it negative eigenvalues (directions along which
// the loss curves down: a saddle).
import { gaussNewton } from './curvature';
import { checkShape } from './network';
import { hiddenBias, hiddenWidthOf, outputBias, parameterCount, weightFromX1, weightFromX2, weightToOutput, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import type { SquareMatrix } from './eigen';

/**
 * The residual term R = (2/N) Σ_i e_i · ∂²ŷ_i/∂θ² of the Hessian, (4H + 1) × (4H + 1), row by row:
 * the part of the curvature the Gauss–Newton matrix leaves out. Its only non-zero entries pair a
 * unit's output weight with that unit's own input weights and bias.
 */
export function residualCurvature(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): SquareMatrix {
  checkShape(params, hidden);
  checkData(data);
  const H = hidden;
  const P = parameterCount(H);
  const R = new Float64Array(P * P);
  const add = (a: number, b: number, value: number) => {
    R[a * P + b] += value;
    R[b * P + a] += value;
  };
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    let yhat = params[outputBias(H)];
    for (let k = 0; k < H; k++) {
      const z = params[weightFromX1(k, H)] * x1 + params[weightFromX2(k, H)] * x2 + params[hiddenBias(k, H)];
      if (z > 0) yhat += params[weightToOutput(k, H)] * z;
    }
    const e = yhat - data.y[i];
    for (let k = 0; k < H; k++) {
      const z = params[weightFromX1(k, H)] * x1 + params[weightFromX2(k, H)] * x2 + params[hiddenBias(k, H)];
      if (!(z > 0)) continue; // ReLU'(z) = 0: the unit is off and its parameters meet in no product
      const v = weightToOutput(k, H); // W5 for unit 1, W6 for unit 2
      add(v, weightFromX1(k, H), e * x1); // ∂²ŷ/∂W5∂W1 = x1
      add(v, weightFromX2(k, H), e * x2); // ∂²ŷ/∂W5∂W3 = x2
      add(v, hiddenBias(k, H), e); //        ∂²ŷ/∂W5∂B1 = 1
    }
  }
  const scale = 2 / data.n;
  for (let a = 0; a < P * P; a++) R[a] *= scale;
  return R;
}

/**
 * The exact Hessian ∂²L/∂θ² of L = (1/N) Σ (ŷ − y)², (4H + 1) × (4H + 1) row by row — 9 × 9 for
 * the course's network, in the order W1 … W6, B1, B2, B3. It is G + R: the Gauss–Newton matrix
 * plus the residual term. (At a ReLU kink the Hessian does not exist; as everywhere in the
 * trainer, a unit exactly at z = 0 counts as off.)
 */
export function hessian(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): SquareMatrix {
  const G = gaussNewton(params, data, hidden);
  const R = residualCurvature(params, data, hidden);
  return G.map((g, a) => g + R[a]);
}
