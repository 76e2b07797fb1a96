// The paired comparison's figure, as pure functions: each seed's final loss at the fixed rate
// against its final loss with the schedule (log axes, the diagonal y = x, diverged runs in
// strips of their own), seeds that ended at the same place merged into one marker with their
// count, and the counts, medians and table beside it.
import { formatInteger, formatLoss } from '../../experiments/format';
import type { PlateauConfig } from '../../experiments/plateau/comparison-settings';
import { SAME_MARGIN, summarise, verdict, type PairedOutcome, type PairedSummary, type Verdict } from '../../experiments/plateau/paired';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { markerPath } from '../kit/scatter';
import { drawable } from '../kit/seriesPath';
import { h, round, type SvgNode } from '../kit/svg';
import { MUTED, PLATEAU_COLOR } from './colours';
import { lossTickFormat } from './ticks';
import { COLOURS, NEUTRALS } from '../kit/palette';
import { textClass, textSizeOnPhone } from '../kit/type';
import { legendRow } from '../kit/legendRow';

export const PAIRED_SIZE = { width: 420, height: 380 } as const;


const VERDICT_STYLE: Record<'better' | 'worse' | 'same', { fill: string; shape: 'triangle' | 'diamond' | 'circle'; label: string }> = {
  better: { fill: COLOURS.green, shape: 'triangle', label: 'schedule better' },
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
  // Room on the right of the largest loss for the count beside its point.
  const hi = values.length ? Math.max(...values, view.varY) * 1.8 : 1;
  const strip = 30;
  const legend = pairedLegend(width);
  const frame = chartFrame({
    width,
    height,
    // 40 under the legend's first row: room for the strip's label, at their size on a phone
    margin: { top: Math.ceil(76 + legend.extra - 1.25 * textSizeOnPhone('body', width)) + strip, right: 18 + strip, bottom: 44, left: 60 },
    heading: `Final loss, seed by seed (${formatInteger(view.outcomes.length)} of ${formatInteger(view.seeds)} seeds)`,
    title: `Paired comparison over ${view.outcomes.length} seeds: schedule better for ${summary.counts.better}, worse for ${summary.counts.worse}, the same for ${summary.counts.same}; ${summary.counts['both diverged']} diverged both ways.`,
    description:
      `Each point is one starting seed trained twice: its final loss at the fixed rate across, with the schedule up; seeds that ended at the same place share a point, with their count beside it. Below the diagonal the schedule ended lower. ` +
      `Runs that diverged sit in the strips outside the plot. Settings: ${view.settings}.`,
    x: { label: 'final loss, fixed rate (log)', domain: [lo, hi], type: 'log', ticks: 4, nice: false, format: lossTickFormat(lo, hi) },
    y: { label: 'final loss, schedule (log)', domain: [lo, hi], type: 'log', ticks: 4, nice: false, format: lossTickFormat(lo, hi) },
  });
  const { plot } = frame;
  const [d0, d1] = frame.xDomain;
  const content: SvgNode[] = [
    h('path', { class: 'pl-diagonal', d: `M${round(frame.x(d0))},${round(frame.y(d0))}L${round(frame.x(d1))},${round(frame.y(d1))}`, stroke: 'currentColor', 'stroke-dasharray': '4 4', fill: 'none', opacity: 0.6 }),
  ];
  const r = 4.5;
  // Many seeds end in the same few minima: one marker per place, with the count beside it, so
  // thirty seeds never look like six.
  const groups: Record<'better' | 'worse' | 'same', { x: number; y: number }[]> = { better: [], worse: [], same: [] };
  for (const o of both) groups[verdict(o, view.varY) as 'better' | 'worse' | 'same'].push({ x: frame.x(o.fixed.loss), y: frame.y(o.plateau.loss) });
  const counts: SvgNode[] = [];
  const kinds = Object.keys(groups) as (keyof typeof groups)[];
  const places = kinds.map((k) => mergePoints(groups[k], r * 2.5));
  // The points are obstacles too: a count drawn over another point hid it (and pushed that
  // point's own count far away).
  const placed: LabelBox[] = places.flat().map((p) => ({ left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r }));
  const marks = kinds.flatMap((k, i) => {
    for (const p of places[i]) {
      if (p.count > 1) {
        const at = countLabelPlace(p, r, `×${p.count}`, placed, textSizeOnPhone('small', width), [plot.left, plot.right]);
        counts.push(h('text', { x: round(at.x), y: round(at.y), 'text-anchor': at.anchor, 'data-count': p.count }, `×${p.count}`));
      }
    }
    return places[i].length ? [h('path', { d: places[i].map((p) => markerPath(VERDICT_STYLE[k].shape, p.x, p.y, r)).join(''), fill: VERDICT_STYLE[k].fill, 'data-verdict': k })] : [];
  });
  content.push(h('g', { class: 'np-points', stroke: NEUTRALS.bg, 'stroke-width': 0.6, 'fill-opacity': 0.85 }, marks));
  if (counts.length) content.push(h('g', { class: textClass('small', 'pl-counts'), 'font-weight': 600, fill: 'currentColor', stroke: NEUTRALS.surface, 'stroke-width': 3, 'paint-order': 'stroke' }, counts));
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
    h('g', { class: textClass('small', 'pl-strips'), fill: MUTED }, [
      h('path', { d: `M${plot.right + 4},${plot.top - strip}V${plot.bottom}M${plot.left},${plot.top - 4}H${plot.right + strip}`, stroke: NEUTRALS.rule, fill: 'none' }),
      h('text', { x: plot.left + 4, y: sy - 8 }, 'schedule diverged ↑'),
      h('text', { transform: `translate(${round(sx + 12)},${round(plot.bottom)}) rotate(-90)` }, '→ fixed diverged'),
    ]),
  );
  if (crosses.length) content.push(h('path', { class: 'pl-diverged-marks', d: crosses.join(''), stroke: 'currentColor', 'stroke-width': 2, fill: 'none' }));
  if (bothDiverged) {
    // Short: on a phone "both diverged" ran into the strip's own label; the corner is where the
    // strip above (schedule diverged) meets the one on the right (fixed diverged).
    content.push(h('text', { class: textClass('body'), x: sx - 8, y: sy + 4, 'text-anchor': 'end', 'font-weight': 600, fill: 'currentColor' }, `both: ${bothDiverged}`));
  }
  const ringed = view.highlight === undefined ? undefined : both.find((o) => o.seed === view.highlight);
  if (ringed) {
    const px = round(frame.x(ringed.fixed.loss)), py = round(frame.y(ringed.plateau.loss));
    // Placed like the counts, clear of them.
    const at = countLabelPlace({ x: px, y: py }, 9, `seed ${ringed.seed}`, placed, textSizeOnPhone('body', width), [plot.left, plot.right]);
    content.push(
      h('g', { class: 'np-highlight' }, [
        h('circle', { cx: px, cy: py, r: 9, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
        h('text', { class: textClass('body'), x: round(at.x), y: round(at.y), 'text-anchor': at.anchor, 'font-weight': 600, fill: 'currentColor', stroke: NEUTRALS.surface, 'stroke-width': 4, 'paint-order': 'stroke' }, `seed ${ringed.seed}`),
      ]),
    );
  }
  content.push(legend.node);
  return chartSvg(frame, content);
}

/** A label's box, estimated (bold digits and × about 0.75 em each, 1.2 em tall with the halo). */
export interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Where a label beside a point of radius r goes: above right of it, else below right, above left,
 * below left, right, left, above, below, then the same a label's height further out — the first
 * place whose box misses every box placed before and stays within `span` across (four merged points
 * close together gave "×3" over "×9" over "×6" on a phone). The chosen box is added to `placed`.
 */
export function countLabelPlace(p: { x: number; y: number }, r: number, text: string, placed: LabelBox[], size = 11, span: readonly [number, number] = [-Infinity, Infinity]): { x: number; y: number; anchor: 'start' | 'end' } {
  const w = 0.75 * size * [...text].length, hgt = 1.2 * size;
  // Baselines: the glyphs reach about 0.8 em above and 0.25 em below.
  const above = (d: number) => p.y - r - 0.25 * size - d, below = (d: number) => p.y + r + 0.85 * size + d, middle = p.y + 0.3 * size;
  const options = [0, hgt].flatMap((d) => [
    { x: p.x + r + 2 + d, y: above(d), anchor: 'start' as const },
    { x: p.x + r + 2 + d, y: below(d), anchor: 'start' as const },
    { x: p.x - r - 2 - d, y: above(d), anchor: 'end' as const },
    { x: p.x - r - 2 - d, y: below(d), anchor: 'end' as const },
    { x: p.x + r + 3 + d, y: middle, anchor: 'start' as const },
    { x: p.x - r - 3 - d, y: middle, anchor: 'end' as const },
    { x: p.x - w / 2, y: above(d + 2), anchor: 'start' as const },
    { x: p.x - w / 2, y: below(d + 2), anchor: 'start' as const },
  ]);
  const boxOf = (o: (typeof options)[number]): LabelBox => {
    const left = o.anchor === 'start' ? o.x : o.x - w;
    return { left, right: left + w, top: o.y - 0.95 * size, bottom: o.y + 0.25 * size };
  };
  const hits = (a: LabelBox, b: LabelBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const fits = (o: (typeof options)[number]) => {
    const b = boxOf(o);
    return b.left >= span[0] && b.right <= span[1] && !placed.some((q) => hits(b, q));
  };
  const chosen = options.find(fits) ?? options[0];
  placed.push(boxOf(chosen));
  return chosen;
}

/**
 * better and worse on one row, same on the next, the diagonal's meaning last (the rows wrap where
 * the words are larger; in the plot, the diagonal's note met the points and their labels).
 */
function pairedLegend(width: number): { node: SvgNode; extra: number } {
  const entries = (['better', 'worse', 'same'] as const).map((k) => ({
    mark: (x: number, y: number) => h('path', { d: markerPath(VERDICT_STYLE[k].shape, x + 11, y, 4.5), fill: VERDICT_STYLE[k].fill }),
    text: VERDICT_STYLE[k].label,
  }));
  const diagonal = { mark: (x: number, y: number) => h('path', { d: `M${x},${y}h22`, stroke: 'currentColor', 'stroke-dasharray': '4 4', opacity: 0.6, fill: 'none' }), text: 'below this line: schedule lower' };
  return legendRow([...entries, diagonal], 8, width - 8, 36, textSizeOnPhone('body', width));
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

/**
 * Points closer than `radius` (drawing units) to a place already taken join it: each place sits
 * at the mean of its points, with how many points it stands for.
 */
export function mergePoints(points: readonly { x: number; y: number }[], radius: number): { x: number; y: number; count: number }[] {
  const places: { x: number; y: number; count: number }[] = [];
  for (const p of points) {
    const near = places.find((q) => Math.hypot(q.x - p.x, q.y - p.y) < radius);
    if (!near) {
      places.push({ x: p.x, y: p.y, count: 1 });
      continue;
    }
    near.x += (p.x - near.x) / (near.count + 1);
    near.y += (p.y - near.y) / (near.count + 1);
    near.count += 1;
  }
  // A place's centre drifts as it takes points: two places can end up closer than `radius`
  // (lesson 10 had "×9" and "×3" drawn 3 units apart). Merge those, weighted by their counts.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < places.length && !merged; i++) {
      for (let j = i + 1; j < places.length && !merged; j++) {
        const [a, b] = [places[i], places[j]];
        if (Math.hypot(a.x - b.x, a.y - b.y) >= radius) continue;
        const n = a.count + b.count;
        places[i] = { x: (a.x * a.count + b.x * b.count) / n, y: (a.y * a.count + b.y * b.count) / n, count: n };
        places.splice(j, 1);
        merged = true;
      }
    }
  }
  return places;
}

/** The settings a comparison ran with, in words (shown with its figure). */
export function comparisonSettings(config: Pick<PlateauConfig, 'init' | 'learningRate' | 'epochs'>, schedule: string): string {
  const start = config.init === 'he' ? 'He start' : "the write-up's start";
  return `${start}, η₀ = ${config.learningRate}, ${formatInteger(config.epochs)} epochs; ${schedule}`;
}
