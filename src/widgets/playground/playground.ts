// <np-playground>: ties the playground's widgets together. The training console owns the run;
// whenever it redraws, the gradient check (the inspector for the course's nine parameters, a
// table of all 4H + 1 for other widths) and the loss slice follow its current parameters, and
// the page's address is rewritten to hold the whole state (console and slice), so reloading or
// copying the address gives the same experiment. It talks to the three widgets only through
// their elements' public methods and events (kit/events.ts). Every query is scoped to the element.
import { readSharedState, shareUrl } from '../../experiments/link';
import { CONSOLE_KEY, playgroundLinkNotices, SLICE_KEY } from '../../experiments/playground/link';
import { surfaceSliceSettings } from '../../experiments/surface-slice/settings';
import { trainingConsoleSettings } from '../../experiments/training-console/settings';
import { replaceRows } from '../kit/dom';
import {
  CONSOLE_CHANGE_EVENT,
  SLICE_CHANGE_EVENT,
  widgetIn,
  type ConsoleChangeDetail,
  type ConsoleElement,
  type InspectorElement,
  type SliceElement,
} from '../kit/events';
import { oncePerFrame } from '../kit/frame';

// The table of all 4H + 1 partials is needed only for widths other than 2: loaded when first shown.
let partials: Promise<typeof import('./partials')> | null = null;

/** While training plays, the gradient check and the slice follow at most this often. */
const PLAYING_INTERVAL_MS = 400;

class NpPlayground extends HTMLElement {
  #last = 0;
  #policy = readSharedState('', CONSOLE_KEY);
  #refresh = oncePerFrame(() => this.#follow());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const search = this.ownerDocument.location.search;
    this.#policy = readSharedState(search, CONSOLE_KEY);
    this.#showNotices(playgroundLinkNotices(search));
    this.addEventListener(CONSOLE_CHANGE_EVENT, (event) => {
      const playing = (event as CustomEvent<ConsoleChangeDetail>).detail?.playing;
      const now = performance.now();
      if (playing && now - this.#last < PLAYING_INTERVAL_MS) return;
      this.#last = now;
      this.#refresh();
    });
    this.addEventListener(SLICE_CHANGE_EVENT, () => this.#keepLink());
    // The console may have drawn before this element listened, and the gradient check and the
    // slice start only when they come near the screen (kit/hydrate.ts): catch up as each arrives.
    for (const tag of ['np-training-console', 'np-gradient-inspector', 'np-surface-slice']) {
      void customElements.whenDefined(tag).then(() => this.#refresh());
    }
    this.setAttribute('data-ready', '');
  }

  #console(): ConsoleElement | null {
    return widgetIn<ConsoleElement>(this, 'np-training-console', 'snapshot');
  }

  #slice(): SliceElement | null {
    return widgetIn<SliceElement>(this, 'np-surface-slice', 'follow');
  }

  /** The gradient check and the slice show the console's current parameters. */
  #follow(): void {
    const run = this.#console()?.snapshot();
    // During a replay the console still shows the previous state: wait for the replay to arrive.
    if (!run || run.replaying) return;
    const H = run.config.hidden;
    const nine = H === 2;
    const inspectorPart = this.querySelector<HTMLElement>('[data-part="inspector"]');
    const partialsPart = this.querySelector<HTMLElement>('[data-part="partials"]');
    if (inspectorPart) inspectorPart.hidden = !nine;
    if (partialsPart) partialsPart.hidden = nine;
    if (nine) widgetIn<InspectorElement>(this, 'np-gradient-inspector', 'follow')?.follow(run.params, run.data, run.rate);
    else if (partialsPart) {
      partials ??= import('./partials');
      void partials.then(({ partialsView }) => {
        const view = partialsView(run.params, run.data, H);
        replaceRows(partialsPart.querySelector('tbody'), view.rows, 'num', { rowHeader: true });
        const caption = partialsPart.querySelector('caption');
        if (caption) caption.textContent = view.caption;
        const agreement = partialsPart.querySelector('[data-agreement]');
        if (agreement) agreement.textContent = view.agreement;
      });
    }
    this.#slice()?.follow(run.params, run.data, H);
    if (!run.playing) this.#keepLink();
  }

  /** The address holds the whole experiment: the console's state (its epoch included) and the slice. */
  #keepLink(): void {
    const run = this.#console()?.snapshot();
    if (!run || run.replaying) return;
    const doc = this.ownerDocument;
    let url = shareUrl(doc.location.href, CONSOLE_KEY, trainingConsoleSettings.serialise(run.config), this.#policy);
    const slice = this.#slice()?.toConfig();
    if (slice) url = shareUrl(url, SLICE_KEY, surfaceSliceSettings.serialise(slice));
    if (url !== doc.location.href) history.replaceState(history.state, '', url);
  }

  #showNotices(notices: string[]): void {
    const box = this.querySelector<HTMLElement>('[data-link-notice]');
    const text = box?.querySelector('[data-link-notice-text]');
    if (!box || !text || notices.length === 0) return;
    text.textContent = notices.join(' ');
    box.hidden = false;
  }
}

if (!customElements.get('np-playground')) customElements.define('np-playground', NpPlayground);
