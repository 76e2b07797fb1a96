// What the rate sweep draws: one row per learning rate, the final losses of many starts as
// dots on one shared logarithmic loss axis with Var(y), a box for the middle half and whiskers
// from the 10th to the 90th percentile, the share that diverged at the row's end, and each
// dot's shape saying how many hidden units ended dead. Pure: the .astro draws the server
// figure with it, the custom element redraws as runs arrive.
import { chartFrame, chartSvg } from '../kit/chart';
import { formatFixed, formatInteger, formatNumber, formatShort } from '../../experiments/format';
import { markerPath, type Shape } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { SweepRun } from '../../trainer/sweep';
import { ABOVE_COLOR, crossMark, limitOf } from './comparison-scene';
import { summariseRate, type RateSummary } from '../../experiments/learning-rate/runs';
import { START_IN_SENTENCE, type StartPreset } from '../../experiments/learning-rate/settings';
import { textClass, textSizeOnPhone } from '../kit/type';

export const SWEEP_WIDTH = 440;
const ROW_HEIGHT = 50;
/** The words' size on a phone (kit/type.ts), where they are largest in viewBox units: the room they get. */
const TEXT = textSizeOnPhone('body', SWEEP_WIDTH);
// The legend in up to two rows above the plot; the axis's words below it.
const TOP = 70;
const BOTTOM = 56;

export const SWEEP_COLUMNS = ['η', 'runs', 'diverged', 'median final loss', 'middle half', '10th–90th percentile', 'dead units at the end', 'starts above their limit'];

/** Dots by the number of dead units at the end: shape and colour both say it. */
export const DEAD_STYLES: readonly { shape: Shape; fill: string; label: string }[] = [
  { shape: 'circle', fill: 'var(--c-blue, #0072b2)', label: 'no dead unit' },
  { shape: 'triangle', fill: 'var(--c-orange, #e69f00)', label: 'one dead' },
  { shape: 'square', fill: 'var(--c-vermillion, #d55e00)', label: 'both dead' },
];

export interface SweepView {
  /** One summary per rate, in the order drawn, and the runs behind it (same order as the seeds; gaps while running). */
  rates: { summary: RateSummary; runs: readonly (SweepRun | undefined)[] }[];
  varY: number;
  /** Starts per rate and epochs per run (what the figure says it shows). */
  seeds: number;
  epochs: number;
  startLabel: string;
  /** 'done', or how far a running or cancelled sweep got (sweepHeading says it above the figure). */
  progress: { state: 'done' | 'running' | 'cancelled'; finished: number; total: number };
}

/** "the write-up’s random scheme", for the figure's heading. */
export function startLabel(init: StartPreset): string {
  return START_IN_SENTENCE[init];
}

export function sweepHeight(rates: number): number {
  return TOP + BOTTOM + ROW_HEIGHT * Math.max(1, rates);
}

/** A reproducible vertical offset in [−0.5, 0.5) for the i-th dot of a row (golden-ratio steps). */
export function jitter(i: number): number {
  const t = (i * 0.6180339887498949) % 1;
  return t - 0.5;
}

function lossDomain(view: SweepView): [number, number] {
  let lo = view.varY, hi = view.varY;
  for (const { summary } of view.rates) {
    if (!summary.finals.length) continue;
    lo = Math.min(lo, summary.finals[0]);
    hi = Math.max(hi, summary.finals[summary.finals.length - 1]);
  }
  return [lo / 1.3, hi * 1.3];
}

export function sweepHeading(view: SweepView): string {
  const { state, finished, total } = view.progress;
  const what = `${formatInteger(view.seeds)} starts × ${formatInteger(view.epochs)} epochs, ${view.startLabel}`;
  if (state === 'running') return `Running: ${formatInteger(finished)} of ${formatInteger(total)} runs · ${what}`;
  if (state === 'cancelled') return `Cancelled after ${formatInteger(finished)} of ${formatInteger(total)} runs · ${what}`;
  return what;
}

export function sweepScene(view: SweepView): SvgNode {
  const height = sweepHeight(view.rates.length);
  const frame = chartFrame({
    width: SWEEP_WIDTH,
    height,
    margin: { top: TOP, right: Math.ceil(26 + 0.6 * TEXT * 4), bottom: BOTTOM, left: Math.ceil(12 + 0.6 * TEXT * 'η = 0.003'.length) },
    title: `Final loss of every start at each learning rate (${view.rates.map((r) => formatNumber(r.summary.rate)).join(', ')}), on a shared logarithmic axis.`,
    description:
      `Each row is one learning rate; each dot one start that did not diverge, its shape the number of hidden units dead at the end. ` +
      `The box spans the middle half of the final losses with a line at the median; the whiskers reach the 10th and 90th percentiles. ` +
      `The dashed line is Var(y) = ${formatNumber(view.varY)}, the loss of predicting the mean. The share that diverged stands at the right.`,
    x: { label: 'final loss (log scale)', domain: lossDomain(view), type: 'log', nice: false, ticks: 6 },
    y: { label: '', domain: [0, 1] },
    yAxis: false,
  });
  const { plot } = frame;
  const content: SvgNode[] = [];
  const vx = round(frame.x(view.varY));
  content.push(
    h('g', { class: 'lr-baseline' }, [
      h('path', { d: `M${vx},${plot.top}V${plot.bottom}`, stroke: 'var(--muted, #555)', 'stroke-dasharray': '5 4', fill: 'none' }),
      h('text', { class: textClass('small'), x: vx, y: plot.top - 4, 'text-anchor': 'middle', fill: 'currentColor' }, 'Var(y)'),
    ]),
  );
  view.rates.forEach(({ summary, runs }, row) => {
    const cy = plot.top + ROW_HEIGHT * (row + 0.5);
    const nodes: SvgNode[] = [h('text', { class: textClass('title'), x: plot.left - 8, y: round(cy), dy: '0.32em', 'text-anchor': 'end', 'font-weight': 600, fill: 'currentColor' }, `η = ${formatNumber(summary.rate)}`)];
    if (row > 0) nodes.push(h('path', { d: `M${plot.left},${round(cy - ROW_HEIGHT / 2)}H${plot.right}`, stroke: 'var(--rule, #d5d8dd)', fill: 'none' }));
    const p = summary.percentiles;
    if (p) {
      const [x10, x25, x50, x75, x90] = [p.p10, p.q1, p.median, p.q3, p.p90].map((v) => round(frame.x(v)));
      nodes.push(
        h('g', { class: 'lr-box', stroke: 'currentColor', fill: 'none' }, [
          h('path', { d: `M${x10},${round(cy)}H${x25}M${x75},${round(cy)}H${x90}M${x10},${round(cy - 6)}v12M${x90},${round(cy - 6)}v12`, 'stroke-width': 1.2 }),
          h('rect', { x: x25, y: round(cy - 13), width: round(Math.max(1, x75 - x25)), height: 26, 'stroke-width': 1.2 }),
          h('path', { d: `M${x50},${round(cy - 13)}v26`, 'stroke-width': 2.5 }),
        ]),
      );
    }
    const paths = DEAD_STYLES.map(() => [] as string[]);
    runs.forEach((run, i) => {
      if (!run || run.status !== 'ok' || !(run.finalLoss > 0)) return;
      const dead = Math.min(2, run.units.filter((s) => s === 'dead').length);
      paths[dead].push(markerPath(DEAD_STYLES[dead].shape, frame.x(run.finalLoss), cy + jitter(i) * (ROW_HEIGHT - 16), 2.6));
    });
    nodes.push(
      h(
        'g',
        { class: 'lr-dots', stroke: 'var(--bg, #fff)', 'stroke-width': 0.5, 'fill-opacity': 0.85 },
        paths.flatMap((d, k) => (d.length ? [h('path', { d: d.join(''), fill: DEAD_STYLES[k].fill, 'data-dead': k })] : [])),
      ),
    );
    if (summary.runs > 0) {
      const share = summary.diverged / summary.runs;
      nodes.push(
        h('g', { class: 'lr-diverged-share' }, [
          ...(summary.diverged > 0 ? [crossMark(plot.right + 12, cy, 4)] : []),
          h('text', { class: textClass('body'), x: plot.right + 20, y: round(cy), dy: '0.32em', 'font-weight': summary.diverged ? 700 : 400, fill: 'currentColor' }, `${Math.round(100 * share)}%`),
        ]),
      );
    }
    content.push(h('g', { class: 'lr-row', 'data-rate': summary.rate }, nodes));
  });
  content.push(sweepLegend());
  return chartSvg(frame, content);
}

/** Each dot shape's mark as a character, so a legend entry is text and spaced in em. */
const MARK_GLYPHS: Record<Shape, string> = { circle: '●', triangle: '▲', square: '■', diamond: '◆' };

/**
 * The legend above the plot: the three dot shapes and the diverged column, one text with the
 * marks as coloured characters, so its gaps are a fraction of the words' size at any width: entries placed in viewBox units at their phone size stood far apart on a desktop. The
 * rows are planned at the phone size, where the words are widest.
 */
function sweepLegend(): SvgNode {
  const entries = [
    ...DEAD_STYLES.map((s) => ({ glyph: MARK_GLYPHS[s.shape], fill: s.fill, label: s.label })),
    { glyph: '✕', fill: ABOVE_COLOR, label: 'diverged' },
  ];
  const rows: (typeof entries)[] = [[]];
  let width = 0;
  for (const entry of entries) {
    const w = 0.6 * TEXT * (entry.label.length + 2);
    const row = rows[rows.length - 1];
    if (row.length && 8 + width + 0.9 * TEXT + w > SWEEP_WIDTH - 8) {
      rows.push([entry]);
      width = w;
    } else {
      width += (row.length ? 0.9 * TEXT : 0) + w;
      row.push(entry);
    }
  }
  // One <text>: a row after the first starts again at the left, 1.3 lines lower.
  const gap = (r: number, k: number) => (k ? { dx: '0.9em' } : r ? { x: 8, dy: '1.3em' } : {});
  return h(
    'text',
    { class: textClass('body', 'np-legend'), fill: 'currentColor', x: 8, y: 16, dy: '0.32em' },
    rows.flatMap((row, r) => row.flatMap((e, k) => [h('tspan', { fill: e.fill, ...gap(r, k) }, e.glyph), h('tspan', { dx: '0.25em' }, e.label)])),
  );
}

function range(a: number, b: number): string {
  return `${formatShort(a)} – ${formatShort(b)}`;
}

export function sweepRows(view: SweepView): string[][] {
  return view.rates.map(({ summary: s }) => [
    formatNumber(s.rate),
    formatInteger(s.runs),
    `${formatInteger(s.diverged)} (${Math.round(s.runs ? (100 * s.diverged) / s.runs : 0)}%)`,
    s.percentiles ? formatShort(s.percentiles.median) : '—',
    s.percentiles ? range(s.percentiles.q1, s.percentiles.q3) : '—',
    s.percentiles ? range(s.percentiles.p10, s.percentiles.p90) : '—',
    `${formatInteger(s.deadUnits)} of ${formatInteger(s.units)}`,
    s.aboveLimit === null ? '—' : `${formatInteger(s.aboveLimit)} of ${formatInteger(s.runs)}`,
  ]);
}

/** "Median R² 0.28": a headline number per rate, used in the status line when a sweep ends. */
export function sweepSummaryText(view: SweepView): string {
  return view.rates
    .map(({ summary: s }) => `η = ${formatNumber(s.rate)}: ${formatInteger(s.diverged)} of ${formatInteger(s.runs)} diverged${s.percentiles ? `, median final loss ${formatFixed(s.percentiles.median, 3)}` : ''}`)
    .join('; ');
}

/**
 * The view of a sweep from its runs so far: `runs[r][i]` is start i at rate r (missing while it
 * has not finished). The starts' limits 2/λmax come from whichever rate measured them first.
 */
export function sweepView(
  config: { rates: readonly number[]; seeds: number; epochs: number },
  runs: readonly (readonly (SweepRun | undefined)[])[],
  varY: number,
  startLabel: string,
  progress: SweepView['progress'],
): SweepView {
  const limits = Array.from({ length: config.seeds }, (_, i) => {
    const lambda = runs.map((rate) => rate[i]?.startLambdaMax).find((v) => v !== undefined);
    return lambda === undefined ? NaN : limitOf(lambda);
  });
  return {
    rates: config.rates.map((rate, r) => {
      const done = (runs[r] ?? []).filter((run): run is SweepRun => run !== undefined);
      const complete = done.length === config.seeds && limits.every(Number.isFinite);
      return { summary: summariseRate(rate, done, complete ? limits : undefined), runs: runs[r] ?? [] };
    }),
    varY,
    seeds: config.seeds,
    epochs: config.epochs,
    startLabel,
    progress,
  };
}
