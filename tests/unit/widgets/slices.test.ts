import { describe, expect, it } from 'vitest';
import { sliceScheduler } from '../../../src/widgets/kit/slices';

/** A run of `steps` steps that yields its progress after each. */
function* counting(steps: number, done: number[] = []): Generator<number, number> {
  for (let i = 1; i <= steps; i++) {
    done.push(i);
    yield i / steps;
  }
  return steps;
}

/** A clock that moves on by `tick` every time it is read, so slices end after a known number of steps. */
function fakeClock(tick = 1) {
  let now = 0;
  return () => (now += tick);
}

describe('the slice scheduler', () => {
  it('runs the work to its end over several slices and reports progress after each', async () => {
    const slices = sliceScheduler(fakeClock());
    const progress: number[] = [];
    const result = await slices.run(counting(50), { budgetMs: 10, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ done: true, value: 50 });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('drops an older run when a newer one starts, and the newer one finishes', async () => {
    const slices = sliceScheduler(fakeClock());
    const olderSteps: number[] = [];
    const older = slices.run(counting(1000, olderSteps), { budgetMs: 5 });
    const newer = slices.run(counting(20), { budgetMs: 5 });
    expect(await older).toEqual({ done: false });
    expect(await newer).toEqual({ done: true, value: 20 });
    expect(olderSteps.length).toBeLessThan(1000);
  });

  it('stops on cancel and reports that it did not finish', async () => {
    const slices = sliceScheduler(fakeClock());
    const run = slices.run(counting(1000), { budgetMs: 5, onProgress: () => slices.cancel() });
    expect(await run).toEqual({ done: false });
    expect(slices.busy).toBe(false);
  });
});
