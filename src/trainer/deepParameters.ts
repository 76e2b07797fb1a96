// Where each weight and bias of a network with one or more hidden layers lives in its flat
// parameter vector, and what each is called.
//
// Layers are numbered from the input side. Layer l takes the n(l−1) outputs of the layer before
// it to its own n(l) units; n(0) = 2 (the inputs x1, x2) and the last layer is the single linear
// output. For 2 → H1 → H2 → 1 the sizes are [2, H1, H2, 1] and the layers are 1, 2 and 3 (output).
//
// Layout: every weight first, layer by layer, then every bias, layer by layer:
//   [ W¹ | W² | … | W(out) | b¹ | b² | … | b(out) ]
// and inside one layer's weights, grouped by the unit a weight comes FROM:
//   w(from 1 → to 1), w(from 1 → to 2), …, w(from 2 → to 1), …
// so weight (from k, to j) of layer l sits at weightOffset(l) + k·n(l) + j.
// With one hidden layer this IS parameters.ts's 2-H-1 layout ([x1 weights | x2 weights | output
// weights | hidden biases | output bias]): a 2-2-1 vector reads W1 … B3 either way, and the same
// numbers train the same run. Numbering every weight and then every bias in this order extends the
// course's names: for 2-2-2-1, W1–W4 go x→h¹, W5–W8 h¹→h², W9, W10 h²→out, B1, B2, B3, B4, B5.
import { checkNumber, TrainerInputError } from './errors';
import { MAX_HIDDEN, parameterName } from './parameters';

/** Widths of the hidden layers, input side first: [H1, H2] for 2 → H1 → H2 → 1. */
export type HiddenWidths = readonly number[];

/** Hidden layers a deep network may have (the lessons use two). */
export const MAX_HIDDEN_LAYERS = 4;

/** The widths the deeper lesson starts from: 2 → 2 → 2 → 1. */
export const DEFAULT_DEEP_WIDTHS: HiddenWidths = [2, 2];

/** Where every layer's weights and biases start in the flat vector; computed once per shape. */
export interface DeepLayout {
  /** The hidden widths this layout was made for. */
  readonly hidden: HiddenWidths;
  /** n(l) for l = 0 … layers: [2, H1, …, 1]. */
  readonly sizes: readonly number[];
  /** Number of layers with parameters: the hidden layers and the output layer. */
  readonly layers: number;
  /** weightOffset[l]: index of layer l's first weight (index 0 unused: layer 0 is the input). */
  readonly weightOffset: readonly number[];
  /** biasOffset[l]: index of layer l's first bias. */
  readonly biasOffset: readonly number[];
  readonly parameterCount: number;
}

/** Explains what is wrong with a list of hidden widths, or returns null. */
export function checkHiddenWidths(hidden: unknown): string | null {
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_HIDDEN_LAYERS) {
    return `A network needs between 1 and ${MAX_HIDDEN_LAYERS} hidden layers.`;
  }
  for (let l = 0; l < hidden.length; l++) {
    const problem = checkNumber(`The width of hidden layer ${l + 1}`, hidden[l], 1, MAX_HIDDEN, true);
    if (problem) return problem;
  }
  return null;
}

/** The layout of a network with these hidden widths; throws a TrainerInputError for bad widths. */
export function deepLayout(hidden: HiddenWidths): DeepLayout {
  const problem = checkHiddenWidths(hidden);
  if (problem) throw new TrainerInputError(problem);
  const sizes = [2, ...hidden, 1];
  const layers = sizes.length - 1;
  const weightOffset = [0], biasOffset = [0];
  let next = 0;
  for (let l = 1; l <= layers; l++) {
    weightOffset.push(next);
    next += sizes[l - 1] * sizes[l];
  }
  for (let l = 1; l <= layers; l++) {
    biasOffset.push(next);
    next += sizes[l];
  }
  return { hidden: [...hidden], sizes, layers, weightOffset, biasOffset, parameterCount: next };
}

/** Number of parameters: Σ n(l−1)·n(l) weights and Σ n(l) biases. 2-8-8-1 has 105. */
export function deepParameterCount(hidden: HiddenWidths): number {
  return deepLayout(hidden).parameterCount;
}

/** The network written as its sizes, '2-8-8-1'. */
export function networkLabel(hidden: HiddenWidths): string {
  return [2, ...hidden, 1].join('-');
}

/** Index of the weight of layer l from unit `from` of layer l−1 to unit `to` of layer l (units 0-based). */
export function weightIndex(layout: DeepLayout, l: number, from: number, to: number): number {
  return layout.weightOffset[l] + from * layout.sizes[l] + to;
}

/** Index of the bias of unit `unit` of layer l. */
export function biasIndex(layout: DeepLayout, l: number, unit: number): number {
  return layout.biasOffset[l] + unit;
}

/** What parameter i is: a weight of layer l from one unit to another, or a unit's bias. */
export type DeepParameter =
  | { kind: 'weight'; layer: number; from: number; to: number }
  | { kind: 'bias'; layer: number; unit: number };

/** The inverse of weightIndex and biasIndex. */
export function describeDeepParameter(layout: DeepLayout, i: number): DeepParameter {
  if (!Number.isInteger(i) || i < 0 || i >= layout.parameterCount) {
    throw new TrainerInputError(`A ${networkLabel(layout.hidden)} network has no parameter number ${i}.`);
  }
  const { sizes, layers, weightOffset, biasOffset } = layout;
  for (let l = layers; l >= 1; l--) {
    if (i >= biasOffset[l]) return { kind: 'bias', layer: l, unit: i - biasOffset[l] };
  }
  for (let l = layers; l >= 1; l--) {
    if (i >= weightOffset[l]) {
      const within = i - weightOffset[l];
      return { kind: 'weight', layer: l, from: Math.floor(within / sizes[l]), to: within % sizes[l] };
    }
  }
  throw new TrainerInputError(`No parameter number ${i}.`); // unreachable: weightOffset[1] is 0
}

/**
 * The name of unit `unit` (0-based) of layer l: x1, x2 for the inputs, out for the output, h¹₂
 * (layer as superscript, unit as subscript) for hidden units — or h1, h2 … when there is only one
 * hidden layer, as in the rest of the course.
 */
export function unitName(layout: DeepLayout, l: number, unit: number): string {
  if (l === 0) return `x${unit + 1}`;
  if (l === layout.layers) return 'out';
  if (layout.layers === 2) return `h${unit + 1}`;
  return `h${superscript(l)}${subscript(unit + 1)}`;
}

/** A readable name for parameter i: 'w(h¹₂→h²₁)', 'b(h²₃)', 'b(out)'; W1 … B3 for 2-2-1 as in parameters.ts. */
export function deepParameterName(layout: DeepLayout, i: number): string {
  if (layout.layers === 2) return parameterName(i, layout.sizes[1]);
  const p = describeDeepParameter(layout, i);
  return p.kind === 'weight'
    ? `w(${unitName(layout, p.layer - 1, p.from)}→${unitName(layout, p.layer, p.to)})`
    : `b(${unitName(layout, p.layer, p.unit)})`;
}

/** Throws a clear error when a parameter vector does not fit the layout. */
export function checkDeepShape(params: ArrayLike<number>, layout: DeepLayout): void {
  if (params.length !== layout.parameterCount) {
    throw new TrainerInputError(
      `A ${networkLabel(layout.hidden)} network has ${layout.parameterCount} parameters, not ${params.length}.`,
    );
  }
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const superscript = (n: number) => Array.from(String(n), (d) => SUPERSCRIPT[Number(d)]).join('');
const subscript = (n: number) => Array.from(String(n), (d) => SUBSCRIPT[Number(d)]).join('');
