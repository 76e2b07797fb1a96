// What the matrix-form widget draws: each layer's weight matrix and bias vector beside the matrices
// of their partials, with one entry picked out in both; the per-sample terms that entry of ∂L/∂W
// adds up (zero wherever its unit is off); and the partial from lesson 6 (or the layer rule) beside
// the matrix product's, to see they are the same number. Pure: server and client draw with it.
import { formatNumber } from '../../experiments/format';
import { entryTerms, inputSymbol, layerSymbol, LESSON_6_FORMULAS, weightSymbol, type EntryTerms, type MatrixFormRun } from '../../experiments/matrix-form/entries';
import { MATRIX_PARAMETER_COUNT, type MatrixNetwork } from '../../experiments/matrix-form/settings';
import { unitName, weightIndex, biasIndex, deepLayout } from '../../trainer/deepParameters';
import { MATRIX_NETWORKS } from '../../experiments/matrix-form/settings';
import { chartFrame, chartSvg } from '../kit/chart';
import { h, round, type SvgNode } from '../kit/svg';
import { figureRootAttrs, textClass } from '../kit/type';

export const MATRICES_WIDTH = 700;
export const MATRICES_HEIGHT = 300;
export const TERMS_WIDTH = 700;
export const TERMS_HEIGHT = 260;

const CELL_W = 86;
const CELL_H = 36;
const PICKED = 'var(--c-vermillion, #d55e00)';
const ON = 'var(--c-blue, #0072b2)';

const n4 = (v: number) => formatNumber(v);

/** "1: W1 — W¹[1, 1]" for every parameter of a network: the entry select's options. */
export function entryOptions(network: MatrixNetwork): { value: string; label: string }[] {
  const layout = deepLayout(MATRIX_NETWORKS[network]);
  return Array.from({ length: MATRIX_PARAMETER_COUNT[network] }, (_, i) => {
    const run = { layout } as Pick<MatrixFormRun, 'layout'>;
    return { value: String(i + 1), label: `${i + 1}: ${optionName(run, i)}` };
  });
}

function optionName(run: Pick<MatrixFormRun, 'layout'>, i: number): string {
  const { layout } = run;
  for (let l = 1; l <= layout.layers; l++) {
    for (let to = 0; to < layout.sizes[l]; to++) {
      if (biasIndex(layout, l, to) === i) return `bias of ${unitName(layout, l, to)} — ${layerSymbol('b', l)}[${to + 1}]`;
      for (let from = 0; from < layout.sizes[l - 1]; from++) {
        if (weightIndex(layout, l, from, to) === i) return `${unitName(layout, l - 1, from)}→${unitName(layout, l, to)} — ${weightSymbol(layout, l)}[${to + 1}, ${from + 1}]`;
      }
    }
  }
  return String(i + 1);
}

/** One matrix as a grid of cells (name above value), the picked parameter outlined. */
function grid(x: number, y: number, title: string, cells: { index: number; name: string; value: number }[][], picked: number): SvgNode {
  const children: SvgNode[] = [h('text', { class: textClass('title'), x, y: y - 8, 'font-weight': 700 }, title)];
  cells.forEach((row, r) => row.forEach((cell, c) => {
    const isPicked = cell.index === picked;
    const cx = x + c * CELL_W, cy = y + r * CELL_H;
    children.push(h('g', { 'data-entry': cell.index + 1, 'data-picked': isPicked ? 'true' : null }, [
      h('rect', { x: cx, y: cy, width: CELL_W, height: CELL_H, fill: isPicked ? PICKED : 'var(--surface, #f1f2f4)', 'fill-opacity': isPicked ? 0.22 : 1, stroke: isPicked ? PICKED : 'currentColor', 'stroke-width': isPicked ? 3 : 0.6 }),
      h('text', { class: textClass('small'), x: cx + 5, y: cy + 13, 'font-weight': isPicked ? 700 : 400 }, cell.name),
      h('text', { class: textClass('title'), x: cx + 5, y: cy + 29 }, n4(cell.value)),
    ]));
  }));
  return h('g', {}, children);
}

/** Each layer: Wˡ and bˡ, then ∂L/∂Wˡ and ∂L/∂bˡ, the picked entry outlined in both. */
export function matricesPanel(run: MatrixFormRun, picked: EntryTerms): SvgNode {
  const { layout, params, backward, names } = run;
  const rows: SvgNode[] = [];
  const grad = backward.grad;
  const blockTop = (l: number) => 44 + (l - 1) * 100;
  for (let l = 1; l <= layout.layers; l++) {
    const y = blockTop(l);
    const units = layout.sizes[l], inputs = layout.sizes[l - 1];
    const weightCells = (values: ArrayLike<number>) => Array.from({ length: units }, (_, to) => Array.from({ length: inputs }, (_, from) => {
      const index = weightIndex(layout, l, from, to);
      return { index, name: names[index], value: values[index] };
    }));
    const biasCells = (values: ArrayLike<number>) => Array.from({ length: units }, (_, to) => {
      const index = biasIndex(layout, l, to);
      return [{ index, name: names[index], value: values[index] }];
    });
    const kind = l === layout.layers ? 'output, linear' : 'hidden, ReLU';
    rows.push(h('text', { class: textClass('body'), x: 8, y: y + 14, 'font-weight': 700 }, `Layer ${l}`));
    rows.push(h('text', { class: textClass('small'), x: 8, y: y + 30 }, kind));
    const left = 100;
    rows.push(grid(left, y, weightSymbol(layout, l), weightCells(params), picked.index));
    rows.push(grid(left + inputs * CELL_W + 8, y, layerSymbol('b', l), biasCells(params), picked.index));
    const right = left + (inputs + 1) * CELL_W + 38;
    rows.push(grid(right, y, `∂L/∂${weightSymbol(layout, l)} = (${layerSymbol('Δ', l)})ᵀ·${inputSymbol(l)}`, weightCells(grad), picked.index));
    rows.push(grid(right + inputs * CELL_W + 8, y, `∂L/∂${layerSymbol('b', l)}`, biasCells(grad), picked.index));
  }
  return h('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${MATRICES_WIDTH} ${MATRICES_HEIGHT}`,
    ...figureRootAttrs(MATRICES_WIDTH, MATRICES_HEIGHT),
    role: 'img',
    'aria-label': `The ${run.network} network's weight matrices and bias vectors beside their partial derivatives; ${picked.name} picked out`,
    fill: 'currentColor',
  }, [
    h('title', {}, `Parameters and partials of the ${run.network} network in matrix form`),
    // How to read the matrices is said in the caption: a sentence this long does not fit the figure at its size on a phone.
    h('desc', {}, `Rows: the unit a weight goes to; columns: where it comes from. ${picked.name} is entry ${picked.address}, ${picked.meaning}. Its partial ${n4(picked.matrixValue)} is entry ${picked.address.replace(/^./, (c) => `∂L/∂${c}`)} of the partials. The table lists every entry.`),
    ...rows,
  ]);
}

/** The picked entry's N terms δᵢ·inputᵢ as bars, zero where the unit is off for the sample. */
export function termsPanel(run: MatrixFormRun, picked: EntryTerms): SvgNode {
  const { terms } = picked;
  let lo = 0, hi = 0;
  for (const t of terms) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const frame = chartFrame({
    width: TERMS_WIDTH,
    height: TERMS_HEIGHT,
    margin: { top: 36, left: 70, right: 14, bottom: 44 },
    x: { label: 'sample i', domain: [0, run.n + 1], nice: false },
    y: { label: picked.entry.matrix === 'W' ? 'δᵢ × input' : 'δᵢ', domain: [lo, hi] },
    title: `The ${run.n} terms whose sum is ∂L/∂${picked.name}`,
    description: `Each bar is one sample's term of ${picked.matrixFormula}; they add up to ${n4(picked.matrixValue)}. ${offCount(picked)} of the ${run.n} terms are exactly 0.`,
    heading: `∂L/∂${picked.name} = ${picked.matrixFormula} = ${n4(picked.matrixValue)}`,
  });
  const zero = frame.y(0);
  let d = '';
  terms.forEach((t, i) => {
    if (t !== 0) d += `M${round(frame.x(i + 1))} ${round(zero)}V${round(frame.y(t))}`;
  });
  return chartSvg(frame, [
    h('line', { x1: frame.plot.left, x2: frame.plot.right, y1: round(zero), y2: round(zero), stroke: 'currentColor', 'stroke-width': 1 }),
    h('path', { d, stroke: ON, 'stroke-width': 1.6, fill: 'none', 'data-terms': '' }),
  ]);
}

/** How many of the entry's terms are exactly zero (its unit off for the sample, or its input 0). */
export function offCount(picked: EntryTerms): number {
  return picked.terms.filter((t) => t === 0).length;
}

export const ENTRY_COLUMNS = ['parameter', 'matrix entry', 'value', '∂L/∂ from the matrix product', '∂L/∂ by backpropagation', 'the same?'];

export interface MatrixFormScene {
  panels: { matrices: SvgNode; terms: SvgNode };
  numbers: Record<string, string>;
  tables: { entries: string[][] };
}

export function matrixFormScene(run: MatrixFormRun, entry: number): MatrixFormScene {
  const index = Math.max(0, Math.min(run.layout.parameterCount, entry) - 1);
  const picked = entryTerms(run, index);
  const same = (a: number, b: number) => (Object.is(a, b) ? 'identical' : `differ by ${n4(Math.abs(a - b))}`);
  const first = Array.from({ length: Math.min(3, run.n) }, (_, i) =>
    picked.entry.matrix === 'W' ? `${n4(picked.delta[i])} × ${n4(picked.input[i])}` : n4(picked.delta[i]));
  const layer = picked.entry.layer;
  const rule = layer === run.layout.layers
    ? `${layerSymbol('Δ', layer)} = (2/N)(Ŷ − Y): each sample's ∂L/∂ŷ`
    : `${layerSymbol('Δ', layer)} = (${layerSymbol('Δ', layer + 1)} · ${weightSymbol(run.layout, layer + 1)}) ⊙ ReLU′(${layerSymbol('Z', layer)})`;
  const readableName = run.layout.layers === 2 ? 'lesson 6 (backprop.ts)' : 'the layer rule (deepBackprop.ts)';
  const readableFormula = run.layout.layers === 2 ? LESSON_6_FORMULAS[index] : layerRuleText(run, picked);
  return {
    panels: { matrices: matricesPanel(run, picked), terms: termsPanel(run, picked) },
    numbers: {
      name: picked.name,
      address: picked.address,
      meaning: picked.meaning,
      matrixFormula: `${picked.matrixFormula} = ${first.join(' + ')} + …`,
      rule,
      matrixValue: n4(picked.matrixValue),
      readableName,
      readableFormula,
      readableValue: n4(picked.readableValue),
      same: same(picked.matrixValue, picked.readableValue),
      zeros: `${offCount(picked)} of ${run.n}`,
      n: String(run.n),
    },
    tables: {
      entries: run.names.map((name, i) => {
        const e = entryTerms(run, i);
        return [name, e.address, n4(run.params[i]), n4(e.matrixValue), n4(e.readableValue), same(e.matrixValue, e.readableValue)];
      }),
    },
  };
}

/** The layer rule's sum for a deeper network's entry, in words: δ of the unit it feeds × its input. */
function layerRuleText(run: MatrixFormRun, picked: EntryTerms): string {
  const { layer, row, column, matrix } = picked.entry;
  const to = unitName(run.layout, layer, row);
  const input = matrix === 'W' ? ` · ${unitName(run.layout, layer - 1, column)},ᵢ` : '';
  // The output's δ is where the sweep starts, not something passed back to it.
  const source = layer === run.layout.layers ? 'with δ(out),ᵢ = (2/N)·eᵢ' : 'with δ passed back from the layer above through its weights and gated by ReLU′';
  return `Σᵢ δ(${to}),ᵢ${input}, ${source}`;
}
