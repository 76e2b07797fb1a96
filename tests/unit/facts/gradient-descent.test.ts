// Lesson 7's prose makes claims about its computed numbers and derives the one-parameter step;
// these tests keep both true against the trainer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bestOutputBias, DEFAULT_RUN, gradientDescent as f, RATES } from '../../../src/facts/gradient-descent';
import { B3, Trainer, hessian, initParams, lossAndGradient, meanSquaredError, symmetricEigen, unitActivity } from '../../../src/trainer';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';

const lesson = readFileSync(new URL('../../../content/lessons/07-gradient-descent.mdx', import.meta.url), 'utf8');
const { data, start, bestB3, lossAtBest, varY } = f.exact;
const run = (rate: number) => f.exact.oneParameter.find((r) => r.rate === rate)!;
const num = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));

describe('lesson 7, one parameter: the dead-unit network trains B3 alone', () => {
  it('has both hidden units dead, so only B3 has a gradient', () => {
    expect(unitActivity(start, data).states).toEqual(['dead', 'dead']);
    const { grad } = lossAndGradient(start, data);
    expect(Array.from(grad.slice(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(grad[B3]).not.toBe(0);
    for (const r of f.exact.oneParameter) {
      expect(Array.from(r.trainer.params.slice(0, 8))).toEqual(Array.from(start.slice(0, 8)));
    }
  });

  it('has its best B3 at the mean of y (0 after z-scoring), where the loss is Var(y)', () => {
    expect(Math.abs(bestB3)).toBeLessThan(1e-12);
    expect(f.one.bestB3).toBe('0');
    expect(lossAtBest).toBeCloseTo(1, 12);
    expect(meanSquaredError(start, data)).toBeCloseTo(varY + (start[B3] - bestB3) ** 2, 12);
    expect(f.one.lossStart).toBe('5.000');
  });

  it('matches the printed slope ∂L/∂B3 = 2(B3 − B3*), on the dead network and on a live one', () => {
    expect(lossAndGradient(start, data).grad[B3]).toBeCloseTo(2 * (start[B3] - bestB3), 12);
    const live = f.exact.he;
    expect(unitActivity(live, data).states).not.toContain('dead');
    expect(f.exact.heGradient[B3]).toBeCloseTo(2 * (live[B3] - bestOutputBias(live)), 12);
  });

  it('multiplies the distance to B3* by 1 − 2η every step, and the loss follows L* + (1 − 2η)^2k d²', () => {
    for (const rate of RATES) {
      const r = run(rate);
      const d0 = start[B3] - bestB3;
      r.b3.forEach((b, k) => expect(b - bestB3).toBeCloseTo((1 - 2 * rate) ** k * d0, 10));
      for (let k = 0; k < 6; k++) expect(r.losses[k]).toBeCloseTo(lossAtBest + (1 - 2 * rate) ** (2 * k) * d0 * d0, 8);
    }
  });

  it('creeps from one side for η < 1/2, lands in one step at η = 1/2', () => {
    for (const rate of [0.1, 0.25]) {
      const { b3, losses } = run(rate);
      for (let k = 1; k < b3.length; k++) {
        expect(b3[k] - bestB3).toBeGreaterThan(0);
        expect(b3[k]).toBeLessThan(b3[k - 1]);
      }
      // Every step, until the excess over L* is down at the last digits of a float.
      for (let k = 1; losses[k - 1] - lossAtBest > 1e-12; k++) expect(losses[k]).toBeLessThan(losses[k - 1]);
    }
    expect(Math.abs(run(0.5).b3[1] - bestB3)).toBeLessThan(1e-12);
  });

  it('overshoots and settles for 1/2 < η < 1, bounces at η = 1, blows up for η > 1', () => {
    const zigzag = run(0.75);
    for (let k = 1; k < zigzag.b3.length; k++) {
      expect(Math.sign(zigzag.b3[k] - bestB3)).toBe(-Math.sign(zigzag.b3[k - 1] - bestB3));
      expect(Math.abs(zigzag.b3[k] - bestB3)).toBeLessThan(Math.abs(zigzag.b3[k - 1] - bestB3));
    }
    expect(zigzag.status).toBe('ok');
    expect(Math.abs(zigzag.trainer.params[B3] - bestB3)).toBeLessThan(1e-10);

    const bounce = run(1);
    expect(bounce.status).toBe('ok');
    expect(Math.abs(bounce.trainer.params[B3] - bestB3)).toBeCloseTo(2, 10);

    const blowUp = run(1.5);
    for (let k = 1; k < blowUp.b3.length; k++) expect(Math.abs(blowUp.b3[k])).toBeGreaterThan(Math.abs(blowUp.b3[k - 1]));
    expect(blowUp.status).toBe('diverged');
    expect(blowUp.trainer.message).toMatch(/too large to represent/);
    expect(f.one.divergedAt15).toBe(String(blowUp.divergedAt));
  });

  it('converges exactly for 0 < η < 1 across a sweep of rates', () => {
    for (let rate = 0.05; rate < 2; rate += 0.1) {
      const t = new Trainer({ data, params: start, learningRate: rate });
      t.step(5000);
      const converged = t.status === 'ok' && Math.abs(t.params[B3] - bestB3) < 1e-6;
      expect(converged, `η = ${rate}`).toBe(rate < 1);
    }
  });

  it('works the exercise: one step at η = 0.1 from B3 = 2 gives 1.6, a step of −0.4 from a slope of 4', () => {
    expect(lossAndGradient(start, data).grad[B3]).toBeCloseTo(4, 12);
    expect(f.exact.oneParameter[0].rate).toBe(0.1);
    expect(f.exact.oneParameter[0].b3[1]).toBeCloseTo(1.6, 12);
    expect(f.one.firstStep01).toBe('1.60');
  });
});

describe('lesson 7, all nine parameters: the default run', () => {
  const L = f.exact.losses;

  it('is the run the lesson\'s console starts from', () => {
    expect(trainingConsoleSettings.defaults).toMatchObject({ init: DEFAULT_RUN.preset, initSeed: DEFAULT_RUN.seed, learningRate: DEFAULT_RUN.learningRate, start: null, batchSize: 'full' });
    expect(f.consoleEpoch).toBe('200');
  });

  it('goes down at each printed epoch, and the printed R² are 1 − L/Var(y)', () => {
    const shown = [f.run.loss0, f.run.loss1, f.run.loss10, f.run.loss100, f.run.loss1000, f.run.lossFinal].map(num);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeLessThan(shown[i - 1]);
    expect(num(f.run.r2At100)).toBeCloseTo(1 - L[100] / varY, 3);
    expect(num(f.run.r2Final)).toBeCloseTo(1 - f.exact.finalLoss / varY, 3);
  });

  it('has essentially arrived: the final loss is where the run stays, within 1% after the printed epoch', () => {
    for (let e = f.exact.within1Percent; e < L.length; e++) expect(L[e]).toBeLessThanOrEqual(f.exact.finalLoss * 1.01);
    expect(L[f.exact.within1Percent - 1]).toBeGreaterThan(f.exact.finalLoss * 1.01);
    const longer = new Trainer({ data, params: f.exact.he, learningRate: DEFAULT_RUN.learningRate });
    longer.step(20_000);
    expect(Math.abs(longer.losses[19_999] - f.exact.finalLoss) / f.exact.finalLoss).toBeLessThan(0.001);
  });

  it('crosses Var(y) and the best plane at the printed epochs', () => {
    const below = (level: number) => L.findIndex((l) => l < level);
    expect(String(below(varY))).toBe(f.run.belowMeanAt);
    expect(String(below(f.exact.planeLoss))).toBe(f.run.belowPlaneAt);
    expect(Number(f.run.belowMeanAt)).toBeLessThan(Number(f.run.belowPlaneAt));
  });

  it('squashes the curve on a linear axis: by epoch 20 it uses a few per cent of the height', () => {
    expect(L[20] / L[0]).toBeLessThan(0.1);
    expect(f.run.shareOfAxisAt20).toBe(`${Math.round((100 * L[20]) / L[0])}%`);
  });

  it('falls at every epoch until the first printed rise, and rises afterwards only by a hair', () => {
    for (let e = 1; e < f.exact.firstIncrease; e++) expect(L[e]).toBeLessThan(L[e - 1]);
    expect(f.exact.increases).toBeGreaterThan(0);
    expect(f.exact.largestIncrease).toBeLessThan(1e-5);
    expect(num(f.run.largestIncrease)).toBeCloseTo(f.exact.largestIncrease, 6);
  });

  it('goes downhill for a small step as the sum of squares says: ΔL ≈ −η Σ (∂L/∂p)²', () => {
    const eta = 1e-5;
    const g = f.exact.heGradient;
    const t = new Trainer({ data, params: f.exact.he, learningRate: eta });
    t.step(1);
    const predicted = -eta * g.reduce((s, v) => s + v * v, 0);
    const actual = meanSquaredError(t.params, data) - L[0];
    expect(actual).toBeLessThan(0);
    expect(Math.abs(actual - predicted) / Math.abs(predicted)).toBeLessThan(0.01);
  });

  it('diverges within a few epochs at η = 1000, as the prose says', () => {
    expect(f.exact.reckless.status).toBe('diverged');
    expect(f.run.recklessDivergedAt).toBe(String(f.exact.reckless.divergedAt));
    expect(f.exact.reckless.divergedAt).toBeLessThan(10);
  });

  it('makes the baseline exercise right: after ten epochs the loss fell by over 90% yet R² is small', () => {
    expect(L[10] / L[0]).toBeLessThan(0.1);
    expect(num(f.run.r2At10)).toBeLessThan(0.15);
    expect(num(f.run.r2At10)).toBeGreaterThan(0);
  });
});

describe('lesson 7 prose', () => {

  it('uses each one-parameter rate of the table', () => {
    for (const rate of RATES) expect(lesson).toContain(`f.one.regimes['${rate}'].b3`);
  });
});

describe('lesson 7: the limit for all nine parameters is 2/λmax, not 1', () => {
  const limit = f.exact;
  it('puts the console’s own rate below the limit at its start, and the limit far below 1', () => {
    expect(DEFAULT_RUN.learningRate).toBeLessThan(limit.limitAtConsoleStart);
    expect(limit.limitAtConsoleStart).toBeLessThan(0.5);
    // 2/λmax from the eigenvalues of the exact Hessian at the console's start, computed here again
    const lambda = symmetricEigen(hessian(initParams({ preset: 'he', seed: 1 }), f.exact.data)).values[0];
    expect(limit.limitAtConsoleStart).toBeCloseTo(2 / lambda, 12);
  });

  it('finds He starts’ limits some thirty times the write-up’s, over 100 starts each, intervals not overlapping', () => {
    expect(Number(f.limit.seeds)).toBeGreaterThanOrEqual(100);
    expect(limit.heLimits.median / limit.writeupLimits.median).toBeGreaterThan(10);
    expect(limit.heLimits.low).toBeGreaterThan(limit.writeupLimits.high);
    expect(limit.writeupLimits.median).toBeLessThan(0.01);
  });
});
