// Lesson 13's prose makes claims about the numbers it prints; these tests keep them true, and
// evaluate the four printed partial derivatives of unit 1 against the trainer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deadUnits as f, UNIT1, UNIT2, WRITEUP_PRINTED_FINAL } from '../../../src/facts/dead-units';
import {
  B1, B2, B3, W1, W2, W3, W4, W5, W6, hiddenBias, initParams, lossAndGradient, makeDataset, makeSqueezedDataset, PARAMETER_NAMES,
  unitActivity, weightFromX1, weightFromX2, weightToOutput, type Dataset, type Parameters,
} from '../../../src/trainer';

const lesson = readFileSync(new URL('../../../content/lessons/13-dead-units.mdx', import.meta.url), 'utf8');
const names = (indices: readonly number[]) => indices.map((j) => PARAMETER_NAMES[j]);

/** The four formulas of unit 1 as the lesson prints them, each with a term-by-term transcription. */
const PRINTED: { tex: string; index: number; evaluate: (p: Parameters, d: Dataset) => number }[] = (() => {
  const columns = (p: Parameters, d: Dataset) =>
    Array.from({ length: d.n }, (_, i) => {
      const z1 = p[W1] * d.x1[i] + p[W3] * d.x2[i] + p[B1];
      const z2 = p[W2] * d.x1[i] + p[W4] * d.x2[i] + p[B2];
      const yhat = p[W5] * Math.max(0, z1) + p[W6] * Math.max(0, z2) + p[B3];
      return { z1, h1: Math.max(0, z1), e: yhat - d.y[i], x1: d.x1[i], x2: d.x2[i] };
    });
  const onlyOn = (p: Parameters, d: Dataset, term: (c: ReturnType<typeof columns>[number]) => number) =>
    p[W5] * (2 / d.n) * columns(p, d).filter((c) => c.z1 > 0).reduce((s, c) => s + term(c), 0);
  return [
    { tex: String.raw`\frac{\partial L}{\partial W_5} = \frac{2}{N}\sum_{i=1}^{N} e_i\, h_{1,i},`, index: W5, evaluate: (p, d) => (2 / d.n) * columns(p, d).reduce((s, c) => s + c.e * c.h1, 0) },
    { tex: String.raw`\frac{\partial L}{\partial B_1} = W_5 \cdot \frac{2}{N} \sum_{i:\ z_{1,i} > 0} e_i ,`, index: B1, evaluate: (p, d) => onlyOn(p, d, (c) => c.e) },
    { tex: String.raw`\frac{\partial L}{\partial W_1} = W_5 \cdot \frac{2}{N} \sum_{i:\ z_{1,i} > 0} e_i\, x_{1,i},`, index: W1, evaluate: (p, d) => onlyOn(p, d, (c) => c.e * c.x1) },
    { tex: String.raw`\frac{\partial L}{\partial W_3} = W_5 \cdot \frac{2}{N} \sum_{i:\ z_{1,i} > 0} e_i\, x_{2,i} .`, index: W3, evaluate: (p, d) => onlyOn(p, d, (c) => c.e * c.x2) },
  ];
})();

describe('lesson 13: the write-up’s table', () => {
  it('finds exactly W1, W3, W5 and B1 unchanged in the printed table, and they are unit 1’s four parameters', () => {
    expect(f.printedUnchanged).toEqual(['W1', 'W3', 'W5', 'B1']);
    expect(names(UNIT1)).toEqual(['W1', 'W3', 'W5', 'B1']);
    expect([...UNIT1].sort()).toEqual([weightFromX1(0), weightFromX2(0), weightToOutput(0), hiddenBias(0)].sort());
    expect([...UNIT2].sort()).toEqual([weightFromX1(1), weightFromX2(1), weightToOutput(1), hiddenBias(1)].sort());
  });

  it('copies the printed finals, and their largest change is B3’s, not W6’s', () => {
    expect(WRITEUP_PRINTED_FINAL.W6).toBe(-0.3476833457527351);
    expect(f.printedLargest.name).toBe('B3');
    const c = f.exact.printedChanges;
    expect(Math.abs(c[B3].change)).toBeGreaterThan(Math.abs(c[W6].change));
    expect(f.printedLargest.change).toBe('+4.00');
  });

  it('prints the four partial derivatives of unit 1 verbatim, and each equals the trainer’s', () => {
    for (const formula of PRINTED) expect(lesson).toContain(formula.tex);
    for (const data of [makeDataset(), makeSqueezedDataset(), makeDataset({ scaling: 'minmax' })]) {
      const { grad } = lossAndGradient(f.exact.example, data);
      for (const formula of PRINTED) expect(formula.evaluate(f.exact.example, data)).toBeCloseTo(grad[formula.index], 10);
    }
  });
});

describe('lesson 13: re-running the example', () => {
  it('has unit 1 alive on z-scored, min–max and raw data but off on every squeezed sample', () => {
    expect(f.exact.unit1On.zscore).toBe(110);
    expect(f.exact.unit1On.minmax).toBeGreaterThan(0);
    expect(f.exact.unit1On.none).toBeGreaterThan(0);
    expect(f.exact.unit1On.squeezed).toBe(0);
  });

  it('explains the squeezed death: the weights reach barely past the bias, and only a sliver with no sample turns it on', () => {
    expect(f.exact.reach).toBeGreaterThan(Math.abs(f.exact.example[B1]));
    expect(f.exact.reach - Math.abs(f.exact.example[B1])).toBeLessThan(0.05);
    expect(f.exact.sliver).toBeGreaterThan(0);
    expect(f.exact.sliver).toBeLessThan(0.001);
    expect(f.exact.largestZ1).toBeLessThan(0);
    for (const j of UNIT1) expect(f.exact.gradientAtStart[j]).toBe(0);
    for (const j of [...UNIT2, B3]) expect(f.exact.gradientAtStart[j]).not.toBe(0);
  });

  it('reproduces the frozen four bit for bit, with B3 the largest change and an R² below one half', () => {
    expect(f.squeezed.unchanged).toEqual(['W1', 'W3', 'W5', 'B1']);
    for (const j of UNIT1) expect(Object.is(f.exact.squeezed.final[j], f.exact.example[j])).toBe(true);
    expect(f.squeezed.largest.name).toBe('B3');
    const r2 = 1 - f.exact.squeezed.losses[f.exact.squeezed.epochs] / f.exact.squeezed.varY;
    expect(r2).toBeGreaterThan(0);
    expect(r2).toBeLessThan(0.5);
  });

  it('differs from the write-up as the prose says: smaller moves for unit 2, and printed finals that do not fit our data', () => {
    for (const j of [W2, W4, B2]) expect(Math.abs(f.exact.squeezedChanges[j].change)).toBeLessThan(Math.abs(f.exact.printedChanges[j].change));
    expect(Number(f.squeezed.printedRatio)).toBeGreaterThan(10);
  });

  it('lets unit 1 die later on z-scored and min–max data, frozen at new values', () => {
    const z = f.exact.zscore;
    expect(z.deadFrom[0]).toBeGreaterThan(0);
    expect(z.active[0][0]).toBe(110);
    expect(f.zscore.unchanged).toEqual([]);
    expect(f.exact.zscoreFrozenSinceDeath).toBe(true);
    for (let e = z.deadFrom[0]; e <= z.epochs; e++) expect(z.active[0][e]).toBe(0);
    const m = f.exact.minmax;
    expect(m.deadFrom[0]).toBeGreaterThan(0);
    // The min–max run ends predicting the mean: its loss is Var(y) to three decimals of R².
    expect(Math.abs(1 - m.losses[m.epochs] / m.varY)).toBeLessThan(5e-4);
  });
});

describe('lesson 13: change is not importance', () => {
  const zeroed = f.exact.squeezedZeroed;
  it('ranks B3 above W6 (unit 2) by the loss without them, and unit 1 at exactly zero', () => {
    expect(zeroed[B3]).toBeGreaterThan(zeroed[W6]);
    expect(zeroed[B3] / zeroed[W6]).toBeGreaterThan(2);
    expect(zeroed[W6]).toBeGreaterThan(0);
    expect(zeroed[W5]).toBe(0);
    expect(f.exact.squeezedWithoutUnit[0]).toBe(0);
    // W6 = 0 is the same as removing unit 2.
    expect(f.exact.squeezedWithoutUnit[1]).toBe(zeroed[W6]);
  });

  it('gives W2, W4, B2 next to nothing, one of them below zero (the run has not settled)', () => {
    for (const j of [W2, W4, B2]) expect(Math.abs(zeroed[j])).toBeLessThanOrEqual(Number(f.squeezed.zeroSmallest) + 5e-4);
    for (const j of [W2, W4, B2]) expect(Math.abs(zeroed[j])).toBeLessThan(zeroed[W6]);
    expect([W2, W4, B2].some((j) => zeroed[j] < 0)).toBe(true);
  });

  it('shows that B1 keeps unit 1 off: at 0 the unit wakes up and the loss explodes, though B1 never moved', () => {
    expect(f.exact.squeezedChanges[B1].unchanged).toBe(true);
    expect(f.exact.onWithoutB1).toBeGreaterThan(0);
    expect(f.exact.zeroB1).toBeGreaterThan(100 * zeroed[B3]);
  });

  it('puts W6 back at a cost of ½·c·Δ²: the distance moved again, weighted by the curvature (the slope is about 0 at the end)', () => {
    const delta = f.exact.squeezedChanges[W6].change;
    const predicted = 0.5 * f.exact.curvatureW6 * delta * delta;
    expect(Math.abs(f.exact.squeezedPutBackW6 - predicted) / predicted).toBeLessThan(0.01);
    // … and the change column still ranks B3 above W6.
    expect(Math.abs(f.exact.squeezedChanges[B3].change)).toBeGreaterThan(Math.abs(f.exact.squeezedChanges[W6].change));
  });
});

describe('lesson 13: do most parameters stay close to their start?', () => {
  const c = f.exact.closeness;
  it('keeps most parameters within 0.5 in fewer than half of the runs under every scaling; on z-scored data even the interval is far below half', () => {
    for (const s of [c.zscore, c.minmax, c.squeezed]) {
      expect(s.runs).toBeGreaterThanOrEqual(100);
      expect(s.mostClose).toBeLessThan(s.runs / 2);
    }
    expect(c.zscore.mostCloseHigh).toBeLessThan(c.zscore.runs / 4);
    expect(c.squeezed.mostCloseHigh).toBeLessThan(c.squeezed.runs / 2);
  });

  it('leaves far more parameters near their start on data that are not centred', () => {
    expect(c.minmax.mostClose).toBeGreaterThan(2 * c.zscore.mostClose);
    expect(c.squeezed.mostClose).toBeGreaterThan(2 * c.zscore.mostClose);
    expect(c.zscore.medianMove).toBeGreaterThan(2 * c.minmax.medianMove);
  });

  it('freezes exactly only the parameters of units dead from the start', () => {
    for (const [row, scaling] of [[f.exact.deaths.writeupMinmax, 'minmax'], [f.exact.deaths.writeupSqueezed, 'squeezed'], [f.exact.deaths.writeupZ, 'zscore']] as const) {
      const data = scaling === 'squeezed' ? makeSqueezedDataset() : makeDataset({ scaling });
      row.moves.forEach((moves, i) => {
        const start = initParams({ preset: 'writeup', seed: i + 1 });
        const dead = unitActivity(start, data).states;
        moves.forEach((m, j) => {
          if (m !== 0) return;
          const owner = j === B3 ? -1 : j % 2 === 0 ? 0 : 1; // W1 W3 W5 B1 → unit 1; W2 W4 W6 B2 → unit 2
          expect(owner >= 0 && dead[owner] === 'dead', `seed ${i + 1}, ${PARAMETER_NAMES[j]}`).toBe(true);
        });
      });
    }
  });

  it('reads the write-up’s own table: four unmoved, the other five moved by at least 0.9', () => {
    expect(Number(f.closeness.printedMoved)).toBe(5);
    expect(Number(f.closeness.printedSmallestMove)).toBeGreaterThan(0.8);
  });
});

describe('lesson 13: how often units die', () => {
  const d = f.exact.deaths;
  const all = Object.values(d);
  it('never revives a unit, and no run in the table diverged', () => {
    for (const row of all) {
      expect(row.neverRevived).toBe(true);
      expect(row.diverged).toBe(0);
    }
  });

  it('kills most z-scored write-up units in the first epoch, not before it', () => {
    expect(d.writeupZ.atStart).toBeLessThanOrEqual(2);
    expect(d.writeupZ.afterOne).toBeGreaterThan(10 * d.writeupZ.atStart);
    expect(d.writeupZ.afterOne).toBeGreaterThan(d.writeupZ.atEnd / 2);
  });

  it('starts squeezed and min–max data with dead units, min–max with the most', () => {
    expect(d.writeupSqueezed.atStart).toBeGreaterThan(d.writeupZ.atStart);
    expect(d.writeupMinmax.atStart).toBeGreaterThan(d.writeupSqueezed.atStart);
  });

  it('kills fewer with a smaller rate, even at the same η × epochs', () => {
    expect(d.writeupZSlow.afterOne).toBeLessThan(d.writeupZ.afterOne);
    expect(d.writeupZSlow.atEnd).toBeLessThan(d.writeupZ.atHundred);
  });

  it('kills fewer from He starts on z-scored data, though not none; on min–max data about a quarter start dead', () => {
    expect(d.heZ.atStart).toBe(0);
    expect(d.heZ.afterOne).toBe(0);
    expect(d.heZ.atEnd).toBeGreaterThan(0);
    expect(d.heZ.atEnd).toBeLessThan(d.writeupZ.atEnd / 2);
    expect(d.heMinmax.atStart / 200).toBeGreaterThan(0.15);
    expect(d.heMinmax.atStart / 200).toBeLessThan(0.35);
  });
});

describe('lesson 13: prose and exercises', () => {
  it('backs the exercises', () => {
    expect(f.exact.printedB3Change).toBeCloseTo(4.0008, 4);
    expect(f.exact.zscoreUnit1On).toBe(110);
  });
});
