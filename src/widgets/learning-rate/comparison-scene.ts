// What the rate comparison draws: one loss curve per learning rate, side by side on one shared
// logarithmic loss axis with Var(y), each run that blew up marked where it left the chart; a
// strip placing every rate against the start's limit 2/λmax; the words under each panel and
// the table. Pure: the .astro draws the server figure with it, the custom element redraws.
import { rSquared } from '../../trainer/loss';
import { chartFrame, chartSvg } from '../kit/chart';
import { clipToBand } from '../kit/clipBand';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { RateRun } from '../../experiments/learning-rate/runs';
import { textClass, textSizeOnPhone } from '../kit/type';

// A panel is drawn about 150 px wide (three to a row on a desktop, two on a phone), so its viewBox
// is about that wide: its words, never below 12 px, are then about 12 units, the size its margins
// and labels are laid out for (at 220 units they were 18 on a phone and ran into each other).
export const PANEL_WIDTH = 150;
// Taller than wide: at 140 the plot kept 76 units for four decades of loss on a phone.
export const PANEL_HEIGHT = 176;
export const STRIP_WIDTH = 400;
// The limit's label on a row of its own above the rates' labels.
export const STRIP_HEIGHT = 104;

export const BELOW_COLOR = 'var(--c-blue, #0072b2)';
export const ABOVE_COLOR = 'var(--c-vermillion, #d55e00)';
const MUTED = 'var(--muted, #555)';

export interface ComparisonContext {
  varY: number;
  /** λmax at the start. */
  lambdaMax: number;
  epochs: number;
}

export interface PanelText {
  heading: string;
  /** "above the limit: ×2.5", said against the start's 2/λmax. */
  relation: string;
  /** "loss 104 → 0.295 (R² 0.705)" or "diverged at epoch 6". */
  outcome: string;
  /** "the loss never rose" / "the loss rose in 115 epochs" and the dead units. */
  detail: string;
  /** Whether the rate lies above the limit (the panel's colour). */
  above: boolean;
  diverged: boolean;
}

export interface ComparisonScene {
  strip: SvgNode;
  panels: SvgNode[];
  texts: PanelText[];
  numbers: Record<string, string>;
  rows: string[][];
}

export const TABLE_COLUMNS = ['η', 'η ÷ limit', 'outcome', 'R²', 'epochs the loss rose (by over 0.1%)', 'dead units at the end', 'λmax at the end'];

/** The limit 2/λmax: steps along the steepest direction overshoot further each time above it. */
export function limitOf(lambdaMax: number): number {
  return lambdaMax > 0 ? 2 / lambdaMax : Infinity;
}

/** A rate against the limit, e.g. "above the limit: ×2.5". */
export function relationText(rate: number, limit: number): string {
  if (!Number.isFinite(limit)) return 'no limit (the loss is flat)';
  const ratio = rate / limit;
  const times = ratio >= 10 ? formatInteger(ratio) : formatNumber(Number(ratio.toPrecision(2)));
  return `${ratio > 1 ? 'above' : ratio === 1 ? 'at' : 'below'} the limit: ×${times}`;
}

function deadText(run: RateRun): string {
  const dead = run.units.map((s, k) => (s === 'dead' ? `h${k + 1}` : '')).filter(Boolean);
  return dead.length === 0 ? 'no unit dead' : dead.length === run.units.length ? 'both units dead' : `${dead.join(', ')} dead`;
}

export function panelText(run: RateRun, limit: number, varY: number): PanelText {
  const diverged = run.status === 'diverged';
  const r2 = rSquared(run.finalLoss, varY);
  return {
    heading: `η = ${formatNumber(run.rate)}`,
    relation: relationText(run.rate, limit),
    outcome: diverged
      ? `diverged at epoch ${formatInteger(run.divergedAt)}`
      : `loss ${formatNumber(run.losses[0])} → ${formatNumber(run.finalLoss)} (R² ${formatFixed(r2, 3)})`,
    detail: diverged
      ? 'the loss grew too large to represent'
      : `${run.rises === 0 ? 'the loss never rose' : `the loss rose in ${formatInteger(run.rises)} epoch${run.rises === 1 ? '' : 's'}`}; ${deadText(run)}`,
    above: run.rate > limit,
    diverged,
  };
}

/** The shared loss axis: every finite loss of the runs that finished, the start, and Var(y). */
export function sharedLossDomain(runs: readonly RateRun[], varY: number): [number, number] {
  let lo = varY, hi = varY;
  for (const run of runs) {
    const ok = run.status === 'ok';
    for (let e = 0; e < run.losses.length; e++) {
      const v = run.losses[e];
      if (!(v > 0) || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      // A run that blew up would stretch the axis to 1e300: it leaves the chart at the top instead.
      if ((ok || e === 0) && v > hi) hi = v;
    }
  }
  if (runs.some((r) => r.status === 'diverged')) hi *= 4;
  return [lo * 0.8, hi * 1.25];
}

/**
 * The epochs worth drawing on an axis where the first epochs are wide and the late ones packed:
 * for each pixel column its first, lowest, highest and last epoch, so every spike survives.
 */
export function epochsToDraw(losses: ArrayLike<number>, column: (e: number) => number): number[] {
  const keep: number[] = [];
  let e = 0;
  while (e < losses.length) {
    const x = Math.round(column(e));
    let lo = e, hi = e, last = e;
    for (let k = e; k < losses.length && Math.round(column(k)) === x; k++) {
      if (losses[k] < losses[lo]) lo = k;
      if (losses[k] > losses[hi]) hi = k;
      last = k;
    }
    for (const k of [...new Set([e, lo, hi, last])].sort((a, b) => a - b)) keep.push(k);
    e = last + 1;
  }
  return keep;
}

function lossPanel(run: RateRun, text: PanelText, domain: [number, number], ctx: ComparisonContext): SvgNode {
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 24, right: 10, bottom: 40, left: 40 },
    heading: text.heading,
    title: `Loss per epoch at learning rate ${text.heading.slice(4)} (${text.relation}): ${text.outcome}.`,
    description: `Logarithmic loss axis shared by all panels; the epoch axis is stretched near 0 so the first steps show. The dashed line is Var(y) = ${formatNumber(ctx.varY)}, the loss of predicting the mean. ${text.detail}.`,
    // 0, 10, 1,000: every other power of ten, so the labels keep apart in a narrow panel.
    x: { label: 'epoch', domain: [0, ctx.epochs], type: 'symlog', format: (v) => (v === 0 || Math.round(Math.log10(v)) % 2 === 1 ? formatInteger(v) : '') },
    // The panel's heading and the caption name the axis: a rotated label would crowd the ticks.
    y: { label: '', domain, type: 'log', ticks: 4 },
  });
  const { plot } = frame;
  const color = text.above ? ABOVE_COLOR : BELOW_COLOR;
  const content: SvgNode[] = [];
  const vy = round(frame.y(ctx.varY));
  content.push(
    h('g', { class: 'lr-baseline' }, [
      h('path', { d: `M${plot.left},${vy}H${plot.right}`, stroke: MUTED, 'stroke-dasharray': '5 4', fill: 'none' }),
      // Under the line at the left: the curves start far above it and fall to it only later (at
      // the right they end near it, and above it a fast fall crossed the words).
      h('text', { class: textClass('small'), x: plot.left + 4, y: vy + 3, dy: '0.8em', fill: MUTED }, 'Var(y)'),
    ]),
  );
  // Pixel heights of the kept points; a loss that cannot be drawn on a log axis breaks the line.
  const losses = run.losses;
  const keep = epochsToDraw(losses, frame.x);
  const xs = keep.map((e) => frame.x(e));
  const ys = keep.map((e) => (losses[e] > 0 && Number.isFinite(losses[e]) ? frame.y(losses[e]) : NaN));
  const pieces = clipToBand(xs, ys, plot.top, plot.bottom);
  const d = pieces.map((p) => p.x.map((x, i) => `${i ? 'L' : 'M'}${round(x)},${round(p.y[i])}`).join('')).join('');
  content.push(h('path', { class: 'lr-loss', d, fill: 'none', stroke: color, 'stroke-width': 1.8, 'stroke-linejoin': 'round' }));
  if (text.diverged) {
    // Where the curve leaves through the top (or its last point, if it never got there).
    const last = pieces[pieces.length - 1];
    const x = last ? last.x[last.x.length - 1] : plot.left;
    const y = last ? Math.max(plot.top, last.y[last.y.length - 1]) : plot.top;
    content.push(
      h('g', { class: 'lr-diverged' }, [
        crossMark(x, y),
        // On the right, clear of the curve's exit (a halo keeps it readable over the grid), on two
        // lines: one ran wider than the panel.
        h('text', { class: textClass('small'), y: plot.top + 14, 'text-anchor': 'end', 'font-weight': 700, fill: 'currentColor', stroke: 'var(--surface, #f1f2f4)', 'stroke-width': 3, 'paint-order': 'stroke' }, [
          // The ✕ is drawn where the curve leaves: the words need not repeat it.
          h('tspan', { x: plot.right - 3 }, 'diverged at'),
          h('tspan', { x: plot.right - 3, dy: '1.2em' }, ` epoch ${formatInteger(run.divergedAt)}`),
        ]),
      ]),
    );
  } else {
    const e = losses.length - 1;
    const y = frame.y(losses[e]);
    if (y >= plot.top && y <= plot.bottom) content.push(h('path', { class: 'lr-end', d: markerPath(text.above ? 'triangle' : 'circle', frame.x(e), y, 3.5), fill: color }));
  }
  return chartSvg(frame, content);
}

/** An ✕ centred on (x, y): a run that blew up. */
export function crossMark(x: number, y: number, r = 5): SvgNode {
  return h('path', { class: 'lr-cross', d: `M${round(x - r)},${round(y - r)}l${2 * r},${2 * r}m0,${-2 * r}l${-2 * r},${2 * r}`, stroke: ABOVE_COLOR, 'stroke-width': 2.5, fill: 'none' });
}

const LABEL_SIZE = 12;

/** A label's width at `size` (LABEL_SIZE), generously: digits and points of a sans face are about 0.6 em. */
export function labelWidth(text: string, size = LABEL_SIZE): number {
  return text.length * size * 0.62;
}

/**
 * Centres for labels wanted at `x` (each `width` wide) so that none crosses a line at one of
 * `lines` or overlaps its neighbour: the lines cut [lo, hi] into stretches, each label stays in
 * the stretch its point is in (a point on a line counts as left of it), and within a stretch
 * neighbours push apart — rightwards from its left end, then leftwards from its right end.
 */
export function placeLabels(items: readonly { x: number; width: number }[], lines: readonly number[], [lo, hi]: [number, number], gap = 3): number[] {
  const cuts = [...lines].sort((a, b) => a - b);
  const c = items.map((item) => item.x);
  const half = (i: number) => items[i].width / 2;
  for (let k = 0; k <= cuts.length; k++) {
    const start = k === 0 ? lo : cuts[k - 1] + gap;
    const end = k === cuts.length ? hi : cuts[k] - gap;
    const members = items
      .map((_, i) => i)
      .filter((i) => cuts.filter((line) => items[i].x > line).length === k)
      .sort((a, b) => items[a].x - items[b].x);
    let edge = start;
    for (const i of members) {
      c[i] = Math.max(c[i], edge + half(i));
      edge = c[i] + half(i) + gap;
    }
    edge = end;
    for (const i of [...members].reverse()) {
      c[i] = Math.min(c[i], edge - half(i));
      edge = c[i] - half(i) - gap;
    }
  }
  return c;
}

/**
 * The limit's name on the top row, beside its line on the side where it fits at its size on a phone
 * (bold, about 0.65 em a character), else as near the line as the strip allows.
 */
function limitLabel(x: number, words: string): SvgNode {
  const width = 0.65 * textSizeOnPhone('title', STRIP_WIDTH) * [...words].length;
  const left = x + 4 + width <= STRIP_WIDTH - 4 ? x + 4 : x - 4 - width >= 4 ? x - 4 - width : Math.min(Math.max(4, x - width / 2), STRIP_WIDTH - 4 - width);
  return h('text', { class: textClass('title'), x: round(left), y: 20, 'font-weight': 600, fill: 'currentColor' }, words);
}

/** The rates on a logarithmic η axis, with the start's limit 2/λmax drawn and the side above it shaded. */
export function rateStrip(runs: readonly RateRun[], lambdaMax: number): SvgNode {
  const limit = limitOf(lambdaMax);
  const values = [...runs.map((r) => r.rate), ...(Number.isFinite(limit) ? [limit] : [])];
  const lo = Math.min(...values) / 2, hi = Math.max(...values) * 2;
  const frame = chartFrame({
    width: STRIP_WIDTH,
    height: STRIP_HEIGHT,
    margin: { top: 46, right: 16, bottom: 30, left: 16 },
    title: `The learning rates against this start's limit 2/λmax = ${formatNumber(limit)} (λmax = ${formatNumber(lambdaMax)}).`,
    description: 'Rates to the right of the dashed line are above the limit: along the steepest direction of the loss each step overshoots further than the last.',
    // Each rate carries its own label: the axis needs no ticks of its own.
    x: { label: 'learning rate η (log scale) →', domain: [lo, hi], type: 'log', nice: false, ticks: 0 },
    y: { label: '', domain: [0, 1] },
    yAxis: false,
    grid: false,
  });
  const { plot } = frame;
  const y = round(plot.top + plot.height / 2);
  const content: SvgNode[] = [];
  if (Number.isFinite(limit)) {
    const x = round(frame.x(limit));
    content.push(
      h('g', { class: 'lr-limit' }, [
        h('rect', { x, y: plot.top, width: round(plot.right - x), height: plot.height, fill: ABOVE_COLOR, 'fill-opacity': 0.1 }),
        h('path', { d: `M${x},${plot.top - 6}V${plot.bottom}`, stroke: ABOVE_COLOR, 'stroke-width': 2, 'stroke-dasharray': '5 3', fill: 'none' }),
        limitLabel(x, `limit 2/λmax = ${formatNumber(limit)}`),
      ]),
    );
  }
  // Each rate's label above its mark, moved aside where it would sit on the limit line or on
  // another label (issue 12: lesson 8's "0.010.012" with the line through it).
  const labels = runs.map((run) => formatNumber(run.rate));
  const size = textSizeOnPhone('body', STRIP_WIDTH);
  const centres = placeLabels(
    runs.map((run, i) => ({ x: frame.x(run.rate), width: labelWidth(labels[i], size) })),
    Number.isFinite(limit) ? [frame.x(limit)] : [],
    [plot.left, plot.right],
  );
  runs.forEach((run, i) => {
    const x = frame.x(run.rate);
    const above = run.rate > limit;
    const mark =
      run.status === 'diverged'
        ? crossMark(x, y)
        : h('path', { d: markerPath(above ? 'triangle' : 'circle', x, y, 5), fill: above ? ABOVE_COLOR : BELOW_COLOR });
    content.push(h('g', { class: 'lr-rate' }, [mark, h('text', { class: textClass('body'), x: round(centres[i]), y: y - 10, 'text-anchor': 'middle', fill: 'currentColor' }, labels[i])]));
  });
  return chartSvg(frame, content);
}

export function comparisonScene(runs: readonly RateRun[], ctx: ComparisonContext): ComparisonScene {
  const limit = limitOf(ctx.lambdaMax);
  const texts = runs.map((r) => panelText(r, limit, ctx.varY));
  const domain = sharedLossDomain(runs, ctx.varY);
  return {
    strip: rateStrip(runs, ctx.lambdaMax),
    panels: runs.map((r, i) => lossPanel(r, texts[i], domain, ctx)),
    texts,
    numbers: {
      lambdaMax: formatNumber(ctx.lambdaMax),
      limit: formatNumber(limit),
      loss0: runs.length ? formatNumber(runs[0].losses[0]) : '',
      varY: formatNumber(ctx.varY),
    },
    rows: runs.map((r, i) => [
      formatNumber(r.rate),
      formatNumber(Number((r.rate / limit).toPrecision(2))),
      texts[i].outcome,
      r.status === 'ok' ? formatFixed(rSquared(r.finalLoss, ctx.varY), 3) : '—',
      formatInteger(r.rises),
      r.status === 'ok' ? deadText(r) : '—',
      r.status === 'ok' ? `${formatNumber(r.endLambdaMax)} (2/λmax = ${formatNumber(limitOf(r.endLambdaMax))})` : '—',
    ]),
  };
}
