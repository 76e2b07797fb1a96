// Lesson 12's prose makes claims about its computed numbers; these tests keep them true.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extremeStarts as f, RATE, SEEDS } from '../../../src/facts/extreme-starts';
import { forwardColumns, PRINTED_PARTIALS } from '../../../src/experiments/backprop/formulas';
import { B3, lossAndGradient, mean, PARAMETER_NAMES } from '../../../src/trainer';
import { extremeData } from '../../../src/experiments/extreme-starts/run';

const lesson = readFileSync(new URL('../../../content/lessons/12-extreme-starts.mdx', import.meta.url), 'utf8');
const num = (s: string) => Number(s.replace(/\u2212/g, '-').replace(/,/g, ''));
const { exact } = f;
const z = extremeData('zscore');
const mm = extremeData('minmax');

describe('lesson 12: all zeros', () => {
  it('gives eight slopes of exactly 0 and ∂L/∂B3 = −2ȳ, on both scalings, as the printed formulas say', () => {
    for (const data of [z, mm]) {
      const { grad } = lossAndGradient(exact.zeros, data);
      for (let j = 0; j < 8; j++) expect(grad[j]).toBe(0);
      expect(grad[B3]).toBeCloseTo(-2 * mean(data.y), 12);
      // Lesson 6's printed formulas give the same at this start.
      const c = forwardColumns(exact.zeros, data);
      PARAMETER_NAMES.forEach((name, j) => expect(PRINTED_PARTIALS[name].evaluate(exact.zeros, c)).toBeCloseTo(grad[j], 12));
    }
  });

  it('does not move on standardised data: a slope at rounding level and a loss of Var(y) that never changes', () => {
    expect(Math.abs(exact.zeroZ.grad[B3])).toBeLessThan(1e-14);
    expect(exact.zeroZ.maxChange).toBeLessThan(1e-12);
    expect(f.zeros.loss).toBe('1.000');
    expect(f.zeros.lossEnd).toBe('1.000');
    expect(f.zeros.meanY).toBe('0.000');
  });

  it('slides quickly to exactly Var(y) on min-max data, with only B3 moving, to the mean of y', () => {
    const { run, varY, meanY } = exact.zeroMM;
    for (const step of run.steps) for (let j = 0; j < 8; j++) expect(step[j]).toBe(0);
    expect(num(f.zeros.minmax.firstStep)).toBeCloseTo(-RATE * exact.dB3mm, 5);
    expect(run.losses[100]).toBeLessThan(run.losses[0] / 4);
    expect(exact.zeroMM.within1Percent).toBeLessThan(200);
    expect(Math.abs(run.losses[run.epochs] - varY)).toBeLessThan(1e-12);
    expect(Math.abs(run.params[B3] - meanY)).toBeLessThan(1e-9);
    expect(exact.dB3mm).toBeCloseTo(-2 * exact.meanYmm, 12);
  });
});

describe('lesson 12: weights in the millions', () => {
  it('diverges at η = 0.01 in every seed, at epoch 3, each step worse than the last', () => {
    expect(exact.huge.z.every((r) => r.status === 'diverged' && r.divergedAt === 3)).toBe(true);
    expect(f.huge.z.diverged).toBe(String(SEEDS));
    const L = exact.hugeOne.losses;
    expect(L[1]).toBeGreaterThan(L[0]);
    expect(L[2]).toBeGreaterThan(L[1]);
  });

  it('has residuals near 10¹³, outputs near 10⁷ and a starting loss near 10²⁷', () => {
    const residual = Math.sqrt(exact.hugeOne.losses[0]);
    expect(residual).toBeGreaterThan(1e12);
    expect(residual).toBeLessThan(1e14);
    expect(exact.hugeH1Rms).toBeGreaterThan(1e6);
    expect(exact.hugeH1Rms).toBeLessThan(1e8);
    const losses = exact.huge.z.map((r) => r.loss0).sort((a, b) => a - b);
    expect(losses[SEEDS / 2]).toBeGreaterThan(1e26);
    expect(losses[SEEDS / 2]).toBeLessThan(1e28);
  });

  it('grows the loss far faster than a fixed bowl would (ηλmax squared per step), because λmax grows with every step', () => {
    const L = exact.hugeOne.losses;
    const fixedBowl = exact.hugeSteps.etaLambda ** 2;
    expect(L[1] / L[0]).toBeGreaterThan(1e10 * fixedBowl);
    expect(L[2] / L[1]).toBeGreaterThan(L[1] / L[0]);
    const [l0, l1, l2] = exact.hugeSteps.lambdas;
    expect(l1).toBeGreaterThan(1e10 * l0);
    expect(l2).toBeGreaterThan(1e10 * l1);
  });

  it('puts the stable rate near 10⁻¹⁴, so that ηλmax is some 10¹²', () => {
    const { lambdaMax, stableRate } = exact.hugeOne;
    expect(stableRate).toBeCloseTo(2 / lambdaMax, 25);
    expect(RATE * lambdaMax).toBeGreaterThan(1e11);
    expect(RATE * lambdaMax).toBeLessThan(1e13);
    const median = exact.huge.z.map((r) => r.stableRate).sort((a, b) => a - b)[SEEDS / 2];
    expect(median).toBeGreaterThan(3e-15);
    expect(median).toBeLessThan(3e-14);
  });

  it('stays finite at half the stable rate but ends worse than predicting the mean', () => {
    const run = exact.hugeStable;
    expect(run.status).toBe('ok');
    expect(run.losses[run.epochs]).toBeGreaterThan(run.varY);
    expect(num(f.huge.one.stableR2)).toBeLessThan(0);
  });

  it('has a curvature of exactly 2 along B3, fourteen powers of ten below λmax, so B3 needs about 10¹⁴ epochs', () => {
    expect(exact.b3Curvature).toBe(2);
    const orders = Math.log10(exact.hugeOne.lambdaMax / exact.b3Curvature);
    expect(orders).toBeGreaterThan(13.5);
    expect(orders).toBeLessThan(14.5);
    const epochs = 1 / (2 * (exact.hugeOne.stableRate / 2));
    expect(epochs).toBeGreaterThan(3e13);
    expect(epochs).toBeLessThan(3e14);
  });

  it('on min-max data never diverges but ends with both units dead, at or heading for Var(y) ≈ 0.05', () => {
    expect(exact.huge.mm.every((r) => r.status === 'ok' && r.bothDeadAtEnd)).toBe(true);
    const atVar = exact.huge.mm.filter(exact.atVar).length;
    expect(atVar).toBe(num(f.huge.mm.atVar));
    expect(atVar + num(f.huge.mm.stillCreeping)).toBe(SEEDS);
    expect(num(f.huge.mm.stillCreeping)).toBeGreaterThan(0);
    expect(exact.varYmm).toBeGreaterThan(0.04);
    expect(exact.varYmm).toBeLessThan(0.06);
  });
});

describe('lesson 12: very large biases', () => {
  it('has weighted sums far smaller than the biases', () => {
    expect(exact.largestWeightedSum).toBeLessThan(100);
  });

  it('works seed 1 as the prose says: one unit on everywhere, one dead, the loss up after step 1, both dead after step 2', () => {
    // Printed in the prose: unit 1 on for every sample, unit 2 dead.
    expect(f.large.one.unit1).toMatch(/\bon\b.*every sample/);
    expect(f.large.one.unit1).not.toMatch(/dead/);
    expect(f.large.one.unit2).toMatch(/dead/);
    expect(exact.largeOne.unitsAtStart.states).toEqual(['linear', 'dead']);
    const L = exact.largeOne.losses;
    expect(L[1]).toBeGreaterThan(L[0]);
    expect(f.large.one.deadAfter).toBe('2');
    expect(exact.largeOne.params[6]).toBeLessThan(-1e6);
    expect(Math.sqrt(L[1])).toBeGreaterThan(1e6);
    expect(Math.abs(L[exact.largeOne.epochs] - exact.varY)).toBeLessThan(1e-12);
  });

  it('mostly kills every live unit within two steps, freezes the other eight parameters, and ends every such run exactly at Var(y)', () => {
    for (const runs of [exact.large.z, exact.large.mm]) {
      for (const r of runs) {
        if (r.bothDeadAtEnd) expect(exact.atVar(r)).toBe(true);
        if (r.deadAfter >= 0) expect(r.frozenAfterDeath).toBe(true);
      }
      expect(runs.filter((r) => r.bothDeadAtEnd && exact.atVar(r)).length).toBeGreaterThan(0.9 * SEEDS);
    }
    expect(exact.large.mm.every((r) => r.status === 'ok' && r.bothDeadAtEnd)).toBe(true);
    const z = f.large.z;
    // The prose accounts for every z-scored run with a live unit at the start.
    expect(num(z.killedInOne) + num(z.killedInTwo) + num(z.killedLater) + num(z.diverged) + num(z.neverBothDead)).toBe(num(z.aliveAtStart));
    expect(num(z.killedInOne) + num(z.killedInTwo)).toBeGreaterThan(0.9 * num(z.aliveAtStart));
    expect(num(z.deadAtStart) + num(z.aliveAtStart)).toBe(SEEDS);
    expect(z.everyDeadAtVar).toBe(true);
    expect(f.large.mm.everyDeadAtVar).toBe(true);
  });

  it('states every count over the seeds with n and a Wilson interval', () => {
    expect(SEEDS).toBeGreaterThanOrEqual(100);
    expect(f.huge.z.divergedFact).toMatch(new RegExp(`^${SEEDS} of ${SEEDS} \\(95% interval \\d+–${SEEDS}\\)$`));
    expect(f.large.z.endDeadFact).toMatch(/^\d+ of \d+ \(95% interval \d+–\d+\)$/);
  });

  it('has stable rates far below the rate our reproduction uses', () => {
    const median = exact.large.z.map((r) => r.stableRate).sort((a, b) => a - b)[SEEDS / 2];
    expect(median).toBeLessThan(RATE / 10);
  });
});
