// The deeper network's gradients against independent oracles: the readable layer rule
// (deepBackprop.ts) against the autodiff engine bit for bit and against backprop.ts for 2-2-1; the
// fused pass (deepGradient.ts) against the autodiff engine up to rounding and against gradient.ts
// bit for bit with one hidden layer; both against central finite differences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backpropagate221, backpropagateDeep, biasIndex, datasetFromArrays, deepLayout, deepLossAndGradientInto, deepLossInto,
  deepMeanSquaredError, deepNetworkGraph, deepScratchLength, forwardDeep, initDeepParams, lossAndGradient, makeDataset,
  makeRandom, uniform, weightIndex, deepModel, train, type Dataset, type DeepLayout, type HiddenWidths,
} from '../../../src/trainer';
import { GENERATED_DEEP_PATH, UNROLLED_DEEP_WIDTHS, unrolledDeepGradientSource } from '../../../scripts/generate-deep-gradient';

const bits = (values: ArrayLike<number>) => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));

function autodiff(params: Float64Array, hidden: HiddenWidths, data: Dataset): { loss: number; grad: Float64Array } {
  const graph = deepNetworkGraph(params, hidden, data);
  graph.loss.backward();
  return { loss: graph.loss.data, grad: Float64Array.from(graph.parameters, (p) => p.grad) };
}

function fused(params: Float64Array, layout: DeepLayout, data: Dataset, start = 0, end = data.n): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(layout.parameterCount);
  const loss = deepLossAndGradientInto(params, layout, data, grad, start, end, new Float64Array(deepScratchLength(layout)));
  return { loss, grad };
}

/**
 * For each parameter, a bound on the size of the terms its partial is built from: the same
 * backward pass with every weight, input and residual replaced by its absolute value (and the units'
 * on/off pattern kept). Two passes that take the same sums in different orders differ by a few
 * rounding errors of this size — not of the partial itself, which may be a small difference of
 * large terms. The same for the loss, from the residuals' bounds.
 */
function termSizes(params: Float64Array, layout: DeepLayout, data: Dataset): { loss: number; grad: Float64Array } {
  const sizes = new Float64Array(layout.parameterCount);
  let loss = 0;
  const w = (l: number, from: number, to: number) => Math.abs(params[weightIndex(layout, l, from, to)]);
  for (let i = 0; i < data.n; i++) {
    const pass = forwardDeep(params, layout, data.x1[i], data.x2[i]);
    const on = pass.z.map((z) => Array.from(z, (v) => (v > 0 ? 1 : 0)));
    const a: number[][] = [[Math.abs(data.x1[i]), Math.abs(data.x2[i])]];
    for (let l = 1; l <= layout.layers; l++) {
      a.push(Array.from({ length: layout.sizes[l] }, (_, to) => {
        let s = Math.abs(params[biasIndex(layout, l, to)]);
        a[l - 1].forEach((v, from) => (s += w(l, from, to) * v));
        return l < layout.layers ? s * on[l - 1][to] : s + Math.abs(data.y[i]);
      }));
    }
    loss += a[layout.layers][0] ** 2 / data.n;
    let delta = [(2 / data.n) * a[layout.layers][0]];
    for (let l = layout.layers; l >= 1; l--) {
      delta.forEach((d, to) => {
        a[l - 1].forEach((v, from) => (sizes[weightIndex(layout, l, from, to)] += d * v));
        sizes[biasIndex(layout, l, to)] += d;
      });
      if (l > 1) delta = a[l - 1].map((_, from) => on[l - 2][from] * delta.reduce((s, d, to) => s + w(l, from, to) * d, 0));
    }
  }
  return { loss, grad: sizes };
}

function closestToKink(params: Float64Array, layout: DeepLayout, data: Dataset): number {
  let closest = Infinity;
  for (let i = 0; i < data.n; i++) {
    for (const z of forwardDeep(params, layout, data.x1[i], data.x2[i]).z) for (const v of z) closest = Math.min(closest, Math.abs(v));
  }
  return closest;
}

function centralDifference(params: Float64Array, layout: DeepLayout, data: Dataset, j: number, h = 1e-6): number {
  const plus = Float64Array.from(params), minus = Float64Array.from(params);
  plus[j] += h;
  minus[j] -= h;
  return (deepMeanSquaredError(plus, layout, data) - deepMeanSquaredError(minus, layout, data)) / (2 * h);
}

/**
 * A random network of 1–3 hidden layers of widths 1–8 and a few samples, values from a seeded
 * generator. Sometimes one unit is dead (a bias far below anything its inputs can reach), sometimes
 * the first sample sits at (0, 0) with the first unit's bias 0 (z = 0 exactly there), and sometimes
 * the first unit of layer 2 has all-zero weights and bias (z = 0 exactly for every sample).
 */
const randomCase = (widths = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 })) =>
  fc
    .record({
      hidden: widths,
      seed: fc.integer(),
      n: fc.integer({ min: 1, max: 8 }),
      scale: fc.constantFrom(0.3, 1, 3),
      dead: fc.boolean(),
      onKink: fc.boolean(),
      silent: fc.boolean(),
    })
    .map(({ hidden, seed, n, scale, dead, onKink, silent }) => {
      const layout = deepLayout(hidden);
      const random = makeRandom(`deep:${seed}`);
      const draw = (s: number) => uniform(random, -s, s);
      const params = Float64Array.from({ length: layout.parameterCount }, () => draw(scale));
      const column = () => Array.from({ length: n }, () => draw(2));
      const x1 = column(), x2 = column();
      if (dead) params[biasIndex(layout, layout.layers - 1, layout.sizes[layout.layers - 1] - 1)] = -1e4;
      if (onKink) {
        x1[0] = 0;
        x2[0] = 0;
        params[biasIndex(layout, 1, 0)] = 0;
      }
      if (silent && layout.layers > 2) {
        for (let from = 0; from < layout.sizes[1]; from++) params[weightIndex(layout, 2, from, 0)] = 0;
        params[biasIndex(layout, 2, 0)] = 0;
      }
      return { hidden, layout, params, data: datasetFromArrays(x1, x2, column()) };
    });

describe('forwardDeep', () => {
  it('computes a 2-2-2-1 network layer by layer as worked by hand', () => {
    const layout = deepLayout([2, 2]);
    // W¹ = [[1, −1], [2, 1]] (rows: to h¹₁, h¹₂), b¹ = (0, −1); W² = [[1, 1], [−1, 2]], b² = (0.5, 0); w(out) = (2, −3), b(out) = 1
    const params = new Float64Array(layout.parameterCount);
    const set = (l: number, from: number, to: number, v: number) => (params[weightIndex(layout, l, from, to)] = v);
    set(1, 0, 0, 1); set(1, 1, 0, -1); set(1, 0, 1, 2); set(1, 1, 1, 1);
    set(2, 0, 0, 1); set(2, 1, 0, 1); set(2, 0, 1, -1); set(2, 1, 1, 2);
    set(3, 0, 0, 2); set(3, 1, 0, -3);
    params.set([0, -1, 0.5, 0, 1], biasIndex(layout, 1, 0));
    const pass = forwardDeep(params, layout, 3, 1);
    // z¹ = (3 − 1 + 0, 6 + 1 − 1) = (2, 6); h¹ = (2, 6); z² = (2 + 6 + 0.5, −2 + 12 + 0) = (8.5, 10); ŷ = 17 − 30 + 1
    expect(pass.z.map((z) => Array.from(z))).toEqual([[2, 6], [8.5, 10]]);
    expect(pass.h.map((h) => Array.from(h))).toEqual([[2, 6], [8.5, 10]]);
    expect(pass.yhat).toBe(-12);
    const off = forwardDeep(params, layout, -3, 0); // z¹ = (−3, −7): both off, so h² = ReLU(b²)
    expect(Array.from(off.h[0])).toEqual([0, 0]);
    expect(Array.from(off.h[1])).toEqual([0.5, 0]);
    expect(off.yhat).toBe(2);
  });
});

describe('the layer rule δ = (Wᵀδ_next) ⊙ ReLU′(z) (deepBackprop.ts)', () => {
  it('equals the autodiff engine bit for bit, dead units and exact kinks included', () => {
    fc.assert(
      fc.property(randomCase(), ({ hidden, layout, params, data }) => {
        const rule = backpropagateDeep(params, layout, data);
        const engine = autodiff(params, hidden, data);
        expect(bits(rule.grad)).toEqual(bits(engine.grad));
        expect(bits([rule.loss])).toEqual(bits([engine.loss]));
      }),
      { numRuns: 300 },
    );
  });

  it('is backprop.ts for the 2-2-1 network: the same nine partials, bit for bit', () => {
    fc.assert(
      fc.property(randomCase(fc.constant([2])), ({ layout, params, data }) => {
        expect(bits(backpropagateDeep(params, layout, data).grad)).toEqual(bits(backpropagate221(params, data).grad));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with central finite differences for every parameter', () => {
    fc.assert(
      fc.property(randomCase(), ({ layout, params, data }) => {
        if (closestToKink(params, layout, data) < 1e-4) return; // a kink inside ±h: the difference quotient is no oracle there
        const { grad } = backpropagateDeep(params, layout, data);
        for (let j = 0; j < params.length; j++) {
          const numeric = centralDifference(params, layout, data, j);
          expect(Math.abs(grad[j] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('passes nothing back through a unit that is off for every sample, in either hidden layer', () => {
    const layout = deepLayout([3, 3]);
    const data = makeDataset({ n: 40 });
    for (const l of [1, 2]) {
      const params = initDeepParams({ hidden: [3, 3], seed: 7 });
      params[biasIndex(layout, l, 1)] = -1e4; // unit 2 of layer l is dead
      const { grad } = backpropagateDeep(params, layout, data);
      for (let from = 0; from < layout.sizes[l - 1]; from++) expect(grad[weightIndex(layout, l, from, 1)]).toBe(0);
      expect(grad[biasIndex(layout, l, 1)]).toBe(0);
      for (let to = 0; to < layout.sizes[l + 1]; to++) expect(grad[weightIndex(layout, l + 1, 1, to)]).toBe(0);
      expect(grad.some((g) => g !== 0)).toBe(true);
    }
  });
});

describe('the fused pass (deepGradient.ts)', () => {
  it('agrees with the autodiff engine up to rounding in sums taken in another order', () => {
    fc.assert(
      fc.property(randomCase(), ({ hidden, layout, params, data }) => {
        const fast = fused(params, layout, data);
        const engine = autodiff(params, hidden, data);
        const sizes = termSizes(params, layout, data);
        expect(Math.abs(fast.loss - engine.loss)).toBeLessThanOrEqual(1e-12 * sizes.loss);
        for (let j = 0; j < params.length; j++) expect(Math.abs(fast.grad[j] - engine.grad[j])).toBeLessThanOrEqual(1e-12 * sizes.grad[j]);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with central finite differences for every parameter of 2-8-8-1', () => {
    const layout = deepLayout([8, 8]);
    const data = makeDataset({ n: 30, seed: 3 });
    let checked = 0;
    for (let seed = 1; checked < 5 && seed < 100; seed++) {
      const params = initDeepParams({ hidden: [8, 8], seed });
      if (closestToKink(params, layout, data) < 1e-3) continue;
      const { grad } = fused(params, layout, data);
      for (let j = 0; j < params.length; j++) {
        const numeric = centralDifference(params, layout, data, j);
        expect(Math.abs(grad[j] - numeric)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numeric)));
      }
      checked++;
    }
    expect(checked).toBe(5);
  });

  for (const hidden of [1, 2, 3, 4, 8, 16]) {
    it(`equals gradient.ts's pass bit for bit with one hidden layer of ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(fc.constant([hidden])), ({ layout, params, data }) => {
          const fast = fused(params, layout, data);
          const single = lossAndGradient(params, data, hidden);
          expect(bits([fast.loss])).toEqual(bits([single.loss]));
          expect(bits(fast.grad)).toEqual(bits(single.grad));
        }),
        { numRuns: 80 },
      );
    });
  }

  it('reports the mean loss when only Σe² overflows, exactly as gradient.ts does with one hidden layer', () => {
    // Every unit dead and b(out) = 1e154: e² ≈ 1e308 per sample, Σe² over 300 samples overflows, the mean does not.
    const data = makeDataset();
    for (const hidden of [[2], [3], [4, 4]]) {
      const layout = deepLayout(hidden);
      const params = new Float64Array(layout.parameterCount);
      for (let l = 1; l < layout.layers; l++) for (let k = 0; k < layout.sizes[l]; k++) params[biasIndex(layout, l, k)] = -1;
      params[biasIndex(layout, layout.layers, 0)] = 1e154;
      const fast = fused(params, layout, data);
      expect(fast.loss / 1e308).toBeCloseTo(1, 12);
      expect(fast.grad[biasIndex(layout, layout.layers, 0)] / 2e154).toBeCloseTo(1, 12);
      expect(fast.grad.every(Number.isFinite)).toBe(true);
      expect(deepLossInto(params, layout, data, 0, data.n, new Float64Array(deepScratchLength(layout)))).toBe(fast.loss);
      if (hidden.length === 1) {
        const single = lossAndGradient(params, data, hidden[0]);
        expect(bits([fast.loss])).toEqual(bits([single.loss]));
        expect(bits(fast.grad)).toEqual(bits(single.grad));
      }
      params[biasIndex(layout, layout.layers, 0)] = 2e154; // a mean of 4e308 is too large itself
      expect(fused(params, layout, data).loss).toBe(Infinity);
    }
  });

  it('covers exactly the samples start..end, whatever the scratch array held before', () => {
    const data = makeDataset({ n: 50 });
    for (const hidden of [[3], [8, 8], [2, 5, 3]]) {
      const layout = deepLayout(hidden);
      const params = initDeepParams({ hidden, seed: 4 });
      const part = datasetFromArrays(data.x1.slice(7, 31), data.x2.slice(7, 31), data.y.slice(7, 31));
      const grad = new Float64Array(layout.parameterCount).fill(5);
      const scratch = new Float64Array(deepScratchLength(layout)).fill(123);
      const loss = deepLossAndGradientInto(params, layout, data, grad, 7, 31, scratch);
      const reference = fused(params, layout, part);
      expect(bits([loss])).toEqual(bits([reference.loss]));
      expect(bits(grad)).toEqual(bits(reference.grad));
      expect(bits([deepLossInto(params, layout, data, 7, 31, scratch.fill(-9))])).toEqual(bits([loss]));
    }
  });
});

/**
 * The fused pass's arithmetic as plain loops over the layout, in its order of operations: the first
 * layer w·x1 + w·x2 + b, later layers from the bias adding each active unit in turn, the output the
 * same, e = ŷ − y, δ of a unit = Σ w·δ(next) over the next layer in turn if the unit is on, and the
 * factor 2/m at the end. The written-out passes and the loops must both equal it bit for bit.
 */
function fusedOrderReference(p: Float64Array, layout: DeepLayout, data: Dataset): { loss: number; grad: number[] } {
  const grad = new Array<number>(layout.parameterCount).fill(0);
  const W = (l: number, from: number, to: number) => weightIndex(layout, l, from, to);
  let loss = 0;
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const h: number[][] = [[x1, x2]];
    for (let l = 1; l <= layout.layers; l++) {
      h.push(Array.from({ length: layout.sizes[l] }, (_, to) => {
        let z: number;
        if (l === 1) z = p[W(1, 0, to)] * x1 + p[W(1, 1, to)] * x2 + p[biasIndex(layout, 1, to)];
        else {
          z = p[biasIndex(layout, l, to)];
          h[l - 1].forEach((a, from) => { if (a > 0) z += p[W(l, from, to)] * a; });
        }
        return l === layout.layers || z > 0 ? z : 0;
      }));
    }
    const e = h[layout.layers][0] - data.y[i];
    loss += e * e;
    let delta = [e];
    for (let l = layout.layers; l >= 1; l--) {
      delta.forEach((d, to) => (grad[biasIndex(layout, l, to)] += d));
      const below = h[l - 1];
      below.forEach((a, from) => {
        if (l > 1 && !(a > 0)) return;
        delta.forEach((d, to) => (grad[W(l, from, to)] += d * a));
      });
      if (l > 1) delta = below.map((a, from) => (a > 0 ? delta.reduce((s, d, to) => s + p[W(l, from, to)] * d, 0) : 0));
    }
  }
  return { loss: loss / data.n, grad: grad.map((g) => g * (2 / data.n)) };
}

describe('the written-out passes (deepGradientUnrolled.ts)', () => {
  for (const hidden of [...UNROLLED_DEEP_WIDTHS, [3, 5], [8, 7], [2, 3, 2]]) {
    it(`and the loops equal the fused order of operations bit for bit for 2-${hidden.join('-')}-1`, () => {
      fc.assert(
        fc.property(randomCase(fc.constant([...hidden])), ({ layout, params, data }) => {
          const fast = fused(params, layout, data);
          const reference = fusedOrderReference(params, layout, data);
          expect(bits([fast.loss])).toEqual(bits([reference.loss]));
          expect(bits(fast.grad)).toEqual(bits(reference.grad));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('train 2-8-8-1 exactly as the fused order of operations does, epoch after epoch', () => {
    const layout = deepLayout([8, 8]);
    const data = makeDataset({ n: 120 });
    const params = initDeepParams({ hidden: [8, 8], seed: 2 });
    const run = train({ data, params, model: deepModel([8, 8]), learningRate: 0.02, epochs: 30 });
    const p = Float64Array.from(params);
    for (let epoch = 0; epoch < 30; epoch++) {
      const { loss, grad } = fusedOrderReference(p, layout, data);
      expect(run.losses[epoch]).toBe(loss);
      for (let j = 0; j < p.length; j++) p[j] -= 0.02 * grad[j];
    }
    expect(bits(run.params)).toEqual(bits(p));
  });

  it('come from a generated file that matches its generator', () => {
    expect(UNROLLED_DEEP_WIDTHS).toEqual([[2, 2], [4, 4], [8, 8]]);
    expect(readFileSync(GENERATED_DEEP_PATH, 'utf8')).toBe(unrolledDeepGradientSource());
  });
});
