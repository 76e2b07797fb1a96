import { describe, expect, it } from 'vitest';
import { adviceUnlessLocked } from '../../../src/experiments/settings/advice';
import { defineSettings } from '../../../src/experiments/settings/schema';
import { numberField } from '../../../src/experiments/settings/fields';
import { describeDuration, estimateWork, HEAVY_WORK_SECONDS } from '../../../src/experiments/work';

describe('advice that asks for a change', () => {
  it('is given when none of its settings is fixed and left out when any is', () => {
    const locked = (name: string) => name === 'learningRate';
    expect(adviceUnlessLocked(locked, 'initSeed', 'Try another seed.')).toBe('Try another seed.');
    expect(adviceUnlessLocked(locked, 'learningRate', 'Try a smaller learning rate.')).toBe('');
    expect(adviceUnlessLocked(locked, ['initSeed', 'learningRate'], 'Try either.')).toBe('');
  });
});

describe('a work estimate', () => {
  it('grows with runs, epochs, samples and width, and a 160-million-epoch sweep is heavy', () => {
    const one = estimateWork({ runs: 1, epochs: 200, samples: 300 });
    expect(one.seconds).toBeLessThan(HEAVY_WORK_SECONDS);
    expect(estimateWork({ runs: 2, epochs: 200, samples: 300 }).seconds).toBeCloseTo(2 * one.seconds);
    expect(estimateWork({ runs: 1, epochs: 200, samples: 300, hidden: 16 }).seconds).toBeCloseTo(8 * one.seconds);
    const sweep = estimateWork({ runs: 1600, epochs: 100_000, samples: 300 });
    expect(sweep.seconds).toBeGreaterThan(HEAVY_WORK_SECONDS * 100);
  });

  it('says a duration in the unit a person plans with', () => {
    expect(describeDuration(12)).toMatch(/12 seconds/);
    expect(describeDuration(600)).toMatch(/10 minutes/);
    expect(describeDuration(3 * 3600)).toMatch(/3 hours/);
  });
});

describe('a schema’s short names', () => {
  it('refuses a short name that another setting already uses', () => {
    expect(() => defineSettings({ a: numberField({ label: 'A', min: 0, max: 1, default: 0, short: 'b' }), b: numberField({ label: 'B', min: 0, max: 1, default: 0 }) })).toThrow(/already taken/);
  });
});
