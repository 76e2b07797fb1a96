// What the training console draws beside its loss curve (lossScene.ts), as pure functions of
// the run: the fit over the data, predicted against actual, the parameter table and the numbers
// of the readout. The .astro draws the server figure with these at build time; the element
// redraws with the same functions while the run plays.
import { applyScale, targetFunction, undoScale, type Dataset } from '../../trainer/data';
import { lossAndGradient } from '../../trainer/gradient';
import { rSquared } from '../../trainer/loss';
import { predict } from '../../trainer/network';
import { parameterConnection, parameterName } from '../../trainer/parameters';
import { formatBig, formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { scatterChart } from '../kit/scatter';
import type { SvgNode } from '../kit/svg';
import { COLOURS, NEUTRALS } from '../kit/palette';

export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 320;
const CURVE_POINTS = 121;
const FIT_COLOR = COLOURS.vermillion;

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
      { x: curves.x, y: curves.target, label: 'target', color: NEUTRALS.muted, dash: '5 4' },
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
    curves: [{ x: domain, y: domain, label: 'ŷ = y', color: NEUTRALS.muted, dash: '5 4' }],
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

/** The parameter table's caption for a network with `hidden` units. */
export function parameterCaption(hidden: number): string {
  const which = hidden === 2 ? 'The nine parameters' : `The ${4 * hidden + 1} parameters (H = ${hidden})`;
  return `${which}: at the start, now, the slope ∂L/∂θ at the current values, and the next epoch's step −η·∂L/∂θ.`;
}
