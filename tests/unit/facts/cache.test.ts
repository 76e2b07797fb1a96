// The cached training runs behind lesson numbers (src/facts/cache/*.json) must be what the
// trainer computes today: each file is checked against its experiment's jobs, and a sample of its
// runs is trained again and compared bit for bit. If this fails after a change to the trainer's
// arithmetic, rerun `npx tsx scripts/facts-cache.ts <name>` and review the lesson numbers it moves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHED_EXPERIMENTS } from '../../../src/facts/cache/registry';
import { cachedRuns, cacheFileText, jobKey, runJob, type CacheFile } from '../../../src/facts/cache/runs';
import { defaultDataset } from '../../../src/experiments/data/defaultDataset';
import { runSweep } from '../../../src/trainer';

const fileOf = (name: string): CacheFile => JSON.parse(readFileSync(new URL(`../../../src/facts/cache/${name}.json`, import.meta.url), 'utf8'));

/** Five jobs spread over the list: the first, the last and three in between (fixed, so a failure repeats). */
const sample = (count: number) => [...new Set([0, count - 1, Math.floor(count / 3), Math.floor(count / 2), Math.floor((2 * count) / 3) + 1])].filter((i) => i < count);

describe('cached training runs', () => {
  for (const experiment of CACHED_EXPERIMENTS) {
    describe(experiment.name, () => {
      const file = fileOf(experiment.name);

      it('was computed for exactly the jobs the experiment lists, one record each, in the script’s format', () => {
        expect(() => cachedRuns(experiment, file)).not.toThrow();
        expect(file.jobs.map(jobKey)).toEqual(experiment.jobs.map(jobKey));
        expect(file.records).toHaveLength(file.jobs.length);
        expect(readFileSync(new URL(`../../../src/facts/cache/${experiment.name}.json`, import.meta.url), 'utf8')).toBe(cacheFileText(file));
      });

      it('holds what the trainer computes today, bit for bit, for a sample of its runs', () => {
        for (const i of sample(file.jobs.length)) expect(runJob(file.jobs[i]), jobKey(file.jobs[i])).toEqual(file.records[i]);
      }, 300_000);
    });
  }

  it('trains a job exactly as the sweeps (and so the widgets) do', () => {
    const job = { preset: 'he' as const, seed: 3, learningRate: 0.05, epochs: 200, batchSize: 10 };
    const record = runJob(job);
    const [sweep] = runSweep({ data: defaultDataset(), preset: 'he', seeds: [3], learningRate: 0.05, epochs: 200, batchSize: 10 });
    expect(record.finalLoss).toBe(sweep.finalLoss);
    expect(record.units).toEqual(sweep.units);
  });

  it('refuses a file made for other jobs, naming the command that remakes it', () => {
    const experiment = CACHED_EXPERIMENTS[0];
    const file = fileOf(experiment.name);
    const other = { ...file, jobs: [{ ...file.jobs[0], epochs: file.jobs[0].epochs + 1 }, ...file.jobs.slice(1)] };
    expect(() => cachedRuns(experiment, other)).toThrow(/npx tsx scripts\/facts-cache\.ts/);
  });
});
