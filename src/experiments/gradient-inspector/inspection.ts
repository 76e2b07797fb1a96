// What the gradient inspector computes for nine parameters on the data: the loss, how many
// samples switch each unit on, backpropagation's nine partials beside central finite
// differences, the numbers inside lesson 6's factored formulas, and one gradient-descent step.
import type { Dataset } from '../../trainer/data';
import { finiteDifferenceGradient, FINITE_DIFFERENCE_STEP } from '../../trainer/finiteDifference';
import { lossAndGradient } from '../../trainer/gradient';
import { rSquared, variance } from '../../trainer/loss';
import { PARAMETER_NAMES, type Parameters } from '../../trainer/parameters';
import { factoredPartials, forwardColumns } from '../backprop/formulas';
import { formatNumber } from '../format';

export interface Inspection {
  params: Parameters;
  loss: number;
  varY: number;
  r2: number;
  /** Samples where each hidden unit is on. */
  on1: number;
  on2: number;
  /** Backpropagation's gradient (the trainer's lossAndGradient), layout order. */
  gradient: Float64Array;
  /** Central finite-difference estimate, layout order. */
  estimate: Float64Array;
  /** The numbers inside each factored formula. */
  pieces: ReturnType<typeof factoredPartials>;
}

export function inspect(params: Parameters, data: Dataset): Inspection {
  const columns = forwardColumns(params, data);
  const { loss, grad } = lossAndGradient(params, data, 2);
  const varY = variance(data.y);
  let on1 = 0, on2 = 0;
  for (let i = 0; i < data.n; i++) {
    if (columns.z1[i] > 0) on1 += 1;
    if (columns.z2[i] > 0) on2 += 1;
  }
  return {
    params,
    loss,
    varY,
    r2: rSquared(loss, varY),
    on1,
    on2,
    gradient: grad,
    estimate: finiteDifferenceGradient(params, data, FINITE_DIFFERENCE_STEP, 2),
    pieces: factoredPartials(params, columns),
  };
}

/** One step θ ← θ − η·∂L/∂θ from the parameters of an inspection. */
export interface StepResult {
  before: Parameters;
  after: Parameters;
  gradient: Float64Array;
  learningRate: number;
}

export function proposeStep(x: Inspection, learningRate: number): StepResult {
  return {
    before: Float64Array.from(x.params),
    after: x.params.map((v, j) => v - learningRate * x.gradient[j]),
    gradient: Float64Array.from(x.gradient),
    learningRate,
  };
}

/** Why the step may not be taken (a new value not finite, or beyond ±limit, the fields' range), or null. */
export function stepProblem(step: StepResult, limit: number, options: { rateFixed?: boolean } = {}): string | null {
  const bad = step.after.findIndex((v) => !Number.isFinite(v) || Math.abs(v) > limit);
  if (bad < 0) return null;
  // A rate the teacher fixed is not offered as the way out.
  const advice = options.rateFixed ? 'Start from other values and try again.' : 'Lower the learning rate and try again.';
  return `This step would move ${PARAMETER_NAMES[bad]} to ${formatNumber(step.after[bad])}, outside the −${limit} to ${limit} the fields accept. ${advice}`;
}

