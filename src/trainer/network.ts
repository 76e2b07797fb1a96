// The forward pass of the 2-H-1 network, written out for one sample.
//   z_k = w(x1→hk)·x1 + w(x2→hk)·x2 + b(hk)     (for H = 2: z1 = W1·x1 + W3·x2 + B1, z2 = W2·x1 + W4·x2 + B2)
//   h_k = ReLU(z_k)
//   ŷ   = Σ_k w(hk→out)·h_k + b(out)             (for H = 2: ŷ = W5·h1 + W6·h2 + B3, a linear output)
import { relu } from './activation';
import { hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import { TrainerInputError } from './errors';

/** Every intermediate number of one forward pass, so lessons can show them. */
export interface ForwardPass {
  x1: number;
  x2: number;
  /** Pre-activations z_k of the hidden units. */
  z: Float64Array;
  /** Activations h_k = ReLU(z_k). */
  h: Float64Array;
  /** The prediction ŷ. */
  yhat: number;
}

/** Throws a clear error when a parameter vector does not fit hidden width H. */
export function checkShape(params: ArrayLike<number>, hidden: number): void {
  if (!Number.isInteger(hidden) || hidden < 1) {
    throw new TrainerInputError('The hidden width must be a whole number of at least 1.');
  }
  if (params.length !== parameterCount(hidden)) {
    throw new TrainerInputError(
      `A network with ${hidden} hidden units has ${parameterCount(hidden)} parameters, not ${params.length}.`,
    );
  }
}

/** Pushes one sample (x1, x2) through the network. */
export function forward(params: Parameters, x1: number, x2: number, hidden: number = hiddenWidthOf(params)): ForwardPass {
  checkShape(params, hidden);
  const H = hidden;
  const z = new Float64Array(H);
  const h = new Float64Array(H);
  let yhat = params[4 * H];
  for (let k = 0; k < H; k++) {
    z[k] = params[k] * x1 + params[H + k] * x2 + params[3 * H + k];
    h[k] = relu(z[k]);
    yhat += params[2 * H + k] * h[k];
  }
  return { x1, x2, z, h, yhat };
}

/** The network's prediction for one sample, without allocating. */
export function predict(params: Parameters, x1: number, x2: number, hidden: number = hiddenWidthOf(params)): number {
  const H = hidden;
  let yhat = params[4 * H];
  for (let k = 0; k < H; k++) {
    const z = params[k] * x1 + params[H + k] * x2 + params[3 * H + k];
    if (z > 0) yhat += params[2 * H + k] * z;
  }
  return yhat;
}

/** Predictions for every sample of a data set, written into `out`. */
export function predictAll(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params), out?: Float64Array): Float64Array {
  checkShape(params, hidden);
  checkData(data);
  out ??= new Float64Array(data.n);
  for (let i = 0; i < data.n; i++) out[i] = predict(params, data.x1[i], data.x2[i], hidden);
  return out;
}
