// What the symmetry widget draws, as pure functions of a run: the loss against Var(y) and the
// one- and two-unit levels, unit 1's parameters traced against unit 2's, the gap between the
// two units on a log axis, and h1 against h2 for every sample. The server draws these at build
// time; the custom element redraws them with the same functions.
import { relu } from '../../trainer/activation';
import { rSquared } from '../../trainer/loss';
import { unitGap } from '../../trainer/symmetry';
import { chartFrame, chartSvg } from '../kit/chart';
import { downsampleIndicesLog } from '../kit/downsample';
import { formatInteger, formatLoss, formatNumber, formatPowerOfTen, formatR2, formatScaled } from '../../experiments/format';
import { lineChart, SERIES_COLORS } from '../kit/lineChart';
import { scatterChart } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { tableEpochs, unitSummary } from '../../experiments/training/report';
import { firstBelow, paramsAt, type SymmetryRun, type WidthLevels } from '../../experiments/symmetry/run';
import { textClass, textSizeOnPhone } from '../kit/type';

export const PANEL_WIDTH = 420;
export const PANEL_HEIGHT = 300;
/** The pairs' names at the right end of the traces: their size on a phone (kit/type.ts) and the margin that holds 'W1 · W2'. */
const NAME_SIZE = textSizeOnPhone('small', PANEL_WIDTH);
const NAMES_MARGIN = Math.ceil(8 + 7 * 0.6 * NAME_SIZE);
const BUCKETS = 160;

/** Unit 1's parameter and its partner in unit 2, by the job they do. */
export const UNIT_PAIRS = [
  { unit1: 0, unit2: 1, names: 'W1 · W2', job: 'weight from x1' },
  { unit1: 2, unit2: 3, names: 'W3 · W4', job: 'weight from x2' },
  { unit1: 4, unit2: 5, names: 'W5 · W6', job: 'weight to ŷ' },
  { unit1: 6, unit2: 7, names: 'B1 · B2', job: 'bias' },
] as const;

/** The epochs worth drawing on the symlog epoch axis, and their values. */
function seriesOf(length: number, valueAt: (e: number) => number) {
  const x = downsampleIndicesLog(length, valueAt, BUCKETS);
  return { x, y: x.map(valueAt) };
}

/** Values this large (a diverged run) get a wider margin and fewer ticks, so their labels fit. */
const HUGE = 1e6;
const hugeAxis = (lo: number, hi: number) => Math.max(Math.abs(lo), Math.abs(hi)) >= HUGE;

/** Epoch 0 and the first steps get as much room as the thousandth: most of the action is early. */
const epochAxis = (run: SymmetryRun) => ({ label: 'epoch (logarithmic from 1 on)', type: 'symlog' as const, domain: [0, Math.max(10, run.config.epochs)] as [number, number] });

export function lossPanel(run: SymmetryRun, levels: WidthLevels, tied: SymmetryRun | null): SvgNode {
  const own = seriesOf(run.losses.length, (e) => run.losses[e]);
  const series = [
    { label: tied ? `nudged start (ε = ${formatNumber(run.config.epsilon)})` : 'tied start (ε = 0)', x: own.x, y: own.y, color: SERIES_COLORS[0], dash: '' },
  ];
  if (tied) {
    const t = seriesOf(tied.losses.length, (e) => tied.losses[e]);
    series.push({ label: 'tied start (ε = 0)', x: t.x, y: t.y, color: 'var(--muted, #555)', dash: '6 4' });
  }
  const last = run.losses[run.epochs];
  return lineChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 30, right: 16, bottom: 44, left: 56 },
    heading: 'Loss L per epoch',
    title: `Loss per epoch on a logarithmic axis: ${formatLoss(run.losses[0])} at the start, ${formatLoss(last)} after ${formatInteger(run.epochs)} epochs.`,
    description:
      `Dashed lines: Var(y) = ${formatNumber(run.varY)} (predicting the mean), the lowest loss one hidden unit reaches (${formatNumber(levels.oneUnit)}) ` +
      `and the lowest two units reach (${formatNumber(levels.twoUnits)}). Two tied units can never get below the one-unit line.`,
    x: epochAxis(run),
    // A diverging run's powers of ten as 10⁵⁰, not 1e+50, so they fit beside the axis title.
    y: { label: 'loss L (log scale)', type: 'log', ...(hugeAxis(0, Math.max(...own.y.filter(Number.isFinite))) ? { format: formatScaled, ticks: 4 } : {}) },
    series,
    references: [
      { value: run.varY, label: 'Var(y): predict the mean' },
      { value: levels.oneUnit, label: 'best with one unit', color: 'var(--c-vermillion-text, #b34700)', dash: '2 3' },
      { value: levels.twoUnits, label: 'best with two units', color: 'var(--c-green-text, #00704f)', dash: '8 3' },
    ],
  });
}

/** Unit 1's four parameters (wide, pale bands) with unit 2's drawn over them (thin, dashed). */
export function tracesPanel(run: SymmetryRun): SvgNode {
  const E = run.epochs;
  let lo = Infinity, hi = -Infinity;
  const pairs = UNIT_PAIRS.map((pair) => {
    const value = (index: number) => (e: number) => paramsAt(run, e)[index];
    const one = seriesOf(E + 1, value(pair.unit1));
    const two = seriesOf(E + 1, value(pair.unit2));
    for (const v of [...one.y, ...two.y]) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    return { pair, one, two };
  });
  if (!(hi >= lo)) [lo, hi] = [-1, 1];
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 30, right: NAMES_MARGIN, bottom: 44, left: hugeAxis(lo, hi) ? 84 : 56 },
    heading: 'Unit 1 (bands), unit 2 (dashed)',
    title: run.firstDifferent < 0
      ? `Unit 1’s and unit 2’s parameters over ${formatInteger(E)} epochs: every pair lies exactly on top of each other.`
      : `Unit 1’s and unit 2’s parameters over ${formatInteger(E)} epochs; the largest difference at the end is ${formatNumber(unitGap(paramsAt(run, E)))}.`,
    description: 'Four pairs: W1 and W2 (from x1), W3 and W4 (from x2), W5 and W6 (to the output), B1 and B2 (biases). Where a dashed line runs inside its band, the two units agree.',
    x: epochAxis(run),
    y: { label: 'parameter value', domain: [lo, hi], ticks: hugeAxis(lo, hi) ? 4 : undefined },
  });
  const path = (s: { x: number[]; y: number[] }) => {
    let d = '';
    let pen = false;
    s.x.forEach((e, i) => {
      const v = s.y[i];
      if (!Number.isFinite(v)) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${round(frame.x(e))},${round(frame.y(v))}`;
      pen = true;
    });
    return d;
  };
  const content: SvgNode[] = [];
  const ends: { y: number; text: string; color: string }[] = [];
  pairs.forEach(({ pair, one, two }, k) => {
    const color = SERIES_COLORS[k];
    content.push(
      h('g', { class: 'sy-pair', 'data-pair': pair.names }, [
        h('path', { class: 'sy-unit1', d: path(one), fill: 'none', stroke: color, 'stroke-width': 7, 'stroke-opacity': 0.3, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }),
        h('path', { class: 'sy-unit2', d: path(two), fill: 'none', stroke: color, 'stroke-width': 1.6, 'stroke-dasharray': '5 3', 'stroke-linejoin': 'round' }),
      ]),
    );
    const end = one.y[one.y.length - 1];
    if (Number.isFinite(end)) ends.push({ y: frame.y(end), text: pair.names, color });
  });
  // Names at the right end of each pair, pushed apart so they never overprint.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) ends[i].y = Math.max(ends[i].y, ends[i - 1].y + 1.15 * NAME_SIZE);
  content.push(
    h(
      'g',
      { class: textClass('small', 'sy-names'), fill: 'currentColor' },
      ends.map((e) => h('text', { x: frame.plot.right + 4, y: round(e.y), dy: '0.32em' }, e.text)),
    ),
  );
  return chartSvg(frame, content);
}

/** The largest difference between the two units' parameters after each epoch (0 when tied). */
export function gapSeries(run: SymmetryRun): Float64Array {
  return Float64Array.from({ length: run.epochs + 1 }, (_, e) => unitGap(paramsAt(run, e)));
}

export function gapPanel(run: SymmetryRun, gaps: Float64Array = gapSeries(run)): SvgNode {
  const positive = Array.from(gaps).filter((g) => g > 0 && Number.isFinite(g));
  const lo = positive.length ? Math.min(...positive) : 1e-8;
  const hi = positive.length ? Math.max(...positive) : 1;
  // At least three powers of ten, so a gap that barely changes reads as a flat line.
  const domain: [number, number] = [Math.min(lo / 10, hi / 1000), Math.max(hi * 10, lo * 1000)];
  const { x, y } = seriesOf(gaps.length, (e) => gaps[e]);
  const tied = positive.length === 0;
  const svg = lineChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 30, right: 16, bottom: 44, left: 56 },
    heading: 'How far apart the two units are',
    title: tied
      ? `The difference between unit 1 and unit 2 is exactly 0 at every one of the ${formatInteger(run.epochs)} epochs.`
      : `The largest difference between unit 1’s and unit 2’s parameters: ${formatNumber(gaps[0])} at the start, ${formatNumber(gaps[run.epochs])} after ${formatInteger(run.epochs)} epochs.`,
    description: 'The largest of |W1 − W2|, |W3 − W4|, |W5 − W6| and |B1 − B2| after each epoch, on a logarithmic axis. Zero cannot be drawn on a log axis: a tied run shows no line.',
    x: epochAxis(run),
    y: { label: 'largest |unit 1 − unit 2| (log)', type: 'log', domain, ticks: 4, format: (v) => formatPowerOfTen(v) },
    series: [{ label: 'gap', x, y, color: SERIES_COLORS[1] }],
  });
  if (!tied) return svg;
  const note = h('g', { class: textClass('title', 'sy-tied-note'), 'font-weight': 600, fill: 'currentColor', 'text-anchor': 'middle' }, [
    h('text', { x: PANEL_WIDTH / 2 + 20, y: PANEL_HEIGHT / 2 - 8 }, 'unit 1 − unit 2 = 0 exactly,'),
    h('text', { x: PANEL_WIDTH / 2 + 20, y: PANEL_HEIGHT / 2 + 10 }, 'bit for bit, at every epoch'),
  ]);
  return { ...svg, children: [...(svg.children ?? []), note] };
}

/** h1 against h2 for every sample at the last epoch: on the diagonal when the units are tied. */
export function activationsPanel(run: SymmetryRun): SvgNode {
  const p = paramsAt(run, run.epochs);
  const { data } = run;
  const h1 = new Float64Array(data.n), h2 = new Float64Array(data.n);
  for (let i = 0; i < data.n; i++) {
    h1[i] = relu(p[0] * data.x1[i] + p[2] * data.x2[i] + p[6]);
    h2[i] = relu(p[1] * data.x1[i] + p[3] * data.x2[i] + p[7]);
  }
  const all = [...h1, ...h2].filter(Number.isFinite);
  const top = all.length ? Math.max(1, ...all) : 1;
  const domain: [number, number] = [0, top * 1.05];
  const huge = hugeAxis(0, top);
  const onDiagonal = h1.every((v, i) => Object.is(v, h2[i]));
  return scatterChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    heading: `h1 against h2, epoch ${formatInteger(run.epochs)}`,
    title: onDiagonal
      ? `Each sample's h1 against its h2 after ${formatInteger(run.epochs)} epochs: all ${formatInteger(data.n)} points lie on the diagonal h1 = h2.`
      : `Each sample's h1 against its h2 after ${formatInteger(run.epochs)} epochs: the points leave the diagonal where the units disagree.`,
    description: 'One point per sample. On the dashed diagonal the two hidden units output the same number; two tied units can only ever put points there.',
    x: { label: 'h1 (unit 1’s output)', values: h1, domain, ticks: huge ? 3 : undefined },
    y: { label: 'h2 (unit 2’s output)', values: h2, domain, ticks: huge ? 4 : undefined },
    margin: huge ? { left: 84, right: 28 } : undefined,
    curves: [{ x: domain, y: domain, label: 'h1 = h2', color: 'var(--muted, #555)', dash: '5 4' }],
    curvesUnder: true,
    radius: 2.6,
  });
}

export type SymmetryNumbers = {
  /** The nudge in words, e.g. "W3 + 0.3: W3 ≠ W4 at the start". */
  nudge: string;
  epoch: string;
  loss: string;
  r2: string;
  varY: string;
  oneUnit: string;
  twoUnits: string;
  identical: string;
  gap: string;
  belowOneUnit: string;
  units: string;
};

export function symmetryNumbers(run: SymmetryRun, levels: WidthLevels, gaps: Float64Array = gapSeries(run)): SymmetryNumbers {
  const E = run.epochs;
  const loss = run.losses[E];
  const below = firstBelow(run.losses, levels.oneUnit);
  const identical =
    run.firstDifferent < 0
      ? `yes, bit for bit, after every one of the ${formatInteger(E)} epochs`
      : run.firstDifferent === 0
        ? 'no: the nudge made them differ from the start'
        : `no: they first differ after epoch ${formatInteger(run.firstDifferent)}`;
  const { nudge: name, epsilon } = run.config;
  const partner = { W1: 'W2', W3: 'W4', W5: 'W6', B1: 'B2' }[name];
  return {
    nudge: epsilon === 0 ? `${name} + 0: no nudge, the units start as exact twins` : `${name} + ${formatNumber(epsilon)}: ${name} ≠ ${partner} at the start`,
    epoch: formatInteger(E),
    loss: formatLoss(loss),
    r2: formatR2(rSquared(loss, run.varY)),
    varY: formatNumber(run.varY),
    oneUnit: formatNumber(levels.oneUnit),
    twoUnits: formatNumber(levels.twoUnits),
    identical,
    gap: gaps[E] === 0 ? '0 (exactly)' : formatNumber(gaps[E]),
    belowOneUnit: below < 0 ? `never, in ${formatInteger(E)} epochs` : `from epoch ${formatInteger(below)}`,
    units: unitSummary(run.data, paramsAt(run, E), 2),
  };
}

export const TABLE_COLUMNS = ['epoch', 'W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3', 'loss L'];

/** The text alternative: the nine parameters and the loss at epochs 0, 1, 2, 5, 10, … and the last. */
export function tableRows(run: SymmetryRun): string[][] {
  return tableEpochs(run.epochs).map((e) => [formatInteger(e), ...Array.from(paramsAt(run, e), (v) => formatNumber(v)), formatLoss(run.losses[e])]);
}

export interface SymmetryScene {
  panels: { loss: SvgNode; traces: SvgNode; gap: SvgNode; activations: SvgNode };
  numbers: SymmetryNumbers;
  tables: { rows: string[][] };
}

export function symmetryScene(run: SymmetryRun, levels: WidthLevels, tied: SymmetryRun | null): SymmetryScene {
  const gaps = gapSeries(run);
  return {
    panels: { loss: lossPanel(run, levels, tied), traces: tracesPanel(run), gap: gapPanel(run, gaps), activations: activationsPanel(run) },
    numbers: symmetryNumbers(run, levels, gaps),
    tables: { rows: tableRows(run) },
  };
}
