// The exercises' functions in the lab's plain API, written once with switches: all switches off
// is the correct version (the diagnosis's baseline and the functions the course gives); each
// switch is one typical mistake. Deliberately independent of the trainer's code, which computes
// the expected values: a check compares a student with the trainer, and a diagnosis compares
// the student's wrong numbers with these wrong versions.
import type { LabData, LayeredParams, NamedParams } from './values';
import { NAMES } from './values';

export interface ForwardResult {
  z1: number;
  z2: number;
  h1: number;
  h2: number;
  yhat: number;
}

export interface ForwardMistakes {
  /** h = z: the hidden units skip ReLU. */
  noRelu?: boolean;
  /** ŷ also goes through ReLU (the output is linear). */
  reluOnOutput?: boolean;
  /** W2 and W3 swapped: z1 = W1·x1 + W2·x2 + B1, z2 = W3·x1 + W4·x2 + B2. */
  swapW2W3?: boolean;
  /** ŷ = W5·z1 + W6·z2 + B3: the output adds the pre-activations. */
  outputFromZ?: boolean;
  /** ŷ = W6·h1 + W5·h2 + B3. */
  swapW5W6?: boolean;
  noHiddenBias?: boolean;
  noOutputBias?: boolean;
}

export const relu = (z: number) => (z > 0 ? z : 0);
export const reluPrime = (z: number) => (z > 0 ? 1 : 0);

export function forwardWith(m: ForwardMistakes = {}) {
  return (p: NamedParams, x1: number, x2: number): ForwardResult => {
    const [a, b] = m.swapW2W3 ? [p.W2, p.W3] : [p.W3, p.W2];
    const z1 = p.W1 * x1 + a * x2 + (m.noHiddenBias ? 0 : p.B1);
    const z2 = b * x1 + p.W4 * x2 + (m.noHiddenBias ? 0 : p.B2);
    const h1 = m.noRelu ? z1 : relu(z1);
    const h2 = m.noRelu ? z2 : relu(z2);
    const [u1, u2] = m.outputFromZ ? [z1, z2] : [h1, h2];
    const [w5, w6] = m.swapW5W6 ? [p.W6, p.W5] : [p.W5, p.W6];
    const out = w5 * u1 + w6 * u2 + (m.noOutputBias ? 0 : p.B3);
    return { z1, z2, h1, h2, yhat: m.reluOnOutput ? relu(out) : out };
  };
}

export const forward = forwardWith();

export interface LossMistakes {
  /** What Σ is divided by. */
  divideBy?: 'N' | 'nothing' | '2N' | 'N-1';
  /** What each residual becomes before summing. */
  residual?: 'square' | 'plain' | 'absolute';
  squareRoot?: boolean;
  /** sum = … instead of sum += …: only the last sample counts. */
  lastSampleOnly?: boolean;
}

export function lossWith(m: LossMistakes = {}) {
  return (p: NamedParams, data: LabData): number => {
    const N = data.y.length;
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const e = forward(p, data.x1[i], data.x2[i]).yhat - data.y[i];
      const term = m.residual === 'plain' ? e : m.residual === 'absolute' ? Math.abs(e) : e * e;
      sum = m.lastSampleOnly ? term : sum + term;
    }
    const divisor = { N, nothing: 1, '2N': 2 * N, 'N-1': N - 1 }[m.divideBy ?? 'N'];
    const mean = sum / divisor;
    return m.squareRoot ? Math.sqrt(mean) : mean;
  };
}

export const loss = lossWith();

export interface GradientMistakes {
  /** The factor in ∂L/∂ŷ = factor·e: 2/N is right. */
  factor?: '2/N' | '1/N' | '2' | '1';
  /** e = y − ŷ instead of ŷ − y. */
  flipSign?: boolean;
  /** dW = … instead of dW += …: only the last sample's term survives. */
  lastSampleOnly?: boolean;
  /** What gates the error entering a hidden unit: ReLU'(z) is right. */
  mask?: 'reluPrime' | 'none' | 'relu' | 'reluPrimeAtZeroIsOne';
  /** Only this unit's error passes without its ReLU' (the other unit has it). */
  unmaskedUnit?: 1 | 2;
  /** ∂L/∂W2 and ∂L/∂W3 exchanged (the wiring W2: x1→h2, W3: x2→h1 misread). */
  swapW2W3?: boolean;
  /** x1 and x2 exchanged in the first layer's partials. */
  swapInputs?: boolean;
  /** The error reaches h1 through W6 and h2 through W5. */
  crossOutputWeights?: boolean;
  /** The error reaches the hidden units without the factor W5 or W6. */
  noOutputWeight?: boolean;
  /** ∂L/∂W5 uses z1 (and ∂L/∂W6 uses z2) instead of h1 and h2. */
  outputFromZ?: boolean;
}

export function backwardWith(m: GradientMistakes = {}) {
  return (p: NamedParams, data: LabData): NamedParams => {
    const N = data.y.length;
    const factor = { '2/N': 2 / N, '1/N': 1 / N, '2': 2, '1': 1 }[m.factor ?? '2/N'];
    const g: NamedParams = { W1: 0, W2: 0, W3: 0, W4: 0, W5: 0, W6: 0, B1: 0, B2: 0, B3: 0 };
    const gate = (z: number) => {
      switch (m.mask ?? 'reluPrime') {
        case 'none': return 1;
        case 'relu': return relu(z);
        case 'reluPrimeAtZeroIsOne': return z >= 0 ? 1 : 0;
        default: return reluPrime(z);
      }
    };
    for (let i = 0; i < N; i++) {
      const x1 = data.x1[i], x2 = data.x2[i];
      const { z1, z2, h1, h2, yhat } = forward(p, x1, x2);
      const e = m.flipSign ? data.y[i] - yhat : yhat - data.y[i];
      const d = factor * e;
      const [w5, w6] = m.crossOutputWeights ? [p.W6, p.W5] : [p.W5, p.W6];
      const d1 = d * (m.noOutputWeight ? 1 : w5) * (m.unmaskedUnit === 1 ? 1 : gate(z1));
      const d2 = d * (m.noOutputWeight ? 1 : w6) * (m.unmaskedUnit === 2 ? 1 : gate(z2));
      const [a1, a2] = m.swapInputs ? [x2, x1] : [x1, x2];
      const terms: NamedParams = {
        W1: d1 * a1, W2: d2 * a1, W3: d1 * a2, W4: d2 * a2,
        W5: d * (m.outputFromZ ? z1 : h1), W6: d * (m.outputFromZ ? z2 : h2),
        B1: d1, B2: d2, B3: d,
      };
      if (m.swapW2W3) [terms.W2, terms.W3] = [terms.W3, terms.W2];
      for (const name of NAMES) g[name] = m.lastSampleOnly ? terms[name] : g[name] + terms[name];
    }
    return g;
  };
}

export const backward = backwardWith();

export function outputPartialsWith(m: GradientMistakes = {}) {
  const full = backwardWith(m);
  return (p: NamedParams, data: LabData) => {
    const g = full(p, data);
    return { W5: g.W5, W6: g.W6, B3: g.B3 };
  };
}

export interface StepMistakes {
  /** θ + η·g: uphill. */
  plus?: boolean;
  /** θ − g: the learning rate forgotten. */
  noRate?: boolean;
  /** θ − g/η. */
  divideByRate?: boolean;
  /** Only the weights move; the biases stay. */
  weightsOnly?: boolean;
  /** Returns −η·g, the step itself, not the new parameters. */
  returnsStep?: boolean;
}

export function stepWith(m: StepMistakes = {}) {
  return (p: NamedParams, g: NamedParams, rate: number): NamedParams => {
    const out = {} as NamedParams;
    for (const name of NAMES) {
      const move = m.noRate ? g[name] : m.divideByRate ? g[name] / rate : rate * g[name];
      const frozen = m.weightsOnly && name.startsWith('B');
      const next = frozen ? p[name] : m.plus ? p[name] + move : p[name] - move;
      out[name] = m.returnsStep ? next - p[name] : next;
    }
    return out;
  };
}

export const step = stepWith();

export interface TrainMistakes {
  /** Each parameter is updated as soon as its partial is known, so later partials see updated parameters. */
  updateWhileComputing?: boolean;
  /** losses[e] is recorded after the update instead of before. */
  lossAfterUpdate?: boolean;
  /** Every epoch starts again from the parameters given (the update is never kept). */
  neverKeepsUpdate?: boolean;
  /** One epoch more (or fewer) than asked. */
  epochOffset?: -1 | 1;
}

export interface TrainResult {
  params: NamedParams;
  losses: number[];
}

export function trainWith(m: TrainMistakes = {}) {
  return (start: NamedParams, data: LabData, rate: number, epochs: number): TrainResult => {
    let p = { ...start };
    const losses: number[] = [];
    const runs = Math.max(0, epochs + (m.epochOffset ?? 0));
    for (let epoch = 0; epoch < runs; epoch++) {
      if (!m.lossAfterUpdate) losses.push(loss(p, data));
      if (m.updateWhileComputing) {
        for (const name of NAMES) p[name] -= rate * backward(p, data)[name];
      } else {
        const next = step(p, backward(p, data), rate);
        if (!m.neverKeepsUpdate) p = next;
      }
      if (m.lossAfterUpdate) losses.push(loss(p, data));
    }
    return { params: p, losses };
  };
}

export const train = trainWith();

// ---- any width H ------------------------------------------------------------------------

export interface LayeredForward {
  z: number[];
  h: number[];
  yhat: number;
}

export interface GeneralMistakes {
  noRelu?: boolean;
  /** Only units 1 and 2 are computed, whatever the width. */
  twoUnitsOnly?: boolean;
  /** Every unit's error goes back through wout[0]. */
  firstOutputWeightForAll?: boolean;
  mask?: 'reluPrime' | 'none';
  factor?: '2/N' | '1/N' | '1';
  flipSign?: boolean;
  lastSampleOnly?: boolean;
}

export function forwardHWith(m: GeneralMistakes = {}) {
  return (p: LayeredParams, x1: number, x2: number): LayeredForward => {
    // A loop hard-coded to two units reads past the arrays of a narrower network (NaN), as a student's would.
    const H = m.twoUnitsOnly ? 2 : p.wout.length;
    const z: number[] = [], h: number[] = [];
    let yhat = p.bout;
    for (let k = 0; k < H; k++) {
      z.push(p.wx1[k] * x1 + p.wx2[k] * x2 + p.bh[k]);
      h.push(m.noRelu ? z[k] : relu(z[k]));
      yhat += p.wout[k] * h[k];
    }
    return { z, h, yhat };
  };
}

export const forwardH = forwardHWith();

export function backwardHWith(m: GeneralMistakes = {}) {
  const fwd = forwardHWith(m);
  return (p: LayeredParams, data: LabData): LayeredParams => {
    const N = data.y.length, H = p.wout.length;
    const factor = { '2/N': 2 / N, '1/N': 1 / N, '1': 1 }[m.factor ?? '2/N'];
    const zeros = () => new Array<number>(H).fill(0);
    const g: LayeredParams = { wx1: zeros(), wx2: zeros(), wout: zeros(), bh: zeros(), bout: 0 };
    const add = (target: number[], k: number, value: number) => (target[k] = m.lastSampleOnly ? value : target[k] + value);
    for (let i = 0; i < N; i++) {
      const { z, h, yhat } = fwd(p, data.x1[i], data.x2[i]);
      const e = m.flipSign ? data.y[i] - yhat : yhat - data.y[i];
      const d = factor * e;
      g.bout = m.lastSampleOnly ? d : g.bout + d;
      // A forward pass that stopped after two units leaves the other units' gradients at 0.
      for (let k = 0; k < z.length; k++) {
        add(g.wout, k, d * h[k]);
        const gate = m.mask === 'none' || m.noRelu ? 1 : reluPrime(z[k]);
        const dz = d * (m.firstOutputWeightForAll ? p.wout[0] : p.wout[k]) * gate;
        add(g.wx1, k, dz * data.x1[i]);
        add(g.wx2, k, dz * data.x2[i]);
        add(g.bh, k, dz);
      }
    }
    return g;
  };
}

export const backwardH = backwardHWith();
