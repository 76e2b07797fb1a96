// Everything the plateau widget draws, as pure functions: both runs' loss curves on one log
// axis with Var(y) and each cut of the schedule marked on its curve; the rate of each run over
// the epochs; the paired comparison (fixed final loss against schedule final loss, one point
// per seed, diverged runs in strips of their own); and the numbers and tables beside them.
// The .astro draws the server figure with these; the custom element redraws with the same.
import { rSquared } from '../../trainer/loss';
import { chartFrame, chartSvg } from '../kit/chart';
import { formatInteger, formatNumber, formatPowerOfTen } from '../../experiments/format';
import { markerPath } from '../kit/scatter';
import { drawable, keptExtent, seriesPath, type LongSeries } from '../kit/seriesPath';
import { h, round, type SvgNode } from '../kit/svg';
import { tableEpochs } from '../training-console/scene';
import { formatLoss, formatR2 } from '../../experiments/format';
import type { PlateauConfig } from './config';
import { SAME_MARGIN, summarise, verdict, type PairedOutcome, type PairedSummary, type Verdict } from './run';

export const LOSS_SIZE = { width: 420, height: 320 } as const;
export const RATE_SIZE = { width: 420, height: 200 } as const;
export const PAIRED_SIZE = { width: 420, height: 380 } as const;

const FIXED_COLOR = 'var(--c-blue, #0072b2)';
const PLATEAU_COLOR = 'var(--c-vermillion, #d55e00)';
const PLATEAU_DASH = '7 4';
const MUTED = 'var(--muted, #555)';

/** One run as the figures need it. */
export interface RunView {
  /** losses[e]: the loss at the start of epoch e, for the completed epochs. */
  losses: ArrayLike<number>;
  /** The loss at the current parameters (after losses.length updates). */
  current: number;
  /** The rate each completed epoch used. */
  rates: ArrayLike<number>;
  /** The rate the next epoch would use. */
  rate: number;
  /** The epoch it diverged at, or −1. */
  divergedAt: number;
  /** Epochs from which a cut rate applied (none for the fixed run). */
  cuts: readonly number[];
}

export interface PairView {
  fixed: RunView;
  plateau: RunView;
  varY: number;
  /** The planned length (the x axis runs to it, so the curves grow into the frame). */
  epochs: number;
  learningRate: number;
  minLr: number;
  /** The schedule's settings in words ("factor 0.5, patience 200, …"). */
  schedule: string;
}

/** The loss after e updates (0 ≤ e ≤ E): the history, then the loss now. */
export function lossAt(run: Pick<RunView, 'losses' | 'current'>, e: number): number {
  return e < run.losses.length ? run.losses[e] : run.current;
}

/** The rate in force during epoch e (the last one known for epochs not run yet). */
export function rateAt(run: Pick<RunView, 'rates' | 'rate'>, e: number): number {
  return e < run.rates.length ? run.rates[e] : run.rate;
}

function series(run: RunView): LongSeries {
  return { length: run.losses.length + 1, valueAt: (e) => lossAt(run, e) };
}

/** Who diverged, in words, for a label and the status line ("", "the fixed run diverged at epoch 7", …). */
export function divergenceText(view: Pick<PairView, 'fixed' | 'plateau'>): string {
  const f = view.fixed.divergedAt, p = view.plateau.divergedAt;
  if (f >= 0 && p >= 0) return f === p ? `both runs diverged at epoch ${formatInteger(f)}` : `the fixed run diverged at epoch ${formatInteger(f)}, the schedule's at ${formatInteger(p)}`;
  if (f >= 0) return `the fixed run diverged at epoch ${formatInteger(f)}`;
  if (p >= 0) return `the schedule's run diverged at epoch ${formatInteger(p)}`;
  return '';
}

/**
 * The loss axis's range: every drawable loss from the first hundredth of the run on, and Var(y).
 * The first epochs can start hundreds of times higher (a huge first step); letting them set
 * the axis would squash everything after into a flat line, so they are clipped at the top
 * edge, and the figure says how high they started.
 */
export function lossRange(view: Pick<PairView, 'fixed' | 'plateau' | 'varY' | 'epochs'>): { lo: number; hi: number; from: number } {
  const from = Math.max(10, Math.floor(view.epochs / 100));
  const later = (run: RunView): LongSeries => ({ length: run.losses.length + 1, valueAt: (e) => (e >= from ? lossAt(run, e) : NaN) });
  const runs = [view.fixed, view.plateau];
  const all = keptExtent(runs.map(series), true) ?? [0.01, 1];
  const range = keptExtent(runs.map(later), true);
  // Both runs ended (diverged) before `from`, or the start is not far above the rest: show it all.
  if (!range || all[1] <= 10 * Math.max(range[1], view.varY)) return { ...withBaseline(all, view.varY), from: 0 };
  return { ...withBaseline(range, view.varY), from };
}

/**
 * Labels for a log axis from lo to hi that do not crowd: every tick up to `room.all` decades,
 * 1, 2 and 5 × 10ⁿ up to `room.oneTwoFive`, only the powers of ten beyond.
 */
export function logTickFormat(lo: number, hi: number, room: { all: number; oneTwoFive: number }, format: (v: number) => string = lossTick): (value: number) => string {
  const decades = Math.log10(hi / lo);
  const keep = decades <= room.all ? null : decades <= room.oneTwoFive ? [1, 2, 5] : [1];
  return (v) => {
    if (!keep) return format(v);
    const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
    return keep.some((k) => Math.abs(mantissa - k) < 1e-6) ? format(v) : '';
  };
}

/** A loss tick: plain, or a power of ten once it is huge (10¹²⁰ rather than 1e+120). */
function lossTick(value: number): string {
  return value >= 1e6 ? formatPowerOfTen(value, 1) : formatNumber(value);
}

/** Loss axes have room for every tick over a decade and a bit, for 1, 2, 5 × 10ⁿ over two and a half. */
export function lossTickFormat(lo: number, hi: number): (value: number) => string {
  return logTickFormat(lo, hi, { all: 1.3, oneTwoFive: 2.5 });
}

function withBaseline([lo, hi]: [number, number], varY: number): { lo: number; hi: number } {
  if (drawable(varY, true)) [lo, hi] = [Math.min(lo, varY), Math.max(hi, varY)];
  // A little room above and below, in the log scale's own terms.
  return { lo: lo / 1.15, hi: hi * 1.15 };
}

export function pairLossScene(view: PairView): SvgNode {
  const { width, height } = LOSS_SIZE;
  const epoch = Math.max(view.fixed.losses.length, view.plateau.losses.length);
  const { lo, hi } = lossRange(view);
  const fixedNow = view.fixed.current, plateauNow = view.plateau.current;
  const frame = chartFrame({
    width,
    height,
    margin: { top: 48, right: 16, bottom: 44, left: 60 },
    heading: 'Loss L per epoch (log scale)',
    title: `Loss of both runs from the same start: fixed η ends at ${formatLoss(fixedNow)}, reduce-on-plateau at ${formatLoss(plateauNow)} (epoch ${formatInteger(epoch)}).`,
    description:
      `Solid blue: the rate stays ${formatNumber(view.learningRate)}. Dashed orange: the same start with reduce-on-plateau; each triangle marks a cut ` +
      `(${view.plateau.cuts.length} so far). The grey dashed line is Var(y) = ${formatNumber(view.varY)}, the loss of predicting the mean.`,
    x: { label: 'epoch', domain: [0, Math.max(10, view.epochs)] },
    y: { label: 'loss L (log scale)', domain: [lo, hi], type: 'log', nice: false, format: lossTickFormat(lo, hi) },
  });
  const { plot } = frame;
  const content: SvgNode[] = [];
  if (drawable(view.varY, true)) {
    const y = round(frame.y(view.varY));
    content.push(
      h('g', { class: 'np-reference' }, [
        h('path', { d: `M${plot.left},${y}H${plot.right}`, stroke: MUTED, 'stroke-dasharray': '5 4', fill: 'none' }),
        h('text', { x: plot.right - 4, y: y - 6, 'text-anchor': 'end', 'font-size': 12, fill: MUTED }, `Var(y) = ${formatNumber(view.varY)}`),
      ]),
    );
  }
  const x = (e: number) => frame.x(e);
  // Losses above the axis (the first epochs of a huge start) run along its top edge.
  const y = (v: number) => frame.y(Math.min(v, hi));
  content.push(
    h('path', { class: 'np-series pl-fixed', d: seriesPath(series(view.fixed), x, y, true), fill: 'none', stroke: FIXED_COLOR, 'stroke-width': 2, 'stroke-linejoin': 'round' }),
    h('path', { class: 'np-series pl-plateau', d: seriesPath(series(view.plateau), x, y, true), fill: 'none', stroke: PLATEAU_COLOR, 'stroke-width': 2, 'stroke-dasharray': PLATEAU_DASH, 'stroke-linejoin': 'round' }),
  );
  const start = lossAt(view.fixed, 0);
  if (Number.isFinite(start) && start > hi) {
    content.push(h('text', { class: 'pl-offscale', x: plot.left + 14, y: plot.top + 13, 'font-size': 11, fill: MUTED, stroke: 'var(--surface, #f1f2f4)', 'stroke-width': 3, 'paint-order': 'stroke' }, `↑ starts off the top: L = ${formatNumber(start)} at epoch 0`));
  }
  // Each cut on the schedule's curve, where the lower rate starts to apply.
  const marks = view.plateau.cuts
    .filter((c) => c <= view.plateau.losses.length)
    .map((c) => ({ c, v: lossAt(view.plateau, c) }))
    .filter(({ v }) => drawable(v, true))
    .map(({ c, v }) => markerPath('triangle', frame.x(c), y(v), 4.5))
    .join('');
  if (marks) content.push(h('path', { class: 'pl-cuts', d: marks, fill: 'var(--bg, #fff)', stroke: PLATEAU_COLOR, 'stroke-width': 1.6 }));
  const diverged = divergenceText(view);
  if (diverged) {
    const at = Math.max(view.fixed.divergedAt, view.plateau.divergedAt);
    const dx = round(frame.x(at));
    content.push(
      h('g', { class: 'pl-diverged' }, [
        h('path', { d: `M${dx},${plot.top}V${plot.bottom}`, stroke: PLATEAU_COLOR, 'stroke-width': 2, 'stroke-dasharray': '6 3', fill: 'none' }),
        h('text', { x: Math.min(dx + 6, plot.right - 4), y: plot.top + 58, 'text-anchor': dx + 6 > plot.right - 150 ? 'end' : 'start', 'font-size': 12, 'font-weight': 600, fill: 'currentColor' }, diverged),
      ]),
    );
  }
  content.push(lossLegend(plot.left, 34, view.learningRate));
  return chartSvg(frame, content);
}

/** One row above the plot: the fixed run, the schedule's run, a cut. */
function lossLegend(x: number, y: number, rate: number): SvgNode {
  const fixedLabel = `fixed η = ${formatNumber(rate)}`;
  const second = x + 30 + fixedLabel.length * 6.2 + 12;
  const third = second + 30 + 'reduce on plateau'.length * 6.2 + 12;
  return h('g', { class: 'np-legend', 'font-size': 12, fill: 'currentColor' }, [
    h('path', { d: `M${x},${y}h22`, stroke: FIXED_COLOR, 'stroke-width': 2 }),
    h('text', { x: x + 28, y, dy: '0.32em' }, fixedLabel),
    h('path', { d: `M${round(second)},${y}h22`, stroke: PLATEAU_COLOR, 'stroke-width': 2, 'stroke-dasharray': PLATEAU_DASH }),
    h('text', { x: round(second + 28), y, dy: '0.32em' }, 'reduce on plateau'),
    h('path', { d: markerPath('triangle', third + 6, y, 4.5), fill: 'var(--bg, #fff)', stroke: PLATEAU_COLOR, 'stroke-width': 1.6 }),
    h('text', { x: round(third + 16), y, dy: '0.32em' }, 'cut'),
  ]);
}

/** The schedule's rate as steps: [epoch, rate] at the start and after each cut, up to `epoch`. */
export function rateSteps(run: Pick<RunView, 'rates' | 'rate' | 'cuts'>, start: number, epoch: number): [number, number][] {
  const steps: [number, number][] = [[0, start]];
  for (const c of run.cuts) if (c <= epoch) steps.push([c, rateAt(run, c)]);
  return steps;
}

/** Rate ticks: plain down to 0.001, powers of ten below (10⁻⁶ rather than 0.000001). */
export function rateTick(value: number): string {
  return value >= 1e-3 ? formatNumber(value) : formatPowerOfTen(value, 1);
}

export function rateScene(view: PairView): SvgNode {
  const { width, height } = RATE_SIZE;
  const epoch = Math.max(view.fixed.losses.length, view.plateau.losses.length);
  const steps = rateSteps(view.plateau, view.learningRate, view.plateau.losses.length);
  const rates = steps.map(([, r]) => r).filter((r) => drawable(r, true));
  const floor = view.minLr > 0 ? view.minLr : Infinity;
  let lo = Math.min(...rates, floor);
  let hi = Math.max(...rates, view.learningRate);
  // One rate only (no cut yet): a decade around it.
  if (!(hi > lo)) [lo, hi] = [hi / 3, hi * 3];
  const now = view.plateau.rate;
  const frame = chartFrame({
    width,
    height,
    margin: { top: 28, right: 16, bottom: 40, left: 60 },
    heading: 'Learning rate η per epoch (log scale)',
    title: `The rate of each run: fixed ${formatNumber(view.learningRate)}; the schedule's is ${formatNumber(now)} after ${view.plateau.cuts.length} cut${view.plateau.cuts.length === 1 ? '' : 's'}.`,
    description: 'Solid blue: the fixed rate. Dashed orange: the schedule, which steps down by the factor at each cut and never below min_lr.',
    x: { label: 'epoch', domain: [0, Math.max(10, view.epochs)] },
    y: { label: 'η (log)', domain: [lo, hi], type: 'log', ticks: 4, format: logTickFormat(lo, hi, { all: 0.5, oneTwoFive: 1.5 }, rateTick) },
  });
  const { plot } = frame;
  const x = (e: number) => round(frame.x(e));
  const y = (r: number) => round(frame.y(r));
  const end = x(epoch);
  let d = `M${x(0)},${y(steps[0][1])}`;
  for (const [c, r] of steps.slice(1)) d += `H${x(c)}V${y(r)}`;
  d += `H${x(view.plateau.losses.length)}`;
  const content: SvgNode[] = [];
  if (view.minLr > 0) {
    const ym = y(view.minLr);
    content.push(
      h('g', { class: 'np-reference' }, [
        h('path', { d: `M${plot.left},${ym}H${plot.right}`, stroke: MUTED, 'stroke-dasharray': '2 3', fill: 'none' }),
        h('text', { x: plot.right - 4, y: ym - 5, 'text-anchor': 'end', 'font-size': 12, fill: MUTED }, `min_lr = ${formatNumber(view.minLr)}`),
      ]),
    );
  }
  content.push(
    h('path', { class: 'np-series pl-fixed-rate', d: `M${x(0)},${y(view.learningRate)}H${x(view.fixed.losses.length)}`, fill: 'none', stroke: FIXED_COLOR, 'stroke-width': 2 }),
    h('path', { class: 'np-series pl-plateau-rate', d, fill: 'none', stroke: PLATEAU_COLOR, 'stroke-width': 2, 'stroke-dasharray': PLATEAU_DASH }),
  );
  if (epoch > 0 && Number.isFinite(end) && drawable(now, true)) {
    // At the right edge, just under the schedule's rate now (above it when that is near the bottom).
    const below = y(now) + 16 <= plot.bottom - 2;
    content.push(h('text', { x: plot.right - 4, y: below ? y(now) + 16 : y(now) - 8, 'text-anchor': 'end', 'font-size': 12, fill: 'currentColor' }, `η now ${rateText(now)}`));
  }
  return chartSvg(frame, content);
}

// ---------- numbers beside the figures ----------

/** A rate as a reader would write it: 0.05, 0.0007813, 1.4 × 10⁻⁸. */
export function rateText(rate: number): string {
  return Number.isFinite(rate) && rate > 0 && rate < 1e-4 ? formatPowerOfTen(rate) : formatNumber(rate);
}

export interface PairNumbers {
  [key: string]: string;
}

function runNumbers(run: RunView, varY: number, prefix: string): PairNumbers {
  const loss = run.current;
  return {
    [`${prefix}.loss`]: formatLoss(loss),
    [`${prefix}.r2`]: formatR2(rSquared(loss, varY)),
    [`${prefix}.rate`]: rateText(run.rate),
    [`${prefix}.cuts`]: formatInteger(run.cuts.length),
    [`${prefix}.status`]: run.divergedAt >= 0 ? `diverged at epoch ${formatInteger(run.divergedAt)}` : 'training normally',
  };
}

export function pairNumbers(view: PairView): PairNumbers {
  const epoch = Math.max(view.fixed.losses.length, view.plateau.losses.length);
  return {
    epoch: formatInteger(epoch),
    varY: formatNumber(view.varY),
    ...runNumbers(view.fixed, view.varY, 'fixed'),
    ...runNumbers(view.plateau, view.varY, 'plateau'),
    cutList: cutList(view.plateau),
    schedule: `Schedule: ${view.schedule}.`,
  };
}

/** "Cuts after epochs 665, 865, … (23 in all)", or that there were none. */
export function cutList(run: Pick<RunView, 'cuts'>, shown = 8): string {
  const cuts = run.cuts;
  if (!cuts.length) return 'The schedule has not cut the rate.';
  const listed = cuts.slice(0, shown).map(formatInteger).join(', ');
  return cuts.length > shown ? `Cuts after epochs ${listed}, … (${cuts.length} in all).` : `Cut${cuts.length > 1 ? 's' : ''} after epoch${cuts.length > 1 ? 's' : ''} ${listed}.`;
}

export const PAIR_COLUMNS = ['epoch', 'fixed: loss', 'R²', 'schedule: loss', 'R²', 'schedule: η'];

/** The table alternative: both runs at epochs 0, 1, 2, 5, 10, … and the last. */
export function pairTableRows(view: PairView): string[][] {
  const epoch = Math.max(view.fixed.losses.length, view.plateau.losses.length);
  return tableEpochs(epoch).map((e) => {
    const f = lossAt(view.fixed, Math.min(e, view.fixed.losses.length));
    const p = lossAt(view.plateau, Math.min(e, view.plateau.losses.length));
    return [formatInteger(e), formatLoss(f), formatR2(rSquared(f, view.varY)), formatLoss(p), formatR2(rSquared(p, view.varY)), rateText(rateAt(view.plateau, e))];
  });
}

// ---------- the paired comparison ----------

const VERDICT_STYLE: Record<'better' | 'worse' | 'same', { fill: string; shape: 'triangle' | 'diamond' | 'circle'; label: string }> = {
  better: { fill: 'var(--c-green, #009e73)', shape: 'triangle', label: 'schedule better' },
  worse: { fill: PLATEAU_COLOR, shape: 'diamond', label: 'schedule worse' },
  same: { fill: MUTED, shape: 'circle', label: `same (within ${SAME_MARGIN}·Var(y))` },
};

export interface PairedView {
  outcomes: readonly PairedOutcome[];
  varY: number;
  /** How many seeds the comparison has in all (more than outcomes while it runs). */
  seeds: number;
  /** The seed trained above, ringed if it is among the outcomes. */
  highlight?: number;
  /** What was compared, for the heading and the description. */
  settings: string;
}

/** The paired plot: x = fixed final loss, y = schedule final loss, log axes, the diagonal y = x. */
export function pairedScene(view: PairedView): SvgNode {
  const { width, height } = PAIRED_SIZE;
  const summary = summarise(view.outcomes, view.varY);
  const both = view.outcomes.filter((o) => !o.fixed.diverged && !o.plateau.diverged);
  const values = view.outcomes.flatMap((o) => [o.fixed.diverged ? NaN : o.fixed.loss, o.plateau.diverged ? NaN : o.plateau.loss]).filter((v) => drawable(v, true));
  const lo = values.length ? Math.min(...values) / 1.3 : 0.01;
  const hi = values.length ? Math.max(...values, view.varY) * 1.3 : 1;
  const strip = 30;
  const frame = chartFrame({
    width,
    height,
    margin: { top: 62 + strip, right: 18 + strip, bottom: 44, left: 60 },
    heading: `Final loss, seed by seed (${formatInteger(view.outcomes.length)} of ${formatInteger(view.seeds)} seeds)`,
    title: `Paired comparison over ${view.outcomes.length} seeds: schedule better for ${summary.counts.better}, worse for ${summary.counts.worse}, the same for ${summary.counts.same}; ${summary.counts['both diverged']} diverged both ways.`,
    description:
      `Each point is one starting seed trained twice: its final loss at the fixed rate across, with the schedule up. Below the diagonal the schedule ended lower. ` +
      `Runs that diverged sit in the strips outside the plot. Settings: ${view.settings}.`,
    x: { label: 'final loss, fixed rate (log)', domain: [lo, hi], type: 'log', ticks: 4, nice: false, format: lossTickFormat(lo, hi) },
    y: { label: 'final loss, schedule (log)', domain: [lo, hi], type: 'log', ticks: 4, nice: false, format: lossTickFormat(lo, hi) },
  });
  const { plot } = frame;
  const [d0, d1] = frame.xDomain;
  const content: SvgNode[] = [
    h('path', { class: 'pl-diagonal', d: `M${round(frame.x(d0))},${round(frame.y(d0))}L${round(frame.x(d1))},${round(frame.y(d1))}`, stroke: 'currentColor', 'stroke-dasharray': '4 4', fill: 'none', opacity: 0.6 }),
    h('text', { x: plot.right - 6, y: plot.bottom - 8, 'text-anchor': 'end', 'font-size': 12, fill: MUTED }, 'below the line: schedule lower'),
  ];
  const r = 4.5;
  const groups: Record<'better' | 'worse' | 'same', string[]> = { better: [], worse: [], same: [] };
  for (const o of both) {
    const v = verdict(o, view.varY) as 'better' | 'worse' | 'same';
    groups[v].push(markerPath(VERDICT_STYLE[v].shape, frame.x(o.fixed.loss), frame.y(o.plateau.loss), r));
  }
  content.push(
    h(
      'g',
      { class: 'np-points', stroke: 'var(--bg, #fff)', 'stroke-width': 0.6, 'fill-opacity': 0.85 },
      (Object.keys(groups) as (keyof typeof groups)[]).flatMap((k) => (groups[k].length ? [h('path', { d: groups[k].join(''), fill: VERDICT_STYLE[k].fill, 'data-verdict': k })] : [])),
    ),
  );
  // Strips for runs that diverged: right of the plot (fixed diverged), above it (schedule diverged), the corner (both).
  const sx = plot.right + strip / 2 + 4, sy = plot.top - strip / 2 - 2;
  const cross = (cx: number, cy: number) => `M${round(cx - 4)},${round(cy - 4)}l8,8m0,-8l-8,8`;
  const crosses: string[] = [];
  for (const o of view.outcomes) {
    if (o.fixed.diverged && o.plateau.diverged) continue;
    if (o.fixed.diverged && drawable(o.plateau.loss, true)) crosses.push(cross(sx, frame.y(o.plateau.loss)));
    if (o.plateau.diverged && drawable(o.fixed.loss, true)) crosses.push(cross(frame.x(o.fixed.loss), sy));
  }
  const bothDiverged = summary.counts['both diverged'];
  if (bothDiverged) crosses.push(cross(sx, sy));
  content.push(
    h('g', { class: 'pl-strips', 'font-size': 11, fill: MUTED }, [
      h('path', { d: `M${plot.right + 4},${plot.top - strip}V${plot.bottom}M${plot.left},${plot.top - 4}H${plot.right + strip}`, stroke: 'var(--rule, #d5d8dd)', fill: 'none' }),
      h('text', { x: plot.left + 4, y: sy - 8 }, 'schedule diverged ↑'),
      h('text', { transform: `translate(${round(sx + 12)},${round(plot.bottom)}) rotate(-90)` }, '→ fixed diverged'),
    ]),
  );
  if (crosses.length) content.push(h('path', { class: 'pl-diverged-marks', d: crosses.join(''), stroke: 'currentColor', 'stroke-width': 2, fill: 'none' }));
  if (bothDiverged) {
    content.push(h('text', { x: sx - 8, y: sy + 4, 'text-anchor': 'end', 'font-size': 12, 'font-weight': 600, fill: 'currentColor' }, `both diverged: ${bothDiverged}`));
  }
  const ringed = view.highlight === undefined ? undefined : both.find((o) => o.seed === view.highlight);
  if (ringed) {
    const px = round(frame.x(ringed.fixed.loss)), py = round(frame.y(ringed.plateau.loss));
    content.push(
      h('g', { class: 'np-highlight' }, [
        h('circle', { cx: px, cy: py, r: 9, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
        h('text', { x: px + 12, y: py - 8, 'font-size': 12, 'font-weight': 600, fill: 'currentColor', stroke: 'var(--surface, #f1f2f4)', 'stroke-width': 4, 'paint-order': 'stroke' }, `seed ${ringed.seed}`),
      ]),
    );
  }
  content.push(pairedLegend(plot.left, 36));
  return chartSvg(frame, content);
}

/** better and worse on one row, same on the next. */
function pairedLegend(x: number, y: number): SvgNode {
  const items: SvgNode[] = [];
  const place: Record<'better' | 'worse' | 'same', [number, number]> = { better: [x, y], worse: [x + 130, y], same: [x, y + 16] };
  for (const k of ['better', 'worse', 'same'] as const) {
    const s = VERDICT_STYLE[k];
    const [px, py] = place[k];
    items.push(h('path', { d: markerPath(s.shape, px + 5, py, 4.5), fill: s.fill }));
    items.push(h('text', { x: px + 14, y: py, dy: '0.32em' }, s.label));
  }
  return h('g', { class: 'np-legend', 'font-size': 12, fill: 'currentColor' }, items);
}

/** The counts and medians beside the paired plot. */
export function pairedNumbers(summary: PairedSummary): Record<string, string> {
  const c = summary.counts;
  return {
    'sweep.better': formatInteger(c.better),
    'sweep.worse': formatInteger(c.worse),
    'sweep.same': formatInteger(c.same),
    'sweep.bothDiverged': formatInteger(c['both diverged']),
    'sweep.oneDiverged': formatInteger(c['only fixed diverged'] + c['only schedule diverged']),
    'sweep.medianFixed': summary.compared ? formatLoss(summary.medianFixed) : 'none yet',
    'sweep.medianPlateau': summary.compared ? formatLoss(summary.medianPlateau) : 'none yet',
  };
}

const VERDICT_WORDS: Record<Verdict, string> = {
  better: 'schedule better',
  worse: 'schedule worse',
  same: 'the same',
  'both diverged': 'both diverged',
  'only fixed diverged': 'only the fixed run diverged',
  'only schedule diverged': "only the schedule's run diverged",
};

export const PAIRED_COLUMNS = ['seed', 'fixed: final loss', 'schedule: final loss', 'cuts', 'verdict'];

export function pairedTableRows(outcomes: readonly PairedOutcome[], varY: number): string[][] {
  return outcomes.map((o) => [
    formatInteger(o.seed),
    o.fixed.diverged ? 'diverged' : formatLoss(o.fixed.loss),
    o.plateau.diverged ? 'diverged' : formatLoss(o.plateau.loss),
    formatInteger(o.plateau.cuts),
    VERDICT_WORDS[verdict(o, varY)],
  ]);
}

/** The settings a comparison ran with, in words (shown with its figure). */
export function comparisonSettings(config: PlateauConfig, schedule: string): string {
  const start = config.init === 'he' ? 'He start' : "the write-up's start";
  return `${start}, η₀ = ${config.learningRate}, ${formatInteger(config.epochs)} epochs; ${schedule}`;
}
