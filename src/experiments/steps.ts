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
