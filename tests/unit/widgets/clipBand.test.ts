import { describe, expect, it } from 'vitest';
import { clipToBand } from '../../../src/widgets/kit/clipBand';

describe('clipToBand', () => {
  it('keeps a curve that stays inside the band as one run', () => {
    expect(clipToBand([0, 1, 2], [0, 1, 0], -1, 2)).toEqual([{ x: [0, 1, 2], y: [0, 1, 0] }]);
  });

  it('cuts a V that rises above the band where it crosses the edge', () => {
    // y = |x| on [-3, 3], band [0, 2]: from (-2, 2) through (0, 0) to (2, 2).
    expect(clipToBand([-3, 0, 3], [3, 0, 3], 0, 2)).toEqual([{ x: [-2, 0, 2], y: [2, 0, 2] }]);
  });

  it('splits a curve that leaves the band and comes back into two runs', () => {
    const runs = clipToBand([0, 1, 2, 3], [0, 5, 5, 0], -1, 1);
    expect(runs).toEqual([
      { x: [0, 0.2], y: [0, 1] },
      { x: [2.8, 3], y: [1, 0] },
    ]);
  });

  it('drops a curve entirely outside, and a flat one on the wrong side', () => {
    expect(clipToBand([0, 1], [5, 6], 0, 1)).toEqual([]);
    expect(clipToBand([0, 1, 2], [-3, -3, -3], 0, 1)).toEqual([]);
  });

  it('keeps a segment that crosses the whole band, from edge to edge', () => {
    expect(clipToBand([0, 1], [-1, 3], 0, 2)).toEqual([{ x: [0.25, 0.75], y: [0, 2] }]);
  });

  it('breaks the curve at values that are not finite', () => {
    expect(clipToBand([0, 1, 2, 3, 4], [0, 0.5, Number.NaN, 0.5, 0], -1, 1)).toEqual([
      { x: [0, 1], y: [0, 0.5] },
      { x: [3, 4], y: [0.5, 0] },
    ]);
  });
});
