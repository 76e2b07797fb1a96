// Lesson 2's prose makes claims about its computed numbers; these tests keep them true.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collapsedPlane, identityNetworkLoss, identityNetworkPredict, oneReluUnit as f } from '../../../src/facts/one-relu-unit';
import { forward, makeDataset, relu, reluPrime, unitActivity } from '../../../src/trainer';
import { RELU_UNIT_PRESETS, reluUnitSettings } from '../../../src/experiments/relu-unit/settings';

const RELU_UNIT_DEFAULTS = reluUnitSettings.defaults;

const num = (s: string) => Number(s.replace('−', '-'));
const data = makeDataset();

describe('lesson 2: one ReLU unit', () => {
  it('says the standardised inputs lie between about −1.7 and 1.7', () => {
    expect(num(f.maxAbsX1)).toBeGreaterThan(1.6);
    expect(num(f.maxAbsX1)).toBeLessThan(1.8);
    expect(num(f.maxAbsX2)).toBeGreaterThan(1.6);
    expect(num(f.maxAbsX2)).toBeLessThan(1.8);
  });

  it('works two samples whose rounded pieces give the printed z1, one off and one on', () => {
    for (const s of [f.first, f.firstOn]) {
      const z = num(f.unit.W1) * num(s.x1) + num(f.unit.W3) * num(s.x2) + num(f.unit.B1);
      expect(Math.abs(z - num(s.z))).toBeLessThan(0.5 * 10 ** -s.decimals);
      expect(num(s.h)).toBe(Math.max(0, num(s.z)));
    }
    expect(f.exact.firstZ).toBeLessThan(0);
    expect(f.exact.firstOnZ).toBeGreaterThan(0);
    expect(f.first.number).toBe(1);
  });

  it('computes z1 and h1 the way the trainer does (the printed formula against forward())', () => {
    const p = Float64Array.of(RELU_UNIT_DEFAULTS.W1, 0, RELU_UNIT_DEFAULTS.W3, 0, 1, 0, RELU_UNIT_DEFAULTS.B1, 0, 0);
    for (const i of [0, f.exact.firstOn]) {
      const pass = forward(p, data.x1[i], data.x2[i]);
      expect(pass.z[0]).toBeCloseTo(f.exact.firstOn === i ? f.exact.firstOnZ : f.exact.firstZ, 12);
      expect(pass.h[0]).toBe(Math.max(0, pass.z[0]));
    }
  });

  it('defines ReLU and its slope as printed, with ReLU′(0) = 0', () => {
    expect([-2, -0, 0, 0.5, 3].map(relu)).toEqual([0, 0, 0, 0.5, 3]);
    expect([-2, 0, 1e-300, 3].map(reluPrime)).toEqual([0, 0, 1, 1]);
  });

  it('finds no sample exactly on a kink at the usual start, but two different one-sided slopes at an all-zero hidden layer', () => {
    expect(f.reluPrime.heZeros).toEqual([0, 0]);
    // The example as the prose describes it: hidden layer all 0, W5 = W6 = 1, output bias 0,
    // so every sample sits exactly on both kinks.
    expect(Array.from(f.exact.zeroHidden)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0]);
    for (let i = 0; i < data.n; i++) expect(forward(f.exact.zeroHidden, data.x1[i], data.x2[i]).z).toEqual(Float64Array.of(0, 0));
    const { right, left } = f.exact.zeroSlopes;
    expect(right).toBeLessThan(-0.1);
    expect(left).toBeGreaterThan(0.1);
    expect(f.exact.zeroGradient[0]).toBe(0);
    expect(f.reluPrime.gradientW1).toBe('0.00');
  });

  it('counts the presets as the prose says: the hinge x1 = 0 on for about half, dead on none, always-on on all', () => {
    expect(f.presets.hingeOn).toBe(data.x1.filter((v) => v > 0).length);
    expect(f.presets.hingeOn).toBeGreaterThan(120);
    expect(f.presets.hingeOn).toBeLessThan(180);
    expect(f.presets.deadOn).toBe(0);
    expect(f.presets.alwaysOn).toBe(data.n);
    // The dead preset's line x1 = 2.5 lies past the largest x1; the always-on one before the smallest.
    expect(-RELU_UNIT_PRESETS.dead.values.B1).toBeGreaterThan(num(f.maxX1));
    expect(-RELU_UNIT_PRESETS['always-on'].values.B1).toBeLessThan(num(f.minX1));
    expect(f.unitOn).toBeGreaterThan(0);
    expect(f.unitOn).toBeLessThan(data.n);
  });

  it('freezes exactly the dead unit\'s four parameters during training, and only those', () => {
    const { deadGradient, deadStart, deadRun, frozen, others } = f.exact;
    expect(unitActivity(deadStart, data).states[0]).toBe('dead');
    for (const i of frozen) {
      expect(deadGradient[i]).toBe(0);
      expect(deadRun.params[i]).toBe(deadStart[i]);
    }
    for (const i of others) expect(deadRun.params[i]).not.toBe(deadStart[i]);
    expect(deadRun.status).toBe('ok');
    expect(num(f.dead.lossAfter)).toBeLessThan(num(f.dead.lossBefore));
  });

  it('collapses a network without ReLU to the printed plane, for any nine values (property)', () => {
    const w = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.array(w, { minLength: 9, maxLength: 9 }), w, w, (p, x1, x2) => {
        const { a, b, c } = collapsedPlane(p);
        // Products of three numbers up to 10 in size: agreement to rounding error.
        expect(Math.abs(identityNetworkPredict(p, x1, x2) - (a * x1 + b * x2 + c))).toBeLessThan(1e-9);
      }),
    );
  });

  it('never lets a network without ReLU beat the best plane, which one choice of weights matches exactly', () => {
    const plane = f.exact.plane;
    for (let seed = 0; seed < 20; seed++) {
      const p = Array.from({ length: 9 }, (_, i) => Math.sin(seed * 9 + i) * 3);
      expect(identityNetworkLoss(p)).toBeGreaterThanOrEqual(plane.loss - 1e-12);
    }
    // W1 = a, W3 = b, B1 = c, W5 = 1 and the rest 0: the identity network is the best plane.
    const best = [plane.a, 0, plane.b, 0, 1, 0, plane.c, 0, 0];
    expect(identityNetworkLoss(best)).toBeCloseTo(plane.loss, 12);
    expect(collapsedPlane(best)).toEqual({ a: plane.a, b: plane.b, c: plane.c });
  });

  it('shows the next lesson\'s network cancelling its x1 slope without ReLU, and doing far worse', () => {
    const { collapsed, identityLoss, reluLoss, plane, varY } = f.exact;
    expect(collapsed.a).toBe(0);
    expect(f.collapse.a).toBe('0.0');
    expect(identityLoss).toBeGreaterThan(varY); // "worse even than predicting the mean"
    expect(identityLoss).toBeCloseTo(linearLossOf(collapsed), 12);
    expect(reluLoss).toBeLessThan(plane.loss / 5);
    expect(Number(f.collapse.planeR2)).toBeGreaterThan(0.3);
  });
});

/** The loss of a given plane on the data, computed independently of the facts module. */
function linearLossOf({ a, b, c }: { a: number; b: number; c: number }): number {
  let sum = 0;
  for (let i = 0; i < data.n; i++) sum += (a * data.x1[i] + b * data.x2[i] + c - data.y[i]) ** 2;
  return sum / data.n;
}
