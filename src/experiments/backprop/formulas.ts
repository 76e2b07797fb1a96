// The nine partial derivatives exactly as lesson 6 prints them: each printed formula's TeX
// beside a plain, term-by-term transcription of it. This is deliberately NOT the trainer's
// code: a test evaluates every transcription on the lesson's example and holds it against
// lossAndGradient, and checks that the lesson prints each TeX string verbatim, so the
// derivation on the page and the gradient the site trains with cannot drift apart.
// The gradient inspector shows the same formulas with live numbers (its second form below).
import { relu, reluPrime } from '../../trainer/activation';
import type { Dataset } from '../../trainer/data';
import { B1, B2, B3, W1, W2, W3, W4, W5, W6, PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';

/** Every per-sample number of one forward pass over the data (lesson 4), as columns. */
export interface ForwardColumns {
  N: number;
  x1: Float64Array;
  x2: Float64Array;
  z1: Float64Array;
  z2: Float64Array;
  h1: Float64Array;
  h2: Float64Array;
  yhat: Float64Array;
  /** e_i = ŷ_i − y_i */
  e: Float64Array;
}

export function forwardColumns(p: Parameters, data: Dataset): ForwardColumns {
  const N = data.n;
  const col = () => new Float64Array(N);
  const c: ForwardColumns = { N, x1: data.x1, x2: data.x2, z1: col(), z2: col(), h1: col(), h2: col(), yhat: col(), e: col() };
  for (let i = 0; i < N; i++) {
    c.z1[i] = p[W1] * data.x1[i] + p[W3] * data.x2[i] + p[B1];
    c.z2[i] = p[W2] * data.x1[i] + p[W4] * data.x2[i] + p[B2];
    c.h1[i] = relu(c.z1[i]);
    c.h2[i] = relu(c.z2[i]);
    c.yhat[i] = p[W5] * c.h1[i] + p[W6] * c.h2[i] + p[B3];
    c.e[i] = c.yhat[i] - data.y[i];
  }
  return c;
}

/** Σ_{i=1}^{N} term(i), in sample order. */
function sum(N: number, term: (i: number) => number): number {
  let s = 0;
  for (let i = 0; i < N; i++) s += term(i);
  return s;
}

export interface PrintedPartial {
  /** The formula as the lesson prints it (display math, verbatim). */
  tex: string;
  /** The same formula, term by term. */
  evaluate(p: Parameters, c: ForwardColumns): number;
}

/** The nine formulas of lesson 6, output layer first, in the lesson's order. */
export const PRINTED_PARTIALS: Record<ParameterName, PrintedPartial> = {
  B3: {
    tex: String.raw`\frac{\partial L}{\partial B_3} = \frac{2}{N}\sum_{i=1}^{N} e_i`,
    evaluate: (_p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i]),
  },
  W5: {
    tex: String.raw`\frac{\partial L}{\partial W_5} = \frac{2}{N}\sum_{i=1}^{N} e_i\, h_{1,i}`,
    evaluate: (_p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * c.h1[i]),
  },
  W6: {
    tex: String.raw`\frac{\partial L}{\partial W_6} = \frac{2}{N}\sum_{i=1}^{N} e_i\, h_{2,i}`,
    evaluate: (_p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * c.h2[i]),
  },
  B1: {
    tex: String.raw`\frac{\partial L}{\partial B_1} = \frac{2}{N}\sum_{i=1}^{N} e_i\, W_5\, \operatorname{ReLU}'(z_{1,i})`,
    evaluate: (p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * p[W5] * reluPrime(c.z1[i])),
  },
  W1: {
    tex: String.raw`\frac{\partial L}{\partial W_1} = \frac{2}{N}\sum_{i=1}^{N} e_i\, W_5\, \operatorname{ReLU}'(z_{1,i})\, x_{1,i}`,
    evaluate: (p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * p[W5] * reluPrime(c.z1[i]) * c.x1[i]),
  },
  W3: {
    tex: String.raw`\frac{\partial L}{\partial W_3} = \frac{2}{N}\sum_{i=1}^{N} e_i\, W_5\, \operatorname{ReLU}'(z_{1,i})\, x_{2,i}`,
    evaluate: (p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * p[W5] * reluPrime(c.z1[i]) * c.x2[i]),
  },
  B2: {
    tex: String.raw`\frac{\partial L}{\partial B_2} = \frac{2}{N}\sum_{i=1}^{N} e_i\, W_6\, \operatorname{ReLU}'(z_{2,i})`,
    evaluate: (p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * p[W6] * reluPrime(c.z2[i])),
  },
  W2: {
    tex: String.raw`\frac{\partial L}{\partial W_2} = \frac{2}{N}\sum_{i=1}^{N} e_i\, W_6\, \operatorname{ReLU}'(z_{2,i})\, x_{1,i}`,
    evaluate: (p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * p[W6] * reluPrime(c.z2[i]) * c.x1[i]),
  },
  W4: {
    tex: String.raw`\frac{\partial L}{\partial W_4} = \frac{2}{N}\sum_{i=1}^{N} e_i\, W_6\, \operatorname{ReLU}'(z_{2,i})\, x_{2,i}`,
    evaluate: (p, c) => (2 / c.N) * sum(c.N, (i) => c.e[i] * p[W6] * reluPrime(c.z2[i]) * c.x2[i]),
  },
};

/** The lesson's order: output layer, then unit 1, then unit 2. */
export const LESSON_ORDER: readonly ParameterName[] = ['B3', 'W5', 'W6', 'B1', 'W1', 'W3', 'B2', 'W2', 'W4'];

/**
 * The second, factored form the lesson derives and the gradient inspector shows with live
 * numbers: a hidden parameter's outgoing weight is the same for every sample, so it comes out
 * of the sum, and ReLU'(z) = 0 drops the samples where the unit is off:
 *   ∂L/∂W1 = W5 · (2/N) · Σ_{i: z1i > 0} e_i x1i
 */
export interface FactoredPartial {
  /** W5 or W6 for a hidden unit's parameters; null for the output layer's. */
  factor: number | null;
  /** The sum after the factor and 2/N are taken out. */
  sum: number;
  /** How many samples the sum runs over (all N for the output bias; where the unit is on otherwise). */
  terms: number;
  /** factor · (2/N) · sum */
  value: number;
}

export function factoredPartials(p: Parameters, c: ForwardColumns): Record<ParameterName, FactoredPartial> {
  const on1: number[] = [], on2: number[] = [];
  for (let i = 0; i < c.N; i++) {
    if (c.z1[i] > 0) on1.push(i);
    if (c.z2[i] > 0) on2.push(i);
  }
  const over = (rows: number[], term: (i: number) => number) => rows.reduce((s, i) => s + term(i), 0);
  const make = (factor: number | null, rows: number[], term: (i: number) => number): FactoredPartial => {
    const s = over(rows, term);
    return { factor, sum: s, terms: rows.length, value: (factor ?? 1) * (2 / c.N) * s };
  };
  const all = Array.from({ length: c.N }, (_, i) => i);
  return {
    B3: make(null, all, (i) => c.e[i]),
    // h1 = 0 where unit 1 is off, so only its "on" samples add to the sum.
    W5: make(null, on1, (i) => c.e[i] * c.h1[i]),
    W6: make(null, on2, (i) => c.e[i] * c.h2[i]),
    B1: make(p[W5], on1, (i) => c.e[i]),
    W1: make(p[W5], on1, (i) => c.e[i] * c.x1[i]),
    W3: make(p[W5], on1, (i) => c.e[i] * c.x2[i]),
    B2: make(p[W6], on2, (i) => c.e[i]),
    W2: make(p[W6], on2, (i) => c.e[i] * c.x1[i]),
    W4: make(p[W6], on2, (i) => c.e[i] * c.x2[i]),
  };
}

/** The nine printed formulas evaluated, in layout order W1…B3 (to compare with the trainer's gradient). */
export function printedGradient(p: Parameters, data: Dataset): Float64Array {
  const c = forwardColumns(p, data);
  return Float64Array.from(PARAMETER_NAMES, (name) => PRINTED_PARTIALS[name].evaluate(p, c));
}
