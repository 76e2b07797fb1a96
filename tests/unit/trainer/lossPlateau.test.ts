import { describe, expect, it } from 'vitest';
import { findPlateau } from '../../../src/trainer';

/** A curve that falls to `level`, stays there for `flat` epochs, then falls to `after`. */
function curve(level: number, flat: number, after: number): Float64Array {
  const out: number[] = [];
  for (let e = 0; e < 50; e++) out.push(level + 2 * Math.exp(-e / 5));
  for (let e = 0; e < flat; e++) out.push(level * (1 - 0.000001 * e));
  for (let e = 0; e < 50; e++) out.push(after + (level - after) * Math.exp(-e / 3));
  for (let e = 0; e < 30; e++) out.push(after);
  return Float64Array.from(out);
}

describe('findPlateau', () => {
  it('finds a long flat stretch followed by a drop to less than half', () => {
    const losses = curve(0.7, 3000, 0.035);
    const p = findPlateau(losses)!;
    expect(p).not.toBeNull();
    expect(p.start).toBeGreaterThan(0);
    expect(p.start).toBeLessThan(100);
    expect(p.level).toBeCloseTo(0.7, 1);
    expect(p.end).toBeGreaterThanOrEqual(p.start + 2000);
    expect(losses[p.droppedAt]).toBeLessThan(0.5 * p.level);
    expect(losses[p.droppedAt - 1]).toBeGreaterThanOrEqual(0.5 * p.level);
    expect(p.droppedAt).toBeGreaterThan(p.end);
  });

  it('finds nothing when the flat stretch is the end (a true resting point) or too short', () => {
    expect(findPlateau(curve(0.7, 3000, 0.6))).toBeNull();
    expect(findPlateau(curve(0.7, 500, 0.035))).toBeNull();
    expect(findPlateau(curve(0.7, 500, 0.035), { window: 400 })).not.toBeNull();
  });

  it('copes with short, empty and non-finite curves', () => {
    expect(findPlateau([])).toBeNull();
    expect(findPlateau([1, 1, 1], { window: 5 })).toBeNull();
    expect(findPlateau(Float64Array.from({ length: 3000 }, () => NaN))).toBeNull();
    expect(findPlateau([1, 1, 1], { window: 0 })).toBeNull();
  });
});
