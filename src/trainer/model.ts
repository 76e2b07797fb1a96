// What the training loop needs to know about a network, so one loop (train.ts) trains both the
// course's 2-H-1 network and deeper ones: how many parameters it has, what each is called, and a
// loss-and-gradient pass. The 2-H-1 model runs gradient.ts's passes exactly as before (the fast
// single-hidden-layer passes, unchanged); a deeper one (deepModel.ts) runs deepGradient.ts's pass.
// train.ts imports only this file, so pages that train 2-H-1 do not load the deeper network's code.
import { networkLabel, type HiddenWidths } from './deepParameters';
import { gradientScratchLength, lossAndGradientInto, type Samples } from './gradient';
import { meanSquaredError } from './loss';
import { parameterCount, parameterName, type Parameters } from './parameters';
import type { Dataset } from './data';

export interface Model {
  /** The network as its layer sizes, '2-2-1' or '2-8-8-1'. */
  readonly label: string;
  /** Widths of the hidden layers, input side first. */
  readonly hidden: HiddenWidths;
  readonly parameterCount: number;
  /** Parameters 0 … weightCount − 1 are weights, the rest biases (both layouts put every weight first). */
  readonly weightCount: number;
  /** Length of the scratch array lossAndGradientInto needs (allocated once per run). */
  readonly scratchLength: number;
  /** A readable name for parameter i, for messages. */
  parameterName(i: number): string;
  /** Writes ∂L/∂θ over samples start..end into `grad` and returns L = (1/m)Σe² over them. */
  lossAndGradientInto(params: Parameters, samples: Samples, grad: Float64Array, start: number, end: number, scratch: Float64Array): number;
  /** L over the whole data set. */
  loss(params: Parameters, data: Dataset, scratch: Float64Array): number;
}

/** The course's network 2 → H → 1 (parameters.ts's layout), trained by gradient.ts's passes. */
export function singleLayerModel(hidden: number): Model {
  return {
    label: networkLabel([hidden]),
    hidden: [hidden],
    parameterCount: parameterCount(hidden),
    weightCount: 3 * hidden,
    scratchLength: gradientScratchLength(hidden),
    parameterName: (i) => parameterName(i, hidden),
    lossAndGradientInto: (params, samples, grad, start, end, scratch) => lossAndGradientInto(params, samples, hidden, grad, start, end, scratch),
    loss: (params, data) => meanSquaredError(params, data, hidden),
  };
}
