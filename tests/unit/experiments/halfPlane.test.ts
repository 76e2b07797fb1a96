import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activeRegion, kinkSegment, onDirection, type Point, type Rect } from '../../../src/experiments/halfPlane';

const square: Rect = { x0: -2, x1: 2, y0: -2, y1: 2 };

/** Shoelace area of a polygon. */
function area(points: Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i], [x2, y2] = points[(i + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

describe('activeRegion', () => {
  it('keeps the right half of the square for the hinge x1 = 0 (z = x1)', () => {
    const region = activeRegion(square, { w1: 1, w2: 0, b: 0 });
    expect(area(region)).toBeCloseTo(8, 12);
    expect(region.every(([x]) => x >= 0)).toBe(true);
  });

  it('is the whole square for a unit on everywhere and empty for a dead one', () => {
    expect(area(activeRegion(square, { w1: 1, w2: 1, b: 5 }))).toBeCloseTo(16, 12);
    expect(activeRegion(square, { w1: 1, w2: 1, b: -5 })).toEqual([]);
  });

  it('treats a constant z by its sign: z = b > 0 is on everywhere, z = 0 is off (ReLU(0) = 0)', () => {
    expect(area(activeRegion(square, { w1: 0, w2: 0, b: 0.5 }))).toBeCloseTo(16, 12);
    expect(activeRegion(square, { w1: 0, w2: 0, b: 0 })).toEqual([]);
  });

  it('cuts off a corner triangle for a diagonal line near that corner', () => {
    // x1 + x2 > 3: the triangle (1,2), (2,1), (2,2) of area 1/2.
    const region = activeRegion(square, { w1: 1, w2: 1, b: -3 });
    expect(region).toHaveLength(3);
    expect(area(region)).toBeCloseTo(0.5, 12);
  });

  it('lists a corner the line passes through once', () => {
    const region = activeRegion(square, { w1: 1, w2: -1, b: 0 });
    expect(region).toHaveLength(3);
    expect(area(region)).toBeCloseTo(8, 12);
  });

  it('always has the on-area and off-area add up to the square (property)', () => {
    const n = fc.double({ min: -5, max: 5, noNaN: true });
    fc.assert(
      fc.property(n, n, n, (w1, w2, b) => {
        const on = area(activeRegion(square, { w1, w2, b }));
        const off = area(activeRegion(square, { w1: -w1, w2: -w2, b: -b }));
        const constant = w1 === 0 && w2 === 0;
        if (!constant) expect(on + off).toBeCloseTo(16, 6);
        // Every corner of the region is inside the square and on the unit's on-side (or its line).
        for (const [x, y] of activeRegion(square, { w1, w2, b })) {
          expect(x).toBeGreaterThanOrEqual(-2 - 1e-9);
          expect(x).toBeLessThanOrEqual(2 + 1e-9);
          expect(w1 * x + w2 * y + b).toBeGreaterThanOrEqual(-1e-9 * (1 + Math.abs(w1) + Math.abs(w2) + Math.abs(b)));
        }
      }),
    );
  });
});

describe('kinkSegment', () => {
  it('runs from edge to edge along z = 0', () => {
    expect(kinkSegment(square, { w1: 1, w2: 0, b: 0 })).toEqual([
      [0, -2],
      [0, 2],
    ]);
    const [[ax, ay], [bx, by]] = kinkSegment(square, { w1: 1, w2: 2, b: 1 })!;
    expect(ax + 2 * ay + 1).toBeCloseTo(0, 12);
    expect(bx + 2 * by + 1).toBeCloseTo(0, 12);
  });

  it('is null when the line misses the square or does not exist', () => {
    expect(kinkSegment(square, { w1: 1, w2: 0, b: -3 })).toBeNull();
    expect(kinkSegment(square, { w1: 0, w2: 0, b: 1 })).toBeNull();
  });

  it('finds a diagonal through two corners once each', () => {
    expect(kinkSegment(square, { w1: 1, w2: -1, b: 0 })).toEqual([
      [-2, -2],
      [2, 2],
    ]);
  });

  it('is null for a line that only touches a corner', () => {
    expect(kinkSegment(square, { w1: 1, w2: 1, b: -4 })).toBeNull();
  });
});

describe('onDirection', () => {
  it('points towards growing z, with length 1', () => {
    expect(onDirection({ w1: 3, w2: 4, b: 7 })).toEqual([0.6, 0.8]);
    expect(onDirection({ w1: 0, w2: 0, b: 7 })).toBeNull();
  });
});
