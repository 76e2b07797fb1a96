import { describe, expect, it } from 'vitest';
import { scatterChart } from '../../../src/widgets/kit/scatter';
import { toSvgString } from '../../../src/widgets/kit/svg';

const spec = { width: 300, height: 200, title: 't', x: { label: 'x', values: [0, 1, 2] }, y: { label: 'y', values: [0, 1, 4] } };

describe('scatterChart highlight', () => {
  it('rings the highlighted sample and labels it', () => {
    const svg = toSvgString(scatterChart({ ...spec, highlight: { index: 1, label: 'sample 2' } }));
    expect(svg).toContain('class="np-highlight" data-index="1"');
    expect(svg).toContain('>sample 2</text>');
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });

  it('draws nothing extra without a highlight, or for a sample that is not a finite point', () => {
    expect(toSvgString(scatterChart(spec))).not.toContain('np-highlight');
    const svg = toSvgString(scatterChart({ ...spec, y: { label: 'y', values: [0, NaN, 4] }, highlight: { index: 1, label: 's' } }));
    expect(svg).not.toContain('np-highlight');
  });
});
