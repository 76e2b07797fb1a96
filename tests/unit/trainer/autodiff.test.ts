// The autodiff engine against three independent oracles: each operation's local derivative against
// a central difference of the operation itself; the whole network graph against the hand-written
// backpropagation (bit for bit for 2-2-1, where backprop.ts exists) and the fused pass (other widths,
// where sums are taken in another order); and every partial against central finite differences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backpropagate221, backwardSteps, datasetFromArrays, forward, lossAndGradient, makeRandom, meanSquaredError,
  networkGraph, parameterCount, topologicalOrder, uniform, unitParameters, Value, B1, B3, W1, W3, W5,
  type Dataset,
} from '../../../src/trainer';

const bits = (values: ArrayLike<number>) => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));

/** The gradient the graph's backward pass leaves in the parameter nodes, in layout order. */
function graphGradient(params: Float64Array, data: Dataset): { loss: number; grad: Float64Array } {
  const graph = networkGraph(params, data);
  graph.loss.backward();
  return { loss: graph.loss.data, grad: Float64Array.from(graph.parameters, (p) => p.grad) };
}

/** Σ |contribution| that reached each parameter: the scale rounding errors in a re-ordered sum are relative to. */
function contributionSizes(params: Float64Array, data: Dataset): Float64Array {
  const graph = networkGraph(params, data);
  const index = new Map(graph.parameters.map((p, j) => [p, j]));
  const sizes = new Float64Array(params.length);
  for (const step of backwardSteps(graph.loss)) {
    for (const pass of step.passes) {
      const j = index.get(pass.parent);
      if (j !== undefined) sizes[j] += Math.abs(pass.product);
    }
  }
  return sizes;
}

function centralDifference(params: Float64Array, data: Dataset, hidden: number, j: number, h = 1e-6): number {
  const plus = Float64Array.from(params), minus = Float64Array.from(params);
  plus[j] += h;
  minus[j] -= h;
  return (meanSquaredError(plus, data, hidden) - meanSquaredError(minus, data, hidden)) / (2 * h);
}

function closestToKink(params: Float64Array, data: Dataset, hidden: number): number {
  let closest = Infinity;
  for (let i = 0; i < data.n; i++) {
    for (const z of forward(params, data.x1[i], data.x2[i], hidden).z) closest = Math.min(closest, Math.abs(z));
  }
  return closest;
}

/**
 * A random 2-H-1 network and data set, values from a seeded generator (continuous, see gradient.test.ts).
 * Sometimes the last unit is dead (a bias far below anything its weights can lift), and sometimes
 * the first sample sits at (0, 0) with the first unit's bias 0, so its pre-activation is exactly 0.
 */
const randomCase = (hidden: number) =>
  fc
    .record({
      seed: fc.integer(),
      n: fc.integer({ min: 1, max: 10 }),
      scale: fc.constantFrom(0.3, 1, 3),
      dead: fc.boolean(),
      onKink: fc.boolean(),
    })
    .map(({ seed, n, scale, dead, onKink }) => {
      const random = makeRandom(`autodiff:${seed}`);
      const draw = (s: number) => uniform(random, -s, s);
      const params = Float64Array.from({ length: parameterCount(hidden) }, () => draw(scale));
      const column = () => Array.from({ length: n }, () => draw(2));
      const x1 = column(), x2 = column();
      if (dead) params[3 * hidden + hidden - 1] = -1000;
      if (onKink) {
        x1[0] = 0;
        x2[0] = 0;
        params[3 * hidden] = 0;
      }
      return { params, data: datasetFromArrays(x1, x2, column()) };
    });

describe('the autodiff engine', () => {
  it('gives every operation its value and the local derivative written beside it', () => {
    const a = new Value(3), b = new Value(-2);
    const cases: [Value, number, number[]][] = [
      [a.add(b), 1, [1, 1]],
      [a.sub(b), 5, [1, -1]],
      [a.mul(b), -6, [-2, 3]],
      [a.scale(0.5), 1.5, [0.5]],
      [b.square(), 4, [-4]],
      [a.relu(), 3, [1]],
      [b.relu(), 0, [0]],
      [new Value(0).relu(), 0, [0]], // ReLU'(0) = 0
      [Value.sum([a, b, a]), 4, [1, 1, 1]],
      [Value.mean([a, b, a, b]), 0.5, [0.25, 0.25, 0.25, 0.25]],
    ];
    for (const [node, data, local] of cases) {
      expect(node.data).toBe(data);
      expect(Array.from(node.localDerivatives)).toEqual(local);
    }
  });

  it('has local derivatives that match a central difference of each operation on random inputs', () => {
    const ops: [string, (a: Value, b: Value) => Value][] = [
      ['+', (a, b) => a.add(b)],
      ['−', (a, b) => a.sub(b)],
      ['×', (a, b) => a.mul(b)],
      ['×c', (a) => a.scale(-1.7)],
      ['square', (a) => a.square()],
      ['ReLU', (a) => a.relu()],
      ['sum', (a, b) => Value.sum([a, b])],
      ['mean', (a, b) => Value.mean([a, b])],
    ];
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (a, b) => {
        fc.pre(Math.abs(a) > 1e-3); // the ReLU kink
        for (const [, op] of ops) {
          const node = op(new Value(a), new Value(b));
          const h = 1e-6;
          const slopes = [
            (op(new Value(a + h), new Value(b)).data - op(new Value(a - h), new Value(b)).data) / (2 * h),
            (op(new Value(a), new Value(b + h)).data - op(new Value(a), new Value(b - h)).data) / (2 * h),
          ];
          node.localDerivatives.forEach((d, i) => expect(Math.abs(d - slopes[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(d))));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('adds the contributions of a node used twice: d(a·a)/da = 2a, d(a + a)/da = 2', () => {
    const a = new Value(3);
    a.mul(a).backward();
    expect(a.grad).toBe(6);
    const b = new Value(3);
    b.add(b).add(b.mul(new Value(4))).backward();
    expect(b.grad).toBe(2 + 4);
  });

  it('gives the same gradients when backward() runs twice (it starts from zero, not from the last sweep)', () => {
    // out = ReLU(a·b + a)² at a = 2, b = 0.5: out = 9, ∂out/∂a = 2·3·(b + 1) = 9, ∂out/∂b = 2·3·a = 12.
    const a = new Value(2), b = new Value(0.5);
    const out = a.mul(b).add(a).relu().square();
    out.backward();
    expect([out.data, a.grad, b.grad]).toEqual([9, 9, 12]);
    out.backward();
    expect([a.grad, b.grad]).toEqual([9, 12]);
  });

  it('lists every node after all of its parents, each once', () => {
    const a = new Value(1, 'a'), b = new Value(2, 'b');
    const c = a.mul(b, 'c'), d = c.add(a, 'd'), e = d.mul(c, 'e');
    const order = topologicalOrder(e);
    expect(new Set(order).size).toBe(order.length);
    expect(order.map((v) => v.label).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const node of order) for (const parent of node.parents) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(node));
  });
});

describe('the network as a computation graph', () => {
  it('reproduces the nine partials of a small example worked by hand', () => {
    // The example of gradient.test.ts: unit 1 is on for the first sample only, unit 2 for both.
    const params = Float64Array.of(1, 0.5, -1, 1, 2, -1, 0, 1, 0.5);
    const data = datasetFromArrays([2, 0], [1, 1], [3, -1]);
    const { loss, grad } = graphGradient(params, data);
    expect(loss).toBe(6.25);
    expect(Array.from(grad)).toEqual([-14, 7, -7, 4, -3.5, -11.5, -7, 4, -4]);
  });

  it('names its nodes with the lesson’s symbols and marks which sample each belongs to', () => {
    const graph = networkGraph(Float64Array.of(1, 0.5, -1, 1, 2, -1, 0, 1, 0.5), datasetFromArrays([2, 0], [1, 1], [3, -1]));
    expect(graph.parameters.map((p) => p.label)).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
    const ofSample = (s: number | null) => graph.nodes.filter((n) => n.sample === s).map((n) => n.value.label);
    expect(ofSample(0)).toEqual(ofSample(1));
    expect(ofSample(0).sort()).toEqual(
      ['x1', 'x2', 'y', 'W1·x1', 'W3·x2', 'W1·x1 + W3·x2', 'z1', 'h1', 'W2·x1', 'W4·x2', 'W2·x1 + W4·x2', 'z2', 'h2',
        'W5·h1', 'W6·h2', 'W5·h1 + W6·h2', 'ŷ', 'e', 'e²'].sort(),
    );
    expect(ofSample(null).sort()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3', 'L'].sort());
    expect(graph.nodes.at(-1)?.value).toBe(graph.loss);
    const kindOf = (label: string, sample: number | null) => graph.nodes.find((n) => n.value.label === label && n.sample === sample)?.kind;
    expect([kindOf('W5', null), kindOf('x1', 0), kindOf('y', 1), kindOf('z1', 1), kindOf('L', null)]).toEqual([
      'parameter', 'input', 'target', 'operation', 'operation',
    ]);
  });

  it('equals backprop.ts’s nine partials bit for bit on random cases, dead units and exact kinks included', () => {
    // Same products, same sums in the same order (ŷ = W5·h1 + W6·h2 + B3, samples in turn), and
    // (1/N)·2e = (2/N)·e exactly, since doubling is exact. The loss is Σe²/N here and Σ(e²/N) there.
    fc.assert(
      fc.property(randomCase(2), ({ params, data }) => {
        const graph = graphGradient(params, data);
        const hand = backpropagate221(params, data);
        expect(bits(graph.grad)).toEqual(bits(hand.grad));
        expect(Math.abs(graph.loss - hand.loss)).toBeLessThanOrEqual(1e-14 * hand.loss);
      }),
      { numRuns: 300 },
    );
  });

  for (let hidden = 1; hidden <= 8; hidden++) {
    it(`agrees with the fused pass and with central finite differences at H = ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(hidden), ({ params, data }) => {
          const graph = graphGradient(params, data);
          // The fused pass adds B3 first and scales by 2/N at the end: equal up to rounding, which is
          // relative to the size of the terms summed, not of their (possibly cancelling) total.
          const fused = lossAndGradient(params, data, hidden);
          const sizes = contributionSizes(params, data);
          expect(Math.abs(graph.loss - fused.loss)).toBeLessThanOrEqual(1e-12 * fused.loss);
          for (let j = 0; j < params.length; j++) expect(Math.abs(graph.grad[j] - fused.grad[j])).toBeLessThanOrEqual(1e-12 * sizes[j]);
          if (closestToKink(params, data, hidden) < 1e-4) return; // a kink inside ±h: the difference quotient is no oracle there
          for (let j = 0; j < params.length; j++) {
            const numeric = centralDifference(params, data, hidden, j);
            expect(Math.abs(graph.grad[j] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('passes nothing back through a dead unit: its four parameters get exactly zero', () => {
    const params = Float64Array.of(1, 0.5, -1, 1, 2, -1, -100, 1, 0.5); // B1 = −100: unit 1 is off for every sample
    const data = datasetFromArrays([2, 0, -1], [1, 1, 2], [3, -1, 0]);
    const { grad } = graphGradient(params, data);
    expect(unitParameters(0)).toEqual([W1, W3, W5, B1]);
    for (const j of unitParameters(0)) expect(grad[j]).toBe(0);
    expect(grad[B3]).not.toBe(0);
  });

  it('uses ReLU\'(0) = 0 at a pre-activation of exactly 0, as backprop.ts does', () => {
    const data = datasetFromArrays([0], [0], [1]);
    const params = Float64Array.of(1, 1, 1, 1, 1, 1, 0, 0, 0); // z1 = z2 = 0
    const { grad } = graphGradient(params, data);
    expect(Array.from(grad)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, -2]);
    expect(bits(grad)).toEqual(bits(backpropagate221(params, data).grad));
  });

  it('refuses a parameter vector that fits no 2-H-1 network, and an empty sample list', () => {
    expect(() => networkGraph(new Float64Array(8), datasetFromArrays([1], [1], [1]))).toThrow(/8 numbers fit no network/);
    expect(() => networkGraph(new Float64Array(9), { n: 0, x1: new Float64Array(0), x2: new Float64Array(0), y: new Float64Array(0) })).toThrow(/at least one sample/);
  });
});

describe('backwardSteps', () => {
  const params = Float64Array.of(1, 0.5, -1, 1, 2, -1, 0, 1, 0.5);
  const data = datasetFromArrays([2, 0, 1], [1, 1, -1], [3, -1, 2]);

  it('visits every node once, L first, each only after every node that uses it', () => {
    const graph = networkGraph(params, data);
    const steps = backwardSteps(graph.loss);
    expect(steps.length).toBe(graph.nodes.length);
    expect(steps[0].node).toBe(graph.loss);
    expect(steps[0].gradient).toBe(1);
    const when = new Map(steps.map((s, n) => [s.node, n]));
    for (const step of steps) for (const pass of step.passes) expect(when.get(pass.parent)!).toBeGreaterThan(when.get(step.node)!);
  });

  it('passes down gradient × local derivative and leaves the same gradients as backward()', () => {
    const graph = networkGraph(params, data);
    const steps = backwardSteps(graph.loss);
    for (const step of steps) step.passes.forEach((p) => expect(p.product).toBe(step.gradient * p.localDerivative));
    const stepped = graph.parameters.map((p) => p.grad);
    graph.loss.backward();
    expect(graph.parameters.map((p) => p.grad)).toEqual(stepped);
  });

  it('shows B3 collecting one contribution per sample, first sample first, which add up to ∂L/∂B3', () => {
    const graph = networkGraph(params, data);
    const b3 = graph.parameters[B3];
    const into = backwardSteps(graph.loss).flatMap((s) => s.passes.filter((p) => p.parent === b3).map((p) => ({ ...p, sample: s.node })));
    expect(into.length).toBe(data.n);
    const sampleOf = new Map(graph.nodes.map((n) => [n.value, n.sample]));
    expect(into.map((p) => sampleOf.get(p.sample))).toEqual([0, 1, 2]);
    expect(into.map((p) => p.parentGradient)).toEqual([into[0].product, into[0].product + into[1].product, into[0].product + into[1].product + into[2].product]);
    expect(b3.grad).toBe(backpropagate221(params, data).grad[B3]);
  });
});
