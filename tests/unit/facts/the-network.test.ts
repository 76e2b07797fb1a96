// Lesson 3's prose makes claims about its computed numbers; these tests keep them true.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { theNetwork as f } from '../../../src/facts/the-network';
import { forward, fromNamed, makeDataset, parameterCount, predict, PARAMETER_NAMES, relu } from '../../../src/trainer';
import { HAND_MADE_V } from '../../../src/trainer/presets';

const num = (s: string) => Number(s.replace('−', '-'));
const data = makeDataset();
const hand = fromNamed(HAND_MADE_V);

describe('lesson 3: the 2-2-1 network', () => {
  it('counts six weights and three biases, nine in all, as the trainer lays them out (4H + 1)', () => {
    expect(f.count).toMatchObject({ weights: 6, biases: 3, total: 9 });
    expect(parameterCount(2)).toBe(f.count.total);
    expect(PARAMETER_NAMES.filter((n) => n.startsWith('W'))).toHaveLength(f.count.weights);
    expect(parameterCount(5)).toBe(3 * 5 + (5 + 1));
  });

  it('builds the hand-made V from the least-squares V fit, rounded to one decimal', () => {
    const { vFit } = f.exact;
    const r1 = (v: number) => Math.round(v * 10) / 10;
    expect(HAND_MADE_V).toEqual({ W1: r1(vFit.a), W2: -r1(vFit.a), W3: r1(vFit.b), W4: r1(vFit.b), W5: 1, W6: 1, B1: 0, B2: 0, B3: r1(vFit.c) });
  });

  it('checks the identity |x| = ReLU(x) + ReLU(−x) and ReLU(u + v) + ReLU(v − u) = max(|u|, |v|) + v (property)', () => {
    const x = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(x, x, (u, v) => {
        expect(relu(u) + relu(-u)).toBe(Math.abs(u));
        expect(relu(u + v) + relu(v - u)).toBeCloseTo(Math.max(Math.abs(u), Math.abs(v)) + v, 6);
      }),
    );
  });

  it('computes exactly the printed max-formula, as the trainer runs the network', () => {
    const { W1: a, W3: b, B3 } = HAND_MADE_V;
    for (let i = 0; i < data.n; i++) {
      const x1 = data.x1[i], x2 = data.x2[i];
      expect(predict(hand, x1, x2)).toBeCloseTo(Math.max(a * Math.abs(x1), b * Math.abs(x2)) + b * x2 + B3, 12);
    }
  });

  it('works the first sample so that the rounded pieces add up', () => {
    const w = f.worked;
    expect(num(w.z1)).toBeCloseTo(num(f.v.W1) * num(w.x1) + num(f.v.W3) * num(w.x2), 1);
    expect(num(w.z2)).toBeCloseTo(num(f.v.W2) * num(w.x1) + num(f.v.W4) * num(w.x2), 1);
    expect(num(w.h1)).toBe(Math.max(0, num(w.z1)));
    expect(num(w.h2)).toBe(Math.max(0, num(w.z2)));
    expect((num(w.h1) + num(w.h2) + num(f.v.B3)).toFixed(2)).toBe(num(w.yhat).toFixed(2));
    expect((num(w.yhat) - num(w.y)).toFixed(2)).toBe(num(w.error).toFixed(2));
    const pass = forward(hand, data.x1[0], data.x2[0]);
    expect(pass.yhat).toBeCloseTo(f.exact.pass.yhat, 14);
  });

  it('ranks the models as the table does: mean > plane > V without slope > hand-made > trained', () => {
    const { varY, plane, flatVLoss, handLoss, trainedLoss, vFit } = f.exact;
    expect(varY).toBeCloseTo(1, 12);
    expect(plane.loss).toBeLessThan(varY);
    expect(flatVLoss).toBeLessThan(plane.loss);
    expect(handLoss).toBeLessThan(flatVLoss);
    expect(trainedLoss).toBeLessThan(handLoss);
    expect(f.exact.trained.status).toBe('ok');
    // "Costs almost nothing": the wedge leaves the loss where the best V-plus-slope surface is.
    expect(Math.abs(handLoss - vFit.loss)).toBeLessThan(0.002);
    expect(f.hand.loss).toBe(f.vFit.loss);
    // "Most of the way there."
    expect(f.exact.plane.loss - handLoss).toBeGreaterThan(5 * (handLoss - trainedLoss));
  });

  it('finds both hidden units of the hand-made network cutting through the data, and the wedge a minority', () => {
    for (const on of f.hand.unitOn) {
      expect(on).toBeGreaterThan(0);
      expect(on).toBeLessThan(data.n);
    }
    expect(f.hand.wedge).toBeGreaterThan(0);
    expect(f.hand.wedge).toBeLessThan(data.n / 4);
  });

  it('answers the try-this prompt on W5: both 0 and 2 make the fit worse than the mean', () => {
    expect(f.exact.w5Zero).toBeGreaterThan(f.exact.varY);
    expect(f.exact.w5Two).toBeGreaterThan(f.exact.varY);
  });

  it('says the untrained presets are far worse than predicting the mean', () => {
    expect(f.exact.writeupLoss).toBeGreaterThan(100 * f.exact.varY);
    expect(f.exact.heLoss).toBeGreaterThan(f.exact.varY);
    expect(f.writeup.states).toEqual(['hinge', 'hinge']);
  });
});
