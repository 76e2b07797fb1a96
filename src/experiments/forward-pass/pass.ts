// One sample pushed through the network step by step, and all N at once: the numbers of each
// step of the forward pass (lesson 4), the formulas they fill, and the loss over the data.
import type { Dataset } from '../../trainer/data';
import { rSquared, variance } from '../../trainer/loss';
import { forward } from '../../trainer/network';
import { PARAMETER_NAMES, type Parameters } from '../../trainer/parameters';
import { formatFixed, formatNumber } from '../format';

/** Decimals of the inputs and target (as the data explorer's table) and of everything computed. */
export const INPUT_DECIMALS = 4;
export const RESULT_DECIMALS = 3;

export type StepId = 'z1' | 'h1' | 'z2' | 'h2' | 'yhat' | 'e';

export interface ForwardStep {
  id: StepId;
  /** Short name shown beside the formula. */
  label: string;
  /** TeX with @slots, rendered at build time (src/lib/live-math.ts). */
  tex: string;
  /** The same formula as plain text, for screen readers. */
  text: string;
  /** The slots this step computes: they show '?' until the step is taken. */
  reveals: readonly string[];
}

export const FORWARD_STEPS: readonly ForwardStep[] = [
  {
    id: 'z1',
    label: 'Unit 1 adds up its inputs',
    tex: String.raw`z_1 = W_1 x_1 + W_3 x_2 + B_1 = (@W1)\cdot(@x1) + (@W3)\cdot(@x2) + (@B1) = @z1`,
    text: 'z1 = W1·x1 + W3·x2 + B1 = (@W1)·(@x1) + (@W3)·(@x2) + (@B1) = @z1',
    reveals: ['z1'],
  },
  {
    id: 'h1',
    label: 'Unit 1 applies ReLU',
    tex: String.raw`h_1 = \operatorname{ReLU}(z_1) = \max(0,\ @z1) = @h1`,
    text: 'h1 = ReLU(z1) = max(0, @z1) = @h1',
    reveals: ['h1'],
  },
  {
    id: 'z2',
    label: 'Unit 2 adds up its inputs',
    tex: String.raw`z_2 = W_2 x_1 + W_4 x_2 + B_2 = (@W2)\cdot(@x1) + (@W4)\cdot(@x2) + (@B2) = @z2`,
    text: 'z2 = W2·x1 + W4·x2 + B2 = (@W2)·(@x1) + (@W4)·(@x2) + (@B2) = @z2',
    reveals: ['z2'],
  },
  {
    id: 'h2',
    label: 'Unit 2 applies ReLU',
    tex: String.raw`h_2 = \operatorname{ReLU}(z_2) = \max(0,\ @z2) = @h2`,
    text: 'h2 = ReLU(z2) = max(0, @z2) = @h2',
    reveals: ['h2'],
  },
  {
    id: 'yhat',
    label: 'The output unit combines h1 and h2',
    tex: String.raw`\hat y = W_5 h_1 + W_6 h_2 + B_3 = (@W5)\cdot(@h1) + (@W6)\cdot(@h2) + (@B3) = @yhat`,
    text: 'ŷ = W5·h1 + W6·h2 + B3 = (@W5)·(@h1) + (@W6)·(@h2) + (@B3) = @yhat',
    reveals: ['yhat'],
  },
  {
    id: 'e',
    label: 'The residual: prediction minus target',
    tex: String.raw`e = \hat y - y = @yhat - (@y) = @e, \qquad e^2 = @e2`,
    text: 'e = ŷ − y = @yhat − (@y) = @e, and e² = @e2',
    reveals: ['e', 'e2'],
  },
];

export const STEP_COUNT = FORWARD_STEPS.length;

/** The numbers of one sample's forward pass. */
export interface SamplePass {
  /** 0-based index of the sample. */
  index: number;
  x1: number;
  x2: number;
  y: number;
  z1: number;
  h1: number;
  z2: number;
  h2: number;
  yhat: number;
  e: number;
}

export function samplePass(params: Parameters, data: Dataset, index: number): SamplePass {
  const { z, h, yhat } = forward(params, data.x1[index], data.x2[index], 2);
  const y = data.y[index];
  return { index, x1: data.x1[index], x2: data.x2[index], y, z1: z[0], h1: h[0], z2: z[1], h2: h[1], yhat, e: yhat - y };
}

const result = (v: number) => formatFixed(v, RESULT_DECIMALS);

/** The text of every slot of the six formulas, all steps taken. */
export function passNumbers(params: Parameters, pass: SamplePass): Record<string, string> {
  const numbers: Record<string, string> = {};
  PARAMETER_NAMES.forEach((name, j) => (numbers[name] = formatNumber(params[j])));
  for (const key of ['x1', 'x2', 'y'] as const) numbers[key] = formatFixed(pass[key], INPUT_DECIMALS);
  for (const key of ['z1', 'h1', 'z2', 'h2', 'yhat', 'e'] as const) numbers[key] = result(pass[key]);
  numbers.e2 = result(pass.e * pass.e);
  return numbers;
}

/** The whole data set at once: every prediction, the loss and how often each unit is on. */
export interface AllSamples {
  yhat: Float64Array;
  loss: number;
  varY: number;
  r2: number;
  on1: number;
  on2: number;
}

export function allSamples(params: Parameters, data: Dataset): AllSamples {
  const yhat = new Float64Array(data.n);
  let sum = 0, on1 = 0, on2 = 0;
  for (let i = 0; i < data.n; i++) {
    const p = samplePass(params, data, i);
    yhat[i] = p.yhat;
    sum += p.e * p.e;
    if (p.z1 > 0) on1 += 1;
    if (p.z2 > 0) on2 += 1;
  }
  const loss = sum / data.n;
  const varY = variance(data.y);
  return { yhat, loss, varY, r2: rSquared(loss, varY), on1, on2 };
}

