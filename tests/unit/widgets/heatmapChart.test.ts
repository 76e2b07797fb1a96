import { describe, expect, it } from 'vitest';
import { chartFrame } from '../../../src/widgets/kit/chart';
import { heatScaleOf } from '../../../src/widgets/kit/heatmap';
import { colourBar, gridValue, heatContours, heatImage } from '../../../src/widgets/kit/heatmapChart';
import type { SvgNode } from '../../../src/widgets/kit/svg';

const frame = chartFrame({
  width: 400,
  height: 300,
  margin: { top: 30, right: 96, bottom: 40, left: 50 },
  x: { label: 'a', domain: [-1, 1], nice: false },
  y: { label: 'b', domain: [0, 4], nice: false },
  grid: false,
  title: 't',
});
const window = { x: [-1, 1] as [number, number], y: [0, 4] as [number, number] };
const SIZE = 21;
// A bowl a² + (b − 2)², lowest (0) at the centre of the grid.
const grid = Float64Array.from({ length: SIZE * SIZE }, (_, i) => {
  const a = gridValue(window.x, SIZE, i % SIZE), b = gridValue(window.y, SIZE, Math.floor(i / SIZE));
  return a * a + (b - 2) ** 2;
});
const texts = (node: SvgNode): string[] => [...(node.text !== undefined ? [node.text] : []), ...(node.children ?? []).flatMap(texts)];

describe('heat-map chart layers', () => {
  it('puts grid index i at its value along an axis, the ends at the ends', () => {
    expect([0, 10, 20].map((i) => gridValue(window.y, SIZE, i))).toEqual([0, 2, 4]);
  });

  it('stretches the image over exactly the plot', () => {
    const image = heatImage(frame, 'data:image/png;base64,AA', 'heat');
    expect(image.attrs).toMatchObject({ x: frame.plot.left, y: frame.plot.top, width: frame.plot.width, height: frame.plot.height, preserveAspectRatio: 'none' });
  });

  it('draws contours inside the plot, and none for a flat grid', () => {
    const scale = heatScaleOf(grid, 'linear');
    const path = heatContours(frame, grid, SIZE, window, scale, { count: 4, stride: 2, className: 'c' });
    const d = String(path.attrs?.d);
    expect(d.length).toBeGreaterThan(0);
    const xs = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    for (const [x, y] of xs) {
      expect(x).toBeGreaterThanOrEqual(frame.plot.left - 0.01);
      expect(x).toBeLessThanOrEqual(frame.plot.right + 0.01);
      expect(y).toBeGreaterThanOrEqual(frame.plot.top - 0.01);
      expect(y).toBeLessThanOrEqual(frame.plot.bottom + 0.01);
    }
    const flat = new Float64Array(SIZE * SIZE).fill(3);
    expect(heatContours(frame, flat, SIZE, window, heatScaleOf(flat), { count: 4, stride: 2, className: 'c' }).attrs?.d).toBe('');
  });

  it('labels the colour bar from the lowest to the highest value and marks the reference within the scale', () => {
    const scale = heatScaleOf(grid, 'linear');
    const bar = colourBar(frame, scale, { label: 'loss', className: 'bar', reference: { value: 1, label: 'Var(y)' } });
    const labels = texts(bar);
    expect(labels).toContain('loss');
    expect(labels).toContain('Var(y)');
    expect(labels).toContain('0');
    expect(labels).toContain('5');
    const outside = colourBar(frame, scale, { label: 'loss', className: 'bar', reference: { value: 99, label: 'Var(y)' } });
    expect(texts(outside)).not.toContain('Var(y)');
  });
});
