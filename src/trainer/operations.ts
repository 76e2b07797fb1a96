// Counting the work. The formulas below say how many multiplications and additions one
// sample costs in each phase; `countedEpoch` runs the same arithmetic as backprop.ts through
// counting helpers, so a test can check the formulas against what the code really does.
//
// For hidden width H, per sample:
//   forward   z_k = w(x1→hk)·x1 + w(x2→hk)·x2 + b(hk):   2H mul, 2H add;   H ReLU comparisons
//             ŷ = Σ_k w(hk→out)·h_k + b(out):             H mul,  H add
//   loss      e = ŷ − y, e², running sum:                 1 mul,  2 add
//   backward  ∂L/∂ŷ = (2/N)·e:                           1 mul
//             output layer: ∂L/∂b(out) += …, ∂L/∂w(hk→out) += ∂L/∂ŷ·h_k:   H mul, H + 1 add
//             ∂L/∂z_k = ∂L/∂ŷ · w(hk→out) · ReLU'(z_k):   2H mul (H if ReLU' is used as a mask)
//             incoming: ∂L/∂b(hk) += …, ∂L/∂w(x→hk) += ∂L/∂z_k·x:          2H mul, 3H add
// and per update (once per epoch in full batch): θ ← θ − η·∂L/∂θ, 4H + 1 mul and 4H + 1 sub.
import { DEFAULT_HIDDEN, hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import { checkShape } from './network';

export interface OperationCount {
  multiplications: number;
  additions: number;
  comparisons: number;
}

export interface PhaseCounts {
  forward: OperationCount;
  loss: OperationCount;
  backward: OperationCount;
}

const op = (multiplications: number, additions: number, comparisons = 0): OperationCount => ({ multiplications, additions, comparisons });

/** Operations per sample in each phase, from the formulas above. `mask`: ReLU' applied as a mask, not multiplied. */
export function operationsPerSample(hidden: number = DEFAULT_HIDDEN, mask = false): PhaseCounts {
  const H = hidden;
  return {
    forward: op(3 * H, 3 * H, H),
    loss: op(1, 2),
    backward: op(1 + H + (mask ? H : 2 * H) + 2 * H, 1 + H + 3 * H),
  };
}

/** Operations of one update of all 4H + 1 parameters. */
export function operationsPerUpdate(hidden: number = DEFAULT_HIDDEN): OperationCount {
  return op(parameterCount(hidden), parameterCount(hidden));
}

export function total(...counts: OperationCount[]): OperationCount {
  return counts.reduce((a, b) => op(a.multiplications + b.multiplications, a.additions + b.additions, a.comparisons + b.comparisons), op(0, 0));
}

/** All floating-point operations (multiplications + additions) of one full-batch epoch. */
export function flopsPerEpoch(n: number, hidden: number = DEFAULT_HIDDEN, mask = false): number {
  const s = operationsPerSample(hidden, mask);
  const perSample = total(s.forward, s.loss, s.backward);
  const update = operationsPerUpdate(hidden);
  return n * (perSample.multiplications + perSample.additions) + update.multiplications + update.additions;
}

/** The counts of one full-batch epoch: each phase summed over the samples, and the update. */
export interface EpochCounts extends PhaseCounts {
  update: OperationCount;
}

/**
 * Operations of one full-batch epoch over n samples, from the formulas. Without `activePairs`,
 * ReLU' is multiplied in: n times the per-sample counts. With `activePairs` (A, the number of
 * sample–unit pairs with z > 0 at this epoch's parameters), ReLU' is a mask and an off unit's
 * three backward products are skipped, as `countedEpoch(…, mask = true)` does: the backward
 * pass then takes n·(1 + H) + 3A multiplications, whatever A is; additions do not change.
 */
export function operationsPerEpoch(n: number, hidden: number = DEFAULT_HIDDEN, activePairs?: number): EpochCounts {
  const s = operationsPerSample(hidden);
  const times = (c: OperationCount) => op(n * c.multiplications, n * c.additions, n * c.comparisons);
  const backward = times(s.backward);
  if (activePairs !== undefined) backward.multiplications = n * (1 + hidden) + 3 * activePairs;
  return { forward: times(s.forward), loss: times(s.loss), backward, update: operationsPerUpdate(hidden) };
}

/**
 * One full-batch epoch (loss, gradient and update) computed through counting helpers.
 * Returns the same loss and new parameters as the trainer, and what it counted per phase.
 * With `mask`, an inactive unit's backward multiplications are skipped, as fast code does.
 */
export function countedEpoch(params: Parameters, data: Dataset, learningRate: number, hidden: number = hiddenWidthOf(params), mask = false) {
  checkShape(params, hidden);
  checkData(data);
  const H = hidden;
  const counts: PhaseCounts = { forward: op(0, 0), loss: op(0, 0), backward: op(0, 0) };
  let phase: OperationCount = counts.forward;
  const mul = (a: number, b: number) => (phase.multiplications++, a * b);
  const add = (a: number, b: number) => (phase.additions++, a + b);
  const greater = (a: number) => (phase.comparisons++, a > 0);
  const grad = new Float64Array(parameterCount(H));
  const twoOverN = 2 / data.n;
  let loss = 0;
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    phase = counts.forward;
    const z = new Float64Array(H), h = new Float64Array(H), on = new Array<boolean>(H);
    let yhat = params[4 * H];
    for (let k = 0; k < H; k++) {
      z[k] = add(add(mul(params[k], x1), mul(params[H + k], x2)), params[3 * H + k]);
      on[k] = greater(z[k]);
      h[k] = on[k] ? z[k] : 0;
    }
    for (let k = 0; k < H; k++) yhat = add(yhat, mul(params[2 * H + k], h[k]));
    phase = counts.loss;
    const e = add(yhat, -data.y[i]);
    loss = add(loss, mul(e, e));
    phase = counts.backward;
    const dL_dyhat = mul(twoOverN, e);
    grad[4 * H] = add(grad[4 * H], dL_dyhat);
    for (let k = 0; k < H; k++) grad[2 * H + k] = add(grad[2 * H + k], mul(dL_dyhat, h[k]));
    for (let k = 0; k < H; k++) {
      if (mask && !on[k]) {
        phase.additions += 3; // the three running sums still take their (zero) term
        continue;
      }
      const through = mul(dL_dyhat, params[2 * H + k]);
      const dL_dz = mask ? through : mul(through, on[k] ? 1 : 0);
      grad[3 * H + k] = add(grad[3 * H + k], dL_dz);
      grad[k] = add(grad[k], mul(dL_dz, x1));
      grad[H + k] = add(grad[H + k], mul(dL_dz, x2));
    }
  }
  const next = Float64Array.from(params);
  const update = op(0, 0);
  phase = update;
  for (let j = 0; j < next.length; j++) next[j] = add(next[j], -mul(learningRate, grad[j]));
  return { loss: loss / data.n, grad, params: next, perSample: counts, update, samples: data.n };
}
