import { describe, expect, it } from 'vitest';
import { axisNodes, chartFrame, chartSvg, labelWidth, safeDomain, TICK_FONT_SIZE, type FrameSpec } from '../../../src/widgets/kit/chart';
import { lineChart } from '../../../src/widgets/kit/lineChart';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

const spec: FrameSpec = {
  width: 200,
  height: 100,
  margin: { top: 10, right: 10, bottom: 30, left: 40 },
  x: { label: 'epoch', domain: [0, 10], ticks: 2 },
  y: { label: 'loss', domain: [0, 1], ticks: 2 },
  title: 'Loss per epoch',
};

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}

describe('safeDomain', () => {
  it('keeps an ordinary interval and orders a reversed one', () => {
    expect(safeDomain([0, 5])).toEqual([0, 5]);
    expect(safeDomain([5, 0])).toEqual([0, 5]);
  });

  it('widens an empty interval so a single sample still gets an axis', () => {
    expect(safeDomain([2, 2])).toEqual([1.8, 2.2]);
    expect(safeDomain([0, 0])).toEqual([-1, 1]);
  });

  it('replaces an interval that is not finite', () => {
    expect(safeDomain([Number.NaN, 1])).toEqual([0, 1]);
    expect(safeDomain([0, Infinity])).toEqual([0, 1]);
  });

  it('keeps a log axis positive', () => {
    expect(safeDomain([0, 100], 'log')).toEqual([1, 100]);
    expect(safeDomain([-1, -1], 'log')).toEqual([1, 10]);
    expect(safeDomain([5, 5], 'log')).toEqual([0.5, 50]);
  });
});

describe('chartFrame', () => {
  it('puts the plot area inside the margins and maps the domain onto it, y upwards', () => {
    const frame = chartFrame(spec);
    expect(frame.plot).toEqual({ left: 40, top: 10, right: 190, bottom: 70, width: 150, height: 60 });
    expect(frame.x(0)).toBe(40);
    expect(frame.x(10)).toBe(190);
    expect(frame.y(0)).toBe(70);
    expect(frame.y(1)).toBe(10);
  });

  it('extends the domain to round numbers and labels round ticks', () => {
    const frame = chartFrame({ ...spec, x: { label: 'x', domain: [0.3, 9.2], ticks: 2 } });
    expect(frame.xDomain).toEqual([0, 10]);
    expect(frame.xTicks).toEqual([
      { value: 0, label: '0' },
      { value: 5, label: '5' },
      { value: 10, label: '10' },
    ]);
  });

  it('labels huge values in powers of ten instead of long digit strings', () => {
    const frame = chartFrame({ ...spec, y: { label: 'y', domain: [0, 2e12], ticks: 2 } });
    expect(frame.yTicks.map((t) => t.label)).toEqual(['0', '1e+12', '2e+12']);
  });

  it('uses powers of ten on a log axis', () => {
    const frame = chartFrame({ ...spec, y: { label: 'loss', domain: [0.01, 10], type: 'log', ticks: 3 } });
    expect(frame.yDomain).toEqual([0.01, 10]);
    expect(frame.y(0.1)).toBeCloseTo(50, 10);
    expect(frame.yTicks.filter((t) => t.label !== '').map((t) => t.label)).toEqual(['0.01', '0.1', '1', '10']);
  });

  it('labels every tick with an axis\'s own format, even where d3 would leave a log tick blank', () => {
    const power = (v: number) => `10^${Math.round(Math.log10(v))}`;
    const log = chartFrame({ ...spec, y: { label: 'η', domain: [1e-8, 0.1], type: 'log', ticks: 4, format: power } });
    expect(log.yTicks.map((t) => t.label)).toEqual(['10^-8', '10^-6', '10^-4', '10^-2']);
    const narrow = chartFrame({ ...spec, y: { label: 'L', domain: [0.65, 1.15], type: 'log', nice: false, format: String } });
    expect(narrow.yTicks.map((t) => t.label)).toEqual(['0.7', '0.8', '0.9', '1']);
    const linear = chartFrame({ ...spec, x: { label: 'x', domain: [0, 10], format: (v) => `${v} s` } });
    expect(linear.xTicks[1].label).toBe('2 s');
  });
});

describe('axisNodes and chartSvg', () => {
  it('draws the grid as one path through every tick', () => {
    const grid = axisNodes(chartFrame(spec))[0];
    expect(grid.attrs?.class).toBe('np-grid');
    expect(grid.attrs?.d).toBe('M40,10V70M115,10V70M190,10V70M40,70H190M40,40H190M40,10H190');
  });

  it('gives the chart a role, an accessible name, a title and a description', () => {
    const svg = chartSvg(chartFrame({ ...spec, description: 'Falls quickly.' }), []);
    expect(svg.attrs).toMatchObject({ role: 'img', 'aria-label': 'Loss per epoch', viewBox: '0 0 200 100' });
    expect(svg.children?.[0]).toEqual({ tag: 'title', attrs: {}, text: 'Loss per epoch' });
    expect(svg.children?.[1]).toEqual({ tag: 'desc', attrs: {}, text: 'Falls quickly.' });
  });

  it('writes the axis titles and tick labels as text', () => {
    const text = find(chartSvg(chartFrame(spec), []), (n) => n.tag === 'text').map((n) => n.text);
    expect(text).toEqual(['0', '5', '10', '0.0', '0.5', '1.0', 'epoch', 'loss']);
  });
});

describe('x tick labels at the edges', () => {
  it('end at the last tick, or start at the first, where a centred label would stick out of the figure', () => {
    for (const [domain, right, left] of [[[0, 5000], 14, 56], [[0, 0.01], 4, 56], [[-5000, 10], 14, 8]] as const) {
      const frame = chartFrame({ ...spec, width: 300, margin: { ...spec.margin, right, left }, x: { label: 'epoch', domain } });
      const labels = find({ tag: 'g', children: axisNodes(frame) }, (n) => n.tag === 'text' && n.attrs?.y === frame.plot.bottom + 18);
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) {
        const x = Number(label.attrs?.x), w = labelWidth(label.text ?? '', TICK_FONT_SIZE);
        const [from, to] = label.attrs?.['text-anchor'] === 'end' ? [x - w, x] : label.attrs?.['text-anchor'] === 'start' ? [x, x + w] : [x - w / 2, x + w / 2];
        expect(from, label.text).toBeGreaterThanOrEqual(0);
        expect(to, label.text).toBeLessThanOrEqual(300);
      }
      // the labels in between stay centred on their ticks
      expect(labels.slice(1, -1).every((l) => l.attrs?.['text-anchor'] === 'middle')).toBe(true);
    }
  });
});

describe('lineChart', () => {
  const base = { width: 200, height: 100, margin: spec.margin, title: 'Loss', x: { label: 'epoch', ticks: 2 }, y: { label: 'loss', ticks: 2 } };

  it('draws a series as one path, the same string every time', () => {
    const chart = lineChart({ ...base, series: [{ label: 'training', y: [1, 0.5, 0] }] });
    const series = find(chart, (n) => n.attrs?.class === 'np-series');
    expect(series).toHaveLength(1);
    expect(series[0].attrs?.d).toBe('M40,10L115,40L190,70');
    expect(toSvgString(chart)).toBe(toSvgString(lineChart({ ...base, series: [{ label: 'training', y: [1, 0.5, 0] }] })));
  });

  it('leaves a gap where a value is not a number (a diverged run), without writing NaN', () => {
    const chart = lineChart({ ...base, series: [{ label: 'loss', y: [1, Number.NaN, 0.5, 0] }] });
    const d = find(chart, (n) => n.attrs?.class === 'np-series')[0].attrs?.d;
    expect(d).toBe('M40,10ZM115,40L152.5,70');
    expect(toSvgString(chart)).not.toMatch(/NaN|undefined/);
  });

  it('draws a labelled reference line, such as the baseline Var(y)', () => {
    const chart = lineChart({ ...base, series: [{ label: 'loss', y: [0.2, 0.1] }], references: [{ value: 1, label: 'Var(y)' }] });
    const reference = find(chart, (n) => n.attrs?.class === 'np-reference')[0];
    expect(reference.children?.[0].attrs?.d).toBe('M40,10H190');
    expect(reference.children?.[1].text).toBe('Var(y)');
  });

  it('tells several series apart by dash as well as colour, with a legend', () => {
    const chart = lineChart({ ...base, series: [{ label: 'a', y: [1, 2] }, { label: 'b', y: [2, 1] }] });
    const series = find(chart, (n) => n.attrs?.class === 'np-series');
    expect(series[0].attrs?.['stroke-dasharray']).toBeUndefined();
    expect(series[1].attrs?.['stroke-dasharray']).toBe('7 4');
    expect(find(chart, (n) => n.attrs?.class === 'np-legend')[0].children?.filter((c) => c.tag === 'text').map((c) => c.text)).toEqual(['a', 'b']);
  });

  it('skips values a log axis cannot show', () => {
    const chart = lineChart({ ...base, y: { label: 'loss', type: 'log' }, series: [{ label: 'loss', y: [10, 0, 1, -1, 0.1] }] });
    expect(toSvgString(chart)).not.toMatch(/NaN|Infinity/);
  });
});

describe('charts with only a horizontal scale (yAxis: false)', () => {
  const frame = chartFrame({ ...spec, yAxis: false });
  const nodes = axisNodes(frame);

  it('draws the x axis, its grid, ticks and label, and nothing of the vertical axis', () => {
    const axis = nodes.find((n) => n.attrs?.class === 'np-axis')!;
    expect(axis.attrs?.d).toBe('M40,70H190M40,70v5M115,70v5M190,70v5');
    expect(nodes.find((n) => n.attrs?.class === 'np-grid')!.attrs?.d).toBe('M40,10V70M115,10V70M190,10V70');
    const ticks = nodes.find((n) => n.attrs?.class === 'np-ticks')!;
    expect(ticks.children!.map((t) => t.text)).toEqual(['0', '5', '10']);
    expect(nodes.filter((n) => n.attrs?.class === 'np-axis-label').map((n) => n.text)).toEqual(['epoch']);
  });

  it('still maps y for the content drawn in rows', () => {
    expect(frame.y(0)).toBe(70);
    expect(frame.y(1)).toBe(10);
  });
});

describe('symlog axes', () => {
  const frame = chartFrame({ ...spec, x: { label: 'epoch', domain: [0, 3000], type: 'symlog' } });

  it('puts 0 at the start and gives equal room to each factor of ten far from it', () => {
    expect(frame.x(0)).toBe(40);
    expect(frame.x(3000)).toBeCloseTo(190, 10);
    const decade = (v: number) => frame.x(10 * v) - frame.x(v);
    expect(Math.abs(decade(100) / decade(10) - 1)).toBeLessThan(0.05);
    expect(frame.x(1) - frame.x(0)).toBeGreaterThan(10);
  });

  it('ticks at 0 and the powers of ten inside the domain, labelled as plain numbers', () => {
    expect(frame.xTicks).toEqual([
      { value: 0, label: '0' },
      { value: 1, label: '1' },
      { value: 10, label: '10' },
      { value: 100, label: '100' },
      { value: 1000, label: '1,000' },
    ]);
  });
});
