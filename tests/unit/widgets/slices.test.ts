import { describe, expect, it } from 'vitest';
import { sliceScheduler } from '../../../src/widgets/kit/slices';
import { runToEnd, unitsAsked } from '../../../src/experiments/steps';

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

describe('the slice scheduler with a run that takes its pieces from the scheduler', () => {
  /** A run of `units` units costing `cost` ms each on `clock`, doing what each next(units) asks; records the pieces. */
  function sized(units: number, cost: number, clock: { now: number }, pieces: number[]): Generator<number, number, number | undefined> {
    return (function* () {
      let done = 0;
      let piece = 1;
      while (done < units) {
        const did = Math.min(piece, units - done);
        done += did;
        clock.now += did * cost;
        pieces.push(did);
        piece = unitsAsked(yield done, 1000);
      }
      return done;
    })();
  }

  it('starts with one unit and then sizes the pieces to the slice by the time the units took', async () => {
    const clock = { now: 0 };
    const pieces: number[] = [];
    const slices = sliceScheduler(() => clock.now);
    const progress: number[] = [];
    const result = await slices.run(sized(500, 2, clock, pieces), { budgetMs: 8, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ done: true, value: 500 });
    expect(pieces[0]).toBe(1);
    // 2 ms a unit in 8 ms slices: never a piece of more than 8 × 0.8 / 2 = 3 units, however big the run.
    expect(Math.max(...pieces)).toBeLessThanOrEqual(3);
    expect(progress.length).toBeGreaterThan(100);
  });

  it('gives a cheap unit large pieces, so slicing costs little', async () => {
    const clock = { now: 0 };
    const pieces: number[] = [];
    const slices = sliceScheduler(() => clock.now);
    await slices.run(sized(100_000, 0.001, clock, pieces), { budgetMs: 8 });
    expect(Math.max(...pieces)).toBeGreaterThan(1000);
  });

  it('asks for nothing when the same run goes to its end at once, and the run does its own pieces', () => {
    const clock = { now: 0 };
    const pieces: number[] = [];
    expect(runToEnd(sized(2500, 1, clock, pieces))).toBe(2500);
    expect(pieces).toEqual([1, 1000, 1000, 499]);
  });
});
