// The matrix form of lesson 18, entry by entry: the network's forward and backward pass for all
// samples at once (matrixForm.ts), every parameter's place in its matrix, the per-sample terms whose
// sum is that entry of ∂L/∂W, the same partial from the readable backpropagation (lesson 6's
// backprop.ts for 2-2-1, the layer rule of deepBackprop.ts for any other widths), and the slope a
// finite difference measures, to show all three agree.
import { backpropagate221 } from '../../trainer/backprop';
import type { Dataset } from '../../trainer/data';
import { deepLayout, deepParameterName, unitName, type DeepLayout } from '../../trainer/deepParameters';
import { backpropagateDeep } from '../../trainer/deepBackprop';
import { deepCentralDifference } from '../../trainer/finiteDifference';
import { initDeepParams } from '../../trainer/init';
import { matrixBackward, matrixEntryOf, matrixForward, type MatrixBackwardPass, type MatrixEntry, type MatrixForwardPass } from '../../trainer/matrixForm';
import { presetParameters } from '../../trainer/presets';
import type { Parameters } from '../../trainer/parameters';
import { isCourseNetwork, matrixNetworkLabel, matrixWidths, type MatrixFormConfig } from './settings';

export interface MatrixFormRun {
  /** "2-2-1", "2-3-8-1". */
  network: string;
  /** Whether this is the course's 2-2-1, whose partials lesson 6 derived one by one. */
  course: boolean;
  layout: DeepLayout;
  params: Parameters;
  forward: MatrixForwardPass;
  backward: MatrixBackwardPass;
  /** The same partials from the readable backpropagation, in layout order. */
  readable: Float64Array;
  /** Every parameter's name in layout order: W1 … B3 for 2-2-1, w(x1→h¹₁) … for others. */
  names: string[];
  n: number;
  data: Dataset;
}

/** The parameters a config names: the write-up's printed example, or a He start of the chosen network. */
export function matrixFormParameters(config: MatrixFormConfig): Parameters {
  return config.start === 'writeup-example' && isCourseNetwork(config)
    ? presetParameters('writeup-example')
    : initDeepParams({ preset: 'he', seed: config.seed, hidden: matrixWidths(config) });
}

export function matrixFormRun(config: MatrixFormConfig, data: Dataset): MatrixFormRun {
  const layout = deepLayout(matrixWidths(config));
  const course = isCourseNetwork(config);
  const params = matrixFormParameters(config);
  const forward = matrixForward(params, layout, data);
  const backward = matrixBackward(params, layout, data, forward);
  const readable = course ? backpropagate221(params, data).grad : backpropagateDeep(params, layout, data).grad;
  const names = Array.from({ length: layout.parameterCount }, (_, i) => deepParameterName(layout, i));
  return { network: matrixNetworkLabel(config), course, layout, params, forward, backward, readable, names, n: data.n, data };
}

/**
 * The slope of the loss along parameter `index` measured by nudging it (a central difference with
 * the trainer's readable forward pass): a check that shares nothing with either backward pass.
 */
export function finiteDifferenceOf(run: MatrixFormRun, index: number): number {
  return deepCentralDifference(run.params, run.layout, run.data, index);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** "W¹", "b²", "H¹" — a matrix named with its layer as a superscript. */
export const layerSymbol = (letter: string, layer: number) => `${letter}${SUPERSCRIPT[layer]}`;

/**
 * "W¹", "W²" for a hidden layer's weights, "w²" (one hidden layer) or "w³" (two) for the output's: the output's
 * weights form a single row, which lesson 18 writes as a lowercase vector, so the widget does too.
 */
export const weightSymbol = (layout: DeepLayout, layer: number) => layerSymbol(layer === layout.layers ? 'w' : 'W', layer);

/** The matrix the layer's inputs form: X for the first layer, H¹, H², … after it. */
export const inputSymbol = (layer: number) => (layer === 1 ? 'X' : layerSymbol('H', layer - 1));

export interface EntryTerms {
  index: number;
  name: string;
  entry: MatrixEntry;
  /** Sample i's term δᵢ·inputᵢ (a bias: δᵢ): their sum, in order, is the entry of ∂L/∂W or ∂L/∂b. */
  terms: Float64Array;
  /** δ of the unit the entry belongs to, for every sample (a column of Δˡ). */
  delta: Float64Array;
  /** The input the weight multiplies, for every sample (a column of X or Hˡ⁻¹); all 1 for a bias. */
  input: Float64Array;
  /** Σ terms, in sample order: bit for bit the matrix product's entry. */
  sum: number;
  /** The same partial from the matrix product and from the readable backpropagation. */
  matrixValue: number;
  readableValue: number;
  /** "the weight from x2 to h1" */
  meaning: string;
  /** "W¹[1, 2]" */
  address: string;
  /** "Σᵢ Δ¹[i, 1] · X[i, 2]" */
  matrixFormula: string;
}

/** Everything about one parameter's entry (index in layout order). */
export function entryTerms(run: MatrixFormRun, index: number): EntryTerms {
  const entry = matrixEntryOf(run.layout, index);
  const { layer, row, column } = entry;
  const D = run.backward.Delta[layer - 1];
  const H = run.forward.H[layer - 1];
  const delta = Float64Array.from(D, (r) => r[row]);
  const input = entry.matrix === 'W' ? Float64Array.from(H, (r) => r[column]) : new Float64Array(run.n).fill(1);
  const terms = entry.matrix === 'W' ? delta.map((d, i) => d * input[i]) : Float64Array.from(delta);
  let sum = 0;
  for (const t of terms) sum += t;
  const matrixValue = entry.matrix === 'W' ? run.backward.dW[layer - 1][row][column] : run.backward.db[layer - 1][row];
  const to = unitName(run.layout, layer, row);
  const meaning = entry.matrix === 'W' ? `the weight from ${unitName(run.layout, layer - 1, column)} to ${to}` : `the bias of ${to}`;
  const address = entry.matrix === 'W' ? `${weightSymbol(run.layout, layer)}[${row + 1}, ${column + 1}]` : `${layerSymbol('b', layer)}[${row + 1}]`;
  const matrixFormula = entry.matrix === 'W'
    ? `Σᵢ ${layerSymbol('Δ', layer)}[i, ${row + 1}] · ${inputSymbol(layer)}[i, ${column + 1}]`
    : `Σᵢ ${layerSymbol('Δ', layer)}[i, ${row + 1}]`;
  return { index, name: run.names[index], entry, terms, delta, input, sum, matrixValue, readableValue: run.readable[index], meaning, address, matrixFormula };
}

/**
 * Lesson 6's formula for each of the nine partials of 2-2-1, in the lesson's words (index = layout
 * order), so the widget can set it beside the matrix entry that computes it.
 */
export const LESSON_6_FORMULAS: readonly string[] = [
  '(2/N) Σᵢ eᵢ · W5 · ReLU′(z1,ᵢ) · x1,ᵢ',
  '(2/N) Σᵢ eᵢ · W6 · ReLU′(z2,ᵢ) · x1,ᵢ',
  '(2/N) Σᵢ eᵢ · W5 · ReLU′(z1,ᵢ) · x2,ᵢ',
  '(2/N) Σᵢ eᵢ · W6 · ReLU′(z2,ᵢ) · x2,ᵢ',
  '(2/N) Σᵢ eᵢ · h1,ᵢ',
  '(2/N) Σᵢ eᵢ · h2,ᵢ',
  '(2/N) Σᵢ eᵢ · W5 · ReLU′(z1,ᵢ)',
  '(2/N) Σᵢ eᵢ · W6 · ReLU′(z2,ᵢ)',
  '(2/N) Σᵢ eᵢ',
];
