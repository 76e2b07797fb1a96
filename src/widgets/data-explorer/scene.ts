// Everything the data explorer shows, computed from a Dataset: the two scatter panels, the
// numbers beside them and the first rows of the data. Pure, so the .astro draws the server
// figure with it at build time and the custom element redraws with it on every change.
import { applyScale, targetFunction, undoScale, type Dataset, type Scaling } from '../../trainer/data';
import { linearFit, rSquared, variance } from '../../trainer/loss';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { scatterChart } from '../kit/scatter';
import type { SvgNode } from '../kit/svg';

export const PANEL_WIDTH = 420;
export const PANEL_HEIGHT = 340;
export const SAMPLE_ROWS = 12;
const CURVE_POINTS = 61;

export const SCALING_NAMES: Record<Scaling, string> = {
  zscore: 'z-score scaling',
  minmax: 'min–max scaling',
  none: 'no scaling',
};

const UNIT: Record<Scaling, string> = { zscore: ' (z-score)', minmax: ' (min–max)', none: '' };

export const VARIABLES = ['x1', 'x2', 'y'] as const;
export const STATS = ['mean', 'std', 'min', 'max', 'shift', 'scale'] as const;

export interface DataExplorerScene {
  panels: { x1: SvgNode; x2: SvgNode };
  /** Display text of every number beside the figure, keyed "y.mean", "varY", …, and the sample table's caption. */
  numbers: Record<string, string>;
  /** The first samples, formatted, for the table alternative. */
  tables: { samples: string[][] };
}

export const SAMPLE_COLUMNS = ['#', 'x1', 'x2', 'noise b', 'y', 'x1 scaled', 'x2 scaled', 'y scaled'];

function pointRadius(n: number): number {
  return n <= 300 ? 3 : n <= 1000 ? 2.4 : n <= 3000 ? 1.8 : 1.4;
}

/** Evenly spaced values from lo to hi. */
function grid(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/**
 * The noise-free target in the units the network sees: the parabola y = x1² + x2 with x2 at
 * its mean, and the line y = x2 at x1 = 0, each mapped through the scaling.
 */
export function targetCurves(data: Dataset): { x1: { x: number[]; y: number[] }; x2: { x: number[]; y: number[] } } {
  const s = data.scaling;
  const x1s = grid(applyScale(s.x1.min, s.x1), applyScale(s.x1.max, s.x1), CURVE_POINTS);
  const x2s = grid(applyScale(s.x2.min, s.x2), applyScale(s.x2.max, s.x2), 2);
  return {
    x1: { x: x1s, y: x1s.map((u) => applyScale(targetFunction(undoScale(u, s.x1), s.x2.mean), s.y)) },
    x2: { x: x2s, y: x2s.map((u) => applyScale(targetFunction(0, undoScale(u, s.x2)), s.y)) },
  };
}

function extentOf(...arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] < lo) lo = a[i];
      if (a[i] > hi) hi = a[i];
    }
  }
  return [lo, hi];
}

export function dataExplorerScene(data: Dataset): DataExplorerScene {
  const method = data.scaling.method;
  const unit = UNIT[method];
  const curves = targetCurves(data);
  const yDomain = extentOf(data.y, curves.x1.y, curves.x2.y);
  const radius = pointRadius(data.n);
  const samples = `${formatInteger(data.n)} sample${data.n === 1 ? '' : 's'}`;
  const howColoured = (other: string) => `Colour and shape show ${other}: blue circles where it is low, orange diamonds where it is high.`;

  const x1Panel = scatterChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    heading: 'y against x1',
    title: `Scatter plot of y against x1 for ${samples}, ${SCALING_NAMES[method]}.`,
    description:
      `Each point is one sample, in the units the network sees. The dashed curve is the noise-free target x1² + x2 ` +
      `with x2 held at its mean: a parabola, which no straight line can follow. ${howColoured('x2')}`,
    x: { label: `x1${unit}`, values: data.x1 },
    y: { label: `y${unit}`, values: data.y, domain: yDomain },
    colorBy: { label: 'x2', values: data.x2 },
    curves: [{ ...curves.x1, label: 'target at mean x2' }],
    radius,
  });
  const x2Panel = scatterChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    heading: 'y against x2',
    title: `Scatter plot of y against x2 for ${samples}, ${SCALING_NAMES[method]}.`,
    description:
      `Each point is one sample, in the units the network sees. The dashed line is the noise-free target with x1 = 0, ` +
      `y = x2: every point lies above it by x1² plus its noise. ${howColoured('x1')}`,
    x: { label: `x2${unit}`, values: data.x2 },
    y: { label: `y${unit}`, values: data.y, domain: yDomain },
    colorBy: { label: 'x1', values: data.x1 },
    curves: [{ ...curves.x2, label: 'target at x1 = 0' }],
    radius,
  });
  return { panels: { x1: x1Panel, x2: x2Panel }, numbers: { ...numbersOf(data), sampleCaption: sampleCaption(data) }, tables: { samples: sampleRows(data) } };
}

/** The table beside the figure: raw statistics, the scaling, and the two baselines. */
export function numbersOf(data: Dataset): Record<string, string> {
  const numbers: Record<string, string> = {};
  for (const v of VARIABLES) {
    const s = data.scaling[v];
    for (const stat of STATS) numbers[`${v}.${stat}`] = formatNumber(s[stat]);
  }
  const varY = variance(data.y);
  const fit = linearFit(data);
  numbers.n = formatInteger(data.n);
  numbers.scaling = SCALING_NAMES[data.scaling.method];
  numbers.varY = formatNumber(varY);
  numbers.linearLoss = formatNumber(fit.loss);
  numbers.linearR2 = formatFixed(rSquared(fit.loss, varY), 3);
  // Exact zeros come out of least squares as ±1e-16; show them as the 0 they are.
  const clean = (v: number, size: number) => (Math.abs(v) < 1e-9 * Math.max(1, size) ? 0 : v);
  const ySize = data.scaling.y.std / data.scaling.y.scale;
  numbers['fit.a'] = formatNumber(clean(fit.a, ySize));
  numbers['fit.b'] = formatNumber(clean(fit.b, ySize));
  numbers['fit.c'] = formatNumber(clean(fit.c, ySize + Math.abs(applyScale(data.scaling.y.mean, data.scaling.y))));
  return numbers;
}

function sampleRows(data: Dataset): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < Math.min(SAMPLE_ROWS, data.n); i++) {
    rows.push([
      String(i + 1),
      formatFixed(data.raw.x1[i], 2),
      formatFixed(data.raw.x2[i], 2),
      formatInteger(data.raw.noise[i]),
      formatFixed(data.raw.y[i], 2),
      formatFixed(data.x1[i], 3),
      formatFixed(data.x2[i], 3),
      formatFixed(data.y[i], 3),
    ]);
  }
  return rows;
}

function sampleCaption(data: Dataset): string {
  const shown = Math.min(SAMPLE_ROWS, data.n);
  const which =
    data.n === 1 ? 'The only sample' : shown === data.n ? `All ${formatInteger(data.n)} samples` : `The first ${shown} of ${formatInteger(data.n)} samples`;
  return `${which}: raw, and as the network sees them (${SCALING_NAMES[data.scaling.method]}).`;
}
