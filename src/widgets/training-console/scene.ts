// Everything the training console draws, as pure functions of the run: the loss curve (linear
// or log axis, the Var(y) baseline, a cursor, rate changes, the divergence mark), the fit over
// the data, predicted against actual, the parameter table and the numbers of the readout.
// The .astro draws the server figure with these at build time; the custom element redraws
// with the same functions every frame.
import { applyScale, targetFunction, undoScale, type Dataset } from '../../trainer/data';
import { lossAndGradient } from '../../trainer/gradient';
import { rSquared } from '../../trainer/loss';
import { predict } from '../../trainer/network';
import { parameterConnection, parameterName } from '../../trainer/parameters';
import { chartFrame, chartSvg } from '../kit/chart';
import { downsampleIndices } from '../kit/downsample';
import { formatBig, formatFixed, formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { scatterChart } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { RateChange, YScale } from './config';
import { tableEpochs } from '../../experiments/training/report';
// Moved down a layer: other widgets' tables and summaries use them too.
export { tableEpochs, unitSummary } from '../../experiments/training/report';

export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 320;
/** Columns of the loss curve's downsampling: about one point pair per two viewBox units. */
const LOSS_BUCKETS = 200;
const CURVE_POINTS = 121;

const LOSS_COLOR = 'var(--c-blue, #0072b2)';
const FIT_COLOR = 'var(--c-vermillion, #d55e00)';
const WARN_COLOR = 'var(--c-vermillion, #d55e00)';

export interface LossView {
  /** losses[e]: the loss at the start of epoch e, for the completed epochs. */
  past: ArrayLike<number>;
  /** The loss at the current parameters (after `past.length` updates). */
  current: number;
  varY: number;
  yScale: YScale;
  /** Epoch under the reader's cursor, or null. */
  cursor?: number | null;
  /** The epoch at which the run diverged, or −1. */
  divergedAt?: number;
  rateChanges?: readonly RateChange[];
  width?: number;
  height?: number;
}

export interface LossScene {
  svg: SvgNode;
  /** What the client needs to turn a pointer position into an epoch. */
  axis: { left: number; right: number; width: number; from: number; to: number };
  /** The epoch the curve ends at (E). */
  epoch: number;
}

/** The loss after `e` updates (0 ≤ e ≤ E). */
export function lossAtEpoch(view: Pick<LossView, 'past' | 'current'>, e: number): number {
  return e < view.past.length ? view.past[e] : view.current;
}

function usable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

export function lossScene(view: LossView): LossScene {
  const width = view.width ?? CHART_WIDTH;
  const height = view.height ?? CHART_HEIGHT;
  const log = view.yScale === 'log';
  const epoch = view.past.length;
  const at = (e: number) => lossAtEpoch(view, e);
  const keep = downsampleIndices(epoch + 1, at, LOSS_BUCKETS);
  let lo = Infinity, hi = -Infinity;
  for (const i of keep) {
    const v = at(i);
    if (!usable(v, log)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (usable(view.varY, log)) {
    lo = Math.min(lo, view.varY);
    hi = Math.max(hi, view.varY);
  }
  if (!log) lo = Math.min(0, lo);
  if (!(hi >= lo)) [lo, hi] = log ? [0.01, 1] : [0, 1];
  const first = at(0), last = view.current;
  const title = `Loss per epoch on a ${log ? 'logarithmic' : 'linear'} axis: ${formatLoss(first)} at epoch 0, ${formatLoss(last)} at epoch ${formatInteger(epoch)}.`;
  const frame = chartFrame({
    width,
    height,
    margin: { top: 30, right: 16, bottom: 44, left: 60 },
    heading: 'Loss L per epoch',
    title,
    description:
      `The dashed line is Var(y) = ${formatNumber(view.varY)}, the loss of always predicting the mean; ` +
      `the curve must get below it to have learned anything. R² at epoch ${formatInteger(epoch)} is ${formatR2(rSquared(last, view.varY))}.`,
    x: { label: 'epoch', domain: [0, Math.max(10, epoch)] },
    y: { label: log ? 'loss L (log scale)' : 'loss L', domain: [lo, hi], type: view.yScale },
  });
  const { plot } = frame;
  const content: SvgNode[] = [];

  if (usable(view.varY, log)) {
    const y = round(frame.y(view.varY));
    content.push(
      h('g', { class: 'np-reference tc-baseline' }, [
        h('path', { d: `M${plot.left},${y}H${plot.right}`, stroke: 'var(--muted, #555)', 'stroke-dasharray': '5 4', fill: 'none' }),
        h('text', { x: plot.right - 4, y: y - 6, 'text-anchor': 'end', 'font-size': 12, fill: 'var(--muted, #555)' }, `Var(y) = ${formatNumber(view.varY)}: predict the mean`),
      ]),
    );
  }

  for (const change of (view.rateChanges ?? []).filter((c) => c.epoch <= epoch).slice(-4)) {
    const x = round(frame.x(change.epoch));
    content.push(
      h('g', { class: 'tc-rate-change' }, [
        h('path', { d: `M${x},${plot.top}V${plot.bottom}`, stroke: 'var(--c-green, #009e73)', 'stroke-dasharray': '2 3', fill: 'none' }),
        h('text', { x: x + 3, y: plot.top + 12, 'font-size': 11, fill: 'currentColor' }, `η → ${formatNumber(change.rate)}`),
      ]),
    );
  }

  // One path; a value that cannot be drawn (not finite, or ≤ 0 on a log axis) starts a new piece.
  let d = '';
  let pen = false;
  for (const i of keep) {
    const v = at(i);
    if (!usable(v, log)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(frame.x(i))},${round(frame.y(v))}`;
    pen = true;
  }
  content.push(h('path', { class: 'np-series tc-loss', d, fill: 'none', stroke: LOSS_COLOR, 'stroke-width': 2, 'stroke-linejoin': 'round' }));
  if (usable(last, log)) {
    content.push(h('circle', { class: 'tc-now', cx: round(frame.x(epoch)), cy: round(frame.y(last)), r: 3.5, fill: LOSS_COLOR }));
  }

  if (view.divergedAt !== undefined && view.divergedAt >= 0) {
    const x = round(frame.x(view.divergedAt));
    content.push(
      h('g', { class: 'tc-diverged' }, [
        h('path', { d: `M${x},${plot.top}V${plot.bottom}`, stroke: WARN_COLOR, 'stroke-width': 2, 'stroke-dasharray': '6 3', fill: 'none' }),
        h('text', { x: x - 4, y: plot.top + 26, 'text-anchor': 'end', 'font-size': 12, 'font-weight': 600, fill: 'currentColor' }, `diverged at epoch ${formatInteger(view.divergedAt)}`),
      ]),
    );
  }

  if (view.cursor !== null && view.cursor !== undefined && view.cursor >= 0 && view.cursor <= epoch) {
    const c = Math.round(view.cursor);
    const x = round(frame.x(c));
    const v = at(c);
    const label = `epoch ${formatInteger(c)}: ${formatLoss(v)}`;
    const right = x > plot.left + plot.width * 0.6;
    const marks: SvgNode[] = [
      h('path', { d: `M${x},${plot.top}V${plot.bottom}`, stroke: 'currentColor', 'stroke-width': 1, fill: 'none' }),
      h('text', { x: right ? x - 6 : x + 6, y: plot.top + 44, 'text-anchor': right ? 'end' : 'start', 'font-size': 12, 'font-weight': 600, fill: 'currentColor' }, label),
    ];
    if (usable(v, log)) marks.push(h('circle', { cx: x, cy: round(frame.y(v)), r: 5, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }));
    content.push(h('g', { class: 'tc-cursor' }, marks));
  }

  return {
    svg: chartSvg(frame, content),
    axis: { left: plot.left, right: plot.right, width, from: frame.xDomain[0], to: frame.xDomain[1] },
    epoch,
  };
}

/** The epoch nearest to a pointer at viewBox x-coordinate `x`, clamped to 0…epoch. */
export function epochAtX(scene: Pick<LossScene, 'axis' | 'epoch'>, x: number): number {
  const { left, right, from, to } = scene.axis;
  const t = (x - left) / (right - left);
  const e = Math.round(from + t * (to - from));
  return Math.min(scene.epoch, Math.max(0, e));
}

/** Keeps a curve inside the plot: values beyond the axis are drawn on its edge. */
function clampTo(values: number[], [lo, hi]: [number, number]): number[] {
  const pad = (hi - lo) * 0.04;
  return values.map((v) => (Number.isNaN(v) ? NaN : Math.min(hi + pad, Math.max(lo - pad, v))));
}

function extentWithPad(values: ArrayLike<number>, extra: number[] = []): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of [...Array.from(values), ...extra]) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return [lo - 1 || -1, hi + 1 || 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

function gridOf(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/** The network's prediction along x1 with x2 at its mean, and the noise-free target there. */
export function fitCurves(data: Dataset, params: Float64Array, hidden: number) {
  const s = data.scaling;
  const x1s = gridOf(applyScale(s.x1.min, s.x1), applyScale(s.x1.max, s.x1), CURVE_POINTS);
  const x2 = applyScale(s.x2.mean, s.x2);
  return {
    x: x1s,
    network: x1s.map((u) => predict(params, u, x2, hidden)),
    target: x1s.map((u) => applyScale(targetFunction(undoScale(u, s.x1), s.x2.mean), s.y)),
  };
}

const UNIT: Record<string, string> = { zscore: ' (z-score)', minmax: ' (min–max)', none: '' };

export function fitScene(data: Dataset, params: Float64Array, hidden: number, epoch: number): SvgNode {
  const curves = fitCurves(data, params, hidden);
  const unit = UNIT[data.scaling.method];
  const yDomain = extentWithPad(data.y, curves.target);
  return scatterChart({
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    heading: `The fit at epoch ${formatInteger(epoch)}`,
    title: `The network's prediction ŷ against x1 (x2 at its mean) over the ${formatInteger(data.n)} samples, at epoch ${formatInteger(epoch)}.`,
    description:
      'Points: the samples, y against x1, coloured by x2 (blue circles low, orange diamonds high). Solid line: the network ' +
      'with x2 held at its mean; dashed line: the noise-free target there. Where the solid line bends is where a hidden unit switches on.',
    x: { label: `x1${unit}`, values: data.x1 },
    y: { label: `y${unit}`, values: data.y, domain: yDomain },
    colorBy: { label: 'x2', values: data.x2 },
    curves: [
      { x: curves.x, y: curves.target, label: 'target', color: 'var(--muted, #555)', dash: '5 4' },
      { x: curves.x, y: clampTo(curves.network, yDomain), label: 'network ŷ', color: FIT_COLOR, dash: '' },
    ],
    radius: data.n <= 300 ? 2.6 : 1.8,
  });
}

export function parityScene(data: Dataset, params: Float64Array, hidden: number, epoch: number): SvgNode {
  const domain = extentWithPad(data.y);
  const predicted = Array.from({ length: data.n }, (_, i) => predict(params, data.x1[i], data.x2[i], hidden));
  const unit = UNIT[data.scaling.method];
  return scatterChart({
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    heading: `Predicted against actual, epoch ${formatInteger(epoch)}`,
    title: `Each sample's prediction ŷ against its target y at epoch ${formatInteger(epoch)}.`,
    description: 'A perfect fit puts every point on the dashed diagonal ŷ = y; the vertical distance to it is the error e = ŷ − y.',
    x: { label: `actual y${unit}`, values: data.y, domain },
    y: { label: `predicted ŷ${unit}`, values: clampTo(predicted, domain), domain },
    curves: [{ x: domain, y: domain, label: 'ŷ = y', color: 'var(--muted, #555)', dash: '5 4' }],
    radius: data.n <= 300 ? 2.6 : 1.8,
  });
}


export interface ParameterRow {
  name: string;
  /** What the parameter connects, e.g. "x1 → h1". */
  role: string;
  start: string;
  now: string;
  gradient: string;
  /** −η·∂L/∂θ: the full-batch step the next epoch would take. */
  step: string;
}

export const PARAMETER_COLUMNS = ['parameter', 'start', 'now', '∂L/∂θ', 'next step'];


export function parameterRows(start: Float64Array, params: Float64Array, gradient: Float64Array, rate: number, hidden: number): ParameterRow[] {
  return Array.from(params, (value, i) => ({
    name: parameterName(i, hidden),
    role: parameterConnection(i, hidden),
    start: formatNumber(start[i]),
    now: formatNumber(value),
    gradient: formatBig(gradient[i]),
    step: formatBig(-rate * gradient[i]),
  }));
}

/** The full-data gradient at the current parameters (what the next full-batch step follows). */
export function gradientNow(data: Dataset, params: Float64Array, hidden: number): Float64Array {
  return lossAndGradient(params, data, hidden).grad;
}

export function lossTableRows(view: Pick<LossView, 'past' | 'current' | 'varY'>): string[][] {
  return tableEpochs(view.past.length).map((e) => {
    const loss = lossAtEpoch(view, e);
    return [formatInteger(e), formatLoss(loss), formatR2(rSquared(loss, view.varY))];
  });
}

export interface Readout {
  epoch: string;
  loss: string;
  r2: string;
  varY: string;
  rate: string;
}

export function readout(epoch: number, loss: number, varY: number, rate: number): Readout {
  return {
    epoch: formatInteger(epoch),
    loss: formatLoss(loss),
    r2: formatR2(rSquared(loss, varY)),
    varY: formatNumber(varY),
    rate: formatNumber(rate),
  };
}
