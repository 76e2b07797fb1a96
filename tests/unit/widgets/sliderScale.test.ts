import { describe, expect, it } from 'vitest';
import { LOG_POSITIONS, positionOf, rangeAttributes, valueAt } from '../../../src/widgets/kit/sliderScale';

const samples = { min: 1, max: 10_000, integer: true, log: true };

describe('sliderScale', () => {
  it('runs a log slider over fixed positions and maps its ends to min and max', () => {
    expect(rangeAttributes(samples)).toEqual({ min: 0, max: LOG_POSITIONS, step: 1 });
    expect(valueAt(0, samples)).toBe(1);
    expect(valueAt(LOG_POSITIONS, samples)).toBe(10_000);
    expect(positionOf(100, samples)).toBe(500);
  });

  it('lands a log slider on numbers with two significant figures', () => {
    expect(valueAt(positionOf(300, samples), samples)).toBe(300);
    expect(valueAt(900, samples)).toBe(4000);
  });

  it('keeps a linear slider as it is, clamped, with whole numbers where required', () => {
    const noise = { min: -10, max: 10, integer: true };
    expect(rangeAttributes(noise)).toEqual({ min: -10, max: 10, step: 1 });
    expect(valueAt(3.4, noise)).toBe(3);
    expect(positionOf(50, noise)).toBe(10);
    expect(rangeAttributes({ min: 0, max: 1 }).step).toBe(0.005);
  });
});
