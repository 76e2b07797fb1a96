// Everything the dead-units widget shows, as pure functions of one run: the before/after table
// (start, final, change, "unchanged (exactly)", the loss with the parameter set to 0), the
// input plane at the start and at the end with each unit's on-region and kink line over the
// samples, each unit's count of on-samples epoch by epoch, and the sentences that name the
// largest change and the parameter the final network leans on most.
import { largestChange, lossIfZeroed, parameterChanges } from '../../trainer/importance';
import { rSquared } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { unitActivity } from '../../trainer/units';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { tableEpochs } from '../../experiments/training/report';
import { activeRegion, kinkSegment, type Point, type Rect, type Unit } from '../../experiments/halfPlane';
import { lineChart } from '../kit/lineChart';
import { downsampleIndices } from '../kit/downsample';
import { markerPath, type Shape } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { DeadUnitsScaling } from '../../experiments/dead-units/settings';
import type { DeadUnitsRun } from '../../experiments/dead-units/run';
import { textClass, textSizeOnPhone } from '../kit/type';

export const PLANE_WIDTH = 400;
export const PLANE_HEIGHT = 390;
export const ACTIVITY_WIDTH = 400;
export const ACTIVITY_HEIGHT = 390;

/** Which hidden unit each parameter belongs to (B3 belongs to the output alone). */
export const OWNER: Record<(typeof PARAMETER_NAMES)[number], 'h1' | 'h2' | 'output'> = {
  W1: 'h1', W2: 'h2', W3: 'h1', W4: 'h2', W5: 'h1', W6: 'h2', B1: 'h1', B2: 'h2', B3: 'output',
};
const ROLE: Record<(typeof PARAMETER_NAMES)[number], string> = {
  W1: 'x1 → h1', W2: 'x1 → h2', W3: 'x2 → h1', W4: 'x2 → h2', W5: 'h1 → ŷ', W6: 'h2 → ŷ', B1: 'bias of h1', B2: 'bias of h2', B3: 'bias of ŷ',
};

export const TABLE_COLUMNS = ['parameter', 'belongs to', 'start', 'final', 'did it move?', 'change', 'loss if set to 0'];

export const SCALING_AXIS: Record<DeadUnitsScaling, string> = {
  zscore: 'z-score',
  minmax: 'min–max',
  squeezed: 'x ÷ range',
  none: 'raw',
};

export interface TableRow {
  name: string;
  owner: string;
  role: string;
  start: string;
  final: string;
  change: string;
  /** 'unchanged (exactly)' or 'changed'. */
  moved: string;
  unchanged: boolean;
  /** L with this parameter set to 0 (the others final), minus the final L: what the final network needs it for. */
  zeroed: string;
  largest: boolean;
  mostImportant: boolean;
}

export interface DeadUnitsScene {
  rows: TableRow[];
  panels: { start: SvgNode; end: SvgNode; activity: SvgNode };
  numbers: Record<string, string>;
  /** The text alternative of the activity panel: each unit's count and the loss at selected epochs. */
  tables: { samples: string[][] };
  /** Names of the parameters that did not move at all. */
  unchanged: string[];
}

/** A loss difference, with its sign: "+120.3", "0", "−0.0002". */
function signed(value: number): string {
  if (value === 0) return '0';
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

export function tableRows(run: DeadUnitsRun): TableRow[] {
  const changes = parameterChanges(run.start, run.final);
  const largest = largestChange(changes);
  const zeroed = lossIfZeroed(run.final, run.data);
  let important = -1;
  zeroed.forEach((v, j) => {
    if (v > 0 && (important < 0 || v > zeroed[important])) important = j;
  });
  return changes.map((c, j) => {
    const name = PARAMETER_NAMES[j];
    return {
      name,
      owner: OWNER[name] === 'output' ? 'output' : `unit ${OWNER[name]}`,
      role: ROLE[name],
      start: formatNumber(c.start),
      final: formatNumber(c.final),
      change: c.unchanged ? '0' : signed(c.change),
      moved: c.unchanged ? 'unchanged (exactly)' : 'changed',
      unchanged: c.unchanged,
      zeroed: Number.isFinite(zeroed[j]) ? signed(zeroed[j]) : formatLoss(zeroed[j]),
      largest: j === largest,
      mostImportant: j === important,
    };
  });
}

/**
 * A hidden unit's weight or bias at 0 does not remove the unit: it moves its kink line. When the
 * parameter that matters most belongs to a dead unit, that is usually why: at 0 the unit wakes up.
 */
function wakesUp(run: DeadUnitsRun, name: string): string {
  const owner = OWNER[name as keyof typeof OWNER];
  if (owner === 'output' || name === 'W5' || name === 'W6') return '';
  const k = owner === 'h1' ? 0 : 1;
  if (run.active[k][run.epochs] !== 0) return '';
  const p = Float64Array.from(run.final);
  p[PARAMETER_NAMES.indexOf(name as (typeof PARAMETER_NAMES)[number])] = 0;
  const on = unitActivity(p, run.data).activeCounts[k];
  return on > 0 ? ` ${owner} is dead, and ${name} is what keeps it off: at 0, ${owner} would be on for ${formatInteger(on)} samples.` : '';
}

/** "W1, W3, W5 and B1". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** One sentence per unit: dead from the start, died at epoch e, or alive on how many samples. */
export function unitStory(run: DeadUnitsRun, k: 0 | 1): string {
  const name = `h${k + 1}`;
  const counts = run.active[k];
  const n = formatInteger(run.data.n);
  const end = counts[counts.length - 1];
  const from = run.deadFrom[k];
  const own = k === 0 ? 'W1, W3, W5 and B1' : 'W2, W4, W6 and B2';
  if (from === 0) return `${name} is off for all ${n} samples from the start: its four parameters (${own}) get exactly zero gradient and never move.`;
  if (from > 0) return `${name} was on for ${formatInteger(counts[0])} of ${n} samples at the start, moved, and from epoch ${formatInteger(from)} is off for all of them: ${own} have been frozen since.`;
  if (end === run.data.n) return `${name} is on for every sample at the end (${n} of ${n}): a straight line, no bend.`;
  return `${name} is on for ${formatInteger(end)} of ${n} samples at the end (${formatInteger(counts[0])} at the start): a working hinge.`;
}

/**
 * Everything the widget shows for one run. `suggestRate: false` leaves the advice to lower the
 * learning rate out of a divergence's outcome (a teacher has locked the rate).
 */
export function deadUnitsScene(run: DeadUnitsRun, scaling: DeadUnitsScaling, suggestRate = true): DeadUnitsScene {
  const rows = tableRows(run);
  const unchanged = rows.filter((r) => r.unchanged).map((r) => r.name);
  const largest = rows.find((r) => r.largest);
  const important = rows.find((r) => r.mostImportant);
  const lossEnd = run.losses[run.epochs];
  const numbers: Record<string, string> = {
    epochs: formatInteger(run.epochs),
    lossStart: formatNumber(run.losses[0]),
    lossEnd: formatLoss(lossEnd),
    varY: formatNumber(run.varY),
    r2End: formatR2(rSquared(lossEnd, run.varY)),
    h1Start: formatInteger(run.active[0][0]),
    h1End: formatInteger(run.active[0][run.epochs]),
    h2Start: formatInteger(run.active[1][0]),
    h2End: formatInteger(run.active[1][run.epochs]),
    n: formatInteger(run.data.n),
    unchanged: unchanged.length ? `${listNames(unchanged)} did not change at all (bit-for-bit their starting values).` : 'Every parameter changed.',
    largest: largest ? `The largest change: ${largest.name} (${largest.change}).` : 'Nothing moved.',
    important: important
      ? `Setting one parameter to 0 hurts most for ${important.name}: the loss would rise by ${important.zeroed.replace('+', '')}.${wakesUp(run, important.name)}`
      : 'Setting any single parameter to 0 would not raise the loss.',
    outcome:
      run.status === 'diverged'
        ? `The run diverged after ${formatInteger(run.epochs)} epochs: each step overshot by more than the last until the numbers were too large to represent. The table shows the last finite values${suggestRate ? '; try a smaller learning rate' : ''}.`
        : `Trained for all ${formatInteger(run.epochs)} epochs.`,
    h1Story: unitStory(run, 0),
    h2Story: unitStory(run, 1),
  };
  return {
    rows,
    unchanged,
    numbers,
    panels: {
      start: planePanel(run, 'start', scaling),
      end: planePanel(run, 'end', scaling),
      activity: activityPanel(run),
    },
    tables: { samples: activityRows(run) },
  };
}

// ---------- the input plane ----------

const UNIT_STYLE = [
  { region: 'var(--c-orange, #e69f00)', line: 'var(--c-vermillion, #d55e00)', dash: '' },
  { region: 'var(--c-sky, #56b4e9)', line: 'var(--c-blue, #0072b2)', dash: '7 4' },
];
/** Samples by which units are on: neither, h1 only, h2 only, both. */
const POINT_STYLE: { fill: string; shape: Shape; words: string }[] = [
  { fill: 'var(--muted, #666)', shape: 'circle', words: 'both off' },
  { fill: 'var(--c-vermillion, #d55e00)', shape: 'diamond', words: 'h1 on' },
  { fill: 'var(--c-blue, #0072b2)', shape: 'square', words: 'h2 on' },
  { fill: 'var(--c-purple, #cc79a7)', shape: 'triangle', words: 'both on' },
];

/** The data's box, padded so kink lines can be seen leaving it. */
export function planeView(run: DeadUnitsRun): Rect {
  const extent = (values: Float64Array) => {
    let lo = Infinity, hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const pad = (hi - lo || 1) * 0.12;
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = extent(run.data.x1);
  const [y0, y1] = extent(run.data.x2);
  return { x0, x1, y0, y1 };
}

function unitOf(params: Float64Array, k: 0 | 1): Unit {
  return k === 0 ? { w1: params[0], w2: params[2], b: params[6] } : { w1: params[1], w2: params[3], b: params[7] };
}

/** Each point shape as a character, so the legend is one text whose gaps are in em. */
const GLYPH: Record<Shape, string> = { circle: '●', diamond: '◆', square: '■', triangle: '▲' };

/**
 * The legend of the samples' marks: one text, marks as coloured characters, so its gaps follow
 * the words' size (entries placed in viewBox units for desktop text ran into each other on a
 * phone, 'off◆h1 on■h2'). It starts under the heading where it fits at its phone size, else at
 * the left edge.
 */
function planeLegend(frame: ChartFrame): SvgNode {
  const chars = POINT_STYLE.reduce((n, style) => n + style.words.length + 3, 0);
  const width = 0.6 * textSizeOnPhone('body', frame.width) * chars;
  const x = frame.plot.left + width <= frame.width - 4 ? frame.plot.left : 8;
  return h(
    'text',
    { class: textClass('body', 'np-legend'), x, y: 36, dy: '0.32em', fill: 'currentColor' },
    POINT_STYLE.flatMap((style, k) => [h('tspan', { fill: style.fill, ...(k ? { dx: '0.8em' } : {}) }, GLYPH[style.shape]), h('tspan', { dx: '0.25em' }, style.words)]),
  );
}

const halo = { stroke: 'var(--surface, #f1f2f4)', 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round' };

export function planePanel(run: DeadUnitsRun, when: 'start' | 'end', scaling: DeadUnitsScaling): SvgNode {
  const params = when === 'start' ? run.start : run.final;
  const e = when === 'start' ? 0 : run.epochs;
  const view = planeView(run);
  const { data } = run;
  const counts = [run.active[0][e], run.active[1][e]];
  const axis = SCALING_AXIS[scaling];
  const heading = when === 'start' ? 'Where each unit is on, at the start' : `… and after ${formatInteger(run.epochs)} epochs`;
  const summary = counts.map((c, k) => `h${k + 1} on for ${formatInteger(c)} of ${formatInteger(data.n)} samples`).join(', ');
  const frame = chartFrame({
    width: PLANE_WIDTH,
    height: PLANE_HEIGHT,
    margin: { top: 50, right: 14, bottom: 44, left: 52 },
    heading,
    title: `The input plane (x1, x2, ${axis}) at epoch ${formatInteger(e)}: ${summary}.`,
    description:
      'Shaded orange: where z1 > 0, so h1 is on; shaded light blue: where z2 > 0, so h2 is on. The solid line is h1’s kink line z1 = 0, ' +
      'the dashed line h2’s kink line z2 = 0. Samples are grey circles where both units are off, orange-red diamonds where only h1 is on, ' +
      'blue squares where only h2 is on and pink triangles where both are on. A unit whose shading covers no sample is dead.',
    x: { label: `x1 (${axis})`, domain: [view.x0, view.x1], nice: false },
    y: { label: `x2 (${axis})`, domain: [view.y0, view.y1], nice: false },
  });
  const toPath = (points: Point[]) => `M${points.map(([x, y]) => `${round(frame.x(x))},${round(frame.y(y))}`).join('L')}Z`;
  const content: SvgNode[] = [];
  const labels: SvgNode[] = [];
  ([0, 1] as const).forEach((k) => {
    const region = activeRegion(view, unitOf(params, k));
    if (region.length) {
      content.push(h('path', { class: `dz-region-h${k + 1}`, d: toPath(region), fill: UNIT_STYLE[k].region, 'fill-opacity': 0.2 }));
    }
  });
  const paths: string[][] = POINT_STYLE.map(() => []);
  const u1 = unitOf(params, 0), u2 = unitOf(params, 1);
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const on1 = u1.w1 * x1 + u1.w2 * x2 + u1.b > 0;
    const on2 = u2.w1 * x1 + u2.w2 * x2 + u2.b > 0;
    const kind = (on1 ? 1 : 0) + (on2 ? 2 : 0);
    paths[kind].push(markerPath(POINT_STYLE[kind].shape, frame.x(x1), frame.y(x2), 2.8));
  }
  content.push(
    h(
      'g',
      { class: 'np-points', stroke: 'var(--bg, #fff)', 'stroke-width': 0.4 },
      paths.flatMap((d, kind) => (d.length ? [h('path', { d: d.join(''), fill: POINT_STYLE[kind].fill, 'data-points': POINT_STYLE[kind].words })] : [])),
    ),
  );
  ([0, 1] as const).forEach((k) => {
    const segment = kinkSegment(view, unitOf(params, k));
    if (!segment) return;
    const [[ax, ay], [bx, by]] = segment;
    content.push(
      h('path', {
        class: `dz-kink-h${k + 1}`,
        d: `M${round(frame.x(ax))},${round(frame.y(ay))}L${round(frame.x(bx))},${round(frame.y(by))}`,
        stroke: UNIT_STYLE[k].line,
        'stroke-width': 2.5,
        'stroke-dasharray': UNIT_STYLE[k].dash || undefined,
        fill: 'none',
      }),
    );
    // The label sits near the end of the line that is higher on the page, kept inside the plot.
    const [tx, ty] = frame.y(ay) < frame.y(by) ? [ax, ay] : [bx, by];
    const px = Math.min(frame.plot.right - 36, Math.max(frame.plot.left + 36, frame.x(tx)));
    const py = Math.min(frame.plot.bottom - 6, Math.max(frame.plot.top + 14, frame.y(ty) + 14 + 14 * k));
    labels.push(h('text', { x: round(px), y: round(py), 'text-anchor': 'middle' }, `h${k + 1}: z${k + 1} = 0`));
  });
  content.push(h('g', { class: textClass('body', 'dz-plane-labels'), fill: 'currentColor', ...halo }, labels));
  content.push(planeLegend(frame));
  return chartSvg(frame, content, { 'data-when': when });
}

// ---------- activity over the epochs ----------

export function activityPanel(run: DeadUnitsRun): SvgNode {
  const E = run.epochs;
  const n = run.data.n;
  const series = ([0, 1] as const).map((k) => {
    const counts = run.active[k];
    const keep = downsampleIndices(E + 1, (i) => counts[i], 150);
    return {
      label: `h${k + 1}`,
      x: keep,
      y: keep.map((i) => counts[i]),
      color: UNIT_STYLE[k].line,
      dash: UNIT_STYLE[k].dash,
    };
  });
  const markers = ([0, 1] as const)
    .filter((k) => run.deadFrom[k] > 0)
    .map((k) => ({ x: run.deadFrom[k], y: 0, label: `h${k + 1} dead from epoch ${formatInteger(run.deadFrom[k])}`, color: UNIT_STYLE[k].line, line: false }));
  const words = ([0, 1] as const)
    .map((k) => `h${k + 1}: ${formatInteger(run.active[k][0])} at the start, ${formatInteger(run.active[k][E])} at the end`)
    .join('; ');
  return lineChart({
    width: ACTIVITY_WIDTH,
    height: ACTIVITY_HEIGHT,
    margin: { top: 50, right: 14, bottom: 44, left: 52 },
    heading: 'How many samples each unit is on',
    title: `Samples on which each hidden unit is on, over ${formatInteger(E)} epochs. ${words}.`,
    description: 'A line that drops to 0 is a unit dying; once at 0 it stays there, because its parameters get no gradient any more.',
    x: { label: 'epoch', domain: [0, Math.max(10, E)] },
    // Headroom above N keeps the legend off the lines.
    y: { label: 'samples on', domain: [0, n * 1.45], nice: false, ticks: 4 },
    series,
    references: [{ value: n, label: `all ${formatInteger(n)} samples`, offscale: 'hide' }],
    markers,
  });
}

// ---------- the text alternative ----------

export const ACTIVITY_COLUMNS = ['epoch', 'h1 on for', 'h2 on for', 'loss L', 'R²'];

export function activityRows(run: DeadUnitsRun): string[][] {
  return tableEpochs(run.epochs).map((e) => {
    const loss = run.losses[e];
    return [
      formatInteger(e),
      formatInteger(run.active[0][e]),
      formatInteger(run.active[1][e]),
      formatLoss(loss),
      formatR2(rSquared(loss, run.varY)),
    ];
  });
}
