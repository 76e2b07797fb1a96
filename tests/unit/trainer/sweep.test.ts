import { describe, expect, it } from 'vitest';
import { makeDataset, runSweep, splitRuns, train, initParams } from '../../../src/trainer';
import { workerCount } from '../../../src/widgets/kit/sweepRunner';

describe('runSweep', () => {
  const data = makeDataset({ n: 60 });

  it('runs one training per seed and reports each run’s final loss, R² and unit states', () => {
    const runs = runSweep({ data, preset: 'writeup', seeds: [1, 2, 3], epochs: 50, learningRate: 0.01 });
    expect(runs.map((r) => r.seed)).toEqual([1, 2, 3]);
    const alone = train({ data, params: initParams({ preset: 'writeup', seed: 2 }), learningRate: 0.01, epochs: 50 });
    expect(runs[1].finalLoss).toBe(alone.losses[49]);
    for (const r of runs) expect(r.units).toHaveLength(2);
  });

  it('stops when the progress callback returns false', () => {
    const runs = runSweep({ data, preset: 'he', seeds: [1, 2, 3, 4], epochs: 5, learningRate: 0.01 }, (_, i) => i < 1);
    expect(runs).toHaveLength(2);
  });
});

describe('splitRuns', () => {
  it('covers every run exactly once in contiguous ranges', () => {
    for (const [count, parts] of [[100, 3], [5, 8], [1, 4], [7, 7]]) {
      const ranges = splitRuns(count, parts);
      expect(ranges.length).toBe(Math.min(count, parts));
      expect(ranges[0][0]).toBe(0);
      expect(ranges[ranges.length - 1][1]).toBe(count);
      ranges.slice(1).forEach(([start], i) => expect(start).toBe(ranges[i][1]));
    }
  });

  it('uses one worker per core, at most eight and never more than there are runs', () => {
    expect(workerCount(100, 2)).toBe(2);
    expect(workerCount(100, 32)).toBe(8);
    expect(workerCount(3, 16)).toBe(3);
    expect(workerCount(10, NaN)).toBe(2);
  });
});
