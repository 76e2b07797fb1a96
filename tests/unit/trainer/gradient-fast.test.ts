// The fast passes (hand-written for H = 2, generated for 4, 8 and 16, one loop over units for
// any other width) against a plain per-sample, per-unit loop that takes every sum in the order
// the lesson writes it. They must agree bit for bit: the trainer's runs, the lessons' printed
// numbers and the Node/browser replay all rest on it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backpropagate, backpropagate221, datasetFromArrays, gradientScratchLength, relu, reluPrime, hiddenBias, initParams, lossAndGradient, lossAndGradientInto, makeDataset,
  makeRandom, outputBias, parameterCount, train, uniform, weightFromX1, weightFromX2, weightToOutput, type Dataset,
} from '../../../src/trainer';
import { GENERATED_PATH, UNROLLED_WIDTHS, unrolledGradientSource } from '../../../scripts/generate-gradient';

/** The pass as the lesson writes it, for samples start..end: forward, e = ŷ − y, then each unit's four sums. */
function referencePass(p: Float64Array, data: Dataset, H: number, start = 0, end = data.n): { loss: number; grad: number[] } {
  const grad = new Array<number>(parameterCount(H)).fill(0);
  let loss = 0;
  for (let i = start; i < end; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const z: number[] = [];
    let yhat = p[outputBias(H)];
    for (let k = 0; k < H; k++) {
      z.push(p[weightFromX1(k, H)] * x1 + p[weightFromX2(k, H)] * x2 + p[hiddenBias(k, H)]);
      if (z[k] > 0) yhat += p[weightToOutput(k, H)] * z[k];
    }
    const e = yhat - data.y[i];
    loss += e * e;
    grad[outputBias(H)] += e;
    for (let k = 0; k < H; k++) {
      if (!(z[k] > 0)) continue; // ReLU'(z) = 0 for z ≤ 0
      grad[weightToOutput(k, H)] += e * z[k];
      const d = e * p[weightToOutput(k, H)];
      grad[weightFromX1(k, H)] += d * x1;
      grad[weightFromX2(k, H)] += d * x2;
      grad[hiddenBias(k, H)] += d;
    }
  }
  const m = end - start;
  return { loss: loss / m, grad: grad.map((g) => g * (2 / m)) };
}

/** A random network and data set with continuous values (see gradient.test.ts), some units dead, some always on. */
const randomCase = (hidden: number) =>
  fc.record({ seed: fc.integer(), n: fc.integer({ min: 1, max: 40 }), scale: fc.constantFrom(0.3, 1, 3, 1e3) }).map(({ seed, n, scale }) => {
    const random = makeRandom(`fast:${seed}`);
    const draw = (s: number) => uniform(random, -s, s);
    const params = Float64Array.from({ length: parameterCount(hidden) }, () => draw(scale));
    const column = () => Array.from({ length: n }, () => draw(2));
    return { params, data: datasetFromArrays(column(), column(), column()) };
  });

const bits = (values: ArrayLike<number>) => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('the fast loss-and-gradient passes', () => {
  for (const hidden of [1, 2, 3, 4, 5, 8, 16]) {
    it(`equal the lesson's loop bit for bit at H = ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(hidden), ({ params, data }) => {
          const fast = lossAndGradient(params, data, hidden);
          const reference = referencePass(params, data, hidden);
          expect(bits([fast.loss])).toEqual(bits([reference.loss]));
          expect(bits(fast.grad)).toEqual(bits(reference.grad));
        }),
        { numRuns: 120 },
      );
    });
  }

  it('cover exactly the samples start..end they are given, with or without a scratch array', () => {
    const data = makeDataset({ n: 50 });
    for (const hidden of [2, 3, 4, 8, 16]) {
      const params = initParams({ seed: 3, hidden });
      const grad = new Float64Array(parameterCount(hidden));
      const scratch = new Float64Array(gradientScratchLength(hidden)).fill(123); // stale values must not leak in
      const loss = lossAndGradientInto(params, data, hidden, grad, 7, 31, scratch);
      const reference = referencePass(params, data, hidden, 7, 31);
      expect(bits([loss])).toEqual(bits([reference.loss]));
      expect(bits(grad)).toEqual(bits(reference.grad));
      expect(bits([lossAndGradientInto(params, data, hidden, new Float64Array(grad.length), 7, 31)])).toEqual(bits([loss]));
    }
  });

  it('train the same run whichever pass a width uses: H = 4 with two silent units equals the H = 2 run', () => {
    // Units 3 and 4 have zero weights and a negative bias (always off) and zero output weight: they
    // never change, and the other parameters follow the H = 2 run exactly.
    const data = makeDataset();
    const p2 = initParams({ seed: 5 });
    const p4 = Float64Array.of(p2[0], p2[1], 0, 0, p2[2], p2[3], 0, 0, p2[4], p2[5], 0, 0, p2[6], p2[7], -1, -1, p2[8]);
    const a = train({ data, params: p2, learningRate: 0.05, epochs: 300 });
    const b = train({ data, params: p4, learningRate: 0.05, epochs: 300, hidden: 4 });
    expect(bits(b.losses)).toEqual(bits(a.losses));
    const map = [0, 1, 4, 5, 8, 9, 12, 13, 16];
    expect(bits(map.map((j) => b.params[j]))).toEqual(bits(a.params));
  });

  it('train H = 8 exactly as the lesson’s loop does, epoch after epoch', () => {
    const data = makeDataset({ n: 120 });
    const params = initParams({ seed: 2, hidden: 8 });
    const run = train({ data, params, learningRate: 0.02, epochs: 40, hidden: 8 });
    const p = Float64Array.from(params);
    for (let epoch = 0; epoch < 40; epoch++) {
      const { loss, grad } = referencePass(p, data, 8);
      expect(run.losses[epoch]).toBe(loss);
      for (let j = 0; j < p.length; j++) p[j] -= 0.02 * grad[j];
    }
    expect(bits(run.params)).toEqual(bits(p));
  });

  it('come from a generated file that matches its generator', () => {
    expect(UNROLLED_WIDTHS).toEqual([4, 8, 16]);
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(unrolledGradientSource());
  });
});

describe('near overflow', () => {
  // Σe² can pass the largest double (≈ 1.8e308) while the mean it stands for does not: a residual
  // of 1e154 on each of 300 samples has e² = 1e308, Σe² = 3e310 (too large), mean 1e308 (fine).
  const data = makeDataset();
  const withOutputBias = (b3: number, hidden: number) => {
    const p = new Float64Array(parameterCount(hidden));
    for (let k = 0; k < hidden; k++) p[hiddenBias(k, hidden)] = -1; // every unit dead: ŷ = B3
    p[outputBias(hidden)] = b3;
    return p;
  };

  for (const hidden of [2, 3, 16]) {
    it(`report the mean loss and a finite gradient when only the sums overflow (H = ${hidden})`, () => {
      const p = withOutputBias(1e154, hidden);
      const reference = referencePass(p, data, hidden);
      expect(reference.loss).toBe(Infinity); // the plain order of operations overflows
      const { loss, grad } = lossAndGradient(p, data, hidden);
      // Oracle: e_i = 1e154 − y_i, so L = 1e308 − 2e154·ȳ + mean(y²) = 1e308 to double precision,
      // and ∂L/∂B3 = 2·mean(e) = 2e154 (ȳ = 0 on standardised data).
      expect(loss / 1e308).toBeCloseTo(1, 12);
      expect(grad[outputBias(hidden)] / 2e154).toBeCloseTo(1, 12);
      expect(Array.from(grad).every(Number.isFinite)).toBe(true);
    });
  }

  it('still report a loss too large to represent as Infinity', () => {
    expect(lossAndGradient(withOutputBias(2e154, 2), data, 2).loss).toBe(Infinity); // mean 4e308
  });

  it('let a diverging run go on until the loss itself overflows: B3 alone at η = 1.5 stops when 4^(k+1) passes 2^1024', () => {
    // The distance to the best B3 (= 0) doubles every step from 2, so L_k ≈ 4^(k+1) + Var(y):
    // finite while 4^(k+1) < 2^1024, i.e. up to k = 510 or 511, never later than 511.
    const run = train({ data, params: withOutputBias(2, 2), learningRate: 1.5, epochs: 2000 });
    expect(run.status).toBe('diverged');
    expect(run.losses.length).toBeGreaterThanOrEqual(511);
    expect(run.losses.length).toBeLessThanOrEqual(512);
    expect(Number.isFinite(run.losses[run.losses.length - 1])).toBe(true);
  });
});

/**
 * Small whole numbers for parameters and data: every z is a whole number, so many samples sit
 * exactly on a kink (z = 0), where only ReLU'(0) = 0 decides whether a unit passes gradient.
 */
const kinkCase = (hidden: number) =>
  fc.record({
    params: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: parameterCount(hidden), maxLength: parameterCount(hidden) }),
    samples: fc.array(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 8 }),
  }).map(({ params, samples }) => ({
    params: Float64Array.from(params),
    data: datasetFromArrays(samples.map((s) => s[0]), samples.map((s) => s[1]), samples.map((s) => s[2])),
  }));

/** Agreement up to rounding: the fast passes scale by 2/N once at the end, the lesson's loop every term. */
function expectClose(fast: { loss: number; grad: ArrayLike<number> }, readable: { loss: number; grad: ArrayLike<number> }): void {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(b));
  expect(close(fast.loss, readable.loss), `loss ${fast.loss} vs ${readable.loss}`).toBe(true);
  for (let j = 0; j < readable.grad.length; j++) {
    expect(close(fast.grad[j], readable.grad[j]), `∂L/∂θ${j}: ${fast.grad[j]} vs ${readable.grad[j]}`).toBe(true);
  }
}

describe('the fast passes against the lesson’s readable backpropagation (backprop.ts, activation.ts)', () => {
  for (const hidden of [1, 2, 3, 4, 5, 8, 16]) {
    it(`give the readable backpropagation's loss and gradient on random networks at H = ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(hidden), ({ params, data }) => expectClose(lossAndGradient(params, data, hidden), backpropagate(params, data, hidden))),
        { numRuns: 100 },
      );
    });

    it(`treat a unit exactly on its kink as the lesson does (ReLU'(0) = 0) at H = ${hidden}`, () => {
      // A fixed sample of cases, so the test can also check that kinks really occur in it.
      const cases = fc.sample(kinkCase(hidden), { numRuns: 200, seed: 11 * hidden });
      let onKink = 0;
      for (const { params, data } of cases) {
        for (let i = 0; i < data.n; i++) {
          for (let k = 0; k < hidden; k++) {
            const z = params[weightFromX1(k, hidden)] * data.x1[i] + params[weightFromX2(k, hidden)] * data.x2[i] + params[hiddenBias(k, hidden)];
            if (z === 0 && params[weightToOutput(k, hidden)] !== 0) onKink += 1;
          }
        }
        expectClose(lossAndGradient(params, data, hidden), backpropagate(params, data, hidden));
      }
      expect(onKink).toBeGreaterThan(50);
    });
  }

  it('has a general-width readable version that equals the lesson’s 2-2-1 derivation bit for bit', () => {
    fc.assert(
      fc.property(fc.oneof(randomCase(2), kinkCase(2)), ({ params, data }) => {
        const general = backpropagate(params, data, 2);
        const lesson = backpropagate221(params, data);
        expect(bits([general.loss])).toEqual(bits([lesson.loss]));
        expect(bits(general.grad)).toEqual(bits(lesson.grad));
      }),
      { numRuns: 200 },
    );
  });

  it('uses the activation the lesson defines: ReLU passes positive z, ReLU′ is 1 there and 0 at and below the kink', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (z) => {
        expect(relu(z)).toBe(z > 0 ? z : 0);
        expect(reluPrime(z)).toBe(z > 0 ? 1 : 0);
      }),
    );
    expect([reluPrime(0), reluPrime(-0), relu(-0)]).toEqual([0, 0, 0]);
  });
});
