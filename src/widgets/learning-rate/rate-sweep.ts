// <np-rate-sweep>: runs a sweep of many starts per learning rate in Web Workers (one rate after
// another, each split across the cores by the kit's sweep runner), redrawing the figure and the
// table as runs arrive; Cancel stops it and keeps what finished. Every query is scoped to the
// element itself.
import type { SweepRun } from '../../trainer/sweep';
import type { StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows } from '../kit/dom';
import { formatInteger } from '../../experiments/format';
import { oncePerFrame } from '../kit/frame';
import { startSweep, type SweepHandle } from '../kit/sweepRunner';
import { renderInto } from '../kit/svg';
import { variance } from '../../trainer/loss';
import { startWidget } from './setting-controls';
import { parseRateSweepConfig, RATE_SWEEP_DEFAULTS, RATE_SWEEP_KEYS, serializeRateSweepConfig, sweepSeeds, type RateSweepConfig } from './sweep-config';
import { startLabel, sweepHeading, SWEEP_WIDTH, sweepHeight, sweepRows, sweepScene, sweepSummaryText, sweepView, type SweepView } from './sweep-scene';

type State = SweepView['progress']['state'];

class NpRateSweep extends HTMLElement {
  #status!: StatusLine;
  #current: () => RateSweepConfig = () => RATE_SWEEP_DEFAULTS;
  /** The sweep being shown: its settings, its runs so far (runs[r][i]) and how far it got. */
  #shown: { config: RateSweepConfig; runs: (SweepRun | undefined)[][]; finished: number; state: State } | null = null;
  #handle: SweepHandle | null = null;
  #redraw = oncePerFrame(() => this.#draw());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    this.querySelector('[data-action="run"]')?.addEventListener('click', () => this.#run());
    this.querySelector('[data-action="cancel"]')?.addEventListener('click', () => this.#cancel());
    const started = startWidget(this, {
      key: 'sweep',
      keys: RATE_SWEEP_KEYS,
      parse: parseRateSweepConfig,
      serialize: serializeRateSweepConfig,
      onChange: () => this.#settingsChanged(),
      kept: 'The next sweep would use',
    });
    this.#status = started.controls.status;
    this.#current = started.current;
    if (started.notices.length) this.#status.note(started.notices.join(' '));
    else if (started.linked) this.#settingsChanged();
  }

  disconnectedCallback(): void {
    this.#handle?.cancel();
  }

  /** A setting changed: a sweep is too long to start on every keystroke, so say what Run would do. */
  #settingsChanged(): void {
    const c = this.#current();
    for (const [name, value] of serializeRateSweepConfig(c)) this.dataset[name] = value;
    const runs = c.rates.length * c.seeds;
    this.#status.note(`Press Run sweep for ${formatInteger(c.seeds)} starts × ${c.rates.length} rate${c.rates.length === 1 ? '' : 's'} (${formatInteger(runs)} runs of ${formatInteger(c.epochs)} epochs). The figure still shows the sweep named above it.`);
  }

  #run(): void {
    if (this.#status.hasProblems) {
      this.#status.note('');
      return;
    }
    this.#handle?.cancel();
    const config = this.#current();
    const seeds = sweepSeeds(config.seeds);
    const shown = { config, runs: config.rates.map(() => new Array<SweepRun | undefined>(seeds.length)), finished: 0, state: 'running' as State };
    this.#shown = shown;
    this.#buttons(true);
    this.#status.note(`Running ${formatInteger(config.rates.length * seeds.length)} runs in the background…`);
    this.#resize(config.rates.length);
    const next = (r: number) => {
      if (this.#shown !== shown || shown.state !== 'running') return;
      if (r === config.rates.length) {
        shown.state = 'done';
        this.#handle = null;
        this.#buttons(false);
        this.#draw();
        this.#status.note(`Done. ${sweepSummaryText(this.#view())}.`);
        return;
      }
      this.#handle = startSweep(
        { data: {}, preset: config.init, seeds, epochs: config.epochs, learningRate: config.rates[r], hidden: 2, measureCurvature: true },
        {
          onRun: (run, index) => {
            shown.runs[r][index] = run;
            shown.finished += 1;
            this.#redraw();
          },
          onDone: () => next(r + 1),
          onError: (message) => {
            shown.state = 'cancelled';
            this.#buttons(false);
            this.#status.problem('sweep', `The sweep stopped: ${message}`);
            this.#draw();
          },
        },
      );
    };
    this.#status.problem('sweep', null);
    this.#draw();
    next(0);
  }

  #cancel(): void {
    const shown = this.#shown;
    if (!shown || shown.state !== 'running') return;
    this.#handle?.cancel();
    this.#handle = null;
    shown.state = 'cancelled';
    this.#buttons(false);
    this.#draw();
    this.#status.note(`Cancelled after ${formatInteger(shown.finished)} runs; the figure shows those that finished.`);
  }

  #buttons(running: boolean): void {
    const run = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    const cancel = this.querySelector<HTMLButtonElement>('[data-action="cancel"]');
    if (run) run.disabled = running;
    if (cancel) cancel.disabled = !running;
    this.toggleAttribute('data-running', running);
  }

  #resize(rates: number): void {
    const panel = this.querySelector<HTMLElement>('[data-panel="sweep"]');
    if (panel) panel.style.aspectRatio = `${SWEEP_WIDTH} / ${sweepHeight(rates)}`;
  }

  #view(): SweepView {
    const shown = this.#shown!;
    const total = shown.config.rates.length * shown.config.seeds;
    return sweepView(shown.config, shown.runs, variance(defaultDataset().y), startLabel(shown.config.init), { state: shown.state, finished: shown.finished, total });
  }

  #draw(): void {
    if (!this.#shown) return;
    const view = this.#view();
    const svg = this.querySelector('[data-panel="sweep"] svg');
    if (svg) renderInto(svg, sweepScene(view));
    replaceRows(this.querySelector('[data-sweep-table] tbody'), sweepRows(view), '');
    const heading = this.querySelector('[data-sweep-heading]');
    if (heading) heading.textContent = sweepHeading(view);
    const bar = this.querySelector<HTMLProgressElement>('[data-progress]');
    if (bar) {
      bar.max = view.progress.total;
      bar.value = view.progress.finished;
    }
    const text = this.querySelector('[data-progress-text]');
    if (text) {
      const { state, finished, total } = view.progress;
      text.textContent = `${formatInteger(finished)} of ${formatInteger(total)} runs${state === 'running' ? '' : state === 'cancelled' ? ', cancelled' : ', done'}`;
    }
  }
}

if (!customElements.get('np-rate-sweep')) customElements.define('np-rate-sweep', NpRateSweep);
