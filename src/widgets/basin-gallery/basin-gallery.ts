// <np-basin-gallery>: re-runs the gallery in Web Workers (kit/sweepRunner) with progress and
// cancel, filling one card per run as it finishes (cards.ts), and opens a card's run in the
// page's training console. Settings, link, locks and the status line are the kit's
// WidgetElement; a gallery is too long to start on every keystroke, so a changed setting says
// what Run would do, and a link with other settings than the page's runs its own gallery.
import type { SweepRun } from '../../trainer/sweep';
import { variance } from '../../trainer/loss';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { formatFixed, formatInteger, formatShort } from '../../experiments/format';
import { basinGallerySettings, describeGallery, gallerySeeds, type BasinGalleryConfig } from '../../experiments/basin-gallery/settings';
import { replaceRows } from '../kit/dom';
import { WidgetElement } from '../kit/element';
import { startSweep, type SweepHandle } from '../kit/sweepRunner';
import { cardHref, cardHrefOnPage, consoleSettings } from './cardLink';
import { placeholderCards, serverRun, setCard } from './cards';
import { cardScene, pendingCardScene, runState, tally } from './scene';

interface ConsoleElement extends HTMLElement {
  load?: (settings: Record<string, string>, message?: string) => string[];
}

class NpBasinGallery extends WidgetElement<BasinGalleryConfig> {
  protected readonly settings = basinGallerySettings;
  protected readonly defaultShareKey = 'gallery';
  // Its run is the gallery's sweep, reported when every card is done (not a settings change).
  protected readonly reportsOwnRuns = true;
  #sweep: SweepHandle | null = null;
  /** The config the cards on screen were made with (their links replay exactly those runs). */
  #shownConfig!: BasinGalleryConfig;
  #runs: (SweepRun | undefined)[] = [];
  readonly #varY = variance(defaultDataset().y);

  protected setup(): void {
    // What the server drew (the page's own settings): the cards' links already point at these runs.
    this.#shownConfig = this.settings.parse(Object.fromEntries(this.settings.keys.map((key) => [key, this.dataset[key]]))).config;
    this.querySelector('[data-action="run"]')?.addEventListener('click', () => this.#run());
    this.querySelector('[data-action="cancel"]')?.addEventListener('click', () => this.#cancel());
    this.querySelector('[data-cards]')?.addEventListener('click', (event) => this.#open(event));
    // The server wrote the cards' links without the page's address: a teacher's locks join them now.
    if (location.search) this.#relinkServerCards();
  }

  /** A link with other settings than the page's shows its own runs. */
  protected begin(config: BasinGalleryConfig, fromLink: boolean): void {
    if (!fromLink) return;
    this.refresh();
    if (this.settings.serialise(config).toString() !== this.settings.serialise(this.#shownConfig).toString()) this.#run();
  }

  disconnectedCallback(): void {
    this.#sweep?.cancel();
  }

  protected update(config: BasinGalleryConfig): void {
    if (!this.#sweep) this.say(`New settings — ${describeGallery(config)}: press “Run the gallery” to train these runs. The cards still show the last gallery.`);
  }

  #button(action: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  }

  #run(): void {
    const config = this.current();
    // Too much work is named in the status line by the settings' rule; nothing starts.
    if (this.settings.problems(config).length) return this.refresh();
    this.#sweep?.cancel();
    this.#shownConfig = config;
    const seeds = gallerySeeds(config);
    this.#runs = new Array(seeds.length).fill(undefined);
    placeholderCards(this, seeds, 'waiting…');
    this.#progress(0);
    this.#drawTally();
    this.#button('run')!.disabled = true;
    this.#button('cancel')!.disabled = false;
    this.say(`Training ${formatInteger(seeds.length)} runs of ${formatInteger(config.epochs)} epochs in the background…`);
    const t0 = performance.now();
    this.#sweep = startSweep(
      { data: {}, preset: config.preset, seeds, epochs: config.epochs, learningRate: config.learningRate, hidden: 2, details: true },
      {
        onRun: (run, index, finished) => {
          this.#runs[index] = run;
          setCard(this, index, cardScene(run, this.#varY), run, this.#cardHref(run));
          this.#progress(finished);
          this.#drawTally();
        },
        onDone: () => {
          this.#finish();
          this.#drawTable();
          this.reportRun(config);
          this.say(`Done: ${formatInteger(seeds.length)} runs in ${formatFixed((performance.now() - t0) / 1000, 1)} s.`);
        },
        onError: (message) => {
          this.#finish();
          this.status.problem('sweep', message);
        },
        // The bar moves within runs too: a run of many epochs takes seconds on a slow laptop.
        onProgress: (done) => {
          const bar = this.querySelector<HTMLProgressElement>('[data-progress]');
          if (bar && this.#sweep) bar.value = done;
        },
      },
    );
  }

  #cancel(): void {
    if (!this.#sweep) return;
    this.#sweep.cancel();
    const finished = this.#runs.filter(Boolean).length;
    const seeds = gallerySeeds(this.#shownConfig);
    this.#runs.forEach((run, i) => {
      if (!run) setCard(this, i, pendingCardScene(seeds[i], 'cancelled'));
    });
    this.#finish();
    this.#drawTable();
    this.say(`Cancelled after ${formatInteger(finished)} of ${formatInteger(this.#runs.length)} runs; the tally counts those.`);
  }

  #finish(): void {
    this.#sweep = null;
    this.#button('run')!.disabled = false;
    this.#button('cancel')!.disabled = true;
  }

  #progress(finished: number): void {
    const bar = this.querySelector<HTMLProgressElement>('[data-progress]');
    const total = this.#runs.length;
    if (bar) {
      bar.max = total;
      bar.value = finished;
      bar.textContent = `${finished} of ${total}`;
    }
    const text = this.querySelector('[data-progress-text]');
    if (text) text.textContent = `${formatInteger(finished)} of ${formatInteger(total)} runs done`;
  }

  #drawTally(): void {
    const rows = tally(this.#runs, this.#varY).map((r) => [r.state, String(r.runs), r.medianLoss, r.medianR2, String(r.atRest)]);
    this.drawScene({
      tables: { tally: rows },
      numbers: { runs: formatInteger(this.#runs.length), rate: String(this.#shownConfig.learningRate), epochs: formatInteger(this.#shownConfig.epochs) },
    });
  }

  #drawTable(): void {
    const rows = this.#runs
      .filter((r): r is SweepRun => r !== undefined)
      .map((run) => [String(run.seed), runState(run), run.units[0], run.units[1], formatShort(run.finalLoss), formatFixed(run.rSquared, 3), formatShort(run.details?.gradientNorm)]);
    replaceRows(this.querySelector('[data-runs-table] tbody'), rows, '');
  }

  /** Opens a card's run in the console on this page, without reloading; the link stays shareable. */
  #open(event: Event): void {
    const card = (event.target as Element).closest<HTMLAnchorElement>('a.bg-card');
    if (!card || this.dataset.consolePage) return;
    const key = this.dataset.consoleKey ?? 'console';
    // The console is another widget: found on the page by its anchor id.
    const target = this.ownerDocument.getElementById(`widget-${key}`) as ConsoleElement | null;
    const index = [...(this.querySelector('[data-cards]')?.children ?? [])].indexOf(card.parentElement!);
    const run = index >= 0 ? this.#runs[index] ?? serverRun(card) : undefined;
    if (!target || typeof target.load !== 'function' || !run) return;
    event.preventDefault();
    target.load(consoleSettings(this.#shownConfig, run), `Seed ${run.seed} from the gallery (η = ${this.#shownConfig.learningRate}), replayed to epoch ${formatInteger(run.epochs)}.`);
    history.replaceState(history.state, '', card.href);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    target.querySelector<HTMLElement>('[data-action="play"]')?.focus({ preventScroll: true });
  }

  /** A card's link: on this page, from the page's address (keeping a teacher's locks); else to lesson 7's console. */
  #cardHref(run: SweepRun): string {
    const consoleKey = this.dataset.consoleKey ?? 'console';
    const galleryKey = this.dataset.shareKey ?? 'gallery';
    const page = this.dataset.consolePage ?? '';
    return page ? cardHref(this.#shownConfig, run, consoleKey, galleryKey, page) : cardHrefOnPage(location.href, this.#shownConfig, run, consoleKey, galleryKey);
  }

  #relinkServerCards(): void {
    if (this.dataset.consolePage) return;
    for (const card of this.querySelectorAll<HTMLAnchorElement>('[data-cards] a.bg-card')) {
      const run = serverRun(card);
      if (run) card.href = this.#cardHref(run);
    }
  }
}

if (!customElements.get('np-basin-gallery')) customElements.define('np-basin-gallery', NpBasinGallery);
