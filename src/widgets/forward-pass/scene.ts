// Everything the forward-pass stepper shows, from nine parameters, the data and a sample:
// the six steps' formulas with their numbers (a step not yet taken shows '?'), a sentence for
// the step just taken, all N predictions against their targets, and a window of the table of
// every sample. Pure, so the .astro renders it at build time and the element on every press.
import type { Dataset } from '../../trainer/data';
import { PARAMETER_NAMES, type Parameters } from '../../trainer/parameters';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import {
  allSamples,
  FORWARD_STEPS,
  INPUT_DECIMALS,
  RESULT_DECIMALS,
  samplePass,
  STEP_COUNT,
  passNumbers,
  type SamplePass,
} from '../../experiments/forward-pass/pass';
import { UNKNOWN } from '../../experiments/formulaTemplate';
import { scatterChart } from '../kit/scatter';
import type { SvgNode } from '../kit/svg';

const result = (v: number) => formatFixed(v, RESULT_DECIMALS);

/** The numbers as they stand after `step` steps: slots of steps not yet taken show '?'. */
export function numbersAtStep(all: Readonly<Record<string, string>>, step: number): Record<string, string> {
  const shown = { ...all };
  FORWARD_STEPS.forEach((s, k) => {
    if (k >= step) for (const key of s.reveals) shown[key] = UNKNOWN;
  });
  return shown;
}

function onOff(z: number, unit: 1 | 2): string {
  return z > 0 ? `z${unit} is positive, so unit ${unit} is on and passes it through.` : `z${unit} is not positive, so unit ${unit} is off for this sample: it outputs 0.`;
}

/** One sentence for the step just taken (0 = none yet), for the visible note and screen readers. */
export function stepMessage(pass: SamplePass, step: number, numbers: Readonly<Record<string, string>>): string {
  const sample = `Sample ${formatInteger(pass.index + 1)}`;
  if (step <= 0) {
    return `${sample}: x1 = ${numbers.x1}, x2 = ${numbers.x2}, target y = ${numbers.y}. Press Step to compute z1.`;
  }
  const head = `Step ${step} of ${STEP_COUNT}: `;
  switch (FORWARD_STEPS[Math.min(step, STEP_COUNT) - 1].id) {
    case 'z1':
      return `${head}z1 = ${numbers.z1}, the weighted sum of the two inputs plus the bias B1.`;
    case 'h1':
      return `${head}h1 = ${numbers.h1}. ${onOff(pass.z1, 1)}`;
    case 'z2':
      return `${head}z2 = ${numbers.z2}, unit 2's own weighted sum with W2, W4 and B2.`;
    case 'h2':
      return `${head}h2 = ${numbers.h2}. ${onOff(pass.z2, 2)}`;
    case 'yhat':
      return `${head}the prediction ŷ = ${numbers.yhat}.`;
    case 'e': {
      const how = pass.e > 0 ? 'too high' : pass.e < 0 ? 'too low' : 'exactly right';
      return `${head}e = ${numbers.e}: the prediction is ${how}${pass.e === 0 ? '' : ` by ${result(Math.abs(pass.e))}`}. Squared, it adds ${numbers.e2} to the sum behind the loss.`;
    }
  }
}

/** Columns of the all-samples table. */
export const TABLE_COLUMNS = ['#', 'x1', 'x2', 'z1', 'h1', 'z2', 'h2', 'ŷ', 'y', 'e'] as const;
/** How many rows of the table are shown around the current sample. */
export const TABLE_ROWS = 7;

export interface TableRow {
  /** 0-based sample index. */
  index: number;
  current: boolean;
  cells: string[];
}

/** The rows around sample `index` (a window of TABLE_ROWS, kept inside 0…N−1). */
export function tableWindow(params: Parameters, data: Dataset, index: number): TableRow[] {
  const count = Math.min(TABLE_ROWS, data.n);
  const first = Math.max(0, Math.min(data.n - count, index - Math.floor(count / 2)));
  return Array.from({ length: count }, (_, k) => {
    const p = samplePass(params, data, first + k);
    return {
      index: p.index,
      current: p.index === index,
      cells: [
        formatInteger(p.index + 1),
        formatFixed(p.x1, INPUT_DECIMALS),
        formatFixed(p.x2, INPUT_DECIMALS),
        result(p.z1),
        result(p.h1),
        result(p.z2),
        result(p.h2),
        result(p.yhat),
        formatFixed(p.y, INPUT_DECIMALS),
        result(p.e),
      ],
    };
  });
}

export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 340;

export interface ForwardPassScene {
  /** Every slot's text at this step ('?' for steps not yet taken). */
  numbers: Record<string, string>;
  /** The summary numbers beside the chart (loss, Var(y), R², units on). */
  summary: Record<string, string>;
  message: string;
  chart: SvgNode;
  rows: TableRow[];
}

export function forwardPassScene(params: Parameters, data: Dataset, index: number, step: number): ForwardPassScene {
  const pass = samplePass(params, data, index);
  const all = passNumbers(params, pass);
  const numbers = numbersAtStep(all, step);
  const every = allSamples(params, data);
  const n = formatInteger(data.n);
  const sample = `sample ${formatInteger(index + 1)}`;
  const chart = scatterChart({
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    heading: `All ${n} predictions at once`,
    title: `Scatter plot of the network's prediction against the target for all ${n} samples; ${sample} is ringed.`,
    description:
      `Each point is one sample: across, its target y; up, the prediction ŷ of the same forward pass. ` +
      `Points on the dashed diagonal would be perfect predictions. ${sample[0].toUpperCase()}${sample.slice(1)} has y = ${all.y} and ŷ = ${all.yhat}.`,
    x: { label: 'target y', values: data.y },
    y: { label: 'prediction ŷ', values: every.yhat },
    curves: [{ x: targetRange(data.y), y: targetRange(data.y), label: 'ŷ = y (perfect)' }],
    highlight: { index, label: sample },
    radius: 2.6,
  });
  return {
    numbers,
    summary: {
      n,
      loss: formatNumber(every.loss),
      varY: formatNumber(every.varY),
      r2: formatNumber(every.r2),
      on1: formatInteger(every.on1),
      on2: formatInteger(every.on2),
    },
    message: stepMessage(pass, step, all),
    chart,
    rows: tableWindow(params, data, index),
  };
}

/** The ends of the ŷ = y line: the targets' range, so the axis across stays the targets'. */
function targetRange(y: ArrayLike<number>): number[] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < y.length; i++) {
    lo = Math.min(lo, y[i]);
    hi = Math.max(hi, y[i]);
  }
  return [lo, hi];
}
