// Work that fits a frame: a widget that animates a long computation (the training console
// playing) runs as many steps per animation frame as fit in a few milliseconds, however fast or
// slow one step is on this machine. The cost of a step is measured as it goes, so each chunk is
// sized to end by the deadline; drawing comes on top. A slower measurement is believed at once (a
// frame must not overrun twice), a faster one only gradually (one quick chunk may be luck).

export interface FrameBudget {
  /**
   * Runs up to `units` steps by `deadline` (a clock time), in chunks; `work(chunk)` does a chunk
   * and returns the steps it did (fewer than asked ends the frame: the work has stopped). Returns
   * the steps done; at least one step is done whenever `units` ≥ 1 and time remains.
   */
  run(units: number, deadline: number, work: (chunk: number) => number): number;
}

export function frameBudget(clock: () => number = () => performance.now(), firstGuessMs = 0.01): FrameBudget {
  let msPerUnit = firstGuessMs;
  return {
    run(units, deadline, work) {
      let done = 0;
      while (done < units) {
        const t0 = clock();
        const room = deadline - t0;
        if (room <= 0) break;
        // 80 % of the room: the estimate lags behind a sudden slowdown.
        const chunk = Math.max(1, Math.min(units - done, Math.floor((room * 0.8) / msPerUnit)));
        const did = work(chunk);
        const spent = clock() - t0;
        if (did > 0 && spent > 0) msPerUnit = Math.max(spent / did, 0.7 * msPerUnit + 0.3 * (spent / did));
        done += did;
        if (did < chunk) break;
      }
      return done;
    },
  };
}
