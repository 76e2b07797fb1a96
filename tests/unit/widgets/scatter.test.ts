import { describe, expect, it } from 'vitest';
import { binIndex, scatterChart, TWO_COLOUR_STYLES, type ScatterSpec } from '../../../src/widgets/kit/scatter';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}

const spec: ScatterSpec = {
  width: 200,
  height: 154,
  margin: { top: 50, right: 10, bottom: 44, left: 40 },
  title: 'y against x',
  x: { label: 'x', values: [0, 1, 2], domain: [0, 2], nice: false },
  y: { label: 'y', values: [0, 1, 4], domain: [0, 4], nice: false },
};

describe('binIndex', () => {
  it('cuts the interval into equal bins and keeps the ends inside', () => {
    expect([0, 0.24, 0.25, 0.5, 0.99, 1].map((v) => binIndex(v, 0, 1, 4))).toEqual([0, 0, 1, 2, 3, 3]);
    expect(binIndex(-5, 0, 1, 4)).toBe(0);
    expect(binIndex(5, 0, 1, 4)).toBe(3);
  });

  it('puts everything in a middle bin when there is no spread to colour by', () => {
    expect(binIndex(3, 3, 3, 4)).toBe(1);
    expect(binIndex(Number.NaN, 0, 1, 4)).toBe(1);
  });
});

describe('scatterChart', () => {
  it('draws all points of one style as a single path, the same string every time', () => {
    const chart = scatterChart(spec);
    const points = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-points'))[0].children ?? [];
    expect(points).toHaveLength(1);
    expect(points[0].attrs?.d).toBe(
      'M43,110A3,3,0,1,1,37,110A3,3,0,1,1,43,110' + 'M118,95A3,3,0,1,1,112,95A3,3,0,1,1,118,95' + 'M193,50A3,3,0,1,1,187,50A3,3,0,1,1,193,50',
    );
    expect(toSvgString(chart)).toBe(toSvgString(scatterChart(spec)));
  });

  it('colours and shapes points by a third value, low blue circles to high orange diamonds', () => {
    const chart = scatterChart({ ...spec, colorBy: { label: 'x2', values: [-1, 0.1, 1] } });
    const points = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-points'))[0].children ?? [];
    expect(points.map((p) => [p.attrs?.['data-bin'], p.attrs?.fill])).toEqual([
      [0, TWO_COLOUR_STYLES[0].fill],
      [2, TWO_COLOUR_STYLES[2].fill],
      [3, TWO_COLOUR_STYLES[3].fill],
    ]);
    expect(points[1].attrs?.d).toBe('M115,91L119.1,95L115,99.1L111,95Z'); // a diamond: a square on its corner
  });

  it('explains the colours in a legend with the two ends of the value', () => {
    const chart = scatterChart({ ...spec, colorBy: { label: 'x2', values: [-1.2345, 0.1, 1] } });
    const legend = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-legend'))[0];
    expect(legend.children?.filter((c) => c.tag === 'text').map((c) => c.text)).toEqual(['x2: −1.23', '1']);
    expect(legend.children?.filter((c) => c.tag === 'path')).toHaveLength(4);
  });

  it('overlays a curve with a halo and names it in the legend', () => {
    const chart = scatterChart({ ...spec, curves: [{ label: 'target', x: [0, 1, 2], y: [0, 1, 4] }] });
    const curve = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-curve'))[0];
    expect(curve.children?.map((c) => c.attrs?.d)).toEqual(['M40,110L115,95L190,50', 'M40,110L115,95L190,50']);
    expect(find(chart, (n) => n.text === 'target')).toHaveLength(1);
  });

  it('draws the curves under the points when asked, so points lying on a curve stay visible', () => {
    const order = (chart: SvgNode) => (chart.children ?? []).map((c) => c.attrs?.class).filter((c) => c === 'np-points' || c === 'np-curve');
    const curves = [{ label: 'y = x', x: [0, 2], y: [0, 2] }];
    expect(order(scatterChart({ ...spec, curves }))).toEqual(['np-points', 'np-curve']);
    expect(order(scatterChart({ ...spec, curves, curvesUnder: true }))).toEqual(['np-curve', 'np-points']);
  });

  it('widens its axes to fit the curve when no domain is given', () => {
    const chart = scatterChart({
      ...spec,
      x: { label: 'x', values: [0, 1] },
      y: { label: 'y', values: [0, 1] },
      curves: [{ label: 'c', x: [0, 1], y: [0, 10] }],
    });
    const labels = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-ticks'))[0].children?.map((c) => c.text);
    expect(labels).toContain('10');
  });

  it('skips points that are not finite rather than drawing them at NaN', () => {
    const chart = scatterChart({ ...spec, x: { ...spec.x, values: [0, Number.NaN, 2] } });
    const d = String(find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-points'))[0].children?.[0].attrs?.d);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(toSvgString(chart)).not.toMatch(/NaN/);
  });

  it('draws an axis and no points for an empty data set', () => {
    const chart = scatterChart({ ...spec, x: { label: 'x', values: [] }, y: { label: 'y', values: [] } });
    expect(find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-points'))[0].children).toEqual([]);
    expect(toSvgString(chart)).not.toMatch(/NaN|undefined/);
  });
});
