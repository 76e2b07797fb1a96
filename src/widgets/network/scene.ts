// Everything the network widget shows for nine parameters on the training data: the network
// diagram, two slices of its output surface through the data (ŷ against x1 with x2 held
// fixed, and against x2 with x1 held fixed) with the nearby samples and the noise-free target,
// the loss beside Var(y) and R², and the first samples pushed through the network. Pure: the
// .astro draws the server figure with it, the custom element redraws with it on every change.
import { applyScale, targetFunction, undoScale, type Dataset } from '../../trainer/data';
import { linearFit, meanSquaredError, rSquared, variance } from '../../trainer/loss';
import { forward, predict } from '../../trainer/network';
import { fromNamed } from '../../trainer/parameters';
import { unitActivity, type UnitState } from '../../trainer/units';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { clipToBand } from '../kit/clipBand';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { networkDiagramScene } from '../kit/networkDiagram';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { INPUT_RANGE, type NetworkConfig } from '../../experiments/network/settings';
import { textClass } from '../kit/type';
import { legendRow } from '../kit/legendRow';

export const SLICE_WIDTH = 420;
export const SLICE_HEIGHT = 340;
/** Samples whose other input lies within this distance of the slice are drawn as the slice's samples. */
export const BAND = 0.35;
const CURVE_POINTS = 161;
export const SAMPLE_ROWS = 12;
export const SAMPLE_COLUMNS = ['#', 'x1', 'x2', 'y', 'h1', 'h2', 'ŷ', 'e = ŷ − y'];

const NETWORK_COLOR = 'var(--c-vermillion, #d55e00)';
const NEAR_COLOR = 'var(--c-blue, #0072b2)';
const FAR_COLOR = 'var(--muted, #555b66)';
const MARGIN = { top: 70, right: 14, bottom: 44, left: 50 };

export type SliceAxis = 'x1' | 'x2';

export interface NetworkScene {
  panels: { diagram: SvgNode; alongX1: SvgNode; alongX2: SvgNode };
  /** Display text keyed by name: loss, varY, r2, planeLoss, planeR2, unit1, unit2. */
  numbers: Record<string, string>;
  states: UnitState[];
  samples: string[][];
  sampleCaption: string;
}

function grid(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/**
 * Where along a slice each hidden unit's kink lies: the value of the varying input at which
 * z_k = 0 with the other input held at `held`. Null when the unit does not depend on the
 * varying input (its kink line runs parallel to the slice).
 */
export function kinksAlong(params: Float64Array, along: SliceAxis, held: number): (number | null)[] {
  return [0, 1].map((k) => {
    const wAlong = along === 'x1' ? params[k] : params[2 + k];
    const wHeld = along === 'x1' ? params[2 + k] : params[k];
    return wAlong === 0 ? null : -(wHeld * held + params[6 + k]) / wAlong;
  });
}

/** The data's y range, widened a little and rounded out to halves, so every sample fits. */
export function outputRange(data: Dataset): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of data.y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [Math.floor((lo - 0.2) * 2) / 2, Math.ceil((hi + 0.2) * 2) / 2];
}

const halo = { stroke: 'var(--surface, #f1f2f4)', 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round' };

function legend(frame: ChartFrame, along: SliceAxis, other: SliceAxis, held: number): SvgNode {
  // Two rows on a phone, where the words are larger: the top margin leaves room for both.
  return legendRow(
    [
      { mark: (x, y) => h('path', { d: `M${x},${y}h20`, stroke: NETWORK_COLOR, 'stroke-width': 3, fill: 'none' }), text: 'network ŷ' },
      { mark: (x, y) => h('path', { d: `M${x},${y}h20`, stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-dasharray': '5 3', fill: 'none' }), text: 'target' },
      { mark: (x, y) => h('path', { d: markerPath('circle', x + 10, y, 3.5), fill: NEAR_COLOR }), text: `samples with ${other} ≈ ${formatFixed(held, 2)}` },
    ],
    frame.plot.left,
    frame.width - 8,
    34,
    frame.axisLayout.tick,
  ).node;
}

function slicePanel(data: Dataset, params: Float64Array, along: SliceAxis, held: number, yRange: [number, number]): SvgNode {
  const other: SliceAxis = along === 'x1' ? 'x2' : 'x1';
  const heldText = formatFixed(held, 2);
  const frame = chartFrame({
    width: SLICE_WIDTH,
    height: SLICE_HEIGHT,
    margin: MARGIN,
    heading: `ŷ against ${along}, with ${other} held at ${heldText}`,
    title: `The network's output ŷ against ${along} with ${other} held at ${heldText}, over the samples.`,
    description:
      `The solid line is the network's prediction along the slice ${other} = ${heldText}; the dashed line is the noise-free target there. ` +
      `Blue circles are the samples whose ${other} lies within ${BAND} of ${heldText}; the small grey squares are all the other samples. ` +
      'Dotted vertical lines mark where a hidden unit’s kink crosses the slice.',
    x: { label: `${along} (z-score)`, domain: INPUT_RANGE, nice: false },
    y: { label: 'y and ŷ (z-score)', domain: yRange, nice: false },
  });
  const xs = along === 'x1' ? data.x1 : data.x2;
  const os = along === 'x1' ? data.x2 : data.x1;
  const near: string[] = [], far: string[] = [];
  for (let i = 0; i < data.n; i++) {
    const isNear = Math.abs(os[i] - held) <= BAND;
    if (isNear) near.push(markerPath('circle', frame.x(xs[i]), frame.y(data.y[i]), 3.2));
    else far.push(markerPath('square', frame.x(xs[i]), frame.y(data.y[i]), 1.5));
  }
  const kinks = kinksAlong(params, along, held);
  // The prediction is straight between kinks, so sample a grid plus the kinks themselves.
  const curveXs = [...grid(INPUT_RANGE[0], INPUT_RANGE[1], CURVE_POINTS), ...kinks.filter((k): k is number => k !== null && k > INPUT_RANGE[0] && k < INPUT_RANGE[1])].sort(
    (a, b) => a - b,
  );
  const at = (u: number): [number, number] => (along === 'x1' ? [u, held] : [held, u]);
  const yhat = curveXs.map((u) => predict(params, ...at(u)));
  const s = data.scaling;
  const target = curveXs.map((u) => {
    const [a, b] = at(u);
    return applyScale(targetFunction(undoScale(a, s.x1), undoScale(b, s.x2)), s.y);
  });
  const [lo, hi] = frame.yDomain;
  const path = (runs: { x: number[]; y: number[] }[]) =>
    runs.map((r) => `M${r.x.map((u, i) => `${round(frame.x(u))},${round(frame.y(r.y[i]))}`).join('L')}`).join('');
  const content: SvgNode[] = [
    h('g', { class: 'np-points', stroke: 'var(--bg, #fff)', 'stroke-width': 0.4 }, [
      ...(far.length ? [h('path', { d: far.join(''), fill: FAR_COLOR, 'fill-opacity': 0.45, 'data-points': 'far' })] : []),
      ...(near.length ? [h('path', { d: near.join(''), fill: NEAR_COLOR, 'data-points': 'near' })] : []),
    ]),
  ];
  // Kink markers; two kinks at (nearly) the same place share one line and one label.
  const marks: { x: number; label: string }[] = [];
  kinks.forEach((k, unit) => {
    if (k === null || k < INPUT_RANGE[0] || k > INPUT_RANGE[1]) return;
    const x = frame.x(k);
    const same = marks.find((m) => Math.abs(m.x - x) < 14);
    if (same) same.label = 'h1, h2 kinks';
    else marks.push({ x, label: `h${unit + 1} kink` });
  });
  const { plot } = frame;
  for (const m of marks) {
    const right = m.x > plot.left + plot.width * 0.7;
    content.push(
      h('g', { class: 'np-kink-mark' }, [
        h('path', { d: `M${round(m.x)},${plot.top}V${plot.bottom}`, stroke: 'currentColor', 'stroke-width': 1.2, 'stroke-dasharray': '2 3', fill: 'none' }),
        h('text', { class: textClass('body'), x: round(right ? m.x - 5 : m.x + 5), y: plot.top + 12, 'text-anchor': right ? 'end' : 'start', fill: 'currentColor', ...halo }, m.label),
      ]),
    );
  }
  content.push(
    h('path', { class: 'np-target', d: path(clipToBand(curveXs, target, lo, hi)), stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-dasharray': '5 3', fill: 'none' }),
    h('path', { class: 'np-prediction', d: path(clipToBand(curveXs, yhat, lo, hi)), stroke: NETWORK_COLOR, 'stroke-width': 3, fill: 'none', 'stroke-linejoin': 'round' }),
  );
  const outside = yhat.some((v) => !(v >= lo && v <= hi));
  if (outside) {
    content.push(h('text', { class: textClass('body'), x: plot.right - 4, y: plot.bottom - 8, 'text-anchor': 'end', fill: 'currentColor', ...halo }, 'ŷ leaves the picture'));
  }
  content.push(legend(frame, along, other, held));
  return chartSvg(frame, content, { 'data-slice': along });
}

const STATE_TEXT: Record<UnitState, string> = {
  dead: 'dead: off for every sample',
  linear: 'on for every sample (linear here)',
  hinge: 'a hinge',
};

export function networkScene(data: Dataset, config: NetworkConfig): NetworkScene {
  const params = fromNamed(config);
  const activity = unitActivity(params, data);
  const loss = meanSquaredError(params, data);
  const varY = variance(data.y);
  const plane = linearFit(data);
  const yRange = outputRange(data);
  const numbers: Record<string, string> = {
    loss: formatNumber(loss),
    varY: formatNumber(varY),
    r2: formatFixed(rSquared(loss, varY), 3),
    planeLoss: formatNumber(plane.loss),
    planeR2: formatFixed(rSquared(plane.loss, varY), 3),
  };
  activity.states.forEach((state, k) => {
    numbers[`unit${k + 1}`] = `${STATE_TEXT[state]}, on for ${formatInteger(activity.activeCounts[k])} of ${formatInteger(data.n)}`;
  });
  const samples: string[][] = [];
  for (let i = 0; i < Math.min(SAMPLE_ROWS, data.n); i++) {
    const pass = forward(params, data.x1[i], data.x2[i]);
    samples.push(
      [i + 1, data.x1[i], data.x2[i], data.y[i], pass.h[0], pass.h[1], pass.yhat, pass.yhat - data.y[i]].map((v, j) => (j === 0 ? String(v) : formatFixed(v, 3))),
    );
  }
  return {
    panels: {
      diagram: networkDiagramScene(params, { states: activity.states }),
      alongX1: slicePanel(data, params, 'x1', config.sliceX2, yRange),
      alongX2: slicePanel(data, params, 'x2', config.sliceX1, yRange),
    },
    numbers,
    states: activity.states,
    samples,
    sampleCaption: `The first ${Math.min(SAMPLE_ROWS, data.n)} of ${formatInteger(data.n)} samples (z-scored) pushed through the network: its hidden outputs, its prediction and its error.`,
  };
}
