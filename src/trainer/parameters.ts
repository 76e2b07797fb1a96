// Where each weight and bias lives in the flat parameter vector.
//
// Layout for hidden width H (length 4H + 1):
//   [ w(x1→h1..hH) | w(x2→h1..hH) | w(h1..hH→out) | b(h1..hH) | b(out) ]
// For H = 2 this is exactly the course's naming:
//   W1 x1→h1, W2 x1→h2, W3 x2→h1, W4 x2→h2, W5 h1→out, W6 h2→out, B1, B2, B3.
import { TrainerInputError } from './errors';

/** Parameters of a 2-H-1 network in the layout above. */
export type Parameters = Float64Array;

export const W1 = 0;
export const W2 = 1;
export const W3 = 2;
export const W4 = 3;
export const W5 = 4;
export const W6 = 5;
export const B1 = 6;
export const B2 = 7;
export const B3 = 8;

/** The nine names, in layout order, for the course's H = 2 network. */
export const PARAMETER_NAMES = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3'] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

export const DEFAULT_HIDDEN = 2;
export const MAX_HIDDEN = 16;

/** Number of parameters for hidden width H: H weights from each input, H to the output, H + 1 biases. */
export function parameterCount(hidden: number = DEFAULT_HIDDEN): number {
  return 4 * hidden + 1;
}

/** Index of the weight from input x1 to hidden unit k (0-based). */
export const weightFromX1 = (k: number, _hidden: number = DEFAULT_HIDDEN) => k;
/** Index of the weight from input x2 to hidden unit k. */
export const weightFromX2 = (k: number, hidden: number = DEFAULT_HIDDEN) => hidden + k;
/** Index of the weight from hidden unit k to the output. */
export const weightToOutput = (k: number, hidden: number = DEFAULT_HIDDEN) => 2 * hidden + k;
/** Index of hidden unit k's bias. */
export const hiddenBias = (k: number, hidden: number = DEFAULT_HIDDEN) => 3 * hidden + k;
/** Index of the output bias. */
export const outputBias = (hidden: number = DEFAULT_HIDDEN) => 4 * hidden;

/** A readable name for parameter i: W1…B3 for H = 2, otherwise a descriptive label. */
export function parameterName(i: number, hidden: number = DEFAULT_HIDDEN): string {
  if (hidden === 2) return PARAMETER_NAMES[i];
  const H = hidden;
  if (i < H) return `w(x1→h${i + 1})`;
  if (i < 2 * H) return `w(x2→h${i - H + 1})`;
  if (i < 3 * H) return `w(h${i - 2 * H + 1}→out)`;
  if (i < 4 * H) return `b(h${i - 3 * H + 1})`;
  return 'b(out)';
}

/** What parameter i connects, for any hidden width: "x1 → h1", "h2 → ŷ", "bias of h1", "bias of ŷ". */
export function parameterConnection(i: number, hidden: number = DEFAULT_HIDDEN): string {
  const H = hidden;
  if (i < H) return `x1 → h${i + 1}`;
  if (i < 2 * H) return `x2 → h${i - H + 1}`;
  if (i < 3 * H) return `h${i - 2 * H + 1} → ŷ`;
  if (i < 4 * H) return `bias of h${i - 3 * H + 1}`;
  return 'bias of ŷ';
}

/**
 * The hidden width H of a parameter vector, read from its length 4H + 1. Every function that
 * takes a parameter vector and no width uses this, so a 17-value vector means H = 4 everywhere.
 * Throws a TrainerInputError for a length that fits no network (not 5, 9, 13, …).
 */
export function hiddenWidthOf(params: ArrayLike<number>): number {
  const length = params?.length;
  const H = (length - 1) / 4;
  if (Number.isInteger(H) && H >= 1) return H;
  throw new TrainerInputError(
    `A network's parameters are 4H + 1 numbers for H hidden units (9 for the course's 2 units), so ${typeof length === 'number' ? length : 'no'} numbers fit no network.`,
  );
}

/** The four parameters that belong to hidden unit k: its two input weights, its output weight and its bias. */
export function unitParameters(k: number, hidden: number = DEFAULT_HIDDEN): number[] {
  return [weightFromX1(k, hidden), weightFromX2(k, hidden), weightToOutput(k, hidden), hiddenBias(k, hidden)];
}

/** Builds a parameter vector from the nine named values (H = 2). */
export function fromNamed(values: Record<ParameterName, number>): Parameters {
  return Float64Array.from(PARAMETER_NAMES, (name) => values[name]);
}

/** The nine named values of an H = 2 parameter vector. */
export function toNamed(params: Parameters): Record<ParameterName, number> {
  const out = {} as Record<ParameterName, number>;
  PARAMETER_NAMES.forEach((name, i) => (out[name] = params[i]));
  return out;
}
