import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { axisNodes, chartFrame, chartSvg, labelWidth, safeDomain, type FrameSpec } from '../../../src/widgets/kit/chart';
import { lineChart } from '../../../src/widgets/kit/lineChart';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

const spec: FrameSpec = {
  width: 220,
  height: 114,
  // Roomier than the axes' words need (chartFrame widens a margin that is not).
  margin: { top: 10, right: 10, bottom: 44, left: 60 },
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
    expect(frame.plot).toEqual({ left: 60, top: 10, right: 210, bottom: 70, width: 150, height: 60 });
    expect(frame.x(0)).toBe(60);
    expect(frame.x(10)).toBe(210);
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
    expect(linear.xTicks.map((t) => t.label)).toEqual(['0 s', '5 s', '10 s']);
  });
});

describe('axisNodes and chartSvg', () => {
  it('draws the grid as one path through every tick', () => {
    const grid = axisNodes(chartFrame(spec))[0];
    expect(grid.attrs?.class).toBe('np-grid');
    expect(grid.attrs?.d).toBe('M60,10V70M135,10V70M210,10V70M60,70H210M60,40H210M60,10H210');
  });

  it('gives the chart a role, an accessible name, a title and a description', () => {
    const svg = chartSvg(chartFrame({ ...spec, description: 'Falls quickly.' }), []);
    expect(svg.attrs).toMatchObject({ role: 'img', 'aria-label': 'Loss per epoch', viewBox: '0 0 220 114' });
    expect(svg.children?.[0]).toEqual({ tag: 'title', attrs: {}, text: 'Loss per epoch' });
    expect(svg.children?.[1]).toEqual({ tag: 'desc', attrs: {}, text: 'Falls quickly.' });
  });

  it('writes the axis titles and tick labels as text', () => {
    const text = find(chartSvg(chartFrame(spec), []), (n) => n.tag === 'text').map((n) => n.text);
    expect(text).toEqual(['0', '5', '10', '0.0', '0.5', '1.0', 'epoch', 'loss']);
  });
});

describe('room for the axes\' words at their size on a phone', () => {
  // 12 px on a 375 px phone, where a chart is drawn 309 px wide: 21.7 units in a 560-unit chart.
  const wide = { ...spec, width: 560, height: 320, margin: { top: 10, right: 10, bottom: 20, left: 20 } };

  it('widens the left margin to fit the widest y tick label beside the y title, and the bottom one for the x labels and title', () => {
    const frame = chartFrame({ ...wide, y: { label: 'loss', domain: [0, 0.0004] } });
    const widest = Math.max(...frame.yTicks.map((t) => labelWidth(t.label, frame.axisLayout.tick)));
    expect(frame.axisLayout.tick).toBeCloseTo((12 * 560) / 309, 5);
    expect(frame.plot.left - 7 - widest).toBeGreaterThan(frame.axisLayout.yTitleX);
    expect(frame.plot.bottom + frame.axisLayout.xTitleBaseline).toBeLessThanOrEqual(320);
    expect(frame.axisLayout.xTitleBaseline - frame.axisLayout.xTickBaseline).toBeGreaterThan(frame.axisLayout.tick);
  });

  it('keeps a margin that is already wide enough', () => {
    expect(chartFrame({ ...wide, margin: { left: 200, bottom: 90 } }).margin).toMatchObject({ left: 200, bottom: 90 });
  });

  it('asks d3 for fewer ticks when neighbouring labels would run into each other', () => {
    const frame = chartFrame({ ...wide, x: { label: 'epoch', domain: [0, 20000], ticks: 10 } });
    const xs = frame.xTicks.map((t) => ({ x: frame.x(t.value), w: labelWidth(t.label, frame.axisLayout.tick) }));
    expect(xs.length).toBeGreaterThan(2);
    expect(xs.length).toBeLessThan(scaleLinear().domain([0, 20000]).ticks(10).length);
    for (let i = 1; i < xs.length; i++) expect(xs[i].x - xs[i - 1].x).toBeGreaterThanOrEqual((xs[i].w + xs[i - 1].w) / 2);
  });
});

describe('x tick labels at the edges', () => {
  it('end at the last tick, or start at the first, where a centred label would stick out of the figure', () => {
    for (const [domain, right, left] of [[[0, 5000], 14, 56], [[0, 0.01], 4, 56], [[-5000, 10], 14, 8]] as const) {
      // Without a y axis the left margin stays as given, however narrow.
      const frame = chartFrame({ ...spec, width: 300, yAxis: false, margin: { ...spec.margin, right, left }, x: { label: 'epoch', domain } });
      const labels = find({ tag: 'g', children: axisNodes(frame) }, (n) => n.tag === 'text' && n.attrs?.y === frame.plot.bottom + frame.axisLayout.xTickBaseline);
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) {
        const x = Number(label.attrs?.x), w = labelWidth(label.text ?? '', frame.axisLayout.tick);
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
  const base = { width: 220, height: 114, margin: spec.margin, title: 'Loss', x: { label: 'epoch', ticks: 2 }, y: { label: 'loss', ticks: 2 } };

  it('draws a series as one path, the same string every time', () => {
    const chart = lineChart({ ...base, series: [{ label: 'training', y: [1, 0.5, 0] }] });
    const series = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-series'));
    expect(series).toHaveLength(1);
    expect(series[0].attrs?.d).toBe('M60,10L135,40L210,70');
    expect(toSvgString(chart)).toBe(toSvgString(lineChart({ ...base, series: [{ label: 'training', y: [1, 0.5, 0] }] })));
  });

  it('leaves a gap where a value is not a number (a diverged run), without writing NaN', () => {
    const chart = lineChart({ ...base, series: [{ label: 'loss', y: [1, Number.NaN, 0.5, 0] }] });
    const d = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-series'))[0].attrs?.d;
    expect(d).toBe('M60,10ZM135,40L172.5,70');
    expect(toSvgString(chart)).not.toMatch(/NaN|undefined/);
  });

  it('draws a labelled reference line, such as the baseline Var(y)', () => {
    const chart = lineChart({ ...base, series: [{ label: 'loss', y: [0.2, 0.1] }], references: [{ value: 1, label: 'Var(y)' }] });
    const reference = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-reference'))[0];
    expect(reference.children?.[0].attrs?.d).toBe('M60,10H210');
    expect(reference.children?.[1].text).toBe('Var(y)');
  });

  it('tells several series apart by dash as well as colour, with a legend', () => {
    const chart = lineChart({ ...base, series: [{ label: 'a', y: [1, 2] }, { label: 'b', y: [2, 1] }] });
    const series = find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-series'));
    expect(series[0].attrs?.['stroke-dasharray']).toBeUndefined();
    expect(series[1].attrs?.['stroke-dasharray']).toBe('7 4');
    expect(find(chart, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-legend'))[0].children?.filter((c) => c.tag === 'text').map((c) => c.text)).toEqual(['a', 'b']);
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
    const axis = nodes.find((n) => String(n.attrs?.class ?? '').split(' ').includes('np-axis'))!;
    expect(axis.attrs?.d).toBe('M60,70H210M60,70v5M135,70v5M210,70v5');
    expect(nodes.find((n) => String(n.attrs?.class ?? '').split(' ').includes('np-grid'))!.attrs?.d).toBe('M60,10V70M135,10V70M210,10V70');
    const ticks = nodes.find((n) => String(n.attrs?.class ?? '').split(' ').includes('np-ticks'))!;
    expect(ticks.children!.map((t) => t.text)).toEqual(['0', '5', '10']);
    expect(nodes.filter((n) => String(n.attrs?.class ?? '').split(' ').includes('np-axis-label')).map((n) => n.text)).toEqual(['epoch']);
  });

  it('still maps y for the content drawn in rows', () => {
    expect(frame.y(0)).toBe(70);
    expect(frame.y(1)).toBe(10);
  });
});

describe('symlog axes', () => {
  const frame = chartFrame({ ...spec, x: { label: 'epoch', domain: [0, 3000], type: 'symlog' } });

  it('puts 0 at the start and gives equal room to each factor of ten far from it', () => {
    expect(frame.x(0)).toBe(60);
    expect(frame.x(3000)).toBeCloseTo(210, 10);
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
