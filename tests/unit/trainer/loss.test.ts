import { describe, expect, it } from 'vitest';
import {
  baselines, datasetFromArrays, linearFit, makeDataset, mean, meanSquaredError, rSquared, variance, B3,
  parameterName, PARAMETER_NAMES, unitActivity, lossAlong, initParams,
} from '../../../src/trainer';

describe('loss and baselines', () => {
  it('scores the network that always predicts the mean at exactly Var(y)', () => {
    const data = makeDataset({ scaling: 'minmax', seed: 4 });
    const p = new Float64Array(9);
    p[B3] = mean(data.y);
    expect(meanSquaredError(p, data)).toBeCloseTo(variance(data.y), 14);
    expect(rSquared(variance(data.y), variance(data.y))).toBeCloseTo(0, 14);
  });

  it('finds a plane exactly when the data is a plane', () => {
    const x1 = [0, 1, 2, 3, 0.5], x2 = [1, -1, 2, 0, 4];
    const fit = linearFit(datasetFromArrays(x1, x2, x1.map((v, i) => 2 * v - 3 * x2[i] + 0.5)));
    expect(fit.a).toBeCloseTo(2, 12);
    expect(fit.b).toBeCloseTo(-3, 12);
    expect(fit.c).toBeCloseTo(0.5, 12);
    expect(fit.loss).toBeCloseTo(0, 20);
  });

  it('shows that a straight plane cannot fit the parabola: the linear baseline stays well above zero', () => {
    const b = baselines(makeDataset());
    expect(b.meanPredictor).toBeCloseTo(1, 12);
    expect(b.linear).toBeGreaterThan(0.5);
    expect(b.linear).toBeLessThan(0.9);
  });

  it('reads R² as the share of Var(y) explained', () => {
    expect(rSquared(0.05, 1)).toBeCloseTo(0.95, 14);
    expect(rSquared(2, 1)).toBe(-1);
  });

  it('draws the loss along one parameter with the others fixed', () => {
    const data = makeDataset();
    const p = initParams({ seed: 1 });
    const slice = lossAlong(p, data, B3, [p[B3], p[B3] + 1]);
    expect(slice[0]).toBe(meanSquaredError(p, data));
    expect(slice[1]).toBeGreaterThan(0);
    expect(p[B3]).toBe(initParams({ seed: 1 })[B3]);
  });
});

describe('names and units', () => {
  it('names the nine parameters in the layout order W1…W6, B1…B3', () => {
    expect(PARAMETER_NAMES.join(' ')).toBe('W1 W2 W3 W4 W5 W6 B1 B2 B3');
    expect([0, 2, 4, 6].map((i) => parameterName(i))).toEqual(['W1', 'W3', 'W5', 'B1']);
    expect(parameterName(4, 3)).toBe('w(x2→h2)');
    expect(parameterName(12, 3)).toBe('b(out)');
  });

  it('classifies each unit as dead, linear (on everywhere) or a hinge', () => {
    const data = datasetFromArrays([-1, 1], [0, 0], [0, 0]);
    // unit 1: z = x1 (a hinge at 0); unit 2: z = -10 (dead)
    const p = Float64Array.of(1, 0, 0, 0, 1, 1, 0, -10, 0);
    expect(unitActivity(p, data).states).toEqual(['hinge', 'dead']);
    p[7] = 10;
    expect(unitActivity(p, data)).toEqual({ activeCounts: [1, 2], states: ['hinge', 'linear'] });
  });
});
