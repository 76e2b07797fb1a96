// What the seed sweep draws: one row per setup (hidden width × starting scheme), every run's
// final loss as a dot on one shared logarithmic axis, Var(y) and the best plane as vertical
// lines, a box for the middle half of the row, whiskers from its 10th to 90th percentile and a
// tick at its median. Colour says the starting scheme, shape how many hidden units ended dead,
// so the two clusters of a row (runs that learned the bend, runs stuck with dead units) are
// seen at once. Pure: the .astro draws the build's sweep with it, the custom element redraws
// as runs arrive and when a run is picked.
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { markerPath, type Shape } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { endStateName } from '../../trainer/endState';
import { rSquared } from '../../trainer/loss';
import { SWEEP_INIT_LABELS, setupsOf, type SeedSweepConfig, type SweepInit } from '../../experiments/seed-sweep/settings';
import { deadUnits, LEARNED_R2, summarise, type SetupResult, type SweepPoint, type SweepResults } from '../../experiments/seed-sweep/results';
import type { Selection } from '../../experiments/seed-sweep/consoleLink';
import { textClass } from '../kit/type';

export const SWEEP_WIDTH = 560;
// top: the heading, the legend's row, and the reference lines' labels in a row of their own under
// it ("best plane" ran into "all dead" when the plane's loss sat under the legend's end).
const MARGIN = { top: 82, right: 46, bottom: 44, left: 12 };
const ROW_LABEL = 15;

export const INIT_COLOURS: Record<SweepInit, string> = { writeup: 'var(--c-orange, #e69f00)', he: 'var(--c-blue, #0072b2)' };
/** Shape by how many hidden units ended dead. */
export const DEAD_SHAPES: readonly { shape: Shape; label: string }[] = [
  { shape: 'circle', label: 'no unit dead' },
  { shape: 'triangle', label: 'some dead' },
  { shape: 'square', label: 'all dead' },
];

/** Row height: one setup gets a tall strip so a hundred dots have room; many get thin ones. */
export function rowHeight(rows: number): number {
  return rows <= 1 ? 150 : rows === 2 ? 90 : 46;
}

export function sweepHeight(rows: number): number {
  return MARGIN.top + MARGIN.bottom + rowHeight(rows) * Math.max(1, rows);
}

/** A reproducible vertical offset in [−0.5, 0.5) for the i-th dot of a row (golden-ratio steps). */
export function jitter(i: number): number {
  return ((i * 0.6180339887498949) % 1) - 0.5;
}

export function setupLabel(setup: { init: SweepInit; hidden: number }): string {
  return `${SWEEP_INIT_LABELS[setup.init]} start, ${setup.hidden} hidden units`;
}

function shapeOf(point: SweepPoint): Shape {
  const dead = deadUnits(point);
  return DEAD_SHAPES[dead === 0 ? 0 : dead === point.units.length ? 2 : 1].shape;
}

/** The shared loss axis: every finished, non-diverged run, Var(y) and the plane fit inside. */
function lossDomain(results: SweepResults): [number, number] {
  let lo = results.planeLoss, hi = results.varY;
  for (const setup of results.setups) {
    for (const p of setup.points) {
      if (!p || p.diverged || !(p.finalLoss > 0) || !Number.isFinite(p.finalLoss)) continue;
      lo = Math.min(lo, p.finalLoss);
      hi = Math.max(hi, p.finalLoss);
    }
  }
  const floor = 10 ** Math.floor(Math.log10(lo / 1.15));
  return [Math.max(1e-12, Math.min(floor, results.varY / 100)), hi * 1.6];
}

export interface SweepLayout {
  frame: ChartFrame;
  rowHeight: number;
  /** Dot positions in viewBox units: positions[setup][index], null for a run not shown (not yet arrived or diverged). */
  positions: ({ x: number; y: number } | null)[][];
}

export function layoutSweep(results: SweepResults): SweepLayout {
  const rows = results.setups.length;
  const height = sweepHeight(rows);
  const frame = chartFrame({
    width: SWEEP_WIDTH,
    height,
    margin: MARGIN,
    x: { label: 'final loss L (log scale)', domain: lossDomain(results), type: 'log', nice: false, ticks: 6 },
    y: { label: '', domain: [0, 1] },
    yAxis: false,
    title: '',
  });
  const rh = rowHeight(rows);
  const positions = results.setups.map((setup, r) => {
    const top = frame.plot.top + r * rh + ROW_LABEL;
    const band = rh - ROW_LABEL - 8;
    return setup.points.map((p, i) =>
      p && !p.diverged && p.finalLoss > 0 && Number.isFinite(p.finalLoss) ? { x: frame.x(p.finalLoss), y: top + band / 2 + jitter(i) * band * 0.92 } : null,
    );
  });
  return { frame, rowHeight: rh, positions };
}

/** The run under a point of the figure (viewBox units): the nearest dot in that row, or null. */
export function runAt(layout: SweepLayout, x: number, y: number): Selection | null {
  const r = Math.floor((y - layout.frame.plot.top) / layout.rowHeight);
  if (r < 0 || r >= layout.positions.length) return null;
  let best: Selection | null = null;
  let bestDistance = Infinity;
  layout.positions[r].forEach((p, index) => {
    if (!p) return;
    const d = (p.x - x) ** 2 + ((p.y - y) / 3) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = { setup: r, index };
    }
  });
  return best;
}

/** The shown runs of a row in order of their final loss: the order the arrow keys walk. */
export function rowOrder(setup: SetupResult): number[] {
  return setup.points
    .map((p, index) => ({ p, index }))
    .filter((e): e is { p: SweepPoint; index: number } => e.p !== undefined && !e.p.diverged)
    .sort((a, b) => a.p.finalLoss - b.p.finalLoss || a.index - b.index)
    .map((e) => e.index);
}

/** The run a key press moves to: ←/→ along the row by loss, ↑/↓ to the neighbouring rows, Home/End. */
export function moveSelection(results: SweepResults, from: Selection | null, key: string): Selection | null {
  const rows = results.setups.map(rowOrder);
  const firstRow = rows.findIndex((r) => r.length > 0);
  if (firstRow < 0) return null;
  if (!from || !rows[from.setup]?.includes(from.index)) return { setup: firstRow, index: rows[firstRow][Math.floor((rows[firstRow].length - 1) / 2)] };
  const row = rows[from.setup];
  const at = row.indexOf(from.index);
  const along = (i: number) => ({ setup: from.setup, index: row[Math.min(row.length - 1, Math.max(0, i))] });
  switch (key) {
    case 'ArrowLeft':
      return along(at - 1);
    case 'ArrowRight':
      return along(at + 1);
    case 'Home':
      return along(0);
    case 'End':
      return along(row.length - 1);
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let r = from.setup + step; r >= 0 && r < rows.length; r += step) {
        if (!rows[r].length) continue;
        // The same place by rank, so a median stays a median.
        const rank = row.length > 1 ? at / (row.length - 1) : 0.5;
        return { setup: r, index: rows[r][Math.round(rank * (rows[r].length - 1))] };
      }
      return from;
    }
    default:
      return from;
  }
}

/** The run in the middle of the first row that has runs: what is picked before the reader picks. */
export function defaultSelection(results: SweepResults): Selection | null {
  return moveSelection(results, null, '');
}

const budgetText = (results: SweepResults) =>
  `${formatInteger(results.budget.runs)} seed${results.budget.runs === 1 ? '' : 's'} per setup, ${formatInteger(results.budget.epochs)} epochs, η = ${formatNumber(results.budget.learningRate)}`;

export function sourceText(results: SweepResults): string {
  return results.source === 'build' ? 'computed when this page was built' : 'computed in this browser';
}

function legend(frame: ChartFrame, inits: SweepInit[]): SvgNode {
  const y = 40;
  const items: SvgNode[] = [];
  let x = frame.plot.left;
  const item = (shape: Shape, fill: string, text: string) => {
    items.push(h('path', { d: markerPath(shape, x + 5, y, 4.5), fill, stroke: 'var(--bg, #fff)', 'stroke-width': 0.5 }));
    items.push(h('text', { x: x + 14, y, dy: '0.32em' }, text));
    // 0.6 em a character at 12 units (6.4 let "some dead" touch the next mark).
    x += 14 + text.length * 7.2 + 14;
  };
  for (const init of inits) item('circle', INIT_COLOURS[init], `${SWEEP_INIT_LABELS[init]} start`);
  for (const { shape, label } of DEAD_SHAPES.slice(1)) item(shape, 'var(--muted, #555b66)', label);
  return h('g', { class: textClass('body', 'ss-legend'), fill: 'currentColor' }, items);
}

function referenceLines(frame: ChartFrame, results: SweepResults): SvgNode[] {
  const { plot } = frame;
  const nodes: SvgNode[] = [];
  const lines = [
    { value: results.planeLoss, label: 'best plane', dash: '2 3', anchor: 'end', dx: -4 },
    { value: results.varY, label: 'Var(y)', dash: '6 4', anchor: 'start', dx: 4 },
  ] as const;
  for (const l of lines) {
    const x = round(frame.x(l.value));
    if (!(x >= plot.left && x <= plot.right)) continue;
    nodes.push(
      h('g', { class: 'ss-reference' }, [
        h('path', { d: `M${x},${plot.top - 6}V${plot.bottom}`, stroke: 'currentColor', 'stroke-width': 1.3, 'stroke-dasharray': l.dash, fill: 'none' }),
        h('text', { class: textClass('body'), x: x + l.dx, y: plot.top - 8, 'text-anchor': l.anchor, fill: 'currentColor' }, l.label),
      ]),
    );
  }
  return nodes;
}

function rowNodes(frame: ChartFrame, layout: SweepLayout, results: SweepResults, r: number): SvgNode {
  const setup = results.setups[r];
  const s = summarise(setup, results.varY);
  const top = frame.plot.top + r * layout.rowHeight;
  const bandTop = top + ROW_LABEL;
  const band = layout.rowHeight - ROW_LABEL - 8;
  const mid = round(bandTop + band / 2);
  const children: SvgNode[] = [];
  if (r > 0) children.push(h('path', { d: `M${frame.plot.left},${round(top)}H${frame.plot.right}`, stroke: 'var(--rule, #d5d8dd)', fill: 'none' }));
  const median = s.finals.length ? `median ${formatNumber(s.median)}` : s.finished ? 'every run diverged' : 'no runs yet';
  children.push(
    h('text', { class: textClass('body'), x: frame.plot.left, y: round(top + 12), fill: 'currentColor' }, [
      h('tspan', { 'font-weight': 600 }, setupLabel(setup)),
      h('tspan', {}, ` · ${median}`),
    ]),
  );
  if (s.finals.length >= 2) {
    const [x10, x25, x50, x75, x90] = [s.p10, s.p25, s.median, s.p75, s.p90].map((v) => round(frame.x(v)));
    const boxH = Math.min(band, 22);
    children.push(
      h('g', { class: 'ss-spread', stroke: 'currentColor', fill: 'none' }, [
        h('path', { d: `M${x10},${mid}H${x25}M${x75},${mid}H${x90}M${x10},${round(mid - 5)}v10M${x90},${round(mid - 5)}v10`, 'stroke-width': 1.2 }),
        h('rect', { x: x25, y: round(mid - boxH / 2), width: round(Math.max(1, x75 - x25)), height: round(boxH), 'stroke-width': 1.2 }),
        h('path', { d: `M${x50},${round(mid - boxH / 2 - 4)}v${round(boxH + 8)}`, 'stroke-width': 3 }),
      ]),
    );
  }
  const paths = new Map<Shape, string[]>();
  setup.points.forEach((p, i) => {
    const at = layout.positions[r][i];
    if (!p || !at) return;
    const shape = shapeOf(p);
    const list = paths.get(shape) ?? [];
    list.push(markerPath(shape, at.x, at.y, 3.2));
    paths.set(shape, list);
  });
  children.push(
    h(
      'g',
      { class: 'ss-dots', fill: INIT_COLOURS[setup.init], 'fill-opacity': 0.85, stroke: 'var(--bg, #fff)', 'stroke-width': 0.6 },
      [...paths].map(([shape, d]) => h('path', { d: d.join(''), 'data-shape': shape })),
    ),
  );
  if (s.diverged) {
    const x = frame.plot.right + 10;
    children.push(
      h('g', { class: textClass('body', 'ss-diverged'), fill: 'currentColor' }, [
        h('path', { d: `M${x - 4},${mid - 4}l8,8M${x - 4},${mid + 4}l8,-8`, stroke: 'var(--c-vermillion, #d55e00)', 'stroke-width': 2, fill: 'none' }),
        h('text', { x: x + 7, y: mid, dy: '0.32em' }, formatInteger(s.diverged)),
      ]),
    );
  }
  return h('g', { class: 'ss-row', 'data-setup': `${setup.init}-${setup.hidden}` }, children);
}

function selectionNodes(layout: SweepLayout, selection: Selection | null): SvgNode[] {
  const at = selection ? layout.positions[selection.setup]?.[selection.index] : null;
  if (!at) return [];
  const [x, y] = [round(at.x), round(at.y)];
  return [
    h('g', { class: 'ss-selected' }, [
      h('circle', { cx: x, cy: y, r: 7.5, fill: 'none', stroke: 'var(--bg, #fff)', 'stroke-width': 5 }),
      h('circle', { cx: x, cy: y, r: 7.5, fill: 'none', stroke: 'currentColor', 'stroke-width': 2.2 }),
    ]),
  ];
}

/** One sentence per row for the figure's text alternative. */
export function rowSentence(setup: SetupResult, results: SweepResults): string {
  const s = summarise(setup, results.varY);
  if (!s.finished) return `${setupLabel(setup)}: no runs yet.`;
  if (!s.finals.length) return `${setupLabel(setup)}: all ${s.finished} runs diverged.`;
  const diverged = s.diverged ? `, ${s.diverged} diverged` : '';
  return (
    `${setupLabel(setup)}: ${s.finished} runs${diverged}; median final loss ${formatNumber(s.median)}, ` +
    `10th to 90th percentile ${formatNumber(s.p10)} to ${formatNumber(s.p90)}; ${s.learned} reached R² ≥ ${LEARNED_R2}.`
  );
}

export function sweepScene(results: SweepResults, selection: Selection | null): SvgNode {
  const layout = layoutSweep(results);
  const rows = results.setups.length;
  const frame: ChartFrame = {
    ...layout.frame,
    spec: {
      ...layout.frame.spec,
      title: `Final losses of every run, ${rows} setup${rows === 1 ? '' : 's'}: ${budgetText(results)}, ${sourceText(results)}.`,
      description:
        `Each dot is one run, placed by its final loss on a logarithmic axis; the dashed line is Var(y) = ${formatNumber(results.varY)}, ` +
        `the dotted line the best plane's loss ${formatNumber(results.planeLoss)}. ` +
        results.setups.map((s) => rowSentence(s, results)).join(' '),
      heading: `Final loss of each run: ${budgetText(results)}`,
    },
  };
  const inits = [...new Set(results.setups.map((s) => s.init))];
  return chartSvg(frame, [
    legend(frame, inits.length ? inits : ['writeup', 'he']),
    ...referenceLines(frame, results),
    ...results.setups.map((_, r) => rowNodes(frame, layout, results, r)),
    ...selectionNodes(layout, selection),
  ]);
}

// ---------- tables and text ----------

export const SUMMARY_COLUMNS = ['setup', 'runs', 'diverged', 'median final loss', 'middle half', '10th–90th percentile', `R² ≥ ${LEARNED_R2}`, 'with a dead unit'];

const orDash = (v: number) => (Number.isFinite(v) ? formatNumber(v) : '–');

export function summaryRows(results: SweepResults): string[][] {
  return results.setups.map((setup) => {
    const s = summarise(setup, results.varY);
    return [
      setupLabel(setup),
      formatInteger(s.finished),
      formatInteger(s.diverged),
      orDash(s.median),
      s.finals.length ? `${orDash(s.p25)} to ${orDash(s.p75)}` : '–',
      s.finals.length ? `${orDash(s.p10)} to ${orDash(s.p90)}` : '–',
      formatInteger(s.learned),
      formatInteger(s.withDeadUnit),
    ];
  });
}

export const RUN_COLUMNS = ['setup', 'seed', 'final loss', 'every digit', 'R²', 'hidden units at the end'];

/** The exact double, as JavaScript writes it: the shortest text that reads back bit for bit. */
export function allDigits(value: number): string {
  return Number.isFinite(value) ? String(value).replace('-', '−') : '–';
}

const endState = (point: SweepPoint) => endStateName(point.units);

export function runRows(results: SweepResults): string[][] {
  return results.setups.flatMap((setup) =>
    setup.points.flatMap((p) =>
      p
        ? [[
            setupLabel(setup),
            String(p.seed),
            p.diverged ? `diverged at epoch ${formatInteger(p.epochs)}` : formatNumber(p.finalLoss),
            p.diverged ? '–' : allDigits(p.finalLoss),
            p.diverged ? '–' : formatFixed(rSquared(p.finalLoss, results.varY), 3),
            endState(p),
          ]]
        : [],
    ),
  );
}

/** The picked run in words, for the panel under the figure (and the figure's keyboard focus). */
export function describeRun(results: SweepResults, selection: Selection | null): { text: string; digits: string } {
  const setup = selection ? results.setups[selection.setup] : undefined;
  const point = setup && selection ? setup.points[selection.index] : undefined;
  if (!setup || !point) return { text: 'No run picked yet: click a dot, or focus the figure and use the arrow keys.', digits: '–' };
  const head = `${setupLabel(setup)}, starting seed ${point.seed}`;
  if (point.diverged) return { text: `${head}: diverged at epoch ${formatInteger(point.epochs)}.`, digits: '–' };
  const r2 = formatFixed(rSquared(point.finalLoss, results.varY), 3);
  return {
    text: `${head}: final loss ${formatNumber(point.finalLoss)} (R² ${r2}) after ${formatInteger(point.epochs)} epochs; hidden units at the end: ${endState(point)}.`,
    digits: allDigits(point.finalLoss),
  };
}

/** "2, 4 and 8" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'none') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What pressing Run would do, in one sentence. It names the ticked widths and starts, so every
 * control shows up in it, and says plainly when the ticks name no setup to run.
 */
export function planText(config: SeedSweepConfig, cores: number): string {
  const setups = setupsOf(config).length;
  const total = setups * config.runs * config.epochs;
  const seeds = config.runs === 1 ? `seed ${config.firstSeed}` : `seeds ${config.firstSeed}–${config.firstSeed + config.runs - 1}`;
  const widths = config.widths.length ? `${listed(config.widths.map(String))} hidden units` : 'no hidden width ticked';
  const starts = config.inits.length ? `${listed(config.inits.map((i) => SWEEP_INIT_LABELS[i]))} starts` : 'no kind of start ticked';
  const what = `${formatInteger(config.runs)} starts (${seeds}) × ${formatInteger(config.epochs)} epochs at η = ${formatNumber(config.learningRate)}, on data seed ${config.dataSeed}`;
  if (!setups) return `Nothing to run: ${widths}, ${starts}. Each setup would get ${what}.`;
  return (
    `Run sweep trains ${setups} setup${setups === 1 ? '' : 's'} (${widths} × ${starts}) × ${what}: ` +
    `${formatInteger(total)} epochs in all, in background workers on ${cores} core${cores === 1 ? '' : 's'}.`
  );
}
