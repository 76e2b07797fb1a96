// What the extreme-starts widget draws, as pure functions of a run: the loss on a log axis
// beside Var(y) with the divergence marked, an R² meter, the size of every parameter's first
// steps, each hidden unit's state at the start and now, and the numbers that explain the run
// (the starting loss, λmax and the largest stable rate 2/λmax).
import { rSquared } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import type { UnitActivity } from '../../trainer/units';
import { downsampleIndicesLog } from '../kit/downsample';
import { formatInteger, formatLoss, formatNumber, formatR2, formatScaled } from '../../experiments/format';

export { formatScaled };
import { lineChart, SERIES_COLORS } from '../kit/lineChart';
import { meterScene } from '../kit/meter';
import type { SvgNode } from '../kit/svg';
import { FIRST_STEPS, type ExtremeRun } from '../../experiments/extreme-starts/run';

export const LOSS_WIDTH = 480;
export const LOSS_HEIGHT = 300;
export const METER_WIDTH = 320;
export const METER_HEIGHT = 80;


/** A loss of any size: powers of ten when huge, words when too large to represent. */
export function formatAnyLoss(loss: number): string {
  return Number.isFinite(loss) ? formatScaled(loss) : formatLoss(loss);
}

/**
 * The drawn losses and Var(y), widened to four powers of ten at least: a flat curve sits
 * mid-chart, and the axis is labelled (and gridded) at powers of ten only.
 */
function lossDomain(run: ExtremeRun, drawn: readonly number[]): [number, number] {
  const values = [...drawn.map((e) => run.losses[e]), run.varY].filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.min(...values), hi = Math.max(...values);
  const pad = Math.sqrt(Math.max(1, 1e4 / (hi / lo)));
  return [lo / pad, hi * pad];
}

export function lossPanel(run: ExtremeRun): SvgNode {
  const E = run.epochs;
  const x = downsampleIndicesLog(run.losses.length, (e) => run.losses[e], 160);
  const diverged = run.status === 'diverged';
  return lineChart({
    width: LOSS_WIDTH,
    height: LOSS_HEIGHT,
    margin: { top: 30, right: 16, bottom: 44, left: 64 },
    heading: 'Loss L per epoch (logarithmic axis)',
    title: diverged
      ? `The loss starts at ${formatAnyLoss(run.losses[0])} and becomes too large to represent at epoch ${formatInteger(run.divergedAt)}: the run diverged.`
      : `The loss starts at ${formatAnyLoss(run.losses[0])} and is ${formatAnyLoss(run.losses[E])} after ${formatInteger(E)} epochs; Var(y) is ${formatNumber(run.varY)}.`,
    description:
      'Both axes are logarithmic (the epoch axis from epoch 1 on), so a fall from 10²⁰ to 1 and a fall from 1 to 0.01 both show. ' +
      'The dashed line is Var(y), the loss of always predicting the mean: a run that ends on it has learned only the mean.',
    x: { label: 'epoch (logarithmic from 1 on)', type: 'symlog', domain: [0, Math.max(10, run.config.epochs)] },
    y: { label: 'loss L (log scale)', type: 'log', format: formatScaled, domain: lossDomain(run, x), ticks: 4 },
    series: [{ label: 'loss', x, y: x.map((e) => run.losses[e]), color: SERIES_COLORS[0] }],
    references: [{ value: run.varY, label: `Var(y) = ${formatNumber(run.varY)}: predict the mean`, offscale: 'edge' }],
    markers: diverged ? [{ x: run.divergedAt, label: `diverged at epoch ${formatInteger(run.divergedAt)}`, color: 'var(--c-vermillion, #d55e00)', dash: '6 3' }] : [],
  });
}

export function r2Meter(run: ExtremeRun): SvgNode {
  const r2 = rSquared(run.losses[run.epochs], run.varY);
  return meterScene({
    width: METER_WIDTH,
    height: METER_HEIGHT,
    value: r2,
    min: -1,
    max: 1,
    ticks: [
      { value: -1, label: '−1' },
      { value: 0, label: '0: the mean' },
      { value: 1, label: '1: perfect' },
    ],
    text: `R² = ${formatR2(r2)}`,
    title: `R² meter: R² = ${formatR2(r2)} after ${formatInteger(run.epochs)} epochs (0 means no better than predicting the mean, 1 a perfect fit).`,
    beyond: { below: 'far below: worse than the mean' },
  });
}

/** "dead (on for no sample)", "hinge (on for 150 of 300)", "linear (on for every sample)". */
export function unitState(activity: UnitActivity, k: number, n: number): string {
  const state = activity.states[k];
  if (state === 'dead') return 'dead: off for every sample';
  if (state === 'linear') return 'on for every sample: no bend';
  return `a hinge: on for ${formatInteger(activity.activeCounts[k])} of ${formatInteger(n)}`;
}

export const STEP_COLUMNS = ['parameter', 'start', ...Array.from({ length: FIRST_STEPS }, (_, i) => `step ${i + 1}`)];

/** One row per parameter: its start and how far each of the first steps moved it ('—' after the run stopped). */
export function stepRows(run: ExtremeRun): string[][] {
  return PARAMETER_NAMES.map((name, j) => [
    name,
    formatScaled(run.start[j]),
    ...Array.from({ length: FIRST_STEPS }, (_, s) => (s < run.steps.length ? formatScaled(run.steps[s][j]) : '—')),
  ]);
}

export type ExtremeNumbers = {
  epoch: string;
  loss0: string;
  loss: string;
  varY: string;
  r2: string;
  rate: string;
  lambdaMax: string;
  stableRate: string;
  ratio: string;
  outcome: string;
  unit1Start: string;
  unit1Now: string;
  unit2Start: string;
  unit2Now: string;
};

/** How η compares with the stable rate 2/λmax at the start, in words. */
export function rateComparison(rate: number, stable: number): string {
  const ratio = rate / stable;
  if (!Number.isFinite(ratio)) return 'no limit here';
  const times = ratio >= 0.01 && ratio < 100 ? formatNumber(ratio) : formatScaled(ratio);
  return ratio >= 1 ? `${times} × 2/λmax: unstable at the start` : `${times} × 2/λmax: stable at the start`;
}

export function extremeNumbers(run: ExtremeRun): ExtremeNumbers {
  const E = run.epochs;
  const loss = run.losses[E];
  const n = run.data.n;
  let outcome: string;
  if (run.status === 'diverged') outcome = `Diverged at epoch ${formatInteger(run.divergedAt)}: the loss became too large to represent, so training stopped.`;
  else if (run.unitsNow.states.every((s) => s === 'dead')) outcome = `Both hidden units are dead: only B3 can still learn, and the best it can do is predict the mean (loss Var(y)).`;
  else outcome = `Still finite after ${formatInteger(E)} epochs.`;
  return {
    epoch: formatInteger(E),
    loss0: formatAnyLoss(run.losses[0]),
    loss: formatAnyLoss(loss),
    varY: formatNumber(run.varY),
    r2: formatR2(rSquared(loss, run.varY)),
    rate: formatScaled(run.config.learningRate),
    lambdaMax: formatScaled(run.lambdaMax),
    stableRate: formatScaled(run.stableRate),
    ratio: rateComparison(run.config.learningRate, run.stableRate),
    outcome,
    unit1Start: unitState(run.unitsAtStart, 0, n),
    unit1Now: unitState(run.unitsNow, 0, n),
    unit2Start: unitState(run.unitsAtStart, 1, n),
    unit2Now: unitState(run.unitsNow, 1, n),
  };
}

export interface ExtremeScene {
  panels: { loss: SvgNode; meter: SvgNode };
  numbers: ExtremeNumbers;
  tables: { steps: string[][] };
}

export function extremeScene(run: ExtremeRun): ExtremeScene {
  return { panels: { loss: lossPanel(run), meter: r2Meter(run) }, numbers: extremeNumbers(run), tables: { steps: stepRows(run) } };
}

/**
 * What helps after a divergence, for the status line: a rate below the stable one at this start,
 * or a milder start. Stepping back or resetting would only replay the same blow-up. A setting a
 * teacher has locked is not suggested.
 */
export function divergenceAdvice(run: ExtremeRun, locked: (name: 'learningRate' | 'start') => boolean): string {
  const what = `The run diverged at epoch ${formatInteger(run.divergedAt)}: each step overshot by more than the last until the loss was too large to represent.`;
  const helps = [
    locked('learningRate') ? null : `a learning rate below 2/λmax ≈ ${formatScaled(run.stableRate)}, the largest stable rate at this start`,
    locked('start') ? null : 'a milder start',
  ].filter((h): h is string => h !== null);
  return helps.length ? `${what} What helps: ${helps.join(', or ')}.` : what;
}
