import { describe, expect, it } from 'vitest';
import { makeDataset, runSweep, PROGRESS_EPOCHS } from '../../../src/trainer';

describe('a sweep that reports how far each run has got', () => {
  it('gives the same runs as one that does not, and reports every run part way in order', () => {
    const config = { data: makeDataset({ n: 40 }), preset: 'he' as const, seeds: [1, 2, 3], epochs: 2 * PROGRESS_EPOCHS + 120, learningRate: 0.05 };
    const reports: [number, number][] = [];
    const quiet = runSweep(config);
    const told = runSweep(config, undefined, (index, epoch) => reports.push([index, epoch]));
    expect(told).toEqual(quiet);
    for (const index of [0, 1, 2]) {
      const epochs = reports.filter(([i]) => i === index).map(([, e]) => e);
      expect(epochs).toEqual([PROGRESS_EPOCHS, 2 * PROGRESS_EPOCHS, config.epochs]);
    }
  });
});
