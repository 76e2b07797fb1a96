// Work that fits a frame: a widget that animates a long computation (the training console
// playing) runs as many steps per animation frame as fit in a few milliseconds, however fast or
// slow one step is on this machine. The cost of a step is measured as it goes, so each chunk is
// sized to end by the deadline; drawing comes on top. Nothing is assumed before the first
// measurement: the first chunk is one step (a fixed first guess ran 480 epochs of the playground's
// wide network in one go, over half a second on a slow laptop). A slower measurement is believed
// at once (a frame must not overrun twice), a faster one only gradually (one quick chunk may be
// luck), and a chunk at most doubles the steps of the one before, so a cheap first step
// (the work's set-up not yet seen) cannot send a huge second chunk.

export interface FrameBudget {
  /**
   * Runs up to `units` steps by `deadline` (a clock time), in chunks; `work(chunk)` does a chunk
   * and returns the steps it did (fewer than asked ends the frame: the work has stopped). Returns
   * the steps done; at least one step is done whenever `units` ≥ 1 and time remains.
   */
  run(units: number, deadline: number, work: (chunk: number) => number): number;
  /** The measured cost of one step (ms), or null before the first measurement. */
  readonly msPerUnit: number | null;
}

export function frameBudget(clock: () => number = () => performance.now()): FrameBudget {
  let msPerUnit: number | null = null;
  let lastChunk = 0;
  return {
    run(units, deadline, work) {
      let done = 0;
      while (done < units) {
        const t0 = clock();
        const room = deadline - t0;
        if (room <= 0) break;
        // 80 % of the room: the estimate lags behind a sudden slowdown.
        // Unmeasured: one step first; a chunk too quick for the clock to see leaves the doubling in charge.
        const fits = msPerUnit !== null ? Math.floor((room * 0.8) / msPerUnit) : lastChunk ? Infinity : 1;
        const chunk = Math.max(1, Math.min(units - done, fits, 2 * lastChunk + 1));
        const did = work(chunk);
        const spent = clock() - t0;
        if (did > 0) {
          lastChunk = did;
          const cost = spent / did;
          if (spent > 0) msPerUnit = msPerUnit === null ? cost : Math.max(cost, 0.7 * msPerUnit + 0.3 * cost);
        }
        done += did;
        if (did < chunk) break;
      }
      return done;
    },
    get msPerUnit() {
      return msPerUnit;
    },
  };
}
