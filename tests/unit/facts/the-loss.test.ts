// Lesson 5's prose makes claims about its computed numbers and prints derivations; these tests
// keep both true: every claim is checked against the trainer, every printed formula is evaluated
// on the lesson's example networks and compared with the trainer's own loss and gradient.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { theLoss as f } from '../../../src/facts/the-loss';
import {
  B1,
  B3,
  W1,
  W5,
  W6,
  backpropagate221,
  forward,
  lossAlong,
  lossAndGradient,
  meanSquaredError,
  predictAll,
  type Parameters,
} from '../../../src/trainer';

const lesson = readFileSync(new URL('../../../content/lessons/05-the-loss.mdx', import.meta.url), 'utf8');
const { data, base, he, writeup, trained, zeros } = f.exact;
const num = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));
const examples: [string, Parameters][] = [
  ['He start', he.params],
  ["write-up's example", writeup.params],
  ['trained', trained.params],
  ['all zeros', zeros],
];

function residuals(params: Parameters): number[] {
  const yhat = predictAll(params, data);
  return Array.from(yhat, (v, i) => v - data.y[i]);
}
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

describe('lesson 5: residuals and the mean squared error', () => {
  it('works the first three samples so that the rounded residuals and squares check out', () => {
    for (const w of f.worked) {
      expect(num(w.e)).toBeCloseTo(num(w.yhat) - num(w.y), 10);
      expect(num(w.eSquared).toFixed(2)).toBe((num(w.e) ** 2).toFixed(2));
    }
    const avg = f.worked.reduce((s, w) => s + num(w.e) ** 2, 0) / f.worked.length;
    expect(f.workedLoss).toBe(avg.toFixed(2));
  });

  it('says truly that samples 1 and 2 have both units off, so ŷ = B3 = 0, and gives the signs as stated', () => {
    for (const i of [0, 1]) {
      const pass = forward(he.params, data.x1[i], data.x2[i]);
      expect(Math.max(...pass.z)).toBeLessThanOrEqual(0);
      expect(pass.yhat).toBe(he.params[B3]);
    }
    expect(he.params[B3]).toBe(0);
    expect(f.worked.map((w) => Math.sign(num(w.e)))).toEqual([1, -1, 1]);
  });

  it('uses a He start whose biases are zero, as the prose describes it', () => {
    expect(Array.from(he.params.slice(B1))).toEqual([0, 0, 0]);
  });

  it('computes L = (1/N)Σe² exactly as the trainer does', () => {
    for (const [, params] of examples) {
      const L = mean(residuals(params).map((e) => e * e));
      expect(L).toBeCloseTo(meanSquaredError(params, data), 10);
      expect(L).toBeCloseTo(backpropagate221(params, data).loss, 10);
    }
    expect(f.he.loss).toBe(he.loss.toFixed(2));
  });

  it('shows signs cancelling: the mean predictor and the shifted write-up start both average to zero', () => {
    expect(Math.abs(f.exact.meanPredictorResidual)).toBeLessThan(1e-12);
    expect(meanSquaredError(zeros, data)).toBeCloseTo(base.meanPredictor, 12);
    expect(Math.abs(mean(residuals(writeup.best)))).toBeLessThan(1e-12);
    expect(writeup.lossAtBestB3).toBeGreaterThan(1000);
  });

  it('has the worst tenth of the misses carry much more of the squared loss than of the absolute error', () => {
    expect(f.he.worstCount).toBe(data.n / 10);
    expect(f.exact.worstShare).toBeGreaterThan(0.4);
    expect(f.exact.worstShare).toBeGreaterThan(f.exact.worstShareAbsolute + 0.1);
  });
});

describe('lesson 5: what a value means', () => {
  it('prints the two yardsticks of lesson 1', () => {
    expect(f.varY).toBe('1.000');
    expect(num(f.planeR2)).toBeGreaterThan(0.2);
    expect(num(f.planeR2)).toBeLessThan(0.5);
  });

  it('finds the random starts worse than the mean, the write-up start (weights up to 10 in size) by a factor over a thousand', () => {
    const weights = Array.from(writeup.params.slice(0, 6), Math.abs);
    expect(Math.max(...weights)).toBeLessThanOrEqual(10);
    expect(Math.max(...weights)).toBeGreaterThan(9);
    expect(he.r2).toBeLessThan(0);
    expect(writeup.loss / base.meanPredictor).toBeGreaterThan(1000);
    expect(writeup.loss / base.meanPredictor).toBeLessThan(10_000);
    // the two factors the prose prints, and that it is "worse still" than the He start
    expect(num(f.writeup.timesHe)).toBe(Math.round(writeup.loss / he.loss));
    expect(num(f.writeup.timesVar)).toBe(Math.round(writeup.loss / base.meanPredictor));
    expect(writeup.loss).toBeGreaterThan(10 * he.loss);
  });

  it('has the trained network explain far more than the plane', () => {
    expect(trained.r2).toBeGreaterThan(0.9);
    expect(trained.r2).toBeGreaterThan(num(f.planeR2) + 0.4);
  });

  it('reads "about 0.05" as most of the pattern on z-scored data and as the mean predictor on min-max data', () => {
    expect(num(f.zscoreR2OfClaim)).toBeGreaterThan(0.9);
    expect(f.exact.minmaxVarY).toBeGreaterThan(0.04);
    expect(f.exact.minmaxVarY).toBeLessThan(0.06);
    // "no better than predicting the mean, and worse than a plane"
    expect(num(f.minmax.r2OfClaim)).toBeLessThanOrEqual(0);
    expect(num(f.minmax.r2OfClaim)).toBeGreaterThan(-0.1);
    expect(Number(f.writeupClaim)).toBeGreaterThan(f.exact.minmaxPlane);
  });
});

describe('lesson 5: the loss along one parameter', () => {
  const ts = [-3, -1.25, -0.5, 0.1, 0.75, 2, 4.5];

  it('matches the printed L(B3 + t) = L + 2t·ē + t² on every example network', () => {
    for (const [name, params] of examples) {
      const e = residuals(params);
      const L = mean(e.map((v) => v * v)), eBar = mean(e);
      const along = lossAlong(params, data, B3, ts.map((t) => params[B3] + t));
      ts.forEach((t, j) => expect(along[j], `${name}, t = ${t}`).toBeCloseTo(L + 2 * t * eBar + t * t, 8));
    }
  });

  it('matches the printed L(W5 + t) and its W6 twin, and is flat when the unit is off everywhere', () => {
    for (const [name, params] of examples) {
      const e = residuals(params);
      const L = mean(e.map((v) => v * v));
      for (const [index, k] of [[W5, 0], [W6, 1]] as const) {
        const hk = Array.from({ length: data.n }, (_, i) => forward(params, data.x1[i], data.x2[i]).h[k]);
        const a = mean(e.map((v, i) => v * hk[i])), c = mean(hk.map((v) => v * v));
        const along = lossAlong(params, data, index, ts.map((t) => params[index] + t));
        ts.forEach((t, j) => expect(along[j] / (L + 2 * t * a + t * t * c), `${name}, ${index}, t = ${t}`).toBeCloseTo(1, 10));
        if (c === 0) expect(new Set(along).size).toBe(1);
      }
    }
  });

  it('gives ∂L/∂B3 = (2/N)Σe = 2ē, the same as the trainer’s gradient', () => {
    for (const [, params] of examples) {
      const eBar = mean(residuals(params));
      expect(lossAndGradient(params, data).grad[B3]).toBeCloseTo(2 * eBar, 10);
      expect(backpropagate221(params, data).grad[B3]).toBeCloseTo(2 * eBar, 10);
    }
  });

  it('puts the lowest point of the B3 slice at B3 − ē, lower by exactly ē²', () => {
    for (const s of [he, writeup, trained]) {
      expect(s.lossAtBestB3).toBeCloseTo(s.loss - s.meanResidual ** 2, 8);
      const near = lossAlong(s.params, data, B3, [s.bestB3 - 1e-3, s.bestB3, s.bestB3 + 1e-3]);
      expect(near[1]).toBeLessThan(near[0]);
      expect(near[1]).toBeLessThan(near[2]);
    }
    // The printed ē, squared, rounds to the printed drop; the printed best B3 is 0 − ē.
    expect((num(f.he.meanResidual) ** 2).toFixed(3)).toBe(f.he.drop);
    expect(num(f.he.bestB3)).toBe(-num(f.he.meanResidual));
    expect(he.meanResidual).toBeGreaterThan(0); // "too high on average"
    expect((num(f.writeup.meanResidual) ** 2).toFixed(0)).toBe((writeup.loss - writeup.lossAtBestB3).toFixed(0));
  });

  it('makes the all-zero network with its best B3 the mean predictor', () => {
    const eBar = mean(residuals(zeros));
    expect(Math.abs(zeros[B3] - eBar - 0)).toBeLessThan(1e-12); // best B3 = ȳ = 0 on z-scored data
    expect(meanSquaredError(zeros, data)).toBeCloseTo(base.meanPredictor, 12);
  });

  it('leaves the trained B3 at the bottom of its parabola', () => {
    expect(Math.abs(trained.meanResidual)).toBeLessThan(1e-3);
  });

  it('finds the trained B1 slice flat below the printed value, at the loss without h1', () => {
    const below = lossAlong(trained.params, data, B1, [f.exact.b1Off - 5, f.exact.b1Off - 1, f.exact.b1Off - 1e-9]);
    for (const v of below) expect(v).toBeCloseTo(f.exact.lossWithoutH1, 12);
    const above = lossAlong(trained.params, data, B1, [f.exact.b1Off + 0.05]);
    expect(Math.abs(above[0] - f.exact.lossWithoutH1)).toBeGreaterThan(1e-6);
    expect(num(f.trained.b1)).toBeGreaterThan(f.exact.b1Off);
  });

  it('finds the trained W1 slice flat between the printed ends, at the same height', () => {
    const [lo, hi] = f.exact.shelf;
    expect(lo).toBeLessThan(hi);
    const inside = lossAlong(trained.params, data, W1, [lo + 1e-9, (lo + hi) / 2, hi - 1e-9]);
    for (const v of inside) expect(v).toBeCloseTo(f.exact.lossWithoutH1, 12);
    const outside = lossAlong(trained.params, data, W1, [lo - 0.05, hi + 0.05]);
    for (const v of outside) expect(Math.abs(v - f.exact.lossWithoutH1)).toBeGreaterThan(1e-6);
  });

  it('shows a hidden-weight slice that is not a parabola', () => {
    // Fit the parabola through three points; a parabola would match everywhere else too.
    const xs = [-4, -2, 0, 1, 3, 4.5];
    const L = Array.from(lossAlong(trained.params, data, W1, xs));
    const [x0, x1, x2] = [xs[0], xs[2], xs[5]];
    const [y0, y1, y2] = [L[0], L[2], L[5]];
    const quad = (x: number) =>
      (y0 * (x - x1) * (x - x2)) / ((x0 - x1) * (x0 - x2)) + (y1 * (x - x0) * (x - x2)) / ((x1 - x0) * (x1 - x2)) + (y2 * (x - x0) * (x - x1)) / ((x2 - x0) * (x2 - x1));
    expect(Math.max(Math.abs(L[1] - quad(xs[1])), Math.abs(L[3] - quad(xs[3])), Math.abs(L[4] - quad(xs[4])))).toBeGreaterThan(0.5);
  });

  it('finds every slice through all zeros flat except B3', () => {
    expect(f.flatAtZeros).toBe(8);
    expect(f.exact.flatAtZeros).not.toContain('B3');
  });
});

describe('lesson 5: the try-this prompts', () => {
  it('(1) typing B3 − ē zeroes the mean residual and lowers L by ē²', () => {
    const p = Float64Array.from(he.params);
    p[B3] = num(f.he.bestB3);
    expect(Math.abs(mean(residuals(p)))).toBeLessThan(5e-4); // shows as 0.000 at three decimals
    expect(he.loss - meanSquaredError(p, data)).toBeCloseTo(he.meanResidual ** 2, 6);
  });

  it('(2) all zeros with W5 = 1 has a sharp corner at W1 = 0', () => {
    const p = Float64Array.from(zeros);
    p[W5] = 1;
    const h = 1e-4;
    const [left, mid, right] = lossAlong(p, data, W1, [-h, 0, h]);
    const slopeLeft = (mid - left) / h, slopeRight = (right - mid) / h;
    // Falling on both sides of 0: a peak with a corner, not a smooth top.
    expect(slopeLeft).toBeGreaterThan(0.1);
    expect(slopeRight).toBeLessThan(-0.1);
  });

  it('(3) dragging the trained B1 down switches h1 off on every sample', () => {
    const p = Float64Array.from(trained.params);
    p[B1] = f.exact.b1Off - 0.5;
    const on = Array.from({ length: data.n }, (_, i) => forward(p, data.x1[i], data.x2[i]).z[0] > 0).filter(Boolean).length;
    expect(on).toBe(0);
  });
});

describe('lesson 5: the prose', () => {

  it('uses only facts that exist', () => {
    const used = lesson.match(/\{f\.[^}]+\}/g) ?? [];
    for (const ref of used) {
      const path = ref.slice(3, -1).replace(/\[(\d+)\]/g, '.$1').split('.');
      const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], f);
      expect(typeof value === 'string' || typeof value === 'number', ref).toBe(true);
      expect(String(value), ref).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});
