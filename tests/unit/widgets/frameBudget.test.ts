import { describe, expect, it } from 'vitest';
import { frameBudget } from '../../../src/widgets/kit/frameBudget';

/** A clock that moves only when work is done: `cost` ms per step. */
function fakeWork(cost: number) {
  let now = 0;
  const chunks: number[] = [];
  return {
    clock: () => now,
    chunks,
    work(limit = Infinity) {
      let total = 0;
      return (chunk: number) => {
        const did = Math.min(chunk, limit - total);
        total += did;
        chunks.push(chunk);
        now += did * cost;
        return did;
      };
    },
  };
}

describe('frameBudget', () => {
  it('learns the cost of a step and fills the frame without running far past its deadline', () => {
    const w = fakeWork(0.5);
    const budget = frameBudget(w.clock);
    const work = w.work();
    let done = 0;
    for (let frame = 0; frame < 10; frame++) {
      const start = w.clock();
      done = budget.run(1_000_000, start + 6, work);
      // The first frame goes by the first guess; from the third on the cost is known.
      if (frame >= 2) expect(w.clock() - start).toBeLessThanOrEqual(6 + 0.5 * 2);
    }
    // Once the cost is known, a 6 ms frame holds about 6 / 0.5 = 12 steps (80 % of it planned).
    expect(done).toBeGreaterThanOrEqual(9);
    expect(done).toBeLessThanOrEqual(13);
  });

  it('never runs more steps than asked, and stops when the work stops', () => {
    const w = fakeWork(0.001);
    const budget = frameBudget(w.clock);
    expect(budget.run(5, 6, w.work())).toBe(5);
    const stopping = frameBudget(w.clock);
    expect(stopping.run(100, w.clock() + 6, w.work(3))).toBe(3);
  });

  it('does one step a frame when a step is far slower than the frame, and none when none is asked', () => {
    const w = fakeWork(50);
    const budget = frameBudget(w.clock);
    const work = w.work();
    budget.run(10, w.clock() + 6, work);
    for (let frame = 0; frame < 5; frame++) expect(budget.run(10, w.clock() + 6, work)).toBe(1);
    expect(budget.run(0, w.clock() + 1e9, work)).toBe(0);
  });
});

describe('frameBudget before it has measured anything', () => {
  it('does a single step first, so one slow step cannot fill a frame many times over', () => {
    const w = fakeWork(40);
    const budget = frameBudget(w.clock);
    budget.run(1_000_000, 6, w.work());
    expect(w.chunks[0]).toBe(1);
    expect(budget.msPerUnit).toBe(40);
  });

  it('at most doubles a chunk (plus one) over the one before, however cheap the last looked', () => {
    const w = fakeWork(0);
    const budget = frameBudget(w.clock);
    expect(budget.run(100, 6, w.work())).toBe(100);
    w.chunks.forEach((chunk, i) => expect(chunk).toBeLessThanOrEqual(i === 0 ? 1 : 2 * w.chunks[i - 1] + 1));
  });
});
