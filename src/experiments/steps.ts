// Long runs are generators that yield their progress after each small piece of work, so the
// browser can run them in slices (the view kit's sliceScheduler) while the page keeps answering.
// At build time, in facts and in tests the same generator simply runs to its end here: one run,
// one code path, the same numbers.

/** Runs `work` to its end at once and returns its result. */
export function runToEnd<R>(work: Iterator<unknown, R>): R {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * How many units of work (epochs) a sized run does in its next piece: what the page's slice
 * scheduler asked at the yield (`const units = unitsAsked(yield progress, 250)`, sized by the time
 * the pieces took), or `fallback` when nothing was asked (runToEnd, facts, tests, the first piece).
 */
export function unitsAsked(asked: unknown, fallback: number): number {
  return typeof asked === 'number' && Number.isFinite(asked) && asked >= 1 ? Math.floor(asked) : fallback;
}
