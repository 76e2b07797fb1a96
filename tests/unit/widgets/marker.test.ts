import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartFrame, type FrameSpec } from '../../../src/widgets/kit/chart';
import { lineChart } from '../../../src/widgets/kit/lineChart';
import { markerNodes, referenceLabelHeights } from '../../../src/widgets/kit/marker';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { findNodes } from '../../helpers/svg';
import { NEUTRALS } from '../../../src/widgets/kit/palette';

const spec: FrameSpec = {
  width: 220,
  height: 114,
  // Roomier than the axes' words need (chartFrame widens a margin that is not).
  margin: { top: 10, right: 10, bottom: 44, left: 60 },
  x: { label: 'B3', domain: [0, 10], ticks: 2 },
  y: { label: 'loss', domain: [0, 1], ticks: 2 },
  title: 'Loss along B3',
};

const find = findNodes;

describe('markerNodes', () => {
  const frame = chartFrame(spec);

  it('draws a vertical line through the plot at x, a point at (x, y) and a label at the top', () => {
    const [marker] = markerNodes(frame, [{ x: 5, y: 0.5, label: 'B3 now = 5' }]);
    const [line, point, label] = marker.children ?? [];
    expect(line.attrs?.d).toBe('M135,10V70');
    expect(point.attrs?.d).toBe('M140,40A5,5,0,1,1,130,40A5,5,0,1,1,140,40'); // a circle of radius 5 around (135, 40)
    expect(label.text).toBe('B3 now = 5');
    expect(label.attrs?.y).toBe(22);
  });

  it('puts the label on the left of a line near the right edge, so it stays inside', () => {
    const [marker] = markerNodes(frame, [{ x: 9.5, label: 'here' }]);
    const label = find(marker, (n) => n.tag === 'text')[0];
    expect(label.attrs?.['text-anchor']).toBe('end');
  });

  it('draws a hollow point without a line when asked', () => {
    const [marker] = markerNodes(frame, [{ x: 2, y: 0.2, line: false, hollow: true, shape: 'diamond' }]);
    expect(marker.children).toHaveLength(1);
    expect(marker.children?.[0].attrs?.fill).toBe(NEUTRALS.bg);
  });

  it('leaves out markers outside the plot and points that are not finite', () => {
    expect(markerNodes(frame, [{ x: 12 }, { x: Number.NaN }])).toEqual([]);
    const [marker] = markerNodes(frame, [{ x: 3, y: Number.NaN }]);
    expect(marker.children).toHaveLength(1);
    expect(toSvgString(marker)).not.toMatch(/NaN|undefined/);
  });
});

describe('referenceLabelHeights', () => {
  it('puts each label 5 px above its line when there is room', () => {
    expect(referenceLabelHeights([50, 80])).toEqual([45, 75]);
  });

  it('hangs the lower label of two close lines under its own line, so no label crosses the other line', () => {
    expect(referenceLabelHeights([60, 64])).toEqual([55, 78]);
    // Order of the input is kept in the output.
    expect(referenceLabelHeights([64, 60])).toEqual([78, 55]);
  });

  it('moves the upper label up instead when there is no room under the lower line', () => {
    expect(referenceLabelHeights([60, 64], 5, 14, 70)).toEqual([45, 59]);
    // A third line just below leaves no room under the middle one; the lowest hangs under its own.
    expect(referenceLabelHeights([60, 64, 70])).toEqual([45, 59, 84]);
  });

  it('never puts two labels within 14 px of each other, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { minLength: 1, maxLength: 5 }), (ys) => {
        const labels = [...referenceLabelHeights(ys, 5, 14, 300)].sort((p, q) => p - q);
        for (let i = 1; i < labels.length; i++) expect(labels[i] - labels[i - 1]).toBeGreaterThanOrEqual(13.9);
      }),
    );
  });
});

describe('lineChart markers and off-scale references', () => {
  const base = { width: 220, height: 114, margin: spec.margin, title: 'Loss', x: { label: 'B3', ticks: 2 }, y: { label: 'loss', ticks: 2 } };

  it('draws markers over the series', () => {
    const chart = lineChart({ ...base, series: [{ label: 'L', x: [0, 10], y: [1, 0] }], markers: [{ x: 5, y: 0.5, label: 'now' }] });
    const kinds = (chart.children ?? []).map((c) => c.attrs?.class);
    expect(kinds.indexOf('np-marker')).toBeGreaterThan(kinds.indexOf('np-series'));
  });

  it('names a reference below a fixed domain at the bottom edge when asked, and hides it otherwise', () => {
    const chart = lineChart({
      ...base,
      y: { ...base.y, domain: [10, 20] },
      series: [{ label: 'L', y: [12, 18] }],
      references: [
        { value: 1, label: 'Var(y) = 1', offscale: 'edge' },
        { value: 0.6, label: 'best plane = 0.6', offscale: 'edge' },
        { value: 2, label: 'hidden' },
      ],
    });
    const notes = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-reference-offscale'));
    // The lowest line is named nearest the bottom edge.
    expect(notes.map((n) => [n.text, n.attrs?.y])).toEqual([
      ['↓ best plane = 0.6 (below this range)', 64],
      ['↓ Var(y) = 1 (below this range)', 49],
    ]);
    expect(find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-reference'))).toEqual([]);
    expect(toSvgString(chart)).not.toContain('hidden');
  });

  it('keeps two close reference labels apart', () => {
    const chart = lineChart({ ...base, y: { ...base.y, domain: [0, 20] }, series: [{ label: 'L', y: [5, 20] }], references: [{ value: 1, label: 'a' }, { value: 0.6, label: 'b' }] });
    const labels = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-reference')).map((g) => Number(g.children?.[1].attrs?.y));
    expect(Math.abs(labels[0] - labels[1])).toBeGreaterThanOrEqual(13);
    expect(labels[0]).toBeLessThan(labels[1]); // the higher value's label stays on top
  });
});
