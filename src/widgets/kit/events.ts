// How widgets on one page talk to each other without importing each other's folders: the names
// and details of the events they fire, and the public methods of their custom elements. A page
// (the playground) or another widget (the basin gallery) listens and calls through these; the
// event names stand alone, so a listener needs none of the widgets' scripts, which start only
// when they come near the screen (hydrate.ts).
import type { Dataset } from '../../trainer/data';
import type { SurfaceSliceConfig } from '../../experiments/surface-slice/settings';
import type { ConsoleSnapshot } from '../../experiments/training-console/run';
import type { TrainingConsoleConfig } from '../../experiments/training-console/settings';

/** Fired (bubbling) whenever a training console redraws or its settings change. */
export const CONSOLE_CHANGE_EVENT = 'np-console-change';
export interface ConsoleChangeDetail {
  /** Whether it is training (a listener may then follow less often). */
  playing: boolean;
}

/**
 * Fired (bubbling) by every widget on the kit's WidgetElement when it has run with some settings:
 * after a redraw, or when its long work (a sweep, training slices) has finished. A predict-then-run
 * exercise waits for it before it shows what happens.
 */
export const WIDGET_RAN_EVENT = 'np-widget-ran';
export interface WidgetRanDetail {
  /** The widget's link prefix (data-share-key), which names it on its page. */
  shareKey: string;
  /** Its settings as a link writes them, in full (setting name → text). */
  settings: Record<string, string>;
}

/** Fires WIDGET_RAN_EVENT from `element` (for widgets not yet on the kit's WidgetElement, which fires it itself). */
export function reportWidgetRun(element: HTMLElement, shareKey: string, settings: URLSearchParams): void {
  const detail: WidgetRanDetail = { shareKey, settings: Object.fromEntries(settings) };
  element.dispatchEvent(new CustomEvent<WidgetRanDetail>(WIDGET_RAN_EVENT, { bubbles: true, detail }));
}

/** Fired (bubbling) when the reader changes a loss slice's settings, so a page can keep its link current. */
export const SLICE_CHANGE_EVENT = 'np-slice-change';

/** <np-training-console>. */
export interface ConsoleElement extends HTMLElement {
  /** The run now, or null before the element has started. */
  snapshot(): ConsoleSnapshot | null;
  /** The full state: the setup, every rate change and the epoch reached. */
  toConfig(): TrainingConsoleConfig;
  /** Opens a run given as a link's settings (rate changes dropped unless given); returns what could not be used. */
  load(settings: Record<string, string>, message?: string): string[];
}

/** <np-surface-slice>. */
export interface SliceElement extends HTMLElement {
  /** Follows another widget's network: draws the slice around `params` (a network with `hidden` units) on `data`. */
  follow(params: ArrayLike<number>, data: Dataset, hidden: number): void;
  /** Its settings now (for a link). */
  toConfig(): SurfaceSliceConfig;
}

/** <np-gradient-inspector> in follow mode. */
export interface InspectorElement extends HTMLElement {
  follow(params: ArrayLike<number>, data: Dataset, learningRate: number): void;
}

/** The element matching `selector` inside `host` once its script has defined `method` on it, else null. */
export function widgetIn<E extends HTMLElement>(host: ParentNode, selector: string, method: keyof E): E | null {
  const element = host.querySelector<E>(selector);
  return element && typeof element[method] === 'function' ? element : null;
}
