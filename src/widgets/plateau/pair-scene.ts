// The pair's figures, as pure functions: both runs' loss curves on one log axis with Var(y) and
// each cut of the schedule marked on its curve; the rate of each run over the epochs; and the
// numbers and the table beside them. The .astro draws the server figure with these; the custom
// element redraws with the same.
import { rSquared } from '../../trainer/loss';
import { tableEpochs } from '../../experiments/training/report';
import { formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { lossAt, rateAt, runState, type PairView, type RunView } from '../../experiments/plateau/pair';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { markerPath } from '../kit/scatter';
import { drawable, keptExtent, seriesPath, type LongSeries } from '../kit/seriesPath';
import { h, round, type SvgNode } from '../kit/svg';
import { FIXED_COLOR, MUTED, PLATEAU_COLOR, PLATEAU_DASH } from './colours';
import { logTickFormat, lossTickFormat, rateText, rateTick } from './ticks';
import { NEUTRALS } from '../kit/palette';
import { textClass } from '../kit/type';
import { legendRow } from '../kit/legendRow';

export const LOSS_SIZE = { width: 420, height: 320 } as const;
export const RATE_SIZE = { width: 420, height: 200 } as const;
export const PAIRED_SIZE = { width: 420, height: 380 } as const;

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
    margin: { top: 66, right: 16, bottom: 44, left: 60 },
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
        h('text', { class: textClass('body'), x: plot.right - 4, y: y - 6, 'text-anchor': 'end', fill: MUTED }, `Var(y) = ${formatNumber(view.varY)}`),
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
    content.push(h('text', { class: textClass('small', 'pl-offscale'), x: plot.left + 14, y: plot.top + 13, fill: MUTED, stroke: NEUTRALS.surface, 'stroke-width': 3, 'paint-order': 'stroke' }, `↑ starts off the top: L = ${formatNumber(start)} at epoch 0`));
  }
  // Each cut on the schedule's curve, where the lower rate starts to apply.
  const marks = view.plateau.cuts
    .filter((c) => c <= view.plateau.losses.length)
    .map((c) => ({ c, v: lossAt(view.plateau, c) }))
    .filter(({ v }) => drawable(v, true))
    .map(({ c, v }) => markerPath('triangle', frame.x(c), y(v), 4.5))
    .join('');
  if (marks) content.push(h('path', { class: 'pl-cuts', d: marks, fill: NEUTRALS.bg, stroke: PLATEAU_COLOR, 'stroke-width': 1.6 }));
  const diverged = divergenceText(view);
  if (diverged) {
    const at = Math.max(view.fixed.divergedAt, view.plateau.divergedAt);
    const dx = round(frame.x(at));
    content.push(
      h('g', { class: 'pl-diverged' }, [
        h('path', { d: `M${dx},${plot.top}V${plot.bottom}`, stroke: PLATEAU_COLOR, 'stroke-width': 2, 'stroke-dasharray': '6 3', fill: 'none' }),
        h('text', { class: textClass('body'), x: Math.min(dx + 6, plot.right - 4), y: plot.top + 58, 'text-anchor': dx + 6 > plot.right - 150 ? 'end' : 'start', 'font-weight': 600, fill: 'currentColor' }, diverged),
      ]),
    );
  }
  content.push(lossLegend(frame, view.learningRate));
  return chartSvg(frame, content);
}

/** One row above the plot: the fixed run, the schedule's run, a cut (two rows where the words are larger). */
function lossLegend(frame: ChartFrame, rate: number): SvgNode {
  return legendRow(
    [
      { mark: (x, y) => h('path', { d: `M${x},${y}h22`, stroke: FIXED_COLOR, 'stroke-width': 2 }), text: `fixed η = ${formatNumber(rate)}` },
      { mark: (x, y) => h('path', { d: `M${x},${y}h22`, stroke: PLATEAU_COLOR, 'stroke-width': 2, 'stroke-dasharray': PLATEAU_DASH }), text: 'reduce on plateau' },
      { mark: (x, y) => h('path', { d: markerPath('triangle', x + 11, y, 4.5), fill: NEUTRALS.bg, stroke: PLATEAU_COLOR, 'stroke-width': 1.6 }), text: 'cut' },
    ],
    8,
    frame.width - 8,
    32,
    frame.axisLayout.tick,
  ).node;
}

/** The schedule's rate as steps: [epoch, rate] at the start and after each cut, up to `epoch`. */
export function rateSteps(run: Pick<RunView, 'rates' | 'rate' | 'cuts'>, start: number, epoch: number): [number, number][] {
  const steps: [number, number][] = [[0, start]];
  for (const c of run.cuts) if (c <= epoch) steps.push([c, rateAt(run, c)]);
  return steps;
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
        h('text', { class: textClass('body'), x: plot.right - 4, y: ym - 5, 'text-anchor': 'end', fill: MUTED }, `min_lr = ${formatNumber(view.minLr)}`),
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
    content.push(h('text', { class: textClass('body'), x: plot.right - 4, y: below ? y(now) + 16 : y(now) - 8, 'text-anchor': 'end', fill: 'currentColor' }, `η now ${rateText(now)}`));
  }
  return chartSvg(frame, content);
}

// ---------- numbers beside the figures ----------

export interface PairNumbers {
  [key: string]: string;
}

function runNumbers(run: RunView, varY: number, startRate: number, prefix: string): PairNumbers {
  const loss = run.current;
  return {
    [`${prefix}.loss`]: formatLoss(loss),
    [`${prefix}.r2`]: formatR2(rSquared(loss, varY)),
    [`${prefix}.rate`]: rateText(run.rate),
    [`${prefix}.cuts`]: formatInteger(run.cuts.length),
    [`${prefix}.status`]: statusText(run, varY, startRate),
  };
}

/** How a run stands, in words (issue 12: a run frozen at η = 1.4 × 10⁻⁸ with R² 0 is not "training normally"). */
export function statusText(run: RunView, varY: number, startRate: number): string {
  const state = runState(run, varY, startRate);
  switch (state.kind) {
    case 'starting':
      return 'starting';
    case 'diverged':
      return `diverged at epoch ${formatInteger(state.epoch)}`;
    case 'stuck':
      return state.rate < state.cutFrom / 1000
        ? `frozen on a plateau (R² ≈ 0): η cut to ${rateText(state.rate)}`
        : 'stuck on a plateau (R² ≈ 0): the loss no longer changes';
    case 'bouncing':
      return `bouncing: the loss rose in ${formatInteger(state.rises)} of the last ${formatInteger(state.window)} epochs`;
    case 'settled':
      return 'settled: the loss no longer changes';
    case 'improving':
      return 'still improving';
  }
}

export function pairNumbers(view: PairView): PairNumbers {
  const epoch = Math.max(view.fixed.losses.length, view.plateau.losses.length);
  return {
    epoch: formatInteger(epoch),
    varY: formatNumber(view.varY),
    ...runNumbers(view.fixed, view.varY, view.learningRate, 'fixed'),
    ...runNumbers(view.plateau, view.varY, view.learningRate, 'plateau'),
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
