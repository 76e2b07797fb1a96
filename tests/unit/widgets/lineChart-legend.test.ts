import { describe, expect, it } from 'vitest';
import { lineChart } from '../../../src/widgets/kit/lineChart';
import type { SvgNode } from '../../../src/widgets/kit/svg';

const legends = (node: SvgNode): SvgNode[] => [...(String(node.attrs?.class ?? '').split(' ').includes('np-legend') ? [node] : []), ...(node.children ?? []).flatMap(legends)];
const base = { width: 200, height: 100, title: 'Loss', x: { label: 'epoch' }, y: { label: 'loss' }, series: [{ label: 'a', y: [1, 2] }, { label: 'b', y: [2, 1] }] };

describe('lineChart legend option', () => {
  it('draws the in-plot legend of several series by default', () => {
    expect(legends(lineChart(base))).toHaveLength(1);
    expect(legends(lineChart({ ...base, legend: true }))).toHaveLength(1);
  });

  it('leaves it out with legend: false, for pages that show their own key; the series stay apart by dash', () => {
    const chart = lineChart({ ...base, legend: false });
    expect(legends(chart)).toEqual([]);
    const dashes = JSON.stringify(chart).match(/"stroke-dasharray":"7 4"/g);
    expect(dashes).toHaveLength(1);
  });
});
