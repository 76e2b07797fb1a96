import { describe, expect, it } from 'vitest';
import {
  gradientDescent, gradientDescentStableRate, momentum, momentumStableRate, nesterov, nesterovStableRate, type Optimizer,
} from '../../../src/trainer';

/**
 * Runs an optimizer on the bowl L = ½ Σ λ_j θ_j² (steepest curvature λmax = max λ_j) from θ = 1
 * for `steps` steps and returns the final distance from the bottom (Infinity once it passes 1e12).
 */
function distanceAfter(optimizer: Optimizer, curvatures: number[], rate: number, steps = 3000): number {
  const theta = Float64Array.from(curvatures, () => 1);
  const g = new Float64Array(curvatures.length);
  for (let t = 0; t < steps; t++) {
    curvatures.forEach((lambda, j) => (g[j] = lambda * theta[j]));
    optimizer.step(theta, g, rate);
    if (!(Math.hypot(...theta) < 1e12)) return Infinity;
  }
  return Math.hypot(...theta);
}

// A bowl stretched 40 : 1, like the network's at a start: the steep direction sets the limit.
const BOWL = [40, 7, 1];
const LAMBDA_MAX = 40;

describe('the stable learning rate on a quadratic bowl', () => {
  it('is 2/λmax for gradient descent: converges just below, diverges just above', () => {
    const limit = gradientDescentStableRate(LAMBDA_MAX);
    expect(limit).toBe(0.05);
    expect(distanceAfter(gradientDescent(), BOWL, 0.99 * limit)).toBeLessThan(1e-6);
    expect(distanceAfter(gradientDescent(), BOWL, 1.01 * limit)).toBeGreaterThan(1e6);
  });

  for (const beta of [0.5, 0.9, 0.99]) {
    it(`is 2(1 + β)/λmax for heavy-ball momentum with β = ${beta}: converges just below, diverges just above`, () => {
      const limit = momentumStableRate(LAMBDA_MAX, beta);
      expect(limit).toBeCloseTo((2 * (1 + beta)) / LAMBDA_MAX, 15);
      // β = 0.99 forgets slowly (|r| = √β per step), so it is given more steps to settle.
      const steps = beta === 0.99 ? 20000 : 3000;
      expect(distanceAfter(momentum({ beta }), BOWL, 0.99 * limit, steps)).toBeLessThan(1e-6);
      expect(distanceAfter(momentum({ beta }), BOWL, 1.01 * limit, steps)).toBeGreaterThan(1e6);
    });
  }

  it('goes past plain descent’s limit with momentum: η = 1.5 × 2/λmax settles with β = 0.9', () => {
    const rate = 1.5 * gradientDescentStableRate(LAMBDA_MAX);
    expect(distanceAfter(gradientDescent(), BOWL, rate)).toBeGreaterThan(1e6);
    expect(distanceAfter(momentum({ beta: 0.9 }), BOWL, rate)).toBeLessThan(1e-6);
  });

  it('shrinks by 1 − τ with dampening τ: the limit is 2(1 + β)/((1 − τ)·λmax)', () => {
    const limit = momentumStableRate(LAMBDA_MAX, 0.9, 0.5);
    expect(limit).toBeCloseTo(2 * momentumStableRate(LAMBDA_MAX, 0.9), 12);
    expect(distanceAfter(momentum({ beta: 0.9, dampening: 0.5 }), BOWL, 0.99 * limit)).toBeLessThan(1e-6);
    expect(distanceAfter(momentum({ beta: 0.9, dampening: 0.5 }), BOWL, 1.01 * limit)).toBeGreaterThan(1e6);
  });

  for (const beta of [0.5, 0.9]) {
    it(`is 2(1 + β)/((1 + 2β)·λmax) for Nesterov momentum with β = ${beta}`, () => {
      const limit = nesterovStableRate(LAMBDA_MAX, beta);
      expect(distanceAfter(nesterov({ beta }), BOWL, 0.99 * limit)).toBeLessThan(1e-6);
      expect(distanceAfter(nesterov({ beta }), BOWL, 1.01 * limit)).toBeGreaterThan(1e6);
    });
  }

  it('is unlimited where nothing curves upward', () => {
    expect(gradientDescentStableRate(0)).toBe(Infinity);
    expect(momentumStableRate(-1, 0.9)).toBe(Infinity);
    expect(nesterovStableRate(0, 0.9)).toBe(Infinity);
  });
});
