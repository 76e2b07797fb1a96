import { describe, expect, it } from 'vitest';
import {
  B1,
  B2,
  classifyEndState,
  endStateName,
  fromNamed,
  gradientNorm,
  initParams,
  lossAndGradient,
  makeDataset,
  STATIONARY_GRADIENT_NORM,
  train,
  unitActivity,
  variance,
} from '../../../src/trainer';

const data = makeDataset({ n: 80 });

describe('endStateName', () => {
  it('names the two-unit states whatever the order of the units', () => {
    expect(endStateName(['hinge', 'hinge'])).toBe('two hinges');
    expect(endStateName(['linear', 'hinge'])).toBe('hinge + linear');
    expect(endStateName(['hinge', 'linear'])).toBe('hinge + linear');
    expect(endStateName(['dead', 'hinge'])).toBe('hinge + dead');
    expect(endStateName(['dead', 'linear'])).toBe('linear + dead');
    expect(endStateName(['linear', 'linear'])).toBe('two linear');
    expect(endStateName(['dead', 'dead'])).toBe('both dead');
  });

  it('counts the states for other widths', () => {
    expect(endStateName(['hinge', 'dead', 'hinge', 'hinge'])).toBe('3 hinges, 1 dead');
    expect(endStateName(['linear'])).toBe('1 linear');
  });
});

describe('gradientNorm', () => {
  it('is the Euclidean length of the gradient', () => {
    expect(gradientNorm([3, 4])).toBe(5);
    expect(gradientNorm(new Float64Array(9))).toBe(0);
  });
});

describe('classifyEndState', () => {
  it('agrees with unitActivity, the loss and R² = 1 − L/Var(y)', () => {
    const params = initParams({ preset: 'he', seed: 3 });
    const report = classifyEndState(params, data);
    const { loss, grad } = lossAndGradient(params, data);
    expect(report.units).toEqual(unitActivity(params, data).states);
    expect(report.activeCounts).toEqual(unitActivity(params, data).activeCounts);
    expect(report.loss).toBe(loss);
    expect(report.rSquared).toBeCloseTo(1 - loss / variance(data.y), 12);
    expect(report.gradientNorm).toBeCloseTo(Math.hypot(...grad), 12);
  });

  it('calls both units dead when every pre-activation is negative, and that point stationary once B3 is the mean', () => {
    const mean = data.y.reduce((a, b) => a + b, 0) / data.n;
    const params = fromNamed({ W1: 0, W2: 0, W3: 0, W4: 0, W5: 1, W6: 1, B1: -1, B2: -1, B3: mean });
    const report = classifyEndState(params, data);
    expect(report.state).toBe('both dead');
    expect(report.rSquared).toBeCloseTo(0, 12);
    expect(report.stationary).toBe(true);
  });

  it('calls a unit that is on for every sample linear', () => {
    const params = fromNamed({ W1: 0, W2: 1, W3: 0, W4: 0, W5: 1, W6: 1, B1: 100, B2: 0, B3: 0 });
    expect(classifyEndState(params, data).state).toBe('hinge + linear');
    params[B2] = -100;
    expect(classifyEndState(params, data).state).toBe('linear + dead');
    params[B1] = -100;
    expect(classifyEndState(params, data).state).toBe('both dead');
  });

  it('finds a run that has converged stationary and a fresh start not', () => {
    const start = initParams({ preset: 'he', seed: 3 });
    expect(classifyEndState(start, data).stationary).toBe(false);
    const end = train({ data, params: start, learningRate: 0.05, epochs: 20_000 }).params;
    const report = classifyEndState(end, data);
    expect(report.gradientNorm).toBeLessThan(STATIONARY_GRADIENT_NORM);
    expect(report.stationary).toBe(true);
  });

  it('only reads the parameters, never changes them', () => {
    const params = initParams({ preset: 'he', seed: 5 });
    const copy = Float64Array.from(params);
    classifyEndState(params, data);
    expect(params[B1]).toBe(copy[B1]);
    expect(Array.from(params)).toEqual(Array.from(copy));
  });
});
