// What the network-spectrum widget shows: the nine eigenvalues of the exact Hessian and of the
// Gauss–Newton matrix at the chosen epoch, as two rows of points on one axis (negative ones left
// of 0: saddle directions, which only the Hessian has); λmax of both along the training run, with
// the level 2/η above which the run's rate overshoots, and the chosen epoch marked. Pure.
import { formatInteger, formatNumber } from '../../experiments/format';
import type { SpectrumRun } from '../../experiments/spectrum/run';
import { chartFrame, chartSvg } from '../kit/chart';
import { lineChart } from '../kit/lineChart';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { COLOURS, NEUTRALS, TEXT_COLOURS } from '../kit/palette';
import { textClass, textSizeOnPhone } from '../kit/type';

export const SPECTRUM_WIDTH = 440;
export const SPECTRUM_HEIGHT = 300;
const HESSIAN = { color: COLOURS.vermillion, shape: 'diamond' as const, label: 'exact Hessian' };
const GAUSS_NEWTON = { color: COLOURS.blue, shape: 'circle' as const, label: 'Gauss–Newton' };

export const SPECTRUM_COLUMNS = ['', 'exact Hessian', 'Gauss–Newton'];

export interface SpectrumScene {
  panels: { spectrum: SvgNode; lambda: SvgNode };
  numbers: Record<string, string>;
  tables: { eigenvalues: string[][] };
}

function spectrumPanel(run: SpectrumRun): SvgNode {
  const all = [...run.hessian.eigenvalues, ...run.gaussNewton.eigenvalues];
  const reach = Math.max(1, ...all.map(Math.abs));
  const negatives = [...run.hessian.eigenvalues].filter((v) => v < -1e-9).length;
  const frame = chartFrame({
    width: SPECTRUM_WIDTH,
    height: SPECTRUM_HEIGHT,
    // Room for the rows' names, "exact Hessian", at their size on a phone (kit/type.ts).
    margin: { left: Math.ceil(0.6 * textSizeOnPhone('body', SPECTRUM_WIDTH) * 'exact Hessian'.length + 12), top: 34 },
    heading: `The nine eigenvalues at epoch ${formatInteger(run.at)}`,
    title: `The eigenvalues of the exact Hessian and of the Gauss–Newton matrix at epoch ${formatInteger(run.at)}.`,
    description:
      `Each point is one eigenvalue: the curvature of the loss along one direction in the space of the nine parameters. The exact Hessian's largest is ${formatNumber(run.hessian.lambdaMax)}, Gauss–Newton's ${formatNumber(run.gaussNewton.lambdaMax)}. ` +
      (negatives ? `${negatives} of the Hessian's eigenvalues are negative, down to ${formatNumber(run.hessian.lambdaMin)}: along those directions the loss curves down, a saddle. Gauss–Newton cannot show that; its eigenvalues are never negative.` : 'None of the Hessian’s eigenvalues is clearly negative here.'),
    x: { label: 'eigenvalue (symmetric log scale)', type: 'symlog', domain: [-reach, reach] },
    y: { label: '', domain: [0, 3], nice: false },
    yAxis: false,
  });
  const content: SvgNode[] = [];
  const zero = frame.x(0);
  content.push(h('path', { d: `M${round(zero)},${frame.plot.top}V${frame.plot.bottom}`, stroke: 'currentColor', 'stroke-opacity': 0.5, 'stroke-dasharray': '3 3' }));
  [
    { style: HESSIAN, values: run.hessian.eigenvalues, row: 2 },
    { style: GAUSS_NEWTON, values: run.gaussNewton.eigenvalues, row: 1 },
  ].forEach(({ style, values, row }) => {
    const y = frame.y(row);
    content.push(h('text', { class: textClass('body'), x: frame.plot.left - 8, y, dy: '0.32em', 'text-anchor': 'end', fill: 'currentColor' }, style.label));
    content.push(h('path', { d: `M${frame.plot.left},${round(y)}H${frame.plot.right}`, stroke: 'currentColor', 'stroke-opacity': 0.15 }));
    const d = [...values].map((v) => markerPath(style.shape, frame.x(v), y, 5)).join('');
    content.push(h('path', { d, fill: style.color, 'fill-opacity': 0.8, stroke: NEUTRALS.bg, 'stroke-width': 0.8, 'data-points': style === HESSIAN ? 'hessian' : 'gauss-newton' }));
  });
  return chartSvg(frame, content);
}

function lambdaPanel(run: SpectrumRun): SvgNode {
  const E = run.losses.length - 1;
  const threshold = 2 / run.config.learningRate;
  return lineChart({
    width: SPECTRUM_WIDTH,
    height: SPECTRUM_HEIGHT,
    heading: 'λmax along the run',
    title: `The largest eigenvalue of both matrices over ${formatInteger(E)} epochs of training with η = ${formatNumber(run.config.learningRate)}.`,
    description: `Where λmax is above 2/η = ${formatNumber(threshold)}, a step of this rate overshoots along the steepest direction. The vertical line marks epoch ${formatInteger(run.at)}.`,
    x: { label: 'epoch', type: 'symlog', domain: [0, Math.max(1, E)] },
    y: { label: 'λmax (log scale)', type: 'log' },
    series: [
      { label: HESSIAN.label, x: run.epochs, y: run.hessianMax, color: HESSIAN.color, dash: '' },
      { label: GAUSS_NEWTON.label, x: run.epochs, y: run.gaussNewtonMax, color: GAUSS_NEWTON.color, dash: '6 3' },
    ],
    references: [{ value: threshold, label: '2/η: unstable above', color: TEXT_COLOURS.green, dash: '2 3' }],
    // No label on the marker: at epoch 0 it would sit on the legend; the readout names the epoch.
    markers: [{ x: run.at, color: 'currentColor', dash: '3 3' }],
  });
}

export function spectrumScene(run: SpectrumRun): SpectrumScene {
  const negatives = [...run.hessian.eigenvalues].filter((v) => v < -1e-9).length;
  const numbers: Record<string, string> = {
    at: formatInteger(run.at),
    loss: formatNumber(run.losses[Math.min(run.at, run.losses.length - 1)]),
    hessianMax: formatNumber(run.hessian.lambdaMax),
    gaussNewtonMax: formatNumber(run.gaussNewton.lambdaMax),
    hessianMin: formatNumber(run.hessian.lambdaMin),
    negatives: formatInteger(negatives),
    limit: formatNumber(run.hessian.stableLearningRate),
    rate: formatNumber(run.config.learningRate),
  };
  const rows = Array.from(run.hessian.eigenvalues, (v, i) => [String(i + 1), formatNumber(v), formatNumber(run.gaussNewton.eigenvalues[i])]);
  return { panels: { spectrum: spectrumPanel(run), lambda: lambdaPanel(run) }, numbers, tables: { eigenvalues: rows } };
}
