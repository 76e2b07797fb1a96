// What the deeper-network widget draws: the loss curves of one or two networks (log loss against
// epochs, Var(y) and the best plane as baselines) and, per network, its size, where it ended, its
// dead units per layer and its stable rate at both ends. Pure: server and client draw with it.
import { formatInteger, formatNumber } from '../../experiments/format';
import type { DeepNetworkRun, DeepRun } from '../../experiments/deep-network/run';
import { downsampleIndicesLog } from '../kit/downsample';
import { lineChart, SERIES_COLORS, SERIES_DASHES } from '../kit/lineChart';
import type { SvgNode } from '../kit/svg';

export const LOSS_WIDTH = 700;
export const LOSS_HEIGHT = 320;
/** Points drawn per curve: enough for a smooth picture of 50,000 epochs. */
const POINTS = 600;

const n4 = (v: number) => formatNumber(v);

/** "0 of 3, 1 of 3" — dead units of each hidden layer. */
export function deadText(dead: readonly number[], widths: readonly number[]): string {
  return dead.map((d, l) => `${d} of ${widths[l]}`).join(', ');
}

function curve(run: DeepRun) {
  const idx = downsampleIndicesLog(run.losses.length, (i) => run.losses[i], POINTS);
  return { x: idx, y: idx.map((i) => run.losses[i]) };
}

export function lossPanel(result: DeepNetworkRun): SvgNode {
  const series = result.runs.map((run, k) => ({ label: run.label, ...curve(run), color: SERIES_COLORS[k], dash: SERIES_DASHES[k] }));
  const names = result.runs.map((r) => r.label).join(' and ');
  const ends = result.runs.map((r) => `${r.label} ends at ${n4(r.finalLoss)}`).join('; ');
  return lineChart({
    width: LOSS_WIDTH,
    height: LOSS_HEIGHT,
    title: `Loss of ${names} over ${formatInteger(result.config.epochs)} epochs`,
    description: `${ends}; Var(y) = ${n4(result.varY)}, the best plane ${n4(result.planeLoss)}.`,
    x: { label: 'epoch', type: 'symlog' },
    y: { label: 'loss L (log scale)', type: 'log' },
    series,
    // Above the plot: at its top left the names sat on the curves, which start there (2-6-1 on its own).
    legend: 'above',
    references: [
      { value: result.varY, label: `Var(y) ${n4(result.varY)}` },
      { value: result.planeLoss, label: `best plane ${n4(result.planeLoss)}`, dash: '2 4' },
    ],
  });
}

/** The readout, by key: a.* for the first network, b.* for the comparison ('—' when there is none). */
export function deepNumbers(result: DeepNetworkRun): Record<string, string> {
  const numbers: Record<string, string> = { varY: n4(result.varY), plane: n4(result.planeLoss) };
  (['a', 'b'] as const).forEach((key, k) => {
    const run = result.runs[k];
    const set = (name: string, value: string) => (numbers[`${key}.${name}`] = run ? value : '—');
    set('label', run?.label ?? '');
    set('parameters', run ? formatInteger(run.parameterCount) : '');
    set('loss', run ? n4(run.finalLoss) : '');
    set('r2', run ? n4(1 - run.finalLoss / result.varY) : '');
    set('deadStart', run ? deadText(run.deadStart, run.widths) : '');
    set('deadEnd', run ? deadText(run.deadEnd, run.widths) : '');
    set('limitStart', run ? n4(run.limitStart) : '');
    set('limitEnd', run ? n4(run.limitEnd) : '');
    set('status', run ? (run.status === 'ok' ? `trained ${formatInteger(run.epochs)} epochs` : `diverged at epoch ${formatInteger(run.epochs)}`) : '');
  });
  return numbers;
}

export const READOUT_ROWS: readonly (readonly [string, string])[] = [
  ['label', 'network'],
  ['parameters', 'parameters'],
  ['loss', 'final loss L'],
  ['r2', 'R² = 1 − L/Var(y)'],
  ['deadStart', 'dead units per hidden layer at the start'],
  ['deadEnd', 'dead units per hidden layer at the end'],
  ['limitStart', 'stable rate 2/λmax at the start'],
  ['limitEnd', 'stable rate 2/λmax at the end'],
  ['status', 'run'],
];

/** A few epochs of each curve for the table (the text alternative to the chart). */
export function lossRows(result: DeepNetworkRun): string[][] {
  const last = Math.max(...result.runs.map((r) => r.losses.length - 1));
  const epochs = [0, 1, 10, 100, 1000, 10_000, 20_000, 50_000].filter((e) => e < last).concat(last);
  return epochs.map((e) => [formatInteger(e), ...result.runs.map((r) => (e < r.losses.length ? n4(r.losses[e]) : '—'))]);
}

export interface DeepNetworkScene {
  panels: { loss: SvgNode };
  numbers: Record<string, string>;
  tables: { losses: string[][] };
}

export function deepNetworkScene(result: DeepNetworkRun): DeepNetworkScene {
  return { panels: { loss: lossPanel(result) }, numbers: deepNumbers(result), tables: { losses: lossRows(result) } };
}
