// L2 weight decay: make large weights cost something, so the fit prefers a flatter surface.
//   L_λ = (1/N) Σ (ŷ − y)²  +  λ · (W1² + W2² + W3² + W4² + W5² + W6²)
//   ∂L_λ/∂W = ∂L/∂W + 2λ·W         for each of the six weights
//   ∂L_λ/∂B = ∂L/∂B                for the three biases: not penalised
// One step of plain descent then reads W ← (1 − 2ηλ)·W − η·∂L/∂W: every weight first shrinks by a
// fixed fraction (it "decays"), then follows the data's gradient.
//
// Weights only. A weight sets how steeply the output changes with an input, which is what
// overfitting inflates; a bias only shifts a unit's kink or the output's level. Penalising B3
// would pull every prediction towards 0 instead of towards the mean of y, and penalising B1, B2
// would push the kinks towards the origin, changing the fit for no gain in smoothness. (This is
// also the usual choice: Goodfellow, Bengio & Courville, Deep Learning, §7.1.)
//
// PyTorch's `weight_decay`: torch.optim.SGD(weight_decay = wd) adds wd·θ to the gradient of
// every parameter it is given, biases included unless they are put in a parameter group with
// weight_decay = 0. That is the gradient of (wd/2)·‖θ‖², so our λ on the weights is torch's
// wd = 2λ on a group holding only the weights. torch.optim.Adam(weight_decay = wd) adds the same
// wd·θ to the gradient before its averages, so the decay is divided by √v̂ like everything else
// (an L2 penalty, but no longer a uniform shrink); torch.optim.AdamW decouples it instead:
// θ ← θ − η·wd·θ, then the Adam step on the data's gradient alone (Loshchilov & Hutter;
// AdamW's default wd is 0.01). The trainer's `weightDecay` is the L2 penalty above, with any optimizer.
import { lossAndGradient, type LossAndGradient } from './gradient';
import { DEFAULT_HIDDEN, hiddenWidthOf, type Parameters } from './parameters';
import { checkShape } from './network';
import type { Dataset } from './data';

/** Whether parameter j is a weight (W1 … W6 for H = 2: the first 3H entries), not a bias. */
export function isWeight(j: number, hidden: number = DEFAULT_HIDDEN): boolean {
  return j < 3 * hidden;
}

/** The penalty λ·Σ w² over the weights. */
export function l2Penalty(params: Parameters, lambda: number, hidden: number = hiddenWidthOf(params)): number {
  let sum = 0;
  for (let j = 0; j < 3 * hidden; j++) sum += params[j] * params[j];
  return lambda * sum;
}

/** Adds the penalty's partials, 2λ·w, to the weights' entries of `grad` (in place; biases untouched). */
export function addL2Gradient(params: Parameters, grad: Float64Array, lambda: number, hidden: number = hiddenWidthOf(params)): void {
  addL2GradientToWeights(params, grad, lambda, 3 * hidden);
}

/**
 * The same for any layout that puts its weights first, as the 2-H-1 layout and the deeper networks'
 * (deepParameters.ts) both do: the first `weightCount` entries are weights.
 */
export function addL2GradientToWeights(params: Parameters, grad: Float64Array, lambda: number, weightCount: number): void {
  for (let j = 0; j < weightCount; j++) grad[j] += 2 * lambda * params[j];
}

export interface RegularisedLossAndGradient extends LossAndGradient {
  /** The mean squared error alone, (1/N) Σ (ŷ − y)²: what is compared with Var(y). */
  dataLoss: number;
  /** λ·Σ w². `loss` is dataLoss + penalty and `grad` its gradient. */
  penalty: number;
}

/** L_λ = L + λ·Σ w² and its nine (4H + 1) partials. */
export function regularisedLossAndGradient(
  params: Parameters,
  data: Dataset,
  lambda: number,
  hidden: number = hiddenWidthOf(params),
): RegularisedLossAndGradient {
  checkShape(params, hidden);
  const { loss: dataLoss, grad } = lossAndGradient(params, data, hidden);
  const penalty = l2Penalty(params, lambda, hidden);
  addL2Gradient(params, grad, lambda, hidden);
  return { loss: dataLoss + penalty, grad, dataLoss, penalty };
}
