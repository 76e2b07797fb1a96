// Everything the generalisation widget shows for one run: the training and held-out losses on one
// chart with the noise floor and the mean's baseline, early stopping's epoch marked; the fit
// against the noise-free truth for every sample, training and held-out; the numbers beside them
// and a loss table as the figure's text alternative. Pure: the .astro draws the server figure
// with it at build time, the custom element every change.
import { predictAll } from '../../trainer/network';
import { rSquared } from '../../trainer/loss';
import { formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { tableEpochs } from '../../experiments/training/report';
import { trueTargets, type GeneralisationRun } from '../../experiments/generalisation/run';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { downsampleIndicesLog } from '../kit/downsample';
import { lineChart } from '../kit/lineChart';
import { markerPath, type Shape } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { COLOURS, NEUTRALS, TEXT_COLOURS } from '../kit/palette';
import { textClass } from '../kit/type';
import { legendRow } from '../kit/legendRow';

export const PANEL_WIDTH = 440;
export const PANEL_HEIGHT = 340;
const BUCKETS = 160;

export type FitAt = 'end' | 'best';

const TRAIN = { color: COLOURS.blue, shape: 'circle' as Shape, words: 'training samples' };
const TEST = { color: COLOURS.vermillion, shape: 'diamond' as Shape, words: 'held-out samples' };
const FLOOR_COLOR = TEXT_COLOURS.green;

export interface GeneralisationScene {
  panels: { loss: SvgNode; fit: SvgNode };
  numbers: Record<string, string>;
  tables: { losses: string[][] };
  /** 'memorising' when the training loss ends below the noise floor, 'diverged', or 'ok'. */
  state: 'memorising' | 'diverged' | 'ok';
}

export const LOSS_COLUMNS = ['epoch', 'training loss', 'held-out loss', 'held-out R²'];

function lossPanel(run: GeneralisationRun): SvgNode {
  const E = run.trainLosses.length - 1;
  const keep = (values: Float64Array) => downsampleIndicesLog(values.length, (i) => values[i], BUCKETS);
  const series = [
    { label: 'training loss', values: run.trainLosses, color: TRAIN.color, dash: '' },
    { label: 'held-out loss', values: run.testLosses, color: TEST.color, dash: '7 4' },
  ].map((s) => {
    const indices = keep(s.values);
    return { label: s.label, x: indices, y: indices.map((i) => s.values[i]), color: s.color, dash: s.dash };
  });
  const best = run.bestEpoch;
  return lineChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    heading: 'Training and held-out loss',
    title: `Training and held-out loss over ${formatInteger(E)} epochs, with the noise floor ${formatNumber(run.floor)}.`,
    description:
      `The solid blue curve is the loss on the ${formatInteger(run.split.train.n)} samples the network trains on; the dashed orange curve is the loss on the ${formatInteger(run.split.test.n)} held-out samples it never sees. ` +
      `The green dotted line is the noise floor, the lowest loss any predictor can expect on new samples: a training loss below it fits the noise of those very samples. ` +
      (best >= 0 ? `The vertical line marks epoch ${formatInteger(best)}, where the held-out loss was lowest: early stopping keeps that network.` : ''),
    x: { label: 'epoch', type: 'symlog', domain: [0, Math.max(1, E)] },
    y: { label: 'loss (log scale)', type: 'log' },
    series,
    references: [
      { value: run.floor, label: 'noise floor', color: FLOOR_COLOR, dash: '2 3' },
      { value: run.trainBaseline, label: 'Var(y): predict the mean' },
    ],
    // The legend in its own row: inside the plot it met Var(y)'s label on a phone. The marker's label
    // short enough to fit beside its line on either side (the epoch is on the axis and in the numbers).
    legend: 'above',
    markers: best >= 0 ? [{ x: best, label: 'best held-out', color: 'currentColor', dash: '3 3' }] : [],
  });
}

function legend(frame: ChartFrame): SvgNode {
  const entries = [TRAIN, TEST].map((style) => ({ mark: (x: number, y: number) => h('path', { d: markerPath(style.shape, x + 11, y, 4.5), fill: style.color }), text: style.words }));
  // One row from the figure's left edge, above the top y label.
  return legendRow(entries, 8, frame.width - 8, 34, frame.axisLayout.tick).node;
}

function fitPanel(run: GeneralisationRun, at: FitAt): SvgNode {
  const params = at === 'best' ? run.bestParams : run.params;
  const H = run.config.hidden;
  const parts = [
    { style: TRAIN, data: run.split.train },
    { style: TEST, data: run.split.test },
  ].map(({ style, data }) => ({ style, truth: trueTargets(data), predicted: predictAll(params, data, H) }));
  let lo = Infinity, hi = -Infinity;
  for (const p of parts) {
    for (const v of [...p.truth, ...p.predicted]) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(hi > lo)) [lo, hi] = [-1, 1];
  const when = at === 'best' ? `at epoch ${formatInteger(run.bestEpoch)}, the best held-out loss` : `after ${formatInteger(run.trainLosses.length - 1)} epochs`;
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 52 },
    heading: 'The fit against the noise-free truth',
    title: `The network's prediction against the true x1² + x2 for every sample, ${when}.`,
    description:
      'Across: the noise-free value x1² + x2 of each sample, in the units the network sees; up: what the network predicts there. ' +
      'A point on the diagonal is predicted exactly as the truth, without the noise. Blue circles are training samples, orange diamonds held-out samples: ' +
      'a network that memorised its training samples moves them off the diagonal by their own noise, and the held-out samples scatter further.',
    x: { label: 'true x1² + x2 (scaled)', domain: [lo, hi] },
    y: { label: 'prediction ŷ', domain: [lo, hi] },
  });
  const [d0, d1] = frame.xDomain;
  const content: SvgNode[] = [
    h('path', {
      class: 'np-diagonal',
      d: `M${round(frame.x(d0))},${round(frame.y(d0))}L${round(frame.x(d1))},${round(frame.y(d1))}`,
      stroke: 'currentColor',
      'stroke-opacity': 0.6,
      'stroke-dasharray': '4 4',
      fill: 'none',
    }),
  ];
  for (const p of parts) {
    const d: string[] = [];
    p.truth.forEach((t, i) => {
      const y = p.predicted[i];
      if (Number.isFinite(t) && Number.isFinite(y)) d.push(markerPath(p.style.shape, frame.x(t), frame.y(Math.max(d0, Math.min(d1, y))), 3.2));
    });
    content.push(h('path', { d: d.join(''), fill: p.style.color, stroke: NEUTRALS.bg, 'stroke-width': 0.5, 'data-points': p.style === TRAIN ? 'train' : 'test' }));
  }
  content.push(legend(frame));
  return chartSvg(frame, content);
}

/** `advice` follows a divergence: the element passes its lock-aware suggest() (none under a locked η). */
export function generalisationScene(run: GeneralisationRun, at: FitAt = 'end', advice = ' Try a smaller learning rate.'): GeneralisationScene {
  const E = run.trainLosses.length - 1;
  const trainEnd = run.trainLosses[E];
  const testEnd = run.testLosses[E];
  const trainAtBest = run.bestEpoch >= 0 ? run.trainLosses[run.bestEpoch] : NaN;
  const state = run.status === 'diverged' ? 'diverged' : trainEnd < run.floor ? 'memorising' : 'ok';
  const numbers: Record<string, string> = {
    trainN: formatInteger(run.split.train.n),
    testN: formatInteger(run.split.test.n),
    epochs: formatInteger(E),
    floor: formatNumber(run.floor),
    trainBaseline: formatNumber(run.trainBaseline),
    testBaseline: formatNumber(run.testBaseline),
    trainLoss: formatLoss(trainEnd),
    testLoss: formatLoss(testEnd),
    trainR2: formatR2(rSquared(trainEnd, run.trainBaseline)),
    testR2: formatR2(rSquared(testEnd, run.testBaseline)),
    bestEpoch: run.bestEpoch >= 0 ? formatInteger(run.bestEpoch) : 'none',
    bestTestLoss: formatLoss(run.bestTestLoss),
    bestTestR2: formatR2(rSquared(run.bestTestLoss, run.testBaseline)),
    trainAtBest: formatLoss(trainAtBest),
    stopEpoch: run.stopEpoch >= 0 ? `stops at epoch ${formatInteger(run.stopEpoch)}` : 'never runs out of patience',
    verdict: verdict(run, state, trainEnd, testEnd, advice),
  };
  const rows = tableEpochs(E).map((e) => [formatInteger(e), formatLoss(run.trainLosses[e]), formatLoss(run.testLosses[e]), formatR2(rSquared(run.testLosses[e], run.testBaseline))]);
  return { panels: { loss: lossPanel(run), fit: fitPanel(run, at) }, numbers, tables: { losses: rows }, state };
}

/** One sentence on what the run did: memorised, fitted, or diverged. */
function verdict(run: GeneralisationRun, state: GeneralisationScene['state'], trainEnd: number, testEnd: number, advice: string): string {
  if (state === 'diverged') return `${run.message}${advice}`;
  if (state === 'memorising') {
    return `The training loss ends below the noise floor: the network fits the noise of its ${formatInteger(run.split.train.n)} training samples, which no new sample shares. The held-out loss is ${formatLoss(testEnd)}, ${formatNumber(testEnd / run.floor)} times the floor.`;
  }
  return `The training loss ends above the noise floor (${formatLoss(trainEnd)} against ${formatNumber(run.floor)}): the network has not fitted the noise, and its held-out loss is ${formatLoss(testEnd)}.`;
}
