import { describe, expect, it } from 'vitest';
import { drawable, keptExtent, seriesPath } from '../../../src/widgets/kit/seriesPath';

describe('seriesPath (kit)', () => {
  const series = { length: 6, valueAt: (i: number) => [1, 0.5, NaN, 0.2, -1, 0.1][i] };

  it('lifts the pen where a value cannot be drawn on the axis', () => {
    expect(seriesPath(series, (i) => i, (v) => v, false)).toBe('M0,1L1,0.5M3,0.2L4,-1L5,0.1');
    // A point alone between gaps is a zero-length piece; d3-shape's line closes it (Z).
    expect(seriesPath(series, (i) => i, (v) => v, true)).toBe('M0,1L1,0.5M3,0.2ZM5,0.1Z');
    expect(seriesPath({ length: 0, valueAt: () => 1 }, (i) => i, (v) => v, false)).toBe('');
  });

  it('finds the extent of what can be drawn', () => {
    expect(keptExtent([series], true)).toEqual([0.1, 1]);
    expect(keptExtent([series], false)).toEqual([-1, 1]);
    expect(keptExtent([{ length: 2, valueAt: () => NaN }], true)).toBeNull();
    expect(drawable(0, true)).toBe(false);
  });
});
