// The network in the matrix form every library uses: all N samples at once, one matrix product per
// layer. Small pure functions over plain arrays (no library), for the lesson and its widgets.
//
//   X  = the N × 2 inputs, one sample per row;  H⁰ = X
//   Zˡ = H^{l−1}·(Wˡ)ᵀ + bˡ      (Wˡ is n(l) × n(l−1): row = the unit a weight goes to, column = where it
//                                 comes from; bˡ is added to every row)
//   Hˡ = ReLU(Zˡ)  for the hidden layers;  Ŷ = the last layer's Z (a linear output)
//   L  = (1/N) Σ (Ŷ − Y)²
// and backward, one line per layer:
//   Δ(out) = (2/N)·(Ŷ − Y)                        (N × 1: ∂L/∂ŷ for every sample)
//   ∂L/∂Wˡ = (Δˡ)ᵀ·H^{l−1}                        (each entry sums δ × input over the samples)
//   ∂L/∂bˡ = 1ᵀ·Δˡ                                (column sums)
//   Δ^{l−1} = (Δˡ·Wˡ) ⊙ ReLU′(Z^{l−1})             (row by row: δ = (Wᵀδ_next) ⊙ ReLU′(z))
// Every product sums in the order backprop.ts and deepBackprop.ts do, so all three agree bit for bit.
import { relu, reluPrime } from './activation';
import type { LossAndGradient } from './backprop';
import { biasIndex, checkDeepShape, deepParameterName, describeDeepParameter, weightIndex, type DeepLayout } from './deepParameters';
import { TrainerInputError } from './errors';
import type { Samples } from './gradient';
import type { Parameters } from './parameters';

/** A matrix as its rows: m[row][column]. */
export type Matrix = number[][];

/** A·B: entry (i, j) = Σ_k A[i][k]·B[k][j], summed over k in order. */
export function matMul(A: Matrix, B: Matrix): Matrix {
  const inner = B.length;
  if (A.some((row) => row.length !== inner)) {
    throw new TrainerInputError(`Cannot multiply: A has ${A[0]?.length ?? 0} columns but B has ${inner} rows.`);
  }
  const columns = inner ? B[0].length : 0;
  return A.map((row) =>
    Array.from({ length: columns }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += row[k] * B[k][j];
      return sum;
    }),
  );
}

/** Aᵀ: rows become columns. */
export function transpose(A: Matrix): Matrix {
  const columns = A.length ? A[0].length : 0;
  return Array.from({ length: columns }, (_, j) => A.map((row) => row[j]));
}

/** A + b with the vector b added to every row (a bias, the same for every sample). */
export function addToEveryRow(A: Matrix, b: readonly number[]): Matrix {
  return A.map((row) => row.map((v, j) => v + b[j]));
}

/** f applied to every entry: ReLU(Z), ReLU′(Z). */
export function mapEntries(A: Matrix, f: (v: number) => number): Matrix {
  return A.map((row) => row.map(f));
}

/** A ⊙ B: entry by entry. */
export function hadamard(A: Matrix, B: Matrix): Matrix {
  return A.map((row, i) => row.map((v, j) => v * B[i][j]));
}

/** 1ᵀ·A: the sum of each column, over the rows in order. */
export function columnSums(A: Matrix): number[] {
  const sums = new Array<number>(A.length ? A[0].length : 0).fill(0);
  for (const row of A) row.forEach((v, j) => (sums[j] += v));
  return sums;
}

/** One layer's parameters as a matrix and a vector. */
export interface LayerMatrices {
  /** Wˡ, n(l) × n(l−1): W[to][from]. */
  W: Matrix;
  /** bˡ, one bias per unit. */
  b: number[];
}

/** The flat parameter vector (deepParameters.ts's layout) as Wˡ and bˡ for l = 1 … layers (index l − 1). */
export function layerMatrices(params: Parameters, layout: DeepLayout): LayerMatrices[] {
  checkDeepShape(params, layout);
  const layers: LayerMatrices[] = [];
  for (let l = 1; l <= layout.layers; l++) {
    const rows = layout.sizes[l], columns = layout.sizes[l - 1];
    layers.push({
      W: Array.from({ length: rows }, (_, to) => Array.from({ length: columns }, (_, from) => params[weightIndex(layout, l, from, to)])),
      b: Array.from({ length: rows }, (_, to) => params[biasIndex(layout, l, to)]),
    });
  }
  return layers;
}

/** X: the inputs, one sample per row (x1, x2). */
export function inputMatrix(data: Samples & { n: number }): Matrix {
  return Array.from({ length: data.n }, (_, i) => [data.x1[i], data.x2[i]]);
}

export interface MatrixForwardPass {
  /** H⁰ = X, then H¹ … for each hidden layer (H[l] is N × n(l)). */
  H: Matrix[];
  /** Z¹ … Z^{layers}; the last is Ŷ (N × 1). Z[l − 1] is layer l's. */
  Z: Matrix[];
  /** Ŷ, N × 1. */
  Yhat: Matrix;
}

/** The forward pass for all samples at once: Zˡ = H^{l−1}·(Wˡ)ᵀ + bˡ, Hˡ = ReLU(Zˡ). */
export function matrixForward(params: Parameters, layout: DeepLayout, data: Samples & { n: number }): MatrixForwardPass {
  const layers = layerMatrices(params, layout);
  const H = [inputMatrix(data)], Z: Matrix[] = [];
  layers.forEach(({ W, b }, index) => {
    Z.push(addToEveryRow(matMul(H[index], transpose(W)), b));
    if (index < layers.length - 1) H.push(mapEntries(Z[index], relu));
  });
  return { H, Z, Yhat: Z[Z.length - 1] };
}

export interface MatrixBackwardPass extends LossAndGradient {
  /** Δˡ = ∂L/∂Zˡ for l = 1 … layers (N × n(l)); the last is Δ(out) = (2/N)(Ŷ − Y). */
  Delta: Matrix[];
  /** ∂L/∂Wˡ, the shape of Wˡ. */
  dW: Matrix[];
  /** ∂L/∂bˡ. */
  db: number[][];
}

/** The backward pass in matrix form; `grad` holds the same partials in the flat layout order. */
export function matrixBackward(params: Parameters, layout: DeepLayout, data: Samples & { n: number }, pass = matrixForward(params, layout, data)): MatrixBackwardPass {
  const N = data.n;
  const layers = layerMatrices(params, layout);
  const E = pass.Yhat.map((row, i) => [row[0] - data.y[i]]);
  let loss = 0;
  for (const [e] of E) loss += e * e;
  const Delta: Matrix[] = new Array(layout.layers);
  const dW: Matrix[] = new Array(layout.layers), db: number[][] = new Array(layout.layers);
  Delta[layout.layers - 1] = E.map(([e]) => [(2 / N) * e]);
  for (let l = layout.layers; l >= 1; l--) {
    const D = Delta[l - 1];
    dW[l - 1] = matMul(transpose(D), pass.H[l - 1]);
    db[l - 1] = columnSums(D);
    if (l > 1) Delta[l - 2] = hadamard(matMul(D, layers[l - 1].W), mapEntries(pass.Z[l - 2], reluPrime));
  }
  const grad = new Float64Array(layout.parameterCount);
  for (let l = 1; l <= layout.layers; l++) {
    dW[l - 1].forEach((row, to) => row.forEach((g, from) => (grad[weightIndex(layout, l, from, to)] = g)));
    db[l - 1].forEach((g, to) => (grad[biasIndex(layout, l, to)] = g));
  }
  return { loss: loss / N, grad, Delta, dW, db };
}

/** Where a parameter sits in the matrix form: entry (row, column) of Wˡ, or entry row of bˡ (column 0). */
export interface MatrixEntry {
  matrix: 'W' | 'b';
  /** The layer l, from 1 (the last is the output layer). */
  layer: number;
  /** 0-based: the unit the weight goes to, or the unit whose bias it is. */
  row: number;
  /** 0-based: the unit (or input) the weight comes from; 0 for a bias. */
  column: number;
}

/** The entry of Wˡ or bˡ that holds parameter i. */
export function matrixEntryOf(layout: DeepLayout, i: number): MatrixEntry {
  const p = describeDeepParameter(layout, i);
  return p.kind === 'weight'
    ? { matrix: 'W', layer: p.layer, row: p.to, column: p.from }
    : { matrix: 'b', layer: p.layer, row: p.unit, column: 0 };
}

/** The parameter an entry holds: its index in the flat vector and its name (W1 … B3 for 2-2-1). */
export function parameterAtEntry(layout: DeepLayout, entry: MatrixEntry): { index: number; name: string } {
  const { matrix, layer, row, column } = entry;
  const fits = Number.isInteger(layer) && layer >= 1 && layer <= layout.layers
    && Number.isInteger(row) && row >= 0 && row < layout.sizes[layer]
    && Number.isInteger(column) && column >= 0 && column < (matrix === 'W' ? layout.sizes[layer - 1] : 1);
  if (!fits) throw new TrainerInputError(`Layer ${layer}'s ${matrix === 'W' ? 'weight matrix' : 'bias vector'} has no entry in row ${row + 1}, column ${column + 1}.`);
  const index = matrix === 'W' ? weightIndex(layout, layer, column, row) : biasIndex(layout, layer, row);
  return { index, name: deepParameterName(layout, index) };
}
