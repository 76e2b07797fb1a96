// The loss curve as a slider over the epochs: pointing at it or moving along it with the keys
// (arrows one epoch, Page Up and Page Down a tenth of the run, Home and End) puts the cursor on
// an epoch, and the view reads out its exact loss. The layer is hidden until the script runs.
import { epochAtX, type LossScene } from './lossScene';

export interface ScrubTarget {
  /** The loss curve drawn last. */
  scene(): LossScene | null;
  /** The last epoch of the run. */
  last(): number;
  cursor(): number | null;
  moveCursor(epoch: number | null): void;
}

export function wireScrub(scrub: HTMLElement | null, target: ScrubTarget): void {
  if (!scrub) return;
  let focused = false;
  scrub.hidden = false;
  scrub.tabIndex = 0;
  scrub.setAttribute('role', 'slider');
  scrub.setAttribute('aria-label', 'Epoch on the loss curve (arrow keys move one epoch, Page Up and Page Down a tenth of the run)');
  scrub.setAttribute('aria-valuemin', '0');
  const toEpoch = (event: PointerEvent) => {
    const box = scrub.getBoundingClientRect();
    const scene = target.scene();
    if (!scene || box.width === 0) return null;
    return epochAtX(scene, ((event.clientX - box.left) / box.width) * scene.axis.width);
  };
  scrub.addEventListener('pointermove', (e) => target.moveCursor(toEpoch(e)));
  scrub.addEventListener('pointerdown', (e) => target.moveCursor(toEpoch(e)));
  scrub.addEventListener('pointerleave', () => {
    if (!focused) target.moveCursor(null);
  });
  scrub.addEventListener('focus', () => {
    focused = true;
    target.moveCursor(target.cursor() ?? target.last());
  });
  scrub.addEventListener('blur', () => {
    focused = false;
    target.moveCursor(null);
  });
  scrub.addEventListener('keydown', (e) => {
    const last = target.last();
    const now = target.cursor() ?? last;
    const page = Math.max(1, Math.round(last / 10));
    const moves: Record<string, number> = {
      ArrowLeft: now - 1, ArrowDown: now - 1, ArrowRight: now + 1, ArrowUp: now + 1,
      PageDown: now - page, PageUp: now + page, Home: 0, End: last,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    target.moveCursor(Math.min(last, Math.max(0, moves[e.key])));
  });
}
