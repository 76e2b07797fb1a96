// Long work on the page's own thread, in slices: a widget's run is a generator that yields after
// each piece of work, and the scheduler runs it for a few milliseconds at a time, giving the
// browser the thread back in between so the page keeps scrolling and answering clicks. A newer
// run on the same scheduler makes the older one stale: it stops at its next slice, because its
// result would only be drawn over by the newer one.
//
// Pieces sized by time, not by a count: at each yield the scheduler passes the generator how many
// units of work (epochs) to do next — next(units) — sized from the time the pieces so far took
// (kit/frameBudget.ts: one unit first, then what fits the slice). A fixed count of epochs that
// takes 2 ms on a desktop takes 10 on a school laptop, and a wide network's epoch costs many
// narrow ones'. A generator reads the number with experiments/steps.ts unitsAsked(); one that
// ignores it does its own fixed pieces, as many as fit the slice.
//
//   const slices = sliceScheduler();
//   const result = await slices.run(symmetryRunSteps(config), { onProgress: (p) => … });
//   if (result.done) draw(result.value);   // else a newer change has taken over

import { frameBudget } from './frameBudget';

export type SliceResult<R> = { done: true; value: R } | { done: false };

export interface SliceOptions<P> {
  /** Work per slice before the thread is given back (ms). */
  budgetMs?: number;
  /** Called after each slice with the generator's latest yielded value. */
  onProgress?(progress: P): void;
}

export interface SliceScheduler {
  /** Runs `work` to its end in slices; resolves { done: false } if a newer run or cancel() stopped it. */
  run<R, P = unknown>(work: Iterator<P, R, number | undefined>, options?: SliceOptions<P>): Promise<SliceResult<R>>;
  /** Stops the current run (it resolves { done: false }). */
  cancel(): void;
  /** Whether a run is under way. */
  readonly busy: boolean;
}

/** Work per slice: long enough to do something, short enough that a frame is never missed. */
export const SLICE_MS = 8;

/**
 * Yields to the browser. A message to a channel runs as soon as the thread is free, without the
 * 4 ms minimum that nested setTimeout calls get, so slicing costs little time.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function sliceScheduler(clock: () => number = () => performance.now()): SliceScheduler {
  let generation = 0;
  let running = 0;
  return {
    async run<R, P>(work: Iterator<P, R, number | undefined>, options: SliceOptions<P> = {}): Promise<SliceResult<R>> {
      const mine = ++generation;
      const budget = options.budgetMs ?? SLICE_MS;
      // The cost of a unit is learnt over the run, so each slice is sized from what came before.
      const pieces = frameBudget(clock);
      running++;
      try {
        for (;;) {
          const slice: { last?: IteratorResult<P, R> } = {};
          pieces.run(Infinity, clock() + budget, (units) => {
            const step = (slice.last = work.next(units));
            return step.done ? 0 : units;
          });
          // A slice always moves the work on, even if the clock says its time went before it began.
          const last = slice.last ?? work.next(1);
          if (last.done) return mine === generation ? { done: true, value: last.value } : { done: false };
          options.onProgress?.(last.value);
          await nextTask();
          if (mine !== generation) {
            work.return?.(undefined as never);
            return { done: false };
          }
        }
      } finally {
        running--;
      }
    },
    cancel() {
      generation++;
    },
    get busy() {
      return running > 0;
    },
  };
}
