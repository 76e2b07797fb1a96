import { describe, expect, it } from 'vitest';
import { downsampleIndices, downsampleIndicesLog } from '../../../src/widgets/kit/downsample';

describe('downsampleIndices', () => {
  it('keeps a short series whole', () => {
    expect(downsampleIndices(5, (i) => i, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(downsampleIndices(0, (i) => i, 10)).toEqual([]);
  });

  it('keeps the first and last point and at most two per bucket, in order', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50));
    const keep = downsampleIndices(values.length, (i) => values[i], 100);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(9_999);
    expect(keep.length).toBeLessThanOrEqual(2 * 100 + 2);
    expect([...keep].sort((a, b) => a - b)).toEqual(keep);
    expect(new Set(keep).size).toBe(keep.length);
  });

  it('never hides a spike or a dip: the extremes of the series are among the kept points', () => {
    const values = Array.from({ length: 50_000 }, () => 1);
    values[12_345] = 100;
    values[33_333] = 0.01;
    const keep = downsampleIndices(values.length, (i) => values[i], 200);
    expect(keep).toContain(12_345);
    expect(keep).toContain(33_333);
  });

  it('skips values that are not finite but keeps a gap where a whole bucket has none', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i >= 500 && i < 600 ? NaN : i));
    const keep = downsampleIndices(values.length, (i) => values[i], 10);
    const gaps = keep.filter((i) => Number.isNaN(values[i]));
    expect(gaps.length).toBe(1);
  });
});

describe('downsampleIndicesLog', () => {
  it('keeps a short series whole', () => {
    expect(downsampleIndicesLog(5, (i) => i, 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps every early point, thins the late ones, and keeps the ends, in order and without repeats', () => {
    const values = Array.from({ length: 20_001 }, (_, i) => Math.sin(i / 7));
    const keep = downsampleIndicesLog(values.length, (i) => values[i], 160);
    expect(keep.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(keep[keep.length - 1]).toBe(20_000);
    expect(keep.length).toBeLessThanOrEqual(2 * 160 + 2);
    expect([...keep].sort((a, b) => a - b)).toEqual(keep);
    expect(new Set(keep).size).toBe(keep.length);
  });

  it('never hides the extremes of the series', () => {
    const values = Array.from({ length: 5000 }, () => 1);
    values[3333] = 9;
    values[4100] = -4;
    const keep = downsampleIndicesLog(values.length, (i) => values[i], 50);
    expect(keep).toContain(3333);
    expect(keep).toContain(4100);
  });
});
