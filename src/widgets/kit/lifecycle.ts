// How a widget's custom element finishes starting up. (Redraws: oncePerFrame in frame.ts.)
import { enableControls, type StatusLine } from './controls';

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
