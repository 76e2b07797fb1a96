// One sample's error flowing backwards through the 2-2-1 network (lesson 6), as the steps a
// student follows: ∂L/∂ŷ at the output, into the output layer's terms, back along W5 and W6,
// gated by ReLU′, into the first layer's terms. Each step's numbers are this sample's share of
// the nine partial derivatives; over all samples the shares add up to backprop.ts's gradient
// (tests/unit/experiments/backward-flow.test.ts checks it against the trainer).
import { reluPrime } from '../../trainer/activation';
import type { Dataset } from '../../trainer/data';
import { forward } from '../../trainer/network';
import { PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';

/** The steps, in order; step k of the widget shows the first k. */
export const BACKWARD_STEPS = [
  { id: 'output', title: 'The error at the output: ∂L/∂ŷ = (2/N)·e' },
  { id: 'output-terms', title: 'Into the output layer: B3, W5 and W6' },
  { id: 'back', title: 'Back along W5 and W6 to the hidden units' },
  { id: 'gate', title: 'Through the gates: ReLU′(z1) and ReLU′(z2)' },
  { id: 'input-terms', title: 'Into the first layer: W1 … W4, B1, B2' },
] as const;

export const BACKWARD_STEP_COUNT = BACKWARD_STEPS.length;

export interface SampleFlow {
  /** 0-based sample index. */
  index: number;
  x1: number;
  x2: number;
  y: number;
  z1: number;
  z2: number;
  h1: number;
  h2: number;
  yhat: number;
  e: number;
  /** ∂L/∂ŷ for this sample: (2/N)·e. */
  dYhat: number;
  /** ∂L/∂h1 = ∂L/∂ŷ·W5 and ∂L/∂h2 = ∂L/∂ŷ·W6. */
  dH1: number;
  dH2: number;
  /** ReLU′(z1), ReLU′(z2): 1 where the unit is on, 0 where it is off (also at exactly 0). */
  gate1: number;
  gate2: number;
  /** ∂L/∂z1 = ∂L/∂h1·ReLU′(z1), ∂L/∂z2. */
  dZ1: number;
  dZ2: number;
  /** This sample's share of each of the nine partial derivatives. */
  terms: Record<ParameterName, number>;
}

const at = (params: Parameters, name: ParameterName) => params[PARAMETER_NAMES.indexOf(name)]!;

/** The backward pass of sample `index` (0-based) at the 2-2-1 parameters `params`. */
export function sampleFlow(params: Parameters, data: Dataset, index: number): SampleFlow {
  const x1 = data.x1[index]!, x2 = data.x2[index]!, y = data.y[index]!;
  const pass = forward(params, x1, x2, 2);
  const [z1, z2] = [pass.z[0]!, pass.z[1]!];
  const [h1, h2] = [pass.h[0]!, pass.h[1]!];
  const e = pass.yhat - y;
  const dYhat = (2 / data.n) * e;
  const dH1 = dYhat * at(params, 'W5');
  const dH2 = dYhat * at(params, 'W6');
  const gate1 = reluPrime(z1), gate2 = reluPrime(z2);
  // A closed gate passes exactly 0 (not −0, which would print as a signed zero).
  const dZ1 = gate1 === 0 ? 0 : dH1, dZ2 = gate2 === 0 ? 0 : dH2;
  // Adding +0 turns a −0 (0 times a negative input) into 0, which prints without a sign.
  const terms: Record<ParameterName, number> = {
    W1: dZ1 * x1 + 0, W2: dZ2 * x1 + 0, W3: dZ1 * x2 + 0, W4: dZ2 * x2 + 0,
    W5: dYhat * h1 + 0, W6: dYhat * h2 + 0,
    B1: dZ1, B2: dZ2, B3: dYhat,
  };
  return { index, x1, x2, y, z1, z2, h1, h2, yhat: pass.yhat, e, dYhat, dH1, dH2, gate1, gate2, dZ1, dZ2, terms };
}

/** Which parameters' terms are known after `step` steps (the output layer's at 2, all at 5). */
export function termsKnown(step: number): readonly ParameterName[] {
  const output: ParameterName[] = ['B3', 'W5', 'W6'];
  const input: ParameterName[] = ['W1', 'W2', 'W3', 'W4', 'B1', 'B2'];
  return step >= 5 ? [...output, ...input] : step >= 2 ? output : [];
}
