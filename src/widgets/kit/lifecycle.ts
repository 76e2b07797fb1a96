// The start and the redraw rhythm every widget's custom element shares.
import { enableControls, type StatusLine } from './controls';

/**
 * Returns a function that asks for `draw` to run once in the next animation frame, however
 * often it is called before then: a dragged slider fires many input events per frame.
 */
export function drawOncePerFrame(draw: () => void): () => void {
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

/**
 * The last step of a widget's start-up: the controls come alive, the element is marked
 * data-ready (tests wait for it), and settings that could not be used are explained, with a
 * redraw so the figure matches what is used instead.
 */
export function finishStartup(host: HTMLElement, status: StatusLine, notices: readonly string[], redraw: () => void): void {
  enableControls(host);
  host.setAttribute('data-ready', '');
  if (notices.length) {
    status.note(notices.join(' '));
    redraw();
  }
}
