// Lesson 11's prose makes claims about its computed numbers; these tests keep them true.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { symmetry as f, NUDGE_SIZES } from '../../../src/facts/symmetry';
import { forwardColumns, PRINTED_PARTIALS } from '../../../src/experiments/backprop/formulas';
import { B3, W5, W6, lossAndGradient, PARAMETER_NAMES } from '../../../src/trainer';
import { defaultDataset } from '../../../src/experiments/data/defaultDataset';

const lesson = readFileSync(new URL('../../../content/lessons/11-symmetry.mdx', import.meta.url), 'utf8');
const data = defaultDataset();
const num = (s: string) => Number(s.replace(/\u2212/g, '-').replace(/,/g, ''));
const { exact } = f;

describe('lesson 11: twins get twin gradients', () => {
  const pairs = [['W5', 'W6'], ['B1', 'B2'], ['W1', 'W2'], ['W3', 'W4']] as const;

  it('prints lesson 6’s formulas verbatim, each unit-1 formula followed by its unit-2 partner', () => {
    for (const [one, two] of pairs) {
      const a = lesson.indexOf(PRINTED_PARTIALS[one].tex), b = lesson.indexOf(PRINTED_PARTIALS[two].tex);
      expect(a, one).toBeGreaterThan(0);
      expect(b, two).toBeGreaterThan(a);
    }
  });

  it('evaluates each printed pair to equal values at both symmetric starts and after training, matching the trainer', () => {
    for (const params of [exact.w0b2Start, exact.afterOne, exact.tied.w2b0.params, exact.tied.w0b2.params]) {
      const c = forwardColumns(params, data);
      const { grad } = lossAndGradient(params, data);
      for (const [one, two] of pairs) {
        const a = PRINTED_PARTIALS[one].evaluate(params, c), b = PRINTED_PARTIALS[two].evaluate(params, c);
        expect(a).toBe(b);
        expect(grad[PARAMETER_NAMES.indexOf(one)]).toBe(grad[PARAMETER_NAMES.indexOf(two)]);
        expect(Math.abs(a - grad[PARAMETER_NAMES.indexOf(one)])).toBeLessThan(1e-12);
      }
    }
  });

  it('keeps the units twins bit for bit after every epoch, for both starts and at both rates', () => {
    for (const run of [exact.tied.w0b2, exact.tied.w2b0, exact.writeupRate.w0b2, exact.writeupRate.w2b0]) {
      expect(run.status).toBe('ok');
      expect(run.epochs).toBe(Number(f.long.replace(/,/g, '')));
      expect(run.twinsAfterEvery).toBe(true);
    }
  });
});

describe('lesson 11: the first step from weights 0, biases 2', () => {
  it('has every prediction 2, mean of y 0 and a loss of (2 − ȳ)² + Var(y)', () => {
    expect(f.first.meanY).toBe('0.000');
    expect(exact.startLoss).toBeCloseTo((2 - exact.meanY) ** 2 + exact.varY, 12);
    expect(f.first.loss).toBe('5.000');
  });

  it('gives ∂L/∂B3 = 2(2 − ȳ) and ∂L/∂W5 = ∂L/∂W6 = 4(2 − ȳ), and exactly 0 for the six hidden parameters', () => {
    const g = exact.firstGradient.grad;
    expect(g[B3]).toBeCloseTo(2 * (2 - exact.meanY), 12);
    expect(g[W5]).toBeCloseTo(4 * (2 - exact.meanY), 12);
    expect(g[W6]).toBe(g[W5]);
    for (const j of [0, 1, 2, 3, 6, 7]) expect(g[j]).toBe(0);
    expect(Math.abs(exact.dW5 - 8)).toBeLessThan(1e-9);
  });

  it('moves only W5, W6 and B3, and the second step reaches the hidden layer in equal pairs', () => {
    expect(exact.moved).toEqual(['W5', 'W6', 'B3']);
    expect(num(f.first.W5after)).toBeCloseTo(-Number(f.rate) * 8, 9);
    expect(num(f.first.B3after)).toBeCloseTo(2 - Number(f.rate) * 4, 9);
    const g = exact.secondGradient;
    expect(g[0]).not.toBe(0);
    expect(g[0]).toBe(g[1]);
    expect(g[6]).not.toBe(0);
    expect(g[6]).toBe(g[7]);
  });
});

describe('lesson 11: one unit in disguise', () => {
  it('puts the one-unit level far above the two-unit level', () => {
    expect(exact.levels.oneUnit).toBeGreaterThan(10 * exact.levels.twoUnits);
    expect(exact.levels.oneUnit).toBeLessThan(exact.varY);
  });

  it('ends both tied runs at or above the one-unit level, where the slopes are practically 0', () => {
    for (const run of [exact.tied.w0b2, exact.tied.w2b0]) {
      expect(run.final).toBeGreaterThanOrEqual(exact.levels.oneUnit - 1e-9);
      expect(run.gradientNorm).toBeLessThan(1e-12);
    }
  });

  it('ends the matching one-unit networks at the same losses as the twins', () => {
    expect(Math.abs(exact.oneUnit.w0b2.final - exact.tied.w0b2.final)).toBeLessThan(1e-6);
    expect(Math.abs(exact.oneUnit.w2b0.final - exact.tied.w2b0.final)).toBeLessThan(1e-4);
    expect(f.oneUnitTwin.w2b0).toBe(f.w2b0.final);
    expect(f.oneUnitTwin.w0b2).toBe(f.w0b2.final);
  });

  it('ends at the same places at the rate our reproduction of the write-up uses elsewhere', () => {
    expect(Math.abs(exact.writeupRate.w0b2.final - exact.tied.w0b2.final)).toBeLessThan(1e-6);
    expect(Math.abs(exact.writeupRate.w2b0.final - exact.tied.w2b0.final)).toBeLessThan(1e-6);
  });

  it('gives "weights 2, biases 0" a steep fall, then a creep, to a loss worse than the best plane', () => {
    const r = exact.tied.w2b0;
    expect(r.loss0 - r.loss100).toBeGreaterThan(10 * (r.loss100 - r.final));
    expect(r.final).toBeGreaterThan(exact.planeLoss);
    expect(r.states).toEqual(['hinge', 'hinge']);
  });
});

describe('lesson 11: the plane trap', () => {
  it('ends "weights 0, biases 2" exactly at the best plane, both units on for every sample', () => {
    const r = exact.tied.w0b2;
    expect(Math.abs(r.final - exact.planeLoss)).toBeLessThan(1e-9);
    expect(r.states).toEqual(['linear', 'linear']);
    expect(f.w0b2.final).toBe(f.plane.loss);
  });

  it('has the three least-squares sums and all nine slopes practically 0 there (below 1e-14)', () => {
    const c = forwardColumns(exact.tied.w0b2.params, data);
    let s = 0, s1 = 0, s2 = 0;
    for (let i = 0; i < c.N; i++) {
      s += c.e[i];
      s1 += c.e[i] * c.x1[i];
      s2 += c.e[i] * c.x2[i];
    }
    for (const v of [s, s1, s2]) expect(Math.abs((2 / c.N) * v)).toBeLessThan(1e-12);
    const { grad } = lossAndGradient(exact.tied.w0b2.params, data);
    expect(Math.max(...Array.from(grad, Math.abs))).toBeLessThan(1e-14);
  });

  it('shows random weights with every bias 2 still ending at the plane in some runs', () => {
    expect(num(f.biasesTwo.atPlane)).toBeGreaterThan(0);
    expect(num(f.biasesTwo.atPlane)).toBeLessThanOrEqual(num(f.biasesTwo.runs));
  });
});

describe('lesson 11: breaking the tie', () => {
  it('tries every nudge size on every parameter', () => {
    expect(exact.grid.w2b0).toHaveLength(16);
    expect(new Set(exact.grid.w2b0.map((r) => r.epsilon))).toEqual(new Set(NUDGE_SIZES));
  });

  it('finds no escape for tiny nudges, a difference that grows only a few times, and some escapes for larger ones', () => {
    expect(f.nudges.tinyEscaped).toBe('0');
    expect(num(f.nudges.tinyGrowth)).toBeLessThan(10);
    expect(num(f.nudges.largeEscaped)).toBeGreaterThan(0);
    expect(num(f.nudges.largeEscaped)).toBeLessThan(num(f.nudges.largeRuns));
    // The escapes reach the two-unit level; the rest stay above the one-unit level.
    for (const r of exact.grid.w2b0) {
      if (r.below >= 0) expect(r.final).toBeLessThan(exact.levels.twoUnits + 1e-3);
      else expect(r.final).toBeGreaterThanOrEqual(exact.levels.oneUnit);
    }
  });

  it('finds nothing that leaves the plane from "weights 0, biases 2": every run ends with both units on everywhere', () => {
    expect(f.nudges.w0b2Escaped).toBe('0');
    for (const r of exact.grid.w0b2) {
      expect(r.states).toEqual(['linear', 'linear']);
      expect(Math.abs(r.final - exact.planeLoss)).toBeLessThan(1e-6);
    }
  });

  it('reaches the two-unit level with every weight 2 but unequal hidden biases', () => {
    expect(Math.abs(exact.unequalFinal - exact.levels.twoUnits)).toBeLessThan(1e-3);
  });

  it('gets most random (He) starts below 0.1', () => {
    expect(num(f.he.good)).toBeGreaterThan(num(f.he.runs) / 2);
    expect(num(f.he.runs)).toBeGreaterThanOrEqual(100);
    expect(f.he.goodFact).toMatch(/^\d+ of 100 \(95% interval \d+–\d+\)$/);
    // every good run is at rest, and the others are accounted for: a dead unit, or still moving on a plateau
    expect(f.he.goodAtRest).toBe(f.he.good);
    expect(num(f.he.badDead) + num(f.he.badMoving)).toBe(num(f.he.bad));
    expect(num(f.he.good) + num(f.he.bad)).toBe(num(f.he.runs));
  });

  it('backs the exercises: twins at any equal start, and a millionth nudge that changes the bits but not the outcome', () => {
    const p = exact.symmetricStart({ start: 'weights2-biases0', nudge: 'W1', epsilon: 1e-6 });
    expect(p[0]).not.toBe(p[1]);
    const tinyW1 = exact.grid.w2b0.find((r) => r.nudge === 'W1' && r.epsilon === 1e-6)!;
    expect(tinyW1.below).toBe(-1);
    expect(tinyW1.gapEnd).toBeGreaterThan(0);
  });
});
