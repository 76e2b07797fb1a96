// Lesson 18's prose makes claims about the matrix form, the worked example and the experiments over
// 100 starts; these tests keep each one true against independent computations.
import { describe, expect, it } from 'vitest';
import { secondLayer as f } from '../../../src/facts/second-layer';
import { backpropagate221, deepLayout, initDeepParams, makeDataset, matrixForward, presetParameters, reluPrime } from '../../../src/trainer';

const data = makeDataset();
const x = f.exact;
const e = f.experiment;
const share = (c: { exact: { count: number; runs: number } }) => c.exact.count / c.exact.runs;

describe('lesson 18: the nine partials as matrix entries', () => {
  it('reads lesson 6’s nine partials off the matrix products, bit for bit', () => {
    expect(x.matrixGrad).toEqual(Array.from(backpropagate221(presetParameters('writeup-example'), data).grad));
    expect(f.allSame).toBe(true);
    expect(f.entries.map((r) => r.address)).toEqual(['W¹[1, 1]', 'W¹[2, 1]', 'W¹[1, 2]', 'W¹[2, 2]', 'w²[1, 1]', 'w²[1, 2]', 'b¹[1]', 'b¹[2]', 'b²[1]']);
  });
});

describe('lesson 18: the worked example through a second layer', () => {
  it('uses a start with every unit on for sample 1', () => {
    const params = initDeepParams({ hidden: [2, 2], seed: f.worked.seed });
    const { Z } = matrixForward(params, deepLayout([2, 2]), { n: 1, x1: data.x1, x2: data.x2, y: data.y });
    expect(Z[0][0].every((z) => z > 0) && Z[1][0].every((z) => z > 0)).toBe(true);
  });

  it('gets every printed step from the layer rule, and the matrix form agrees bit for bit', () => {
    expect(x.matrixOne).toEqual(x.readableOne);
    expect(x.workedSecondLayer).toBe(x.delta2[0] * x.h1[1]);
    expect(x.exerciseSecond).toBe(x.delta2[1] * x.h1[0]);
    expect(x.exerciseFirst).toBe(x.delta1[1] * x.x2);
    expect(x.workedFirst).toBeCloseTo(x.firstWeightByHand, 14); // every path through the second layer, added by hand
    expect(reluPrime(1)).toBe(1);
  });
});

describe('lesson 18: one hidden layer against two, over 100 starts', () => {
  it('ran 100 starts of every network, none diverging', () => {
    for (const row of e.rows) {
      expect(row.runs).toBe(100);
      expect(row.diverged).toBe(0);
    }
    expect([f.parameters.small, f.parameters.large]).toEqual([25, 37]);
  });

  it('finds no better fit with two layers at the same size: overlapping intervals, pairs a coin toss', () => {
    for (const pair of [e.small, e.large]) {
      const one = pair.one.finalLoss.exact, two = pair.two.finalLoss.exact;
      expect(one.low <= two.high && two.low <= one.high).toBe(true);
    }
    for (const pairs of [e.pairs.small, e.pairs.large]) expect(pairs.exact.low <= 0.5 && 0.5 <= pairs.exact.high).toBe(true);
  });

  it('has more runs stuck below R² = 0.9 with two layers of three than with one of six', () => {
    expect(e.small.two.stuck.exact.count).toBeGreaterThan(e.small.one.stuck.exact.count);
  });

  it('ends near the noise floor with 37 parameters, one layer or two', () => {
    const floor = Number(f.noiseFloor);
    for (const r of [e.large.one, e.large.two]) expect(r.finalLoss.exact.median).toBeLessThan(2 * floor);
  });

  it('starts with about the same stable rate and ends, with two layers, at the rate in use', () => {
    const overlap = (a: { low: number; high: number }, b: { low: number; high: number }) => a.low <= b.high && b.low <= a.high;
    expect(overlap(e.small.one.limitStart.exact, e.small.two.limitStart.exact)).toBe(true);
    for (const two of [e.small.two, e.large.two]) {
      expect(Math.abs(two.limitEnd.exact.median - e.rate)).toBeLessThan(0.1 * e.rate);
      expect(two.atEdge.exact.count).toBeGreaterThan(30);
    }
    for (const one of [e.small.one, e.large.one]) {
      expect(one.limitEnd.exact.low).toBeGreaterThan(2 * e.rate);
      expect(one.atEdge.exact.count).toBeLessThan(5);
    }
  });

  it('never has a dead first-layer unit at a He start, but often a dead second-layer unit, at least as often as all-negative weights predict', () => {
    for (const row of e.rows) expect(row.firstLayerDeadStart.exact.count).toBe(0);
    for (const row of [e.small.one, e.large.one, e.course.one]) expect(row.lastLayerDeadStart.exact.count).toBe(0);
    const predicted = (h1: number, h2: number) => 1 - (1 - 2 ** -h1) ** h2;
    const course = e.course.two.lastLayerDeadStart.exact;
    expect(course.low <= predicted(2, 2) && predicted(2, 2) <= course.high).toBe(true);
    expect(share(e.small.two.lastLayerDeadStart)).toBeGreaterThanOrEqual(predicted(3, 3));
    expect(share(e.large.two.lastLayerDeadStart)).toBeGreaterThanOrEqual(predicted(4, 4));
    expect(e.predictedDead['2-2-2-1']).toBe('44%');
  });

  it('ends with more runs holding a dead second-layer unit (2-3-3-1) than runs with any dead unit (2-6-1)', () => {
    expect(e.small.two.lastLayerDeadEnd.exact.count).toBeGreaterThan(e.small.one.anyDeadEnd.exact.count);
  });
});
