// Redrawing at most once per animation frame: a dragged slider fires input events faster
// than the screen refreshes, and each redraw should show the latest values, not every one.

/** A function that asks for `draw` to run in the next frame; asking again before then is free. */
export function oncePerFrame(draw: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  };
}
