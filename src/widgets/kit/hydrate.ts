// Starting a widget's script late: when its element comes near the screen, or else when the
// browser has nothing else to do. A long lesson holds several widgets below the fold; loading
// and starting them all at once made one long task (half a second on a phone) right after the
// first paint, while the reader was still at the top. The server-drawn figure stands in the
// meantime, and the controls stay disabled until the element's script has started, as they do
// whenever a script is slow.
//
//   <script>
//     import { hydrateWhenNear } from '../kit/hydrate';
//     hydrateWhenNear('np-foo', () => import('./foo'));
//   </script>
//
// Loading is deferred, never skipped: every queued widget starts in a later idle period, one
// per period, from a few seconds after the page has loaded, so a test (or a reader who jumps
// with the keyboard) never waits long for it.

/** How far outside the screen an element counts as near: about one screen height. */
const NEAR = '100% 0px 100% 0px';
/** The widgets off the screen start this long after the page's load event at the earliest. */
const SETTLE_MS = 4000;
/** An idle period is waited for at most this long before the next widget starts anyway. */
const IDLE_TIMEOUT_MS = 2000;

type Loader = () => Promise<unknown>;

const queue: Loader[] = [];
let draining = false;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 50);
}

/** Starts the queued loaders one per idle period, each after the previous one has loaded. */
function drain(): void {
  if (draining) return;
  const next = queue.shift();
  if (!next) return;
  draining = true;
  whenIdle(() => {
    void next().finally(() => {
      draining = false;
      drain();
    });
  });
}

/**
 * Loads the module behind `load` (which defines the custom element `tag`) once any `tag`
 * element is within a screen of the viewport, or in an idle period after the page has loaded,
 * whichever comes first. Loading twice is harmless: the module is fetched and run once.
 */
export function hydrateWhenNear(tag: string, load: Loader): void {
  const elements = Array.from(document.querySelectorAll(tag));
  if (elements.length === 0) return;
  let loading: Promise<unknown> | null = null;
  let observer: IntersectionObserver | null = null;
  const once: Loader = () => {
    observer?.disconnect();
    loading ??= load();
    return loading;
  };
  if (typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void once();
    }, { rootMargin: NEAR });
    elements.forEach((element) => observer?.observe(element));
  }
  queue.push(once);
  // The idle queue starts a while after the load event: the first paint and the widgets on screen
  // go first, and a page that has just loaded answers its reader before it prepares widgets the
  // reader has not reached (on a slow phone each start is a task of 100–300 ms; issue 17).
  const later = () => setTimeout(drain, SETTLE_MS);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}

/**
 * Runs `work` once, when `element` first comes within a screen of the viewport: for a started
 * widget's costly first redraw that only refreshes what the server already drew (the loss
 * surface's grid), which need not run while the reader is elsewhere on the page.
 */
export function whenNear(element: Element, work: () => void): void {
  if (typeof IntersectionObserver !== 'function') return work();
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    work();
  }, { rootMargin: NEAR });
  observer.observe(element);
}
