import { describe, expect, it } from 'vitest';
import { meterScene, type MeterSpec } from '../../../src/widgets/kit/meter';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

const spec: MeterSpec = {
  width: 228,
  height: 80,
  value: 0.5,
  min: -1,
  max: 1,
  ticks: [{ value: -1, label: '−1' }, { value: 0, label: '0' }, { value: 1, label: '1' }],
  text: 'R² = 0.5',
  title: 'R² meter',
  beyond: { below: 'far below', above: 'beyond 1' },
};

const find = (node: SvgNode, cls: string): SvgNode[] =>
  [...(String(node.attrs?.class ?? '').split(' ').includes(cls) ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, cls))];

describe('meterScene', () => {
  it('draws a bar from the origin to the value, in the "above" colour for a positive value', () => {
    const bar = find(meterScene(spec), 'np-meter-bar')[0];
    // Track from 14 to 214: 0 sits at 114 and 0.5 at 164.
    expect(bar.attrs).toMatchObject({ x: 114, width: 50, fill: 'var(--c-blue, #0072b2)', stroke: 'none' });
  });

  it('draws a negative value leftwards in the "below" colour', () => {
    const bar = find(meterScene({ ...spec, value: -0.5 }), 'np-meter-bar')[0];
    expect(bar.attrs).toMatchObject({ x: 64, width: 50, fill: 'var(--c-vermillion, #d55e00)' });
  });

  it('stops a value beyond an end at that end, outlines the cut bar and says so in words', () => {
    const scene = meterScene({ ...spec, value: -3e27, text: 'R² = −3e+27' });
    const bar = find(scene, 'np-meter-bar')[0];
    expect(bar.attrs).toMatchObject({ x: 14, width: 100, stroke: 'currentColor' });
    expect(find(scene, 'np-meter-beyond')[0].text).toBe('◀ far below');
    expect(find(meterScene({ ...spec, value: 7 }), 'np-meter-beyond')[0].text).toBe('beyond 1 ▶');
  });

  it('treats ±infinity as beyond the ends and draws nothing for a value that is not a number', () => {
    expect(find(meterScene({ ...spec, value: -Infinity }), 'np-meter-beyond')).toHaveLength(1);
    const nan = meterScene({ ...spec, value: NaN, text: 'R² = not a number' });
    expect(find(nan, 'np-meter-bar')).toHaveLength(0);
    expect(toSvgString(nan)).not.toMatch(/NaN/);
  });

  it('writes the labels at the ends of the track inwards from their ticks, so a long one stays inside', () => {
    const labels = (meterScene({ ...spec, ticks: [{ value: -1, label: '−1' }, { value: 0, label: '0: the mean' }, { value: 1, label: '1: perfect' }] }).children ?? []).filter((n) => n.tag === 'text' && !String(n.attrs?.class ?? '').includes('np-meter'));
    expect(labels.map((n) => [n.text, n.attrs?.['text-anchor']])).toEqual([['−1', 'start'], ['0: the mean', 'middle'], ['1: perfect', 'end']]);
    expect(labels[0].attrs?.x).toBe(10);
    expect(labels[2].attrs?.x).toBe(218);
  });

  it('is labelled for screen readers and shows its ticks', () => {
    const svg = toSvgString(meterScene(spec));
    expect(svg).toMatch(/role="img" aria-label="R² meter"/);
    expect(svg).toMatch(/>−1<.*>0<.*>1</);
  });
});

it('keeps the value, the note beyond an end, the track and the tick labels on separate lines', () => {
  const scene = meterScene({ ...spec, value: -5 });
  const y = (cls: string) => Number(find(scene, cls)[0].attrs?.y);
  const track = Number(find(scene, 'np-meter-track')[0].attrs?.y);
  expect(y('np-meter-value') + 12).toBeLessThan(y('np-meter-beyond'));
  expect(y('np-meter-beyond')).toBeLessThan(track);
});
