// Lesson 17's prose makes claims about the graph, its sweep and its cost; these tests keep them true
// against independent computations (lesson 6's formulas, the hand-written backpropagation, the graph's
// own structure).
import { describe, expect, it } from 'vitest';
import { computationGraph as f } from '../../../src/facts/computation-graph';
import { backpropagate221, forward, lossAndGradient, makeDataset, presetParameters, reluPrime, W5 } from '../../../src/trainer';

const data = makeDataset();
const start = presetParameters('writeup-example');
const x = f.exact;

describe('lesson 17: the one-sample graph', () => {
  it('counts 9 parameters, 3 numbers of data and 17 operations, 29 nodes, and 19 more per sample', () => {
    expect([f.graph.parameters, f.graph.data, f.graph.operations, f.graph.nodes]).toEqual([9, 3, 17, 29]);
    expect(f.graph.perSample).toBe(19);
    expect(f.graph.nodesThree - f.graph.nodesTwo).toBe(19);
  });

  it('walks through sample 1 as lesson 6 computes it with N = 1', () => {
    const pass = forward(start, data.x1[0], data.x2[0]);
    const e = pass.yhat - data.y[0];
    expect(x.twoE).toBe(2 * e); // e² passes 2e
    expect(x.h1Gradient).toBe(2 * e * start[W5]); // the product passes gradient × W5 to h1
    expect(reluPrime(x.z1)).toBe(0); // unit 1 is off: the gate passes 0 to z1
    expect(f.steps.toZ1).toBe('0');
    expect(x.x1Contributions).toHaveLength(2);
    expect(Math.abs(x.x1Contributions[0])).toBe(0); // −0: 0 × a negative weight
  });
});

describe('lesson 17: contributions add where paths meet', () => {
  it('gives B3 one contribution per sample adding to lesson 6’s (2/N)·Σe with N = 2', () => {
    expect(x.b3Contributions).toHaveLength(2);
    expect(x.b3Total).toBe(x.b3Contributions[0] + x.b3Contributions[1]);
    const two = { n: 2, x1: data.x1.subarray(0, 2), x2: data.x2.subarray(0, 2), y: data.y.subarray(0, 2) };
    expect(x.b3Total).toBeCloseTo(lossAndGradient(start, { ...data, ...two }).grad[8], 12);
    expect(x.b3Total).toBeCloseTo(x.twoErrors[0] + x.twoErrors[1], 12);
  });
});

describe('lesson 17: the engine reproduces lesson 6', () => {
  it('gives backprop.ts’s nine partials bit for bit over all samples', () => {
    expect(f.agreement.identical).toBe(9);
    expect(x.engine).toEqual(Array.from(backpropagate221(start, data).grad));
    expect(f.agreement.rows.every((r) => r.same === 'yes, bit for bit')).toBe(true);
  });
});

describe('lesson 17: the cost of the sweep', () => {
  it('has a backward sweep of two operations per edge, a small multiple of the forward pass for every size', () => {
    for (const row of x.costs) {
      expect(row.backward).toBe(2 * row.edges);
      expect(row.ratio).toBeGreaterThan(3);
      expect(row.ratio).toBeLessThan(5);
      expect(row.edges).toBeLessThanOrEqual(2 * row.operations); // no operation has more than two inputs (the one-sample mean has one)
    }
  });

  it('is leaner by hand (lesson 16’s 11 against 6) than the engine, which also computes slopes for the data', () => {
    expect([f.cost.handBackward, f.cost.handForward]).toEqual([11, 6]);
    expect(Number(f.cost.handRatio)).toBeLessThan(Number(f.cost.ratio));
    expect(f.cost.dataEdges).toBe(5); // x1 twice, x2 twice, y once
    expect(f.cost.finiteDifferencePasses).toBe(2 * 105);
  });
});
