// What the operation counter shows: two tables (multiplications, additions) with each phase per
// sample, per epoch and over all epochs, from the formulas and as counted, side by side; a bar
// chart of one epoch's work by phase; and the totals in a sentence. Pure: the .astro draws the
// server state with it, the custom element redraws as the count proceeds.
import { chartFrame, chartSvg } from '../kit/chart';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { h, round, type SvgNode } from '../kit/svg';
import { operationsPerSample, parameterCount, type EpochCounts } from '../../trainer';
import { agrees, PHASES, type CountState, type Phase } from '../../experiments/operation-counter/count';
import { textClass, textSizeOnPhone } from '../kit/type';

export const CHART_WIDTH = 460;
export const CHART_HEIGHT = 290;
/** The words' size on a phone (kit/type.ts), where they are largest in viewBox units: the room they get. */
const TEXT = textSizeOnPhone('body', CHART_WIDTH);
const char = (text: string) => 0.6 * TEXT * [...text].length;

export const PHASE_LABELS: Record<Phase, string> = {
  forward: 'forward pass',
  loss: 'loss',
  backward: 'backward pass',
  update: 'update (once per epoch)',
};

export const TABLE_COLUMNS = ['phase', 'per sample', 'one epoch: formulas', 'one epoch: counted', 'all epochs: formulas', 'all epochs: counted'];

type Kind = 'multiplications' | 'additions';

const PENDING = 'counting…';

/** The per-sample count of one phase, in words where the mask makes it depend on the units. */
function perSample(state: CountState, phase: Phase, kind: Kind): string {
  const H = state.config.hidden;
  if (phase === 'update') return '–';
  const s = operationsPerSample(H);
  if (phase === 'backward' && kind === 'multiplications' && state.config.mask) return `${formatInteger(1 + H)} + 3 per unit that is on`;
  return formatInteger(s[phase][kind]);
}

function sum(counts: EpochCounts, kind: Kind): number {
  return PHASES.reduce((n, p) => n + counts[p][kind], 0);
}

/** Rows of one table: each phase, then the total. */
export function tableRows(state: CountState, kind: Kind): string[][] {
  const cell = (counts: EpochCounts | undefined, phase: Phase | 'total') =>
    counts ? formatInteger(phase === 'total' ? sum(counts, kind) : counts[phase][kind]) : PENDING;
  const done = state.epoch >= state.config.epochs;
  const rows = PHASES.map((phase) => [
    PHASE_LABELS[phase],
    perSample(state, phase, kind),
    cell(state.first?.formula, phase),
    cell(state.first?.counted, phase),
    cell(done ? state.all.formula : undefined, phase),
    cell(done ? state.all.counted : undefined, phase),
  ]);
  const H = state.config.hidden;
  const s = operationsPerSample(H);
  const perSampleTotal =
    kind === 'multiplications' && state.config.mask ? '–' : formatInteger(s.forward[kind] + s.loss[kind] + s.backward[kind]);
  rows.push([
    'total',
    perSampleTotal,
    cell(state.first?.formula, 'total'),
    cell(state.first?.counted, 'total'),
    cell(done ? state.all.formula : undefined, 'total'),
    cell(done ? state.all.counted : undefined, 'total'),
  ]);
  return rows;
}

/** The sentences under the tables: agreement, totals, the mask's active pairs, the ReLU comparisons. */
export function counterNumbers(state: CountState): Record<string, string> {
  const { config } = state;
  const done = state.epoch >= config.epochs;
  const first = state.first;
  const flops = (c: EpochCounts) => sum(c, 'multiplications') + sum(c, 'additions');
  const epochs = `${formatInteger(config.epochs)} epoch${config.epochs === 1 ? '' : 's'}`;
  const numbers: Record<string, string> = {
    epochs,
    progress: done ? `counted all ${epochs}` : `counted ${formatInteger(state.epoch)} of ${epochs}…`,
    agreement: done
      ? agrees(state.all.formula, state.all.counted) && first && agrees(first.formula, first.counted)
        ? 'The formulas and the counter agree in every cell.'
        : 'The formulas and the counter disagree somewhere: please report this page.'
      : 'Counting…',
    flopsEpoch: first ? formatInteger(flops(first.formula)) : PENDING,
    flopsAll: done ? formatInteger(flops(state.all.formula)) : PENDING,
    perParameter: first ? formatFixed(flops(first.formula) / (config.n * parameterCount(config.hidden)), 1) : PENDING,
    parameters: formatInteger(parameterCount(config.hidden)),
    comparisons: formatInteger(config.n * config.hidden),
    activePairs: first ? formatInteger(first.activePairs) : PENDING,
    lastActivePairs: done ? formatInteger(state.lastActivePairs) : PENDING,
    lastEpoch: formatInteger(config.epochs),
    pairs: formatInteger(config.n * config.hidden),
  };
  return numbers;
}

/** One epoch's multiplications and additions by phase, as horizontal bars (from the formulas). */
export function counterChart(state: CountState): SvgNode {
  const counts = state.first?.formula;
  const value = (p: Phase, kind: Kind) => (counts ? counts[p][kind] : 0);
  const largest = Math.max(1, ...PHASES.flatMap((p) => [value(p, 'multiplications'), value(p, 'additions')]));
  const frame = chartFrame({
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    // Room on the left for the longest phase label line, "backward pass" or "(per epoch)", and on the right for "× 3,300".
    margin: { top: 48, right: Math.ceil(char('× 33,000') + 8), bottom: 40, left: Math.ceil(char('backward pass') + 10) },
    x: { label: 'operations in one epoch', domain: [0, largest], ticks: 3 },
    y: { label: '', domain: [0, 1] },
    yAxis: false,
    title: `Multiplications and additions in one epoch by phase, ${formatInteger(state.config.hidden)} hidden units, ${formatInteger(state.config.n)} samples.`,
    description: counts
      ? PHASES.map((p) => `${PHASE_LABELS[p]}: ${formatInteger(value(p, 'multiplications'))} multiplications and ${formatInteger(value(p, 'additions'))} additions.`).join(' ')
      : 'Still counting.',
    heading: 'One epoch, by phase',
  });
  const { plot } = frame;
  const band = plot.height / PHASES.length;
  // Two bars a phase, each tall enough for the number written beside it.
  const bar = Math.min(Math.max(14, 1.1 * TEXT), band / 2 - 3);
  const nodes: SvgNode[] = [];
  const kinds: { kind: Kind; fill: string; sign: string }[] = [
    { kind: 'multiplications', fill: 'var(--c-blue, #0072b2)', sign: '×' },
    { kind: 'additions', fill: 'var(--c-orange, #e69f00)', sign: '+' },
  ];
  PHASES.forEach((p, i) => {
    const top = plot.top + i * band;
    // A long label ("update (once per epoch)") takes two lines, its aside under it, so it fits the margin.
    const [name, aside] = PHASE_LABELS[p].replace('once per epoch', 'per epoch').split(/ (?=\()/);
    const y = top + band / 2;
    nodes.push(
      aside
        ? h('text', { class: textClass('title'), x: plot.left - 8, y: round(y - 0.55 * TEXT), dy: '0.32em', 'text-anchor': 'end' }, [
            h('tspan', {}, name),
            h('tspan', { class: textClass('body'), x: plot.left - 8, dy: round(1.1 * TEXT) }, aside),
          ])
        : h('text', { class: textClass('title'), x: plot.left - 8, y: round(y), dy: '0.32em', 'text-anchor': 'end' }, name),
    );
    kinds.forEach(({ kind, fill, sign }, k) => {
      const y = round(top + band / 2 - bar - 1 + k * (bar + 2));
      const x1 = frame.x(value(p, kind));
      const w = round(Math.max(counts && value(p, kind) > 0 ? 1.5 : 0, x1 - plot.left));
      nodes.push(
        h('rect', { x: plot.left, y, width: w, height: round(bar), fill, stroke: 'currentColor', 'stroke-width': k === 1 ? 1 : 0, 'data-phase': p, 'data-kind': kind }),
        h('text', { class: textClass('body'), x: round(plot.left + w + 5), y: round(y + bar / 2), dy: '0.32em' }, counts ? `${sign} ${formatInteger(value(p, kind))}` : PENDING),
      );
    });
  });
  const legend = h('g', { class: textClass('body', 'oc-legend') }, [
    h('rect', { x: 8, y: 30, width: 12, height: 10, fill: 'var(--c-blue, #0072b2)' }),
    h('text', { x: 25, y: 35, dy: '0.32em' }, '× multiplications'),
    h('rect', { x: round(40 + char('× multiplications')), y: 30, width: 12, height: 10, fill: 'var(--c-orange, #e69f00)', stroke: 'currentColor' }),
    h('text', { x: round(57 + char('× multiplications')), y: 35, dy: '0.32em' }, '+ additions'),
  ]);
  return chartSvg(frame, [legend, h('g', { class: 'oc-bars', fill: 'currentColor' }, nodes)]);
}
