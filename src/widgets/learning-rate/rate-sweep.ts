// <np-rate-sweep>: runs a sweep of many starts per learning rate in Web Workers (one rate after
// another, each split across the cores by the kit's sweep runner), redrawing the figure and the
// table as runs arrive; Cancel stops it and keeps what finished. A sweep is too long to start
// on every keystroke: a changed setting says what Run would do; a shared link runs its sweep on
// arrival, or first asks when it is heavy work (the kit's question, with an estimate). Settings,
// link, locks and the status line are the kit's WidgetElement.
import { variance } from '../../trainer/loss';
import type { SweepRun } from '../../trainer/sweep';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { formatInteger } from '../../experiments/format';
import { rateSweepSettings, rateSweepWork, sweepSeeds, type RateSweepConfig } from '../../experiments/learning-rate/sweep-settings';
import type { WorkEstimate } from '../../experiments/work';
import { WidgetElement } from '../kit/element';
import { oncePerFrame } from '../kit/frame';
import type { TextControl } from '../kit/settingControls';
import { startSweep, type SweepHandle } from '../kit/sweepRunner';
import { rateListControl } from './rate-list';
import { drawSweep, type ShownSweep } from './sweep-view';
import { startLabel, sweepSummaryText, sweepView } from './sweep-scene';

class NpRateSweep extends WidgetElement<RateSweepConfig> {
  protected readonly settings = rateSweepSettings;
  protected readonly defaultShareKey = 'sweep';
  readonly #varY = variance(defaultDataset().y);
  /** The sweep being shown: its settings, its runs so far (runs[r][i]) and how far it got. */
  #shown: ShownSweep | null = null;
  #handle: SweepHandle | null = null;
  readonly #redraw = oncePerFrame(() => this.#draw());

  protected ownControls(): Record<string, TextControl> {
    const rates = rateListControl(this, () => this.changed('rates'), 'The next sweep would use');
    return rates ? { rates } : {};
  }

  protected setup(): void {
    this.querySelector('[data-action="run"]')?.addEventListener('click', () => this.#run());
    this.querySelector('[data-action="cancel"]')?.addEventListener('click', () => this.#cancel());
  }

  /** A shared link describes an experiment: its sweep runs, so the reader sees what the sender saw (not a garbled one). */
  protected begin(_config: RateSweepConfig, fromLink: boolean): void {
    if (!fromLink) return;
    this.refresh();
    if (this.shared.settings.size && !this.startNotices.length) this.#run();
  }

  protected workOf(config: RateSweepConfig): WorkEstimate | null {
    return this.startNotices.length ? null : rateSweepWork(config);
  }

  disconnectedCallback(): void {
    this.#handle?.cancel();
  }

  /** A setting changed: say what Run would do; the figure keeps the sweep named above it. */
  protected update(c: RateSweepConfig): void {
    const runs = c.rates.length * c.seeds;
    this.say(`Press Run sweep for ${formatInteger(c.seeds)} starts × ${c.rates.length} rate${c.rates.length === 1 ? '' : 's'} (${formatInteger(runs)} runs of ${formatInteger(c.epochs)} epochs). The figure still shows the sweep named above it.`);
  }

  #run(): void {
    // A bad field (its message is in the status line) must not start a sweep with the last good value unseen.
    if (this.status.hasProblems) return;
    this.#handle?.cancel();
    const config = this.current();
    const seeds = sweepSeeds(config.seeds);
    const shown: ShownSweep = { config, runs: config.rates.map(() => new Array<SweepRun | undefined>(seeds.length)), finished: 0, state: 'running' };
    this.#shown = shown;
    this.#buttons(true);
    this.say(`Running ${formatInteger(config.rates.length * seeds.length)} runs in the background…`);
    const next = (r: number) => {
      if (this.#shown !== shown || shown.state !== 'running') return;
      if (r === config.rates.length) {
        shown.state = 'done';
        this.#handle = null;
        this.#buttons(false);
        this.#draw();
        this.say(`Done. ${sweepSummaryText(this.#view(shown))}.`);
        return;
      }
      const job = { data: {}, preset: config.init, seeds, epochs: config.epochs, learningRate: config.rates[r], hidden: 2, measureCurvature: true };
      this.#handle = startSweep(job, {
        onRun: (run, index) => {
          shown.runs[r][index] = run;
          shown.finished += 1;
          this.#redraw();
        },
        onDone: () => next(r + 1),
        onError: (message) => {
          shown.state = 'cancelled';
          this.#buttons(false);
          this.status.problem('sweep', `The sweep stopped: ${message}`);
          this.#draw();
        },
      });
    };
    this.status.problem('sweep', null);
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
    this.say(`Cancelled after ${formatInteger(shown.finished)} runs; the figure shows those that finished.`);
  }

  #buttons(running: boolean): void {
    const run = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    const cancel = this.querySelector<HTMLButtonElement>('[data-action="cancel"]');
    if (run) run.disabled = running;
    if (cancel) cancel.disabled = !running;
    this.toggleAttribute('data-running', running);
  }

  #view(shown: ShownSweep) {
    const total = shown.config.rates.length * shown.config.seeds;
    return sweepView(shown.config, shown.runs, this.#varY, startLabel(shown.config.init), { state: shown.state, finished: shown.finished, total });
  }

  #draw(): void {
    if (this.#shown) drawSweep(this, this.#view(this.#shown));
  }
}

if (!customElements.get('np-rate-sweep')) customElements.define('np-rate-sweep', NpRateSweep);
