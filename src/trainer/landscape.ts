// The loss seen along one or two parameters with all the others held fixed: slices of the
// (4H + 1)-dimensional loss surface. A slice can mislead — a valley in the picture may be a
// saddle in the full space — but it is the only part of the surface we can draw.
import { hiddenWidthOf, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import { checkShape } from './network';
import { TrainerInputError } from './errors';

/** Mean squared error without allocating; `probe` is the parameter vector to evaluate. */
function loss(probe: Float64Array, data: Dataset, H: number): number {
  if (H === 2) return loss2(probe, data);
  const { x1: X1, x2: X2, y: Y, n } = data;
  const bOut = probe[4 * H];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x1 = X1[i], x2 = X2[i];
    let yhat = bOut;
    for (let k = 0; k < H; k++) {
      const z = probe[k] * x1 + probe[H + k] * x2 + probe[3 * H + k];
      if (z > 0) yhat += probe[2 * H + k] * z;
    }
    const e = yhat - Y[i];
    sum += e * e;
  }
  return sum / n;
}

/** The same for H = 2 with the nine parameters in local variables (a grid calls this 40,000 times). */
function loss2(p: Float64Array, data: Dataset): number {
  const { x1: X1, x2: X2, y: Y, n } = data;
  const w1 = p[0], w2 = p[1], w3 = p[2], w4 = p[3], w5 = p[4], w6 = p[5], b1 = p[6], b2 = p[7], b3 = p[8];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x1 = X1[i], x2 = X2[i];
    const z1 = w1 * x1 + w3 * x2 + b1;
    const z2 = w2 * x1 + w4 * x2 + b2;
    let yhat = b3;
    if (z1 > 0) yhat += w5 * z1;
    if (z2 > 0) yhat += w6 * z2;
    const e = yhat - Y[i];
    sum += e * e;
  }
  return sum / n;
}

function checkIndex(index: number, params: Parameters): void {
  if (!Number.isInteger(index) || index < 0 || index >= params.length) {
    throw new TrainerInputError(`There is no parameter number ${index}.`);
  }
}

/** L(θ with θ[index] = v) for each v in `values`, written into `out`. */
export function lossAlong(
  params: Parameters,
  data: Dataset,
  index: number,
  values: ArrayLike<number>,
  hidden: number = hiddenWidthOf(params),
  out = new Float64Array(values.length),
): Float64Array {
  checkShape(params, hidden);
  checkData(data);
  checkIndex(index, params);
  const probe = Float64Array.from(params);
  for (let j = 0; j < values.length; j++) {
    probe[index] = values[j];
    out[j] = loss(probe, data, hidden);
  }
  return out;
}

/**
 * The loss over a grid of two parameters: out[r * columns.length + c] is the loss with
 * θ[rowIndex] = rows[r] and θ[columnIndex] = columns[c]. Pass `out` to recompute without allocating.
 */
export function lossSurface(
  params: Parameters,
  data: Dataset,
  columnIndex: number,
  columns: ArrayLike<number>,
  rowIndex: number,
  rows: ArrayLike<number>,
  hidden: number = hiddenWidthOf(params),
  out = new Float64Array(columns.length * rows.length),
  probe = new Float64Array(params.length),
): Float64Array {
  checkShape(params, hidden);
  checkData(data);
  checkIndex(columnIndex, params);
  checkIndex(rowIndex, params);
  if (columnIndex === rowIndex) throw new TrainerInputError('Choose two different parameters for the two axes.');
  probe.set(params);
  for (let r = 0; r < rows.length; r++) {
    probe[rowIndex] = rows[r];
    for (let c = 0; c < columns.length; c++) {
      probe[columnIndex] = columns[c];
      out[r * columns.length + c] = loss(probe, data, hidden);
    }
  }
  return out;
}

/** `count` evenly spaced values from `low` to `high` inclusive. */
export function linspace(low: number, high: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = count === 1 ? low : low + ((high - low) * i) / (count - 1);
  return out;
}
