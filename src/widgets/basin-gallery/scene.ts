// The gallery's pieces, pure: one small card per run (its loss curve as a sparkline, its end
// state, loss and R²), the tally of end states, and the link that opens a run in the training
// console. The server draws them at build time; the browser builds the same cards as runs finish.
import { scaleLog } from 'd3-scale';
import { END_STATES, STATIONARY_GRADIENT_NORM } from '../../trainer/endState';
import type { SweepRun } from '../../trainer/sweep';
import { formatFixed, formatShort } from '../../experiments/format';
import { h, round, type SvgNode } from '../kit/svg';
import { figureRootAttrs, textClass } from '../kit/type';

export const CARD_WIDTH = 170;
// Rows for words 12 px tall on a card drawn about 137 px wide (about 15 units): seed, state, the
// sparkline, then loss and R², the gradient, and whether the run is at rest, each on its own line
// (at 112 units the gradient's line ran under the loss line and out of the card).
export const CARD_HEIGHT = 146;
/** Every sparkline shares this log axis, so cards can be compared at a glance. */
const SPARK_DOMAIN = [0.02, 30] as const;

/** Colour (Okabe–Ito) and a short mark per state; the state is always written out as well. */
export const STATE_STYLES: Record<string, { colour: string; mark: string }> = {
  'two hinges': { colour: '#009e73', mark: '●●' },
  'hinge + linear': { colour: '#0072b2', mark: '●◐' },
  'two linear': { colour: '#56b4e9', mark: '◐◐' },
  'hinge + dead': { colour: '#d55e00', mark: '●○' },
  'linear + dead': { colour: '#cc79a7', mark: '◐○' },
  'both dead': { colour: '#555555', mark: '○○' },
  diverged: { colour: '#000000', mark: '✕' },
};

export type GalleryState = (typeof END_STATES)[number] | 'diverged';

/** A run's end state, or 'diverged'. */
export function runState(run: SweepRun): GalleryState | string {
  return run.status === 'diverged' ? 'diverged' : (run.details?.state ?? run.units.join(' + '));
}

/** One line about a run, for its link's accessible name and the table. */
export function runSummary(run: SweepRun): string {
  const state = runState(run);
  if (state === 'diverged') return `Seed ${run.seed}: diverged at epoch ${run.epochs}.`;
  return `Seed ${run.seed}: ${state}, loss ${formatShort(run.finalLoss)}, R² ${formatFixed(run.rSquared, 2)}.`;
}

/**
 * The card's accessible name: the card is a link whose only content is this SVG, so the SVG is an
 * image named with the run's summary (its drawn text is a shorter form of the same).
 */
export function cardLabel(run: SweepRun): string {
  return `${runSummary(run)} Open it in the training console.`;
}

const cardRoot = (label: string, children: SvgNode[]) =>
  h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${CARD_WIDTH} ${CARD_HEIGHT}`, ...figureRootAttrs(CARD_WIDTH, CARD_HEIGHT), role: 'img', 'aria-label': label, focusable: 'false' }, children);

export function cardScene(run: SweepRun, varY: number): SvgNode {
  const state = runState(run);
  const style = STATE_STYLES[state] ?? STATE_STYLES['both dead'];
  const left = 12, right = CARD_WIDTH - 8, top = 44, bottom = 80;
  const y = scaleLog().domain(SPARK_DOMAIN).range([bottom, top]).clamp(true);
  const trace = run.details?.trace ?? [];
  const points = trace
    .map((v, i) => (Number.isFinite(v) && v > 0 ? `${i === 0 ? 'M' : 'L'}${round(left + ((right - left) * i) / Math.max(1, trace.length - 1))},${round(y(v))}` : ''))
    .filter(Boolean)
    .join('')
    .replace(/^L/, 'M');
  const norm = run.details?.gradientNorm;
  const resting = norm !== undefined && norm < STATIONARY_GRADIENT_NORM;
  const lines: SvgNode[] = [
    h('rect', { x: 0, y: 0, width: 6, height: CARD_HEIGHT, fill: style.colour }),
    h('text', { class: textClass('title'), x: left, y: 16, 'font-weight': 700, fill: 'currentColor' }, `seed ${run.seed}`),
    h('text', { class: textClass('body'), x: right, y: 16, 'text-anchor': 'end', fill: style.colour === '#000000' ? 'currentColor' : style.colour }, style.mark),
    h('text', { class: textClass('body'), x: left, y: 34, fill: 'currentColor' }, state),
    h('path', { d: `M${left},${round(y(varY))}H${right}`, stroke: 'currentColor', 'stroke-opacity': 0.5, 'stroke-dasharray': '3 2' }),
    h('path', { d: points, fill: 'none', stroke: style.colour === '#000000' ? 'currentColor' : style.colour, 'stroke-width': 1.8 }),
  ];
  if (state === 'diverged') {
    // The state line above already says diverged.
    lines.push(h('text', { class: textClass('body'), x: left, y: 100, fill: 'currentColor' }, `at epoch ${run.epochs}`));
  } else {
    lines.push(h('text', { class: textClass('body'), x: left, y: 100, fill: 'currentColor' }, `L ${formatShort(run.finalLoss)} · R² ${formatFixed(run.rSquared, 2)}`));
    if (norm !== undefined) {
      lines.push(
        h('g', { class: textClass('small'), fill: 'currentColor', 'fill-opacity': 0.8 }, [
          h('text', { x: left, y: 118 }, `|∇L| ${formatShort(norm)}`),
          h('text', { x: left, y: 136 }, resting ? 'at rest' : 'still moving'),
        ]),
      );
    }
  }
  return cardRoot(cardLabel(run), lines);
}

/** A card for a run that has not finished (yet), or was cancelled. */
export function pendingCardScene(seed: number, words: string): SvgNode {
  return cardRoot(`Seed ${seed}: ${words}`, [
    h('rect', { x: 0, y: 0, width: 6, height: CARD_HEIGHT, fill: 'currentColor', 'fill-opacity': 0.2 }),
    h('text', { class: textClass('title'), x: 12, y: 16, 'font-weight': 700, fill: 'currentColor' }, `seed ${seed}`),
    h('text', { class: textClass('body'), x: 12, y: 60, fill: 'currentColor', 'fill-opacity': 0.7 }, words),
  ]);
}

export interface TallyRow {
  state: string;
  runs: number;
  /** Median final loss and its R², as text. */
  medianLoss: string;
  medianR2: string;
  atRest: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** How many runs ended in each state (in the order of END_STATES, then diverged), finished runs only. */
export function tally(runs: readonly (SweepRun | undefined)[], varY: number): TallyRow[] {
  const done = runs.filter((r): r is SweepRun => r !== undefined);
  const order: string[] = [...END_STATES, 'diverged'];
  const seen = new Set(done.map(runState));
  return [...order.filter((s) => seen.has(s)), ...[...seen].filter((s) => !order.includes(s))].map((state) => {
    const mine = done.filter((r) => runState(r) === state);
    const loss = state === 'diverged' ? NaN : median(mine.map((r) => r.finalLoss));
    return {
      state,
      runs: mine.length,
      medianLoss: state === 'diverged' ? '—' : formatShort(loss),
      medianR2: state === 'diverged' ? '—' : formatFixed(1 - loss / varY, 2),
      atRest: mine.filter((r) => (r.details?.gradientNorm ?? Infinity) < STATIONARY_GRADIENT_NORM).length,
    };
  });
}
