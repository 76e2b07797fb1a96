// The Model (model.ts) of a network with one or more hidden layers, for train.ts.
import { deepLossAndGradientInto, deepLossInto, deepScratchLength } from './deepGradient';
import { deepLayout, deepParameterName, networkLabel, type HiddenWidths } from './deepParameters';
import type { Model } from './model';

/**
 * A network with the given hidden widths (deepParameters.ts's layout), trained by deepGradient.ts's
 * pass. deepModel([H]) is the 2-H-1 network through the general pass: same layout, same numbers.
 */
export function deepModel(hidden: HiddenWidths): Model {
  const layout = deepLayout(hidden);
  return {
    label: networkLabel(hidden),
    hidden: layout.hidden,
    parameterCount: layout.parameterCount,
    weightCount: layout.biasOffset[1],
    scratchLength: deepScratchLength(layout),
    parameterName: (i) => deepParameterName(layout, i),
    lossAndGradientInto: (params, samples, grad, start, end, scratch) => deepLossAndGradientInto(params, layout, samples, grad, start, end, scratch),
    loss: (params, data, scratch) => deepLossInto(params, layout, data, 0, data.n, scratch),
  };
}
