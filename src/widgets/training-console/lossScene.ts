// The training console's loss curve, a pure function of the run's losses: a linear or log axis,
// the Var(y) baseline, the reader's cursor, where η changed, and where the run diverged; and the
// loss table that stands in for it in text. The .astro draws it at build time; the element
// redraws it every frame with the same function.
import { rSquared } from '../../trainer/loss';
import { formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { tableEpochs } from '../../experiments/training/report';
import type { RateChange } from '../../experiments/training/settings';
import type { YScale } from '../../experiments/training-console/settings';
import { chartFrame, chartSvg } from '../kit/chart';
import { downsampleIndices } from '../kit/downsample';
import { h, round, type SvgNode } from '../kit/svg';
import { CHART_HEIGHT, CHART_WIDTH } from './scene';
import { COLOURS, NEUTRALS } from '../kit/palette';
import { textClass } from '../kit/type';

/** Columns of the loss curve's downsampling: about one point pair per two viewBox units. */
const LOSS_BUCKETS = 200;
const LOSS_COLOR = COLOURS.blue;
const WARN_COLOR = COLOURS.vermillion;

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
        h('path', { d: `M${plot.left},${y}H${plot.right}`, stroke: NEUTRALS.muted, 'stroke-dasharray': '5 4', fill: 'none' }),
        h('text', { class: textClass('body'), x: plot.right - 4, y: y - 6, 'text-anchor': 'end', fill: NEUTRALS.muted }, `Var(y) = ${formatNumber(view.varY)}: predict the mean`),
      ]),
    );
  }

  for (const change of (view.rateChanges ?? []).filter((c) => c.epoch <= epoch).slice(-4)) {
    const x = round(frame.x(change.epoch));
    content.push(
      h('g', { class: 'tc-rate-change' }, [
        h('path', { d: `M${x},${plot.top}V${plot.bottom}`, stroke: COLOURS.green, 'stroke-dasharray': '2 3', fill: 'none' }),
        h('text', { class: textClass('small'), x: x + 3, y: plot.top + 12, fill: 'currentColor' }, `η → ${formatNumber(change.rate)}`),
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
        h('text', { class: textClass('body'), x: x - 4, y: plot.top + 26, 'text-anchor': 'end', 'font-weight': 600, fill: 'currentColor' }, `diverged at epoch ${formatInteger(view.divergedAt)}`),
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
      h('text', { class: textClass('body'), x: right ? x - 6 : x + 6, y: plot.top + 44, 'text-anchor': right ? 'end' : 'start', 'font-weight': 600, fill: 'currentColor' }, label),
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

export function lossTableRows(view: Pick<LossView, 'past' | 'current' | 'varY'>): string[][] {
  return tableEpochs(view.past.length).map((e) => {
    const loss = lossAtEpoch(view, e);
    return [formatInteger(e), formatLoss(loss), formatR2(rSquared(loss, view.varY))];
  });
}

