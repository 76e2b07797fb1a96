// Redrawing at most once per animation frame: a dragged slider fires input events faster
// than the screen refreshes, and each redraw should show the latest values, not every one.
//
// And no more often than the machine affords: a redraw that took d ms is followed by at least
// 2·d ms without one, so drawing takes at most a third of the page's thread. On a fast machine a
// drawing costs a few ms and every frame draws; on a slow laptop (4× slower, issue 17) a chart
// that costs 60 ms is redrawn a few times a second and the thread stays free in between to answer
// Pause, scroll and take the next results.

/** Drawing may take this share of the page's thread at most. */
export const DRAW_SHARE = 1 / 3;

/** Shorter waits than this go by with the next frame anyway. */
const MIN_WAIT_MS = 8;

/** Spaces out costly drawings: when the next may start, from how long the last one took. */
export interface DrawPacer {
  /** Whether a drawing may start now. */
  due(now: number): boolean;
  /** The time from which the next drawing may start. */
  readonly next: number;
  /** Runs `draw` and measures it. */
  draw<T>(draw: () => T): T;
}

export function drawPacer(clock: () => number = () => performance.now(), share = DRAW_SHARE): DrawPacer {
  let next = -Infinity;
  return {
    due: (now) => now >= next,
    get next() {
      return next;
    },
    draw(draw) {
      const start = clock();
      try {
        return draw();
      } finally {
        const end = clock();
        next = end + (end - start) * (1 / share - 1);
      }
    },
  };
}

/** A function that asks for `draw` to run in the next frame; asking again before then is free. */
export function oncePerFrame(draw: () => void, clock: () => number = () => performance.now()): () => void {
  let pending = false;
  const pacer = drawPacer(clock);
  const inFrame = () =>
    requestAnimationFrame(() => {
      pending = false;
      pacer.draw(draw);
    });
  return () => {
    if (pending) return;
    pending = true;
    // A wait shorter than a frame is not worth a timer: only costly drawings are spaced out.
    const wait = pacer.next - clock();
    if (wait > MIN_WAIT_MS) setTimeout(inFrame, wait);
    else inFrame();
  };
}
