import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpolateViridis } from 'd3-scale-chromatic';
import { deflateSync, inflateSync } from 'node:zlib';
import { excessFloor, heatPixels, heatPosition, heatScaleOf, heatValue, viridis, VIRIDIS } from '../../../src/widgets/kit/heatmap';
import { crc32, encodePng, pngDataUrl } from '../../../src/widgets/kit/png';
import { contourPath } from '../../../src/widgets/kit/contours';

describe('viridis', () => {
  it('runs from dark purple to yellow, getting lighter all the way', () => {
    expect(viridis(0)).toEqual([...VIRIDIS[0]]);
    expect(viridis(1)).toEqual([...VIRIDIS[VIRIDIS.length - 1]]);
    const light = (t: number) => viridis(t).reduce((a, b) => a + b, 0);
    for (let t = 0.05; t <= 1; t += 0.05) expect(light(t)).toBeGreaterThan(light(t - 0.05));
  });

  it('is d3-scale-chromatic’s viridis, read into numbers', () => {
    const hex = ([r, g, b]: readonly number[]) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    for (const t of [0, 0.1, 0.25, 0.5, 0.77, 0.999]) expect(hex(viridis(t))).toBe(interpolateViridis(t));
    expect(VIRIDIS).toHaveLength(256);
  });

  it('clamps outside [0, 1] and paints a value that is not a number dark', () => {
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(NaN)).toEqual(viridis(0));
  });
});

describe('heat scales', () => {
  it('puts the lowest value at 0 and the highest at 1, and heatValue undoes heatPosition', () => {
    for (const kind of ['linear', 'log', 'excess'] as const) {
      const scale = heatScaleOf([0.5, 2, 100], kind);
      expect(heatPosition(0.5, scale)).toBeCloseTo(0, 12);
      expect(heatPosition(100, scale)).toBeCloseTo(1, 12);
      for (const v of [0.7, 3, 50]) expect(heatValue(heatPosition(v, scale), scale)).toBeCloseTo(v, 9);
    }
  });

  it('spreads the values just above the lowest on an excess scale', () => {
    const scale = heatScaleOf([0.667, 100]);
    expect(scale.kind).toBe('excess');
    // 5% above the floor is already a third of the way up: the flat band and the dip differ in colour.
    expect(heatPosition(0.7, scale)).toBeGreaterThan(0.25);
    expect(excessFloor(scale)).toBeCloseTo(0.000667, 9);
  });

  it('ignores values that are not finite and copes with a flat or empty grid', () => {
    expect(heatScaleOf([1, NaN, Infinity, 3])).toMatchObject({ low: 1, high: 3 });
    expect(heatScaleOf([])).toEqual({ low: 0, high: 1, kind: 'linear' });
    const flat = heatScaleOf([2, 2, 2]);
    expect(flat.high).toBeGreaterThan(flat.low);
  });

  it('paints the grid’s last row first, so the largest y is at the top of the image', () => {
    const values = [0, 0, 1, 1]; // row 0 (bottom) low, row 1 (top) high
    const px = heatPixels(values, 2, 2, { low: 0, high: 1, kind: 'linear' });
    expect(Array.from(px.slice(0, 3))).toEqual(viridis(1));
    expect(Array.from(px.slice(8, 11))).toEqual(viridis(0));
    expect(px[3]).toBe(255);
  });
});

describe('encodePng', () => {
  it('writes a PNG whose chunks check out and whose pixels inflate back', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng(3, 2, rgba, (raw) => new Uint8Array(deflateSync(raw)));
    expect(Array.from(png.slice(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer);
    expect(view.getUint32(16)).toBe(3);
    expect(view.getUint32(20)).toBe(2);
    // IHDR's CRC covers its type and data.
    expect(view.getUint32(29)).toBe(crc32(png.subarray(12, 29)));
    const idatLength = view.getUint32(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw[0]).toBe(0);
    expect(Array.from(raw.subarray(1, 13))).toEqual(Array.from(rgba.subarray(0, 12)));
    expect(pngDataUrl(png)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('has the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses pixels of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(3), (r) => r)).toThrow(/expected 16 bytes/);
  });
});

describe('contourPath (d3-contour, without its border edges and around missing values)', () => {
  const id = (v: number) => v;

  it('draws one segment through a cell the level crosses, at the interpolated points', () => {
    // A 2 × 2 grid rising from left (0) to right (2): the level 1 crosses half-way.
    expect(contourPath([0, 2, 0, 2], 2, 2, 1, id, id)).toBe('M0.5,0L0.5,1');
  });

  it('draws nothing where the level is not crossed or a value is missing', () => {
    expect(contourPath([0, 0, 0, 0], 2, 2, 1, id, id)).toBe('');
    expect(contourPath([0, 2, NaN, 2], 2, 2, 1, id, id)).toBe('');
  });

  it('draws two segments through a saddle cell', () => {
    const d = contourPath([0, 2, 2, 0], 2, 2, 1, id, id);
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('closes a line around a peak inside the grid, and leaves a line that reaches the edge open', () => {
    expect(contourPath([0, 0, 0, 0, 2, 0, 0, 0, 0], 3, 3, 1, id, id)).toBe('M1.5,1L1,0.5L0.5,1L1,1.5Z');
    // d3-contour would close this one with edges half a cell outside the grid
    expect(contourPath([2, 0, 0, 0, 0, 0, 0, 0, 0], 3, 3, 1, id, id)).toBe('M0,0.5L0.5,0');
  });

  it('on random grids, puts every point on a crossed grid edge inside the grid, and misses no crossed edge', () => {
    const scale = 1000; // the path rounds to 0.1 of a drawing unit: 1e-4 of a cell here
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 2, max: 7 }),
        // Values in tenths and levels between them, so no value lies on a level (a crossing at a corner)
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }).map((v) => v / 10), fc.constant(NaN)), { minLength: 49, maxLength: 49 }),
        fc.integer({ min: -40, max: 40 }).map((v) => v / 10 + 0.05),
        (columns, rows, pool, level) => {
          const values = pool.slice(0, columns * rows);
          const at = (c: number, r: number) => values[r * columns + c];
          const d = contourPath(values, columns, rows, level, (c) => c * scale, (r) => r * scale);
          const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]) / scale, Number(m[2]) / scale]);
          // Each point lies on a grid edge whose two values straddle the level, where linear interpolation puts it.
          for (const [c, r] of points) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(columns - 1);
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(rows - 1);
            const onColumn = Math.abs(c - Math.round(c)) < 1e-3;
            const [a, b, t] = onColumn
              ? [at(Math.round(c), Math.floor(r)), at(Math.round(c), Math.min(rows - 1, Math.floor(r) + 1)), r - Math.floor(r)]
              : [at(Math.floor(c), Math.round(r)), at(Math.min(columns - 1, Math.floor(c) + 1), Math.round(r)), c - Math.floor(c)];
            expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
            if (t > 1e-3 && t < 1 - 1e-3) expect(Math.abs(a + t * (b - a) - level)).toBeLessThan(1e-2 * Math.max(1, Math.abs(b - a)));
          }
          // Every edge of a cell with four finite corners that the level crosses has a point on it.
          for (let r = 0; r + 1 < rows; r++) {
            for (let c = 0; c + 1 < columns; c++) {
              if (![at(c, r), at(c + 1, r), at(c, r + 1), at(c + 1, r + 1)].every(Number.isFinite)) continue;
              const edges: [number, number, number, number][] = [[c, r, c + 1, r], [c, r + 1, c + 1, r + 1], [c, r, c, r + 1], [c + 1, r, c + 1, r + 1]];
              for (const [c0, r0, c1, r1] of edges) {
                if (at(c0, r0) >= level === at(c1, r1) >= level) continue;
                const hit = points.some(([pc, pr]) => pc >= c0 - 1e-3 && pc <= c1 + 1e-3 && pr >= r0 - 1e-3 && pr <= r1 + 1e-3);
                expect(hit, `edge ${c0},${r0}–${c1},${r1} in ${d}`).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
