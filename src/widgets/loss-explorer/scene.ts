// Everything the loss explorer shows for one parameter vector: the residuals drawn on the
// data, the loss along one parameter with the other eight fixed (a 1-D slice), and the
// numbers beside them. Pure, so the .astro draws the server figure with it at build time and
// the custom element redraws with it on every change.
import type { Dataset } from '../../trainer/data';
import { baselines as computeBaselines, rSquared, type Baselines } from '../../trainer/loss';
import { PARAMETER_NAMES, type Parameters } from '../../trainer/parameters';
import type { LossAxis } from '../../experiments/loss-explorer/settings';
import { residualsOf, sliceOf, SLICE_POINTS, type Residuals, type Slice } from '../../experiments/loss-explorer/slice';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { lineChart, type ReferenceLine } from '../kit/lineChart';
import { markerPath, SCATTER_MARGIN, type Shape } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { COLOURS, NEUTRALS, TEXT_COLOURS } from '../kit/palette';
import { textClass } from '../kit/type';

export const PANEL_WIDTH = 420;
export const PANEL_HEIGHT = 340;
export const SLICE_TABLE_ROWS = 13;
export const SAMPLE_ROWS = 12;

export const SAMPLE_COLUMNS = ['#', 'x1', 'x2', 'y', 'ŷ', 'e = ŷ − y', 'e²'];

/** Over-predictions and under-predictions: different colour, shape and dash. */
export const RESIDUAL_STYLES = {
  high: { color: COLOURS.vermillion, shape: 'triangle' as Shape, dash: '3 2', label: 'ŷ too high' },
  low: { color: COLOURS.blue, shape: 'square' as Shape, dash: undefined, label: 'ŷ too low' },
} as const;

/**
 * The slice's y domain. The baselines join it when that leaves the curve at least a fifth of
 * the height; otherwise (a curve far above them) they are named at the bottom edge instead,
 * so the shape of the slice stays visible.
 */
export function sliceDomain(losses: ArrayLike<number>, base: Baselines, axis: LossAxis): [number, number] {
  const t = (v: number) => (axis === 'log' ? Math.log10(v) : v);
  let lo = Infinity, hi = -Infinity;
  for (let j = 0; j < losses.length; j++) {
    const v = losses[j];
    if (!Number.isFinite(v) || (axis === 'log' && !(v > 0))) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi >= lo)) return [Math.min(base.linear, base.meanPredictor), Math.max(base.linear, base.meanPredictor)];
  const refs = [base.meanPredictor, base.linear].filter((v) => Number.isFinite(v) && (axis === 'linear' || v > 0));
  const fullLo = Math.min(lo, ...refs), fullHi = Math.max(hi, ...refs);
  const span = Math.max(t(hi) - t(lo), 0.1 * Math.max(Math.abs(t(hi)), 1e-9));
  return t(fullHi) - t(fullLo) <= 5 * span ? [fullLo, fullHi] : [lo, hi];
}

function residualChart(data: Dataset, r: Residuals): SvgNode {
  const n = data.n;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    for (const v of [data.y[i], r.yhat[i]]) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  let xlo = Infinity, xhi = -Infinity;
  for (let i = 0; i < n; i++) [xlo, xhi] = [Math.min(xlo, data.x1[i]), Math.max(xhi, data.x1[i])];
  const high = r.e.filter((e) => e > 0).length;
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: SCATTER_MARGIN,
    heading: 'Targets, predictions and residuals',
    title: `Targets y and predictions ŷ against x1 for ${formatInteger(n)} samples: ${formatInteger(high)} predictions too high, ${formatInteger(n - high)} too low.`,
    description:
      'Each sample is a hollow circle at its target y. A vertical segment joins it to the prediction ŷ: the segment is the residual e = ŷ − y. ' +
      'Predictions that are too high are orange triangles with dashed segments; predictions that are too low are blue squares with solid segments.',
    x: { label: 'x1 (z-score)', domain: [xlo, xhi] },
    y: { label: 'y and ŷ (z-score)', domain: [lo, hi] },
  });
  const segments = { high: [] as string[], low: [] as string[] };
  const marks = { high: [] as string[], low: [] as string[] };
  const targets: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = frame.x(data.x1[i]), yt = frame.y(data.y[i]), yp = frame.y(r.yhat[i]);
    if (![x, yt, yp].every(Number.isFinite)) continue;
    const side = r.e[i] > 0 ? 'high' : 'low';
    segments[side].push(`M${round(x)},${round(yt)}V${round(yp)}`);
    marks[side].push(markerPath(RESIDUAL_STYLES[side].shape, x, yp, 2.6));
    targets.push(markerPath('circle', x, yt, 2.4));
  }
  const content: SvgNode[] = [
    h('g', { class: 'np-residuals', fill: 'none', 'stroke-width': 1 }, (['low', 'high'] as const).map((side) =>
      h('path', { d: segments[side].join(''), stroke: RESIDUAL_STYLES[side].color, 'stroke-dasharray': RESIDUAL_STYLES[side].dash, 'data-side': side }),
    )),
    h('path', { class: 'np-targets', d: targets.join(''), fill: NEUTRALS.bg, stroke: 'currentColor', 'stroke-width': 1 }),
    h('g', { class: 'np-predictions', stroke: NEUTRALS.bg, 'stroke-width': 0.5 }, (['low', 'high'] as const).map((side) =>
      h('path', { d: marks[side].join(''), fill: RESIDUAL_STYLES[side].color, 'data-side': side }),
    )),
    residualLegend(frame),
  ];
  return chartSvg(frame, content);
}

function residualLegend(frame: ChartFrame): SvgNode {
  const y = 40;
  let x = frame.plot.left;
  const items: SvgNode[] = [h('path', { d: markerPath('circle', x + 4, y, 3.5), fill: NEUTRALS.bg, stroke: 'currentColor' }), h('text', { x: x + 12, y, dy: '0.32em' }, 'target y')];
  x += 80;
  for (const side of ['high', 'low'] as const) {
    const s = RESIDUAL_STYLES[side];
    items.push(
      h('path', { d: `M${x},${y}h16`, stroke: s.color, 'stroke-width': 1.5, 'stroke-dasharray': s.dash, fill: 'none' }),
      h('path', { d: markerPath(s.shape, x + 22, y, 4), fill: s.color }),
      h('text', { x: x + 30, y, dy: '0.32em' }, s.label),
    );
    x += 118;
  }
  return h('g', { class: textClass('body', 'np-legend'), fill: 'currentColor' }, items);
}

function sliceChart(params: Parameters, index: number, slice: Slice, loss: number, base: Baselines, axis: LossAxis): SvgNode {
  const name = PARAMETER_NAMES[index];
  const domain = sliceDomain(slice.losses, base, axis);
  const references: ReferenceLine[] = [
    { value: base.meanPredictor, label: `Var(y) = ${formatNumber(base.meanPredictor)}`, offscale: 'edge', dash: '6 4' },
    { value: base.linear, label: `best plane = ${formatNumber(base.linear)}`, offscale: 'edge', dash: '2 3', color: TEXT_COLOURS.green },
  ];
  const shape = slice.flat ? 'a flat line: every value gives the same loss' : slice.lowest ? `lowest at ${name} ≈ ${formatNumber(slice.lowest.value)}, L ≈ ${formatNumber(slice.lowest.loss)}` : '';
  return lineChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 30, right: 14, bottom: 44, left: 62 },
    heading: `The loss along ${name}, the other eight fixed`,
    title: `The loss L as ${name} varies from ${formatNumber(slice.values[0])} to ${formatNumber(slice.values[slice.values.length - 1])} with the other parameters fixed: ${shape}. Now ${name} = ${formatNumber(params[index])} and L = ${formatNumber(loss)}.`,
    description:
      `The solid curve is the loss at ${SLICE_POINTS} values of ${name}. The dashed vertical line and the dot mark the current value; ` +
      `the hollow diamond marks the lowest point of the curve. The horizontal lines are the baselines: Var(y), the loss of always predicting the mean, and the loss of the best straight plane.`,
    x: { label: `${name} (the other eight fixed)`, domain: [slice.values[0], slice.values[slice.values.length - 1]], nice: false },
    y: { label: 'loss L', domain, type: axis },
    series: [{ label: `L along ${name}`, x: slice.values, y: slice.losses, color: COLOURS.blue }],
    references,
    markers: [
      ...(slice.lowest ? [{ x: slice.lowest.value, y: slice.lowest.loss, label: 'lowest', shape: 'diamond' as Shape, hollow: true, line: false, color: COLOURS.green }] : []),
      { x: params[index], y: loss, label: `${name} now = ${formatNumber(params[index])}` },
    ],
  });
}

export interface LossExplorerScene {
  residuals: SvgNode;
  slice: SvgNode;
  /** Display text of every number beside the figure, keyed "loss", "r2", … */
  numbers: Record<string, string>;
  /** The slice at a few evenly spaced values, for the table alternative. */
  sliceRows: string[][];
  sliceCaption: string;
  /** The first samples with prediction and residual. */
  samples: string[][];
}

export function lossExplorerScene(data: Dataset, params: Parameters, index: number, axis: LossAxis = 'linear', base: Baselines = computeBaselines(data)): LossExplorerScene {
  const r = residualsOf(params, data);
  const slice = sliceOf(params, data, index, r);
  const name = PARAMETER_NAMES[index];
  const n = data.n;
  const numbers: Record<string, string> = {
    loss: formatNumber(r.loss),
    varY: formatNumber(base.meanPredictor),
    linearLoss: formatNumber(base.linear),
    r2: formatFixed(rSquared(r.loss, base.meanPredictor), 3),
    linearR2: formatFixed(rSquared(base.linear, base.meanPredictor), 3),
    meanResidual: formatFixed(r.meanResidual, 3),
    h1On: `${formatInteger(r.activeCounts[0])} of ${formatInteger(n)}`,
    h2On: `${formatInteger(r.activeCounts[1])} of ${formatInteger(n)}`,
    parameter: name,
    parameterValue: formatNumber(params[index]),
    lowest: slice.flat
      ? `flat: every value of ${name} gives L = ${formatNumber(slice.losses[0])}`
      : slice.lowest
        ? `L ≈ ${formatNumber(slice.lowest.loss)} at ${name} ≈ ${formatNumber(slice.lowest.value)}${slice.lowestAtEnd ? ', the end of the drawn range (it falls further beyond)' : ''}`
        : '',
  };
  const rows: string[][] = [];
  const step = (SLICE_POINTS - 1) / (SLICE_TABLE_ROWS - 1);
  for (let k = 0; k < SLICE_TABLE_ROWS; k++) {
    const j = Math.round(k * step);
    rows.push([formatNumber(slice.values[j]), formatNumber(slice.losses[j])]);
  }
  const samples: string[][] = [];
  for (let i = 0; i < Math.min(SAMPLE_ROWS, n); i++) {
    samples.push([String(i + 1), formatFixed(data.x1[i], 3), formatFixed(data.x2[i], 3), formatFixed(data.y[i], 3), formatFixed(r.yhat[i], 3), formatFixed(r.e[i], 3), formatFixed(r.e[i] * r.e[i], 3)]);
  }
  return {
    residuals: residualChart(data, r),
    slice: sliceChart(params, index, slice, r.loss, base, axis),
    numbers,
    sliceRows: rows,
    sliceCaption: `The loss along ${name} with the other eight parameters fixed, at ${SLICE_TABLE_ROWS} of the ${SLICE_POINTS} values drawn.`,
    samples,
  };
}
