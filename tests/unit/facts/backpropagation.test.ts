// Lesson 6: every printed formula, evaluated term by term on the lesson's example, against the
// trainer's gradient; and the prose's claims about the numbers it prints.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { backpropagation as f } from '../../../src/facts/backpropagation';
import {
  factoredPartials, forwardColumns, LESSON_ORDER, PRINTED_PARTIALS, printedGradient,
} from '../../../src/experiments/backprop/formulas';
import {
  B1, PARAMETER_NAMES, W1, W3, W5, backpropagate221, initParams, lossAndGradient, makeDataset, reluPrime, unitActivity,
} from '../../../src/trainer';
import { presetParameters } from '../../../src/trainer/presets';

const lesson = readFileSync(new URL('../../../content/lessons/06-backpropagation.mdx', import.meta.url), 'utf8');
const data = makeDataset();
const num = (s: string) => Number(s.replace(/\u2212/g, '-').replace(/,/g, ''));
/** Equal up to floating-point summation order. */
const agree = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b)));

describe('lesson 6: the nine printed formulas', () => {
  it('prints each of the nine formulas verbatim, in the lesson’s order', () => {
    const positions = LESSON_ORDER.map((name) => lesson.indexOf(PRINTED_PARTIALS[name].tex));
    positions.forEach((p, k) => expect(p, `${LESSON_ORDER[k]} is not printed as ${PRINTED_PARTIALS[LESSON_ORDER[k]].tex}`).toBeGreaterThan(0));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('evaluates each printed formula, term by term, to the trainer’s partial derivative on the lesson’s example', () => {
    const { grad } = lossAndGradient(f.exact.params, data);
    const c = forwardColumns(f.exact.params, data);
    PARAMETER_NAMES.forEach((name, j) => agree(PRINTED_PARTIALS[name].evaluate(f.exact.params, c), grad[j]));
  });

  it('agrees with the trainer on other starts too, including a dead unit and W5 = 0', () => {
    const noW5 = initParams({ preset: 'writeup-example' });
    noW5[W5] = 0;
    for (const params of [initParams({ preset: 'he', seed: 1 }), presetParameters('dead-unit'), noW5, initParams({ preset: 'writeup', seed: 18 })]) {
      const { grad } = lossAndGradient(params, data);
      const printed = printedGradient(params, data);
      const readable = backpropagate221(params, data).grad;
      PARAMETER_NAMES.forEach((_, j) => {
        agree(printed[j], grad[j]);
        agree(readable[j], grad[j]);
      });
    }
  });

  it('has a factored form (outgoing weight outside, only on-samples in the sum) equal to the gradient', () => {
    const { grad } = lossAndGradient(f.exact.params, data);
    const pieces = factoredPartials(f.exact.params, forwardColumns(f.exact.params, data));
    PARAMETER_NAMES.forEach((name, j) => agree(pieces[name].value, grad[j]));
    expect(pieces.W1.factor).toBe(f.exact.params[W5]);
    expect(pieces.B3.terms).toBe(data.n);
    expect(pieces.W1.terms).toBe(unitActivity(f.exact.params, data).activeCounts[0]);
    // The worked W1 example multiplies out as printed.
    expect(num(f.factoredW1.W5) * (2 / f.n) * num(f.factoredW1.sum)).toBeCloseTo(num(f.factoredW1.value), 2);
  });
});

describe('lesson 6: sample 1, backwards', () => {
  const c = forwardColumns(f.exact.params, data);

  it('adds up, over all samples, the per-sample terms of the table to the nine totals', () => {
    const totals = new Float64Array(9);
    const p = f.exact.params;
    for (let i = 0; i < data.n; i++) {
      const dL_dyhat = (2 / data.n) * c.e[i];
      const dL_dz1 = dL_dyhat * p[W5] * reluPrime(c.z1[i]);
      const dL_dz2 = dL_dyhat * p[5] * reluPrime(c.z2[i]);
      const terms = { B3: dL_dyhat, W5: dL_dyhat * c.h1[i], W6: dL_dyhat * c.h2[i], B1: dL_dz1, W1: dL_dz1 * c.x1[i], W3: dL_dz1 * c.x2[i], B2: dL_dz2, W2: dL_dz2 * c.x1[i], W4: dL_dz2 * c.x2[i] };
      if (i === 0) for (const name of LESSON_ORDER) expect(terms[name]).toBe(f.exact.contributions[name]);
      PARAMETER_NAMES.forEach((name, j) => (totals[j] += terms[name]));
    }
    const { grad } = lossAndGradient(p, data);
    PARAMETER_NAMES.forEach((_, j) => agree(totals[j], grad[j]));
    for (const name of LESSON_ORDER) expect(num(f.partials[name].value)).toBeCloseTo(grad[PARAMETER_NAMES.indexOf(name)], 2);
  });

  it('has a prediction that is too high and unit 1 closed, unit 2 open, as the prose says', () => {
    expect(c.e[0]).toBeGreaterThan(0);
    expect(f.exact.dL_dyhat).toBeGreaterThan(0);
    expect(c.z1[0]).toBeLessThan(0);
    expect(c.z2[0]).toBeGreaterThan(0);
    for (const name of ['W5', 'B1', 'W1', 'W3'] as const) expect(f.exact.contributions[name] === 0).toBe(true);
    expect([f.sample.reluPrime1, f.sample.reluPrime2]).toEqual(['0', '1']);
  });

  it('works the chain rule example: the predicted change is close to, and slightly below, the actual one', () => {
    expect(f.exact.chainActual).toBeGreaterThan(f.exact.chainRate * 0.001);
    expect(f.exact.chainActual / (f.exact.chainRate * 0.001)).toBeLessThan(1.01);
    expect(num(f.chain.rate)).toBeCloseTo(num(f.chain.twoE) * num(f.chain.h2), 0);
  });
});

describe('lesson 6: finite differences, dead units and one step', () => {
  it('shows finite-difference estimates that agree with backprop to every printed digit', () => {
    for (const p of f.partialList) expect(p.estimate).toBe(p.value);
    expect(Math.max(...f.exact.differences)).toBeLessThan(1e-5);
    expect(f.exact.h).toBe(1e-6);
  });

  it('gives the dead unit’s four parameters exactly zero gradient, the other five not, and keeps them frozen', () => {
    const { deadGrad, deadStart, deadRun, frozen } = f.exact;
    expect(unitActivity(deadStart, data).activeCounts[0]).toBe(0);
    PARAMETER_NAMES.forEach((_, j) => (frozen.includes(j) ? expect(deadGrad[j]).toBe(0) : expect(deadGrad[j]).not.toBe(0)));
    for (const j of [W1, W3, B1, W5]) expect(deadRun.params[j]).toBe(deadStart[j]);
    expect(f.dead.on1After).toBe(0);
    expect(f.dead.on2After).toBeGreaterThan(0);
    expect(deadRun.losses[deadRun.losses.length - 1]).toBeLessThan(deadRun.losses[0]);
  });

  it('shows W5 = 0 blocking unit 1’s parameters but not W5 itself', () => {
    for (const j of [W1, W3, B1]) expect(f.exact.noW5Grad[j]).toBe(0);
    expect(f.exact.noW5Grad[W5]).not.toBe(0);
  });

  it('counts the backward sweep at under twice the forward pass’s multiplications', () => {
    expect(f.ops.backward).toBeGreaterThan(f.ops.forward);
    expect(f.ops.backward).toBeLessThan(2 * f.ops.forward);
  });

  it('lowers the loss with η = 0.01, and kills unit 1 with one step at η = 0.03 (try this 1)', () => {
    expect(f.exact.gentle.loss).toBeLessThan(f.exact.loss);
    expect(f.exact.tooFar.on1).toBe(0);
    expect(f.exact.tooFar.loss).toBeGreaterThan(f.exact.loss);
  });
});
