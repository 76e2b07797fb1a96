// Every partial derivative of a 2-H-1 network at its current parameters, backpropagation beside
// the finite-difference estimate: the gradient check the inspector shows formula by formula for
// the course's nine parameters, as one table for any width. Pure.
import type { Dataset } from '../../trainer/data';
import { finiteDifferenceGradient, FINITE_DIFFERENCE_STEP } from '../../trainer/finiteDifference';
import { lossAndGradient } from '../../trainer/gradient';
import { formatNumber } from '../../experiments/format';
import { parameterConnection, parameterName } from '../../trainer/parameters';

export const PARTIAL_COLUMNS = ['parameter', 'value', 'backpropagation', 'finite difference', 'difference'] as const;

export interface PartialsView {
  rows: string[][];
  caption: string;
  /** The largest |backpropagation − finite difference| over all parameters, in words. */
  agreement: string;
}

export function partialsView(params: Float64Array, data: Dataset, hidden: number): PartialsView {
  const gradient = lossAndGradient(params, data, hidden).grad;
  const estimate = finiteDifferenceGradient(params, data, FINITE_DIFFERENCE_STEP, hidden);
  let worst = 0;
  const rows = Array.from(params, (value, j) => {
    const difference = gradient[j] - estimate[j];
    worst = Number.isFinite(difference) ? Math.max(worst, Math.abs(difference)) : Infinity;
    // The course's names need their connection beside them; the other widths' names say it already.
    const name = hidden === 2 ? `${parameterName(j, 2)} (${parameterConnection(j, 2)})` : parameterName(j, hidden);
    return [name, formatNumber(value), formatNumber(gradient[j]), formatNumber(estimate[j]), formatNumber(difference)];
  });
  const count = params.length;
  return {
    rows,
    caption: `∂L/∂θ for all ${count} parameters (4H + 1, H = ${hidden}) at the current point.`,
    agreement: Number.isFinite(worst)
      ? `The largest difference between the two is ${formatNumber(worst)}.`
      : 'Some values are too large to represent, so the two cannot be compared here.',
  };
}
