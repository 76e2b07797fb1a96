import { describe, expect, it } from 'vitest';
import { toyDescent, toyGradient, toyLoss, TOY_GLOBAL_MINIMUM, TOY_LOCAL_MINIMUM, TOY_HUMP } from '../../../src/trainer';

describe('the toy landscape', () => {
  it('has a deeper minimum on the left, a shallower one on the right and a hump between', () => {
    expect(TOY_GLOBAL_MINIMUM).toBeLessThan(TOY_HUMP);
    expect(TOY_HUMP).toBeLessThan(TOY_LOCAL_MINIMUM);
    expect(toyLoss(TOY_GLOBAL_MINIMUM)).toBeLessThan(toyLoss(TOY_LOCAL_MINIMUM));
    for (const x of [TOY_GLOBAL_MINIMUM, TOY_HUMP, TOY_LOCAL_MINIMUM]) expect(toyGradient(x)).toBeCloseTo(0, 12);
  });

  it('has the derivative of its loss as its gradient', () => {
    for (const x of [-2, -0.3, 0.7, 1.9]) {
      expect(toyGradient(x)).toBeCloseTo((toyLoss(x + 1e-6) - toyLoss(x - 1e-6)) / 2e-6, 5);
    }
  });

  it('settles in the nearby shallow basin with small steps and jumps to the deep one with a larger step', () => {
    expect(toyDescent(2, 0.01, 2000).outcome).toBe('local minimum');
    expect(toyDescent(2, 0.1, 2000).outcome).toBe('global minimum');
  });

  it('reports a run-away descent as diverged without producing infinities', () => {
    const d = toyDescent(2, 0.25, 2000);
    expect(d.outcome).toBe('diverged');
    expect(d.path.every(Number.isFinite)).toBe(true);
  });
});
