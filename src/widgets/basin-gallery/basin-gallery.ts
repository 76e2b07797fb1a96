// <np-basin-gallery>: re-runs the gallery in Web Workers (kit/sweepRunner) with progress and
// cancel, filling one card per run as it finishes, and opens a card's run in the page's
// training console. Every query is scoped to the element itself, except the one lookup of the
// console the cards open (another widget, found by its anchor id).
import type { SweepRun } from '../../trainer/sweep';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { formatFixed, formatInteger, formatShort } from '../../experiments/format';
import { finishStartup } from '../kit/lifecycle';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { renderInto, SVG_NS, type SvgNode } from '../kit/svg';
import { startSweep, type SweepHandle } from '../kit/sweepRunner';
import { variance } from '../../trainer/loss';
import {
  BASIN_GALLERY_DEFAULTS,
  describeGallery,
  BASIN_GALLERY_KEYS,
  gallerySeeds,
  parseBasinGalleryConfig,
  serializeBasinGalleryConfig,
  totalWorkProblem,
  type BasinGalleryConfig,
} from '../../experiments/basin-gallery/config';
import { cardHref, cardHrefOnPage, consoleSettings } from './cardLink';
import { cardScene, pendingCardScene, runState, tally } from './scene';

interface ConsoleElement extends HTMLElement {
  load?: (settings: Record<string, string>, message?: string) => string[];
}

class NpBasinGallery extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #preset: () => string = () => BASIN_GALLERY_DEFAULTS.preset;
  #sweep: SweepHandle | null = null;
  /** The config the cards on screen were made with (their links replay exactly those runs). */
  #shownConfig!: BasinGalleryConfig;
  #runs: (SweepRun | undefined)[] = [];
  #varY = variance(defaultDataset().y);

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'gallery', BASIN_GALLERY_KEYS, parseBasinGalleryConfig);
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, () => this.#settingsChanged());
    const select = this.querySelector<HTMLElement>('[data-select][data-name="preset"]');
    if (select) this.#preset = wireSelect(select, () => this.#settingsChanged());
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as keyof BasinGalleryConfig] as number);
    const presetSelect = select?.querySelector('select');
    if (presetSelect) presetSelect.value = config.preset;
    // What the server drew: the cards' links already point at these runs.
    this.#shownConfig = parseBasinGalleryConfig(this.dataset).config;
    this.querySelector('[data-action="run"]')?.addEventListener('click', () => this.#run());
    this.querySelector('[data-action="cancel"]')?.addEventListener('click', () => this.#cancel());
    this.querySelector('[data-cards]')?.addEventListener('click', (event) => this.#open(event));
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeBasinGalleryConfig(this.#current()), shared, (m) => this.#status.note(m));
    finishStartup(this, this.#status, notices, () => undefined);
    // The server wrote the cards' links without the page's address: a teacher's locks join them now.
    if (location.search) this.#relinkServerCards();
    // A link with other settings than the page's shows its own runs.
    if (serializeBasinGalleryConfig(config).toString() !== serializeBasinGalleryConfig(this.#shownConfig).toString()) this.#run();
  }

  disconnectedCallback(): void {
    this.#sweep?.cancel();
  }

  #current(): BasinGalleryConfig {
    const D = BASIN_GALLERY_DEFAULTS;
    const value = (name: 'learningRate' | 'epochs' | 'firstSeed' | 'runs') => this.#numbers[name]?.value ?? D[name];
    const preset = parseBasinGalleryConfig({ preset: this.#preset() }).config.preset;
    return { preset, learningRate: value('learningRate'), epochs: value('epochs'), firstSeed: value('firstSeed'), runs: value('runs') };
  }

  #settingsChanged(): void {
    const config = this.#current();
    const tooMuch = totalWorkProblem(config);
    this.#status.problem('work', tooMuch);
    for (const [k, v] of serializeBasinGalleryConfig(config)) this.dataset[k] = v;
    if (!tooMuch && !this.#sweep) this.#status.note(`New settings — ${describeGallery(config)}: press “Run the gallery” to train these runs. The cards still show the last gallery.`);
  }

  #button(action: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  }

  #run(): void {
    const config = this.#current();
    const tooMuch = totalWorkProblem(config);
    if (tooMuch) {
      this.#status.problem('work', tooMuch);
      return;
    }
    this.#sweep?.cancel();
    this.#shownConfig = config;
    const seeds = gallerySeeds(config);
    this.#runs = new Array(seeds.length).fill(undefined);
    this.#drawCards(seeds, 'waiting…');
    this.#progress(0);
    this.#drawTally();
    this.#button('run')!.disabled = true;
    this.#button('cancel')!.disabled = false;
    this.#status.note(`Training ${formatInteger(seeds.length)} runs of ${formatInteger(config.epochs)} epochs in the background…`);
    const t0 = performance.now();
    this.#sweep = startSweep(
      { data: {}, preset: config.preset, seeds, epochs: config.epochs, learningRate: config.learningRate, hidden: 2, details: true },
      {
        onRun: (run, index, finished) => {
          this.#runs[index] = run;
          this.#fillCard(index, run);
          this.#progress(finished);
          this.#drawTally();
        },
        onDone: () => {
          this.#finish();
          this.#drawTable();
          this.#status.note(`Done: ${formatInteger(seeds.length)} runs in ${formatFixed((performance.now() - t0) / 1000, 1)} s.`);
        },
        onError: (message) => {
          this.#finish();
          this.#status.problem('sweep', message);
        },
      },
    );
  }

  #cancel(): void {
    if (!this.#sweep) return;
    this.#sweep.cancel();
    const finished = this.#runs.filter(Boolean).length;
    this.#runs.forEach((run, i) => {
      if (!run) this.#setCard(i, pendingCardScene(gallerySeeds(this.#shownConfig)[i], 'cancelled'));
    });
    this.#finish();
    this.#drawTable();
    this.#status.note(`Cancelled after ${formatInteger(finished)} of ${formatInteger(this.#runs.length)} runs; the tally counts those.`);
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

  /** One placeholder card per seed (a link only once its run has finished). */
  #drawCards(seeds: number[], words: string): void {
    const list = this.querySelector('[data-cards]');
    if (!list) return;
    const doc = this.ownerDocument;
    list.replaceChildren(
      ...seeds.map((seed) => {
        const li = doc.createElement('li');
        const card = doc.createElement('span');
        card.className = 'bg-card';
        card.dataset.seed = String(seed);
        card.append(this.#svg(pendingCardScene(seed, words)));
        li.append(card);
        return li;
      }),
    );
  }

  #svg(scene: SvgNode): SVGSVGElement {
    const svg = this.ownerDocument.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    renderInto(svg, scene);
    return svg;
  }

  #setCard(index: number, scene: SvgNode, run?: SweepRun): void {
    const li = this.querySelector('[data-cards]')?.children[index];
    if (!li) return;
    const doc = this.ownerDocument;
    let card: HTMLElement;
    if (run) {
      const a = doc.createElement('a');
      a.href = this.#cardHref(run);
      card = a;
      (li as HTMLElement).dataset.state = runState(run);
    } else card = doc.createElement('span');
    card.className = 'bg-card';
    card.append(this.#svg(scene));
    li.replaceChildren(card);
  }

  #fillCard(index: number, run: SweepRun): void {
    this.#setCard(index, cardScene(run, this.#varY), run);
  }

  #drawTally(): void {
    const rows = tally(this.#runs, this.#varY);
    const body = this.querySelector('[data-tally] tbody');
    if (body) {
      const doc = this.ownerDocument;
      body.replaceChildren(
        ...rows.map((r) => {
          const tr = doc.createElement('tr');
          const th = doc.createElement('th');
          th.scope = 'row';
          th.textContent = r.state;
          tr.append(th);
          for (const text of [String(r.runs), r.medianLoss, r.medianR2, String(r.atRest)]) {
            const td = doc.createElement('td');
            td.className = 'num';
            td.textContent = text;
            tr.append(td);
          }
          return tr;
        }),
      );
    }
    showNumbers(this, {
      runs: formatInteger(this.#runs.length),
      rate: String(this.#shownConfig.learningRate),
      epochs: formatInteger(this.#shownConfig.epochs),
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
    const run = index >= 0 ? this.#runs[index] ?? this.#serverRun(card) : undefined;
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
      const run = this.#serverRun(card);
      if (run) card.href = this.#cardHref(run);
    }
  }

  /** A server-drawn card's run: only its seed and length are needed to replay it. */
  #serverRun(card: HTMLAnchorElement): SweepRun | undefined {
    const seed = Number(card.dataset.seed), epochs = Number(card.dataset.epochs);
    if (!Number.isInteger(seed) || !Number.isInteger(epochs)) return undefined;
    return { seed, status: 'ok', finalLoss: NaN, rSquared: NaN, epochs, units: [] };
  }
}

if (!customElements.get('np-basin-gallery')) customElements.define('np-basin-gallery', NpBasinGallery);
