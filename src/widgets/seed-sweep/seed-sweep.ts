// <np-seed-sweep>: runs the configured sweep in Web Workers (the kit's startSweep), one setup
// after another, drawing each run as it arrives; cancels; lets the reader pick any run
// (picking.ts) and open it in the training console; and checks the replay (replay.ts).
// Settings, link, locks, the status line and the question before a link's heavy sweep are the
// kit's WidgetElement; the hidden widths and starts are tick boxes, this widget's own controls.
import { formatInteger } from '../../experiments/format';
import { decodeResults, emptyResults, pointOf, type SweepResults } from '../../experiments/seed-sweep/results';
import { seedsOf, seedSweepSettings, sweepWork, SWEEP_INITS, SWEEP_WIDTHS, type SeedSweepConfig } from '../../experiments/seed-sweep/settings';
import type { Selection } from '../../experiments/seed-sweep/consoleLink';
import type { WorkEstimate } from '../../experiments/work';
import { replaceRows } from '../kit/dom';
import { WidgetElement } from '../kit/element';
import { oncePerFrame } from '../kit/frame';
import type { TextControl } from '../kit/settingControls';
import { renderInto } from '../kit/svg';
import { startSweep, workerCount, type SweepHandle } from '../kit/sweepRunner';
import { showPicked, wirePicking } from './picking';
import { replayRuns, replayVerdict } from './replay';
import { defaultSelection, planText, runRows, setupLabel, summaryRows, sweepHeight, sweepScene, SWEEP_WIDTH } from './scene';

/** A row of tick boxes (data-width or data-init) as the setting's control: its value is the ticked list. */
function tickBoxes(host: HTMLElement, attribute: string, offered: readonly (string | number)[], onChange: () => void): TextControl {
  const boxes = () => [...host.querySelectorAll<HTMLInputElement>(`[${attribute}]`)];
  for (const box of boxes()) box.addEventListener('change', onChange);
  return {
    // None ticked: '' keeps the setting's last list (the run button waits for a tick meanwhile).
    value: () => offered.filter((o) => boxes().some((b) => b.checked && b.getAttribute(attribute) === String(o))).join(','),
    set: (text) => {
      const chosen = text.split(',');
      for (const box of boxes()) box.checked = chosen.includes(box.getAttribute(attribute) ?? '');
    },
  };
}

class NpSeedSweep extends WidgetElement<SeedSweepConfig> {
  protected readonly settings = seedSweepSettings;
  protected readonly defaultShareKey = 'sweep';
  // Its run is the sweep, reported when every setup is done (not a settings change).
  protected readonly reportsOwnRuns = true;
  #results!: SweepResults;
  #selection: Selection | null = null;
  #sweep: SweepHandle | null = null;
  #busy = false;
  readonly #draw = oncePerFrame(() => this.#redraw());

  protected ownControls(): Record<string, TextControl> {
    return {
      widths: tickBoxes(this, 'data-width', SWEEP_WIDTHS, () => this.changed('widths')),
      inits: tickBoxes(this, 'data-init', SWEEP_INITS, () => this.changed('inits')),
    };
  }

  protected setup(config: SeedSweepConfig): void {
    const built = decodeResults(this.dataset.results);
    this.#results = built ?? emptyResults(config, 'browser');
    this.#selection = defaultSelection(this.#results);
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('run', () => this.#run());
    on('cancel', () => this.#cancel());
    on('replay', () => void this.#checkReplay());
    wirePicking(this, () => this.#results, () => this.#selection, (selection) => {
      this.#selection = selection;
      this.#draw();
    });
    this.#showPlan(config);
    // SeedSweep.astro drew the built sweep with the same scene and tables: drawing it again at
    // start-up was the bulk of lesson 15's blocked time in Lighthouse (issue 17).
    if (built) showPicked(this, this.#results, this.#selection);
    else {
      this.#redraw();
      this.#showRuns();
    }
  }

  /** A shared link describes an experiment: run it, so the reader sees what the sender saw (not a garbled one). */
  protected begin(_config: SeedSweepConfig, fromLink: boolean): void {
    if (!fromLink) return;
    this.refresh();
    if (this.shared.settings.size && !this.startNotices.length) this.#run();
  }

  protected workOf(config: SeedSweepConfig): WorkEstimate | null {
    return this.startNotices.length ? null : sweepWork(config);
  }

  disconnectedCallback(): void {
    this.#sweep?.cancel();
  }

  protected changed(name: string): void {
    super.changed(name);
    this.#showPlan(this.current());
  }

  /** A setting changed: the plan says what Run would do; the figure keeps the sweep it shows. */
  protected update(config: SeedSweepConfig): void {
    this.#showPlan(config);
  }

  /** The ticked setups (possibly none) with the other settings of `config`. */
  #ticked(config: SeedSweepConfig): SeedSweepConfig {
    const ticked = (attribute: string) => [...this.querySelectorAll<HTMLInputElement>(`[${attribute}]`)].filter((b) => b.checked).map((b) => b.getAttribute(attribute) ?? '');
    return { ...config, widths: SWEEP_WIDTHS.filter((w) => ticked('data-width').includes(String(w))), inits: SWEEP_INITS.filter((i) => ticked('data-init').includes(i)) };
  }

  /** The plan under the buttons, and a problem in the status line while no setup is ticked. */
  #showPlan(config: SeedSweepConfig): void {
    const ticked = this.#ticked(config);
    const missing = !ticked.widths.length ? 'Tick at least one number of hidden units.' : !ticked.inits.length ? 'Tick at least one kind of starting values.' : null;
    this.status.problem('setups', missing ? `${missing} The next sweep needs at least one setup.` : null);
    const plan = this.querySelector('[data-plan]');
    if (plan) plan.textContent = planText(ticked, workerCount(config.runs));
    this.#enableButtons();
  }

  #noSetups(): boolean {
    const ticked = this.#ticked(this.current());
    return !ticked.widths.length || !ticked.inits.length;
  }

  #enableButtons(): void {
    const button = (action: string) => this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    const run = button('run'), cancel = button('cancel'), replay = button('replay');
    if (run) run.disabled = this.#busy || this.#noSetups();
    if (cancel) cancel.disabled = this.#sweep === null;
    if (replay) replay.disabled = this.#busy;
  }

  // ---------- the sweep ----------

  #run(): void {
    if (this.#busy || this.#noSetups()) return;
    const config = this.current();
    const results = emptyResults(config, 'browser');
    this.#results = results;
    this.#selection = null;
    this.#busy = true;
    const total = results.setups.length * config.runs;
    const started = performance.now();
    let finished = 0;
    let setup = 0;
    this.#progress(0, total, `0 of ${formatInteger(total)} runs`);
    this.status.problem('sweep', null);
    this.say(`Running ${formatInteger(total)} runs in ${workerCount(config.runs)} background workers…`);
    const next = () => {
      if (setup >= results.setups.length) {
        this.reportRun(config);
        return this.#finish(`Done: ${formatInteger(total)} runs in ${((performance.now() - started) / 1000).toFixed(1)} s in this browser.`);
      }
      const row = results.setups[setup];
      this.#sweep = startSweep(
        { data: { seed: config.dataSeed }, preset: row.init, seeds: seedsOf(config), epochs: config.epochs, learningRate: config.learningRate, hidden: row.hidden },
        {
          onRun: (run, index) => {
            row.points[index] = pointOf(run);
            finished += 1;
            this.#progress(finished, total, `${formatInteger(finished)} of ${formatInteger(total)} runs (now: ${setupLabel(row)})`);
            this.#draw();
          },
          onDone: () => {
            setup += 1;
            next();
          },
          onError: (message) => {
            this.status.problem('sweep', `${message} The figure shows the runs that finished.`);
            this.#finish(null);
          },
        },
      );
      this.#enableButtons();
    };
    this.#redraw();
    next();
  }

  #cancel(): void {
    if (!this.#sweep) return;
    this.#sweep.cancel();
    const done = this.#results.setups.reduce((n, s) => n + s.points.filter(Boolean).length, 0);
    this.#finish(`Cancelled after ${formatInteger(done)} runs; the figure shows the runs that finished.`);
  }

  #finish(message: string | null): void {
    this.#sweep = null;
    this.#busy = false;
    if (message) this.say(message);
    this.#selection ??= defaultSelection(this.#results);
    this.#redraw();
    this.#showRuns();
    this.#enableButtons();
  }

  #progress(value: number, max: number, text: string): void {
    const bar = this.querySelector<HTMLProgressElement>('[data-progress]');
    if (bar) {
      bar.max = Math.max(1, max);
      bar.value = value;
    }
    const label = this.querySelector('[data-progress-text]');
    if (label) label.textContent = text;
  }

  // ---------- drawing ----------

  #redraw(): void {
    const svg = this.querySelector('[data-panel="sweep"] svg');
    if (svg) renderInto(svg, sweepScene(this.#results, this.#selection));
    const box = this.querySelector<HTMLElement>('[data-panel="sweep"]');
    if (box) box.style.aspectRatio = `${SWEEP_WIDTH} / ${sweepHeight(this.#results.setups.length)}`;
    replaceRows(this.querySelector('[data-summary-table] tbody'), summaryRows(this.#results));
    showPicked(this, this.#results, this.#selection);
  }

  /** The table of every run: rebuilt when a sweep ends, not for every arriving run. */
  #showRuns(): void {
    replaceRows(this.querySelector('[data-run-table] tbody'), runRows(this.#results));
  }

  // ---------- the replay check ----------

  async #checkReplay(): Promise<void> {
    if (this.#busy) return;
    const results = this.#results;
    if (!results.setups.some((s) => s.points.some(Boolean))) {
      this.say('There is no finished run to replay yet: run a sweep first.');
      return;
    }
    this.#busy = true;
    this.#enableButtons();
    this.say(`Replaying the shown runs on this page's main thread and in a new background worker…`);
    try {
      const checked = await replayRuns(results);
      this.status.problem('replay', null);
      this.dataset.replay = JSON.stringify(checked.map((c) => ({ ...c, shown: String(c.shown), main: String(c.main), worker: String(c.worker) })));
      const verdict = replayVerdict(results, checked);
      if ('problem' in verdict) this.status.problem('replay', verdict.problem);
      else this.say(verdict.note);
    } catch (error) {
      this.status.problem('replay', `The replay could not run: ${(error as Error).message}`);
    } finally {
      this.#busy = false;
      this.#enableButtons();
    }
  }
}

if (!customElements.get('np-seed-sweep')) customElements.define('np-seed-sweep', NpSeedSweep);
