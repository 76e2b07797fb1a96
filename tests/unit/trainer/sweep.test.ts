import { describe, expect, it } from 'vitest';
import { curvature, makeDataset, makeSchedule, reduceOnPlateau, runSweep, splitRuns, train, initParams, type ScheduleSpec } from '../../../src/trainer';
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

  it('measures λmax at each run’s start and end only when asked, as curvature() gives it', () => {
    const [plain] = runSweep({ data, preset: 'writeup', seeds: [4], epochs: 20, learningRate: 0.01 });
    expect(plain.startLambdaMax).toBeUndefined();
    const [run] = runSweep({ data, preset: 'writeup', seeds: [4], epochs: 20, learningRate: 0.01, measureCurvature: true });
    const start = initParams({ preset: 'writeup', seed: 4 });
    const end = train({ data, params: start, learningRate: 0.01, epochs: 20 }).params;
    expect(run.startLambdaMax).toBe(curvature(start, data).lambdaMax);
    expect(run.endLambdaMax).toBe(curvature(end, data).lambdaMax);
    expect(run.finalLoss).toBe(plain.finalLoss);
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

describe('runSweep with a schedule', () => {
  const data = makeDataset({ n: 60 });
  const plateau = { kind: 'plateau', factor: 0.5, patience: 5 } as const;

  it('gives every run a fresh schedule described as plain data, as train() with reduceOnPlateau would', () => {
    const runs = runSweep({ data, preset: 'zeros', seeds: [1, 2], epochs: 40, learningRate: 0.1, schedule: plateau });
    const alone = train({ data, params: initParams({ preset: 'zeros', seed: 2 }), learningRate: 0.1, epochs: 40, schedule: reduceOnPlateau({ factor: 0.5, patience: 5 }) });
    // The all-zero start is a perfect plateau: each run cuts from its own first plateau on.
    expect(runs[0].cuts).toEqual([...alone.cuts]);
    expect(runs[1].cuts).toEqual([...alone.cuts]);
    expect(runs[1].cuts!.length).toBeGreaterThan(0);
    expect(runs[1].finalRate).toBe(alone.finalLearningRate);
    expect(runs[1].finalRate).toBeLessThan(0.1);
  });

  it('keeps the rate when no schedule (or the constant one) is given', () => {
    for (const schedule of [undefined, { kind: 'constant' } as const]) {
      const [run] = runSweep({ data, preset: 'zeros', seeds: [1], epochs: 40, learningRate: 0.1, schedule });
      expect(run.cuts).toEqual([]);
      expect(run.finalRate).toBe(0.1);
    }
  });

  it('survives a trip through structured cloning (what postMessage does to a worker request)', () => {
    const request = structuredClone({ schedule: { ...plateau, flavour: 'keras', thresholdMode: 'abs', cooldown: 2, minLr: 0.001 } });
    expect(() => makeSchedule(request.schedule as ScheduleSpec)).not.toThrow();
  });

  it('trains every run with the optimizer and mini-batches asked for, each shuffled by its own seed', () => {
    const config = { data, preset: 'he' as const, seeds: [1, 2], epochs: 30, learningRate: 0.01, optimizer: { kind: 'adam' as const }, batchSize: 10 };
    const runs = runSweep(config);
    for (const [i, seed] of config.seeds.entries()) {
      const alone = train({ data, params: initParams({ seed }), learningRate: 0.01, epochs: 30, optimizer: { kind: 'adam' }, batchSize: 10, shuffleSeed: seed });
      expect(runs[i].finalLoss).toBe(alone.losses[29]);
    }
    const shared = runSweep({ ...config, shuffleSeed: 1 });
    expect(shared[0].finalLoss).toBe(runs[0].finalLoss);
    expect(shared[1].finalLoss).not.toBe(runs[1].finalLoss);
  });

  it('refuses a schedule neither library would take, in words', () => {
    expect(() => runSweep({ data, preset: 'he', seeds: [1], epochs: 5, learningRate: 0.1, schedule: { kind: 'plateau', factor: 1.5 } })).toThrow(/factor/);
    expect(() => makeSchedule({ kind: 'step' } as unknown as ScheduleSpec)).toThrow(/Unknown schedule/);
  });
});

describe('startSweep (on the main thread, where there are no workers)', () => {
  it('passes the schedule on to every run and reports each one', async () => {
    const { startSweep } = await import('../../../src/widgets/kit/sweepRunner');
    const seen: number[] = [];
    const runs = await new Promise<import('../../../src/trainer').SweepRun[]>((resolve, reject) =>
      startSweep(
        { data: { n: 60 }, preset: 'zeros', seeds: [1, 2, 3], epochs: 40, learningRate: 0.1, hidden: 2, schedule: { kind: 'plateau', factor: 0.5, patience: 5 } },
        { onRun: (_, index) => seen.push(index), onDone: resolve, onError: reject },
      ),
    );
    expect(seen.sort()).toEqual([0, 1, 2]);
    for (const run of runs) expect(run.finalRate).toBeLessThan(0.1);
  });
});
