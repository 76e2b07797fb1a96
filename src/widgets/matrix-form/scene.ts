// What the matrix-form widget draws: each layer's weight matrix and bias vector (one panel) beside
// the matrices of their partials (the other), with one entry picked out in both and its row and
// column tinted; the per-sample terms that entry of ∂L/∂W adds up (zero wherever its unit is off);
// and the partial from lesson 6 (or the layer rule) and from a finite difference beside the matrix
// product's, to see they are the same number. Pure: server and client draw with it.
//
// Any widths from 1 to 8: a matrix with up to three columns shows its values in its cells; a wider
// one (W² of 2-8-8-1 is 8 × 8) is drawn compact, cells without text, its picked entry's value on a
// line under it and every value in the cell's tooltip and in the table. The two panels sit side by
// side on a desktop and one above the other on a phone, where each is drawn about 309 px wide: the
// layout leaves room for the words at that size (kit/type.ts).
import { formatNumber, formatShort } from '../../experiments/format';
import { entryTerms, finiteDifferenceOf, inputSymbol, layerSymbol, LESSON_6_FORMULAS, weightSymbol, type EntryTerms, type MatrixFormRun } from '../../experiments/matrix-form/entries';
import { biasIndex, deepLayout, unitName, weightIndex, type DeepLayout, type HiddenWidths } from '../../trainer/deepParameters';
import { chartFrame, chartSvg } from '../kit/chart';
import { h, round, type AttrValue, type SvgNode } from '../kit/svg';
import { figureRootAttrs, textClass, textSizeOnPhone } from '../kit/type';

/** Each panel's viewBox width; its height follows the network (matricesHeight). */
export const MATRICES_WIDTH = 360;
export const TERMS_WIDTH = 700;
export const TERMS_HEIGHT = 260;

/** The words' size on a phone, in viewBox units: what every line and cell leaves room for. */
const TEXT = textSizeOnPhone('body', MATRICES_WIDTH);
const LINE = Math.ceil(TEXT * 1.4);
const PAD = 8;
/** Room for the row names (h¹₁, out) left of each matrix. */
const ROW_HEAD = 40;
/** A cell that shows its value, and one drawn compact. */
const VALUE_W = 70;
const COMPACT_W = 26;
/** Rows: a value alone, or (the course network) its name above it. */
const ROW_H = 26;
const NAMED_ROW_H = Math.ceil(2 * LINE);
const GAP = 8;
const LAYER_GAP = 12;
/** A matrix with more columns than this is drawn compact: wider ones would not fit the panel with values. */
const MAX_VALUE_COLUMNS = 3;

const PICKED = 'var(--c-vermillion, #d55e00)';
const ON = 'var(--c-blue, #0072b2)';
const SURFACE = 'var(--surface, #f1f2f4)';

const n4 = (v: number) => formatNumber(v);

/** The width a line of text takes at the phone's size, roughly (DejaVu Sans digits are 0.64 em). */
const textWidth = (text: string) => [...text].length * 0.64 * TEXT;

/**
 * A text squeezed to `room` when it would be wider (a value far larger than any start gives):
 * it stays inside its cell rather than running into the next.
 */
function fitted(attrs: Record<string, AttrValue>, text: string, room: number): SvgNode {
  return h('text', textWidth(text) > room ? { ...attrs, textLength: round(room), lengthAdjust: 'spacingAndGlyphs' } : attrs, text);
}

/** "1: W1 — W¹[1, 1]" for every parameter of a network: the entry select's options. */
export function entryOptions(hidden: HiddenWidths): { value: string; label: string }[] {
  const layout = deepLayout(hidden);
  return Array.from({ length: layout.parameterCount }, (_, i) => ({ value: String(i + 1), label: `${i + 1}: ${optionName(layout, i)}` }));
}

function optionName(layout: DeepLayout, i: number): string {
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

/** Whether layer l's weight matrix shows its values (or is drawn compact). */
const showsValues = (layout: DeepLayout, l: number) => layout.sizes[l - 1] <= MAX_VALUE_COLUMNS;
const columnWidth = (layout: DeepLayout, l: number) => (showsValues(layout, l) ? VALUE_W : COMPACT_W);
const rowHeight = (run: Pick<MatrixFormRun, 'course'>) => (run.course ? NAMED_ROW_H : ROW_H);

/** Where each layer's block starts, and the panel's height: the same in both panels. */
function blockTops(run: MatrixFormRun, picked: EntryTerms): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = PAD;
  for (let l = 1; l <= run.layout.layers; l++) {
    tops.push(y);
    y += 2 * LINE + run.layout.sizes[l] * rowHeight(run) + (pickedLineUnder(run.layout, picked, l) ? LINE : 0) + LAYER_GAP;
  }
  return { tops, height: Math.ceil(y - LAYER_GAP + PAD) };
}

/** A compact matrix says its picked entry's value on a line under it (its cells have no room for it). */
const pickedLineUnder = (layout: DeepLayout, picked: EntryTerms, l: number) => picked.entry.layer === l && picked.entry.matrix === 'W' && !showsValues(layout, l);

/** The panel's height for a network and a picked entry (the client sets its box's aspect ratio with it). */
export function matricesHeight(run: MatrixFormRun, picked: EntryTerms): number {
  return blockTops(run, picked).height;
}

interface Cell {
  index: number;
  value: number;
  /** What the cell's tooltip says: "W²[3, 5] = 0.1234, w(h¹₅→h²₃)". */
  tip: string;
}

/**
 * One matrix (or bias vector) as a grid: the picked entry outlined, its row and column tinted;
 * each cell's value in it (name above on the course network) or, compact, in its tooltip only.
 */
function grid(x: number, y: number, cells: Cell[][], width: number, height: number, withValues: boolean, named: readonly string[] | null, picked: EntryTerms): SvgNode[] {
  const children: SvgNode[] = [];
  const pickedAt = cells.flatMap((row, r) => row.map((cell, c) => (cell.index === picked.index ? [r, c] : null))).find(Boolean);
  cells.forEach((row, r) => row.forEach((cell, c) => {
    const isPicked = cell.index === picked.index;
    const inLine = !isPicked && pickedAt && (pickedAt[0] === r || pickedAt[1] === c);
    const cx = x + c * width, cy = y + r * height;
    const texts: SvgNode[] = [];
    if (withValues) {
      const valueText = formatShort(cell.value);
      const room = width - 2 * 5;
      if (named) texts.push(h('text', { class: textClass('body'), x: cx + 5, y: round(cy + LINE - 4), 'font-weight': isPicked ? 700 : 400 }, named[cell.index]));
      texts.push(fitted({ class: textClass('body'), x: cx + 5, y: round(cy + height - 7), 'font-weight': isPicked ? 700 : null }, valueText, room));
    }
    children.push(h('g', { 'data-entry': cell.index + 1, 'data-picked': isPicked ? 'true' : null }, [
      h('title', {}, cell.tip),
      h('rect', {
        x: cx, y: cy, width, height,
        fill: isPicked || inLine ? PICKED : SURFACE,
        'fill-opacity': isPicked ? 0.3 : inLine ? 0.1 : 1,
        stroke: isPicked ? PICKED : 'currentColor',
        'stroke-width': isPicked ? 3 : 0.6,
      }),
      ...texts,
    ]));
  }));
  return children;
}

type PanelKind = 'weights' | 'partials';

/** One panel: every layer's Wˡ and bˡ (weights) or ∂L/∂Wˡ and ∂L/∂bˡ (partials), the picked entry in each. */
export function matricesPanel(run: MatrixFormRun, picked: EntryTerms, kind: PanelKind): SvgNode {
  const { layout, names } = run;
  const values = kind === 'weights' ? run.params : run.backward.grad;
  const { tops, height } = blockTops(run, picked);
  const rowH = rowHeight(run);
  const children: SvgNode[] = [];
  const symbolOf = (symbol: string) => (kind === 'weights' ? symbol : `∂L/∂${symbol}`);
  for (let l = 1; l <= layout.layers; l++) {
    const top = tops[l - 1];
    const units = layout.sizes[l], inputs = layout.sizes[l - 1];
    const W = weightSymbol(layout, l), b = layerSymbol('b', l);
    const cellW = columnWidth(layout, l);
    const withValues = showsValues(layout, l);
    const left = PAD + ROW_HEAD;
    const biasLeft = left + inputs * cellW + GAP;
    const heading = kind === 'weights'
      ? `Layer ${l} (${l === layout.layers ? 'output, linear' : 'hidden, ReLU'}): ${W}, ${b}`
      : `${symbolOf(W)} = (${layerSymbol('Δ', l)})ᵀ·${inputSymbol(l)}, ${symbolOf(b)}`;
    children.push(h('text', { class: textClass('body'), x: PAD, y: round(top + TEXT), 'font-weight': 700 }, heading));
    // Column names: where a weight comes from; the bias column is the layer's b.
    const headY = round(top + LINE + TEXT);
    // A compact matrix numbers its columns, the layer they come from named once in the corner (h¹ 1 2 3 …).
    if (!withValues) children.push(h('text', { class: textClass('body'), x: PAD, y: headY }, unitName(layout, l - 1, 0).replace(/[0-9₀-₉]+$/, '')));
    for (let from = 0; from < inputs; from++) {
      children.push(withValues
        ? h('text', { class: textClass('body'), x: left + from * cellW + 5, y: headY }, unitName(layout, l - 1, from))
        : h('text', { class: textClass('body'), x: round(left + (from + 0.5) * cellW), y: headY, 'text-anchor': 'middle' }, String(from + 1)));
    }
    children.push(h('text', { class: textClass('body'), x: biasLeft + 5, y: headY }, kind === 'weights' ? b : `∂L/∂${b}`));
    const gridTop = top + 2 * LINE;
    // Row names: the unit a weight goes to.
    for (let to = 0; to < units; to++) {
      children.push(h('text', { class: textClass('body'), x: PAD, y: round(gridTop + (to + 0.5) * rowH + TEXT / 2 - 2) }, unitName(layout, l, to)));
    }
    const tip = (index: number, address: string) => `${symbolOf(address)} = ${n4(values[index])}, ${kind === 'weights' ? names[index] : `∂L/∂${names[index]}`}`;
    const weightCells: Cell[][] = Array.from({ length: units }, (_, to) => Array.from({ length: inputs }, (_, from) => {
      const index = weightIndex(layout, l, from, to);
      return { index, value: values[index], tip: tip(index, `${W}[${to + 1}, ${from + 1}]`) };
    }));
    const biasCells: Cell[][] = Array.from({ length: units }, (_, to) => {
      const index = biasIndex(layout, l, to);
      return [{ index, value: values[index], tip: tip(index, `${b}[${to + 1}]`) }];
    });
    const named = run.course ? names : null;
    children.push(h('g', { 'data-matrix': `${kind === 'weights' ? '' : 'd'}W${l}` }, grid(left, gridTop, weightCells, cellW, rowH, withValues, named, picked)));
    children.push(h('g', { 'data-matrix': `${kind === 'weights' ? '' : 'd'}b${l}` }, grid(biasLeft, gridTop, biasCells, VALUE_W, rowH, true, named, picked)));
    if (pickedLineUnder(layout, picked, l)) {
      const value = kind === 'weights' ? run.params[picked.index] : picked.matrixValue;
      children.push(h('text', { class: textClass('body'), x: left, y: round(gridTop + units * rowH + LINE - 3), fill: PICKED, 'font-weight': 700 }, `${symbolOf(picked.address)} = ${n4(value)}`));
    }
  }
  const what = kind === 'weights' ? 'weight matrices and bias vectors' : 'partial derivatives, in matrices of the same shapes';
  const value = kind === 'weights' ? run.params[picked.index] : picked.matrixValue;
  return h('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${MATRICES_WIDTH} ${height}`,
    ...figureRootAttrs(MATRICES_WIDTH, height),
    role: 'img',
    'aria-label': `The ${run.network} network's ${what}; ${picked.name} picked out`,
    fill: 'currentColor',
  }, [
    h('title', {}, kind === 'weights' ? `Parameters of the ${run.network} network in matrix form` : `Partial derivatives of the ${run.network} network in matrix form`),
    // How to read the matrices is said in the caption: a sentence this long does not fit the figure at its size on a phone.
    h('desc', {}, `Rows: the unit a weight goes to; columns: where it comes from. ${picked.name} is entry ${picked.address}, ${picked.meaning}; ${symbolOf(picked.address)} = ${n4(value)}. Click an entry to pick it; the table lists every entry.`),
    ...children,
  ]);
}

/** ∂L/∂W1 on the course network (lesson 6's name), ∂L/∂W²[1, 2] on others (their names are long). */
export const partialSymbol = (run: Pick<MatrixFormRun, 'course'>, picked: EntryTerms) => `∂L/∂${run.course ? picked.name : picked.address}`;

/** The picked entry's N terms δᵢ·inputᵢ as bars, zero where the unit is off for the sample. */
export function termsPanel(run: MatrixFormRun, picked: EntryTerms): SvgNode {
  const { terms } = picked;
  let lo = 0, hi = 0;
  for (const t of terms) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const symbol = partialSymbol(run, picked);
  const full = `${symbol} = ${picked.matrixFormula} = ${n4(picked.matrixValue)}`;
  const frame = chartFrame({
    width: TERMS_WIDTH,
    height: TERMS_HEIGHT,
    margin: { top: 36, left: 70, right: 14, bottom: 44 },
    x: { label: 'sample i', domain: [0, run.n + 1], nice: false },
    y: { label: picked.entry.matrix === 'W' ? 'δᵢ × input' : 'δᵢ', domain: [lo, hi] },
    title: `The ${run.n} terms whose sum is ${symbol}`,
    description: `Each bar is one sample's term of ${picked.matrixFormula}; they add up to ${n4(picked.matrixValue)}. ${offCount(picked)} of the ${run.n} terms are exactly 0.`,
    // The formula too when the heading still fits a phone (a second layer's addresses make it longer).
    heading: [...full].length <= 40 ? full : `${symbol} = ${n4(picked.matrixValue)}, the bars’ sum`,
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
  panels: { weights: SvgNode; partials: SvgNode; terms: SvgNode };
  numbers: Record<string, string>;
  tables: { entries: string[][] };
  /** The matrices panels' viewBox height (both the same). */
  height: number;
}

/** "identical", or how far apart two numbers are. */
const sameOrNot = (a: number, b: number) => (Object.is(a, b) ? 'identical' : `differ by ${n4(Math.abs(a - b))}`);

export function matrixFormScene(run: MatrixFormRun, entry: number): MatrixFormScene {
  const index = Math.max(0, Math.min(run.layout.parameterCount, entry) - 1);
  const picked = entryTerms(run, index);
  const first = Array.from({ length: Math.min(3, run.n) }, (_, i) =>
    picked.entry.matrix === 'W' ? `${n4(picked.delta[i])} × ${n4(picked.input[i])}` : n4(picked.delta[i]));
  const layer = picked.entry.layer;
  const rule = layer === run.layout.layers
    ? `${layerSymbol('Δ', layer)} = (2/N)(Ŷ − Y): each sample's ∂L/∂ŷ`
    : `${layerSymbol('Δ', layer)} = (${layerSymbol('Δ', layer + 1)} · ${weightSymbol(run.layout, layer + 1)}) ⊙ ReLU′(${layerSymbol('Z', layer)})`;
  const readableName = run.course ? 'lesson 6 (backprop.ts)' : 'the layer rule (deepBackprop.ts)';
  const readableFormula = run.course ? LESSON_6_FORMULAS[index] : layerRuleText(run, picked);
  const finite = finiteDifferenceOf(run, index);
  return {
    panels: { weights: matricesPanel(run, picked, 'weights'), partials: matricesPanel(run, picked, 'partials'), terms: termsPanel(run, picked) },
    numbers: {
      name: picked.name,
      address: picked.address,
      meaning: picked.meaning,
      value: n4(run.params[index]),
      matrixFormula: `${picked.matrixFormula} = ${first.join(' + ')} + …`,
      rule,
      matrixValue: n4(picked.matrixValue),
      readableName,
      readableFormula,
      readableValue: n4(picked.readableValue),
      same: sameOrNot(picked.matrixValue, picked.readableValue),
      finiteValue: n4(finite),
      finiteGap: n4(Math.abs(finite - picked.matrixValue)),
      zeros: `${offCount(picked)} of ${run.n}`,
      n: String(run.n),
      network: run.network,
    },
    tables: {
      entries: run.names.map((name, i) => {
        const e = entryTerms(run, i);
        return [name, e.address, n4(run.params[i]), n4(e.matrixValue), n4(e.readableValue), sameOrNot(e.matrixValue, e.readableValue)];
      }),
    },
    height: matricesHeight(run, picked),
  };
}

/** The layer rule's sum for an entry of another network than the course's, in words: δ of the unit it feeds × its input. */
function layerRuleText(run: MatrixFormRun, picked: EntryTerms): string {
  const { layer, row, column, matrix } = picked.entry;
  const to = unitName(run.layout, layer, row);
  const input = matrix === 'W' ? ` · ${unitName(run.layout, layer - 1, column)},ᵢ` : '';
  // The output's δ is where the sweep starts, not something passed back to it.
  const source = layer === run.layout.layers ? 'with δ(out),ᵢ = (2/N)·eᵢ' : 'with δ passed back from the layer above through its weights and gated by ReLU′';
  return `Σᵢ δ(${to}),ᵢ${input}, ${source}`;
}
