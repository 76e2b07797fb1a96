import { describe, expect, it } from 'vitest';
import { markerPath, SHAPES, type Shape } from '../../../src/widgets/kit/symbols';
import { TWO_COLOUR_STYLES } from '../../../src/widgets/kit/scatter';
import { DEAD_STYLES } from '../../../src/widgets/learning-rate/sweep-scene';
import { DEAD_SHAPES } from '../../../src/widgets/seed-sweep/scene';

/** The corners of a marker drawn with straight edges (M, L, h, v, Z), in order. */
function corners(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0, y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLhvZ])([^MLhvZ]*)/g)) {
    const n = args.split(',').filter(Boolean).map(Number);
    if (cmd === 'M' || cmd === 'L') [x, y] = n;
    else if (cmd === 'h') x += n[0];
    else if (cmd === 'v') y += n[0];
    else continue;
    out.push([x, y]);
  }
  return out;
}

/** Area and centroid of a polygon (shoelace). */
function polygon(points: [number, number][]) {
  let a = 0, cx = 0, cy = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  });
  return { area: Math.abs(a / 2), cx: cx / (3 * a), cy: cy / (3 * a) };
}

/** What a marker of radius r covered when the kit drew the shapes by hand (px²). */
const HAND_DRAWN_AREA: Record<Shape, (r: number) => number> = {
  circle: (r) => Math.PI * r * r,
  square: (r) => 4 * r * r,
  diamond: (r) => 2 * (1.35 * r) ** 2,
  triangle: (r) => (2.2 * r * 1.9 * r) / 2,
};

describe('markerPath (d3-shape symbols)', () => {
  it('draws a circle of radius r around the point', () => {
    const d = markerPath('circle', 10, 20, 3);
    expect(d.match(/A3,3,/g)).toHaveLength(2);
    expect(d.startsWith('M13,20')).toBe(true);
    expect(d).toContain(',7,20');
  });

  it.each(['square', 'diamond', 'triangle'] as const)('draws a %s centred on the point with the area it had when drawn by hand', (shape) => {
    for (const [x, y, r] of [[10, 20, 3], [250.3, 81.7, 5], [0, 0, 7]]) {
      const { area, cx, cy } = polygon(corners(markerPath(shape, x, y, r)));
      // Corners are rounded to 0.1 px: the area may move by about the perimeter times 0.05 px.
      expect(Math.abs(area - HAND_DRAWN_AREA[shape](r))).toBeLessThan(0.05 * 8 * r);
      expect(Math.abs(cx - x)).toBeLessThan(0.1);
      expect(Math.abs(cy - y)).toBeLessThan(0.1);
    }
  });

  it('gives each shape its own outline: a round one, a square on its side, a square on its corner, a triangle', () => {
    expect(markerPath('circle', 0, 0, 4)).toMatch(/A/);
    const square = corners(markerPath('square', 0, 0, 4));
    const diamond = corners(markerPath('diamond', 0, 0, 4));
    const triangle = corners(markerPath('triangle', 0, 0, 4));
    expect([square.length, diamond.length, triangle.length]).toEqual([4, 4, 3]);
    // A square's corners share their x and y in pairs; a diamond's sit on the axes through the centre.
    expect(new Set(square.map(([x]) => x)).size).toBe(2);
    expect(diamond.filter(([x, y]) => Math.abs(x) < 0.1 || Math.abs(y) < 0.1)).toHaveLength(4);
    expect(new Set(SHAPES.map((s) => markerPath(s, 0, 0, 4))).size).toBe(SHAPES.length);
  });

  it('keeps a distinct shape for each series that a legend tells apart', () => {
    expect(new Set(DEAD_STYLES.map((s) => s.shape)).size).toBe(DEAD_STYLES.length);
    expect(new Set(DEAD_SHAPES.map((s) => s.shape)).size).toBe(DEAD_SHAPES.length);
    // The two-colour scale is two halves (low, high), told apart by shape as well as colour.
    const [low, high] = [TWO_COLOUR_STYLES.slice(0, 2), TWO_COLOUR_STYLES.slice(2)];
    for (const a of low) for (const b of high) expect(a.shape).not.toBe(b.shape);
  });

  it('is the same string every time (server-drawn and live figures compare equal)', () => {
    for (const s of SHAPES) expect(markerPath(s, 12.34, 56.78, 3.2)).toBe(markerPath(s, 12.34, 56.78, 3.2));
  });
});
