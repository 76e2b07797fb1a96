// <np-seed-sweep>: runs the configured sweep in Web Workers (the kit's startSweep), one setup
// after another, drawing each run as it arrives; cancels; lets the reader pick any run (pointer
// or arrow keys) and open it in the training console; and checks the replay: some of the shown
// runs are trained again on this page's main thread and in a fresh worker, and every final
// loss must come out identical to the last bit. Every query is scoped to the element itself.
import { makeDataset } from '../../trainer/data';
import { runSweep } from '../../trainer/sweep';
import { statusLine, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows } from '../kit/dom';
import { formatInteger } from '../../experiments/format';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { startSweep, workerCount, type SweepHandle } from '../kit/sweepRunner';
import { renderInto } from '../kit/svg';
import {
  parseSeedSweepConfig,
  SEED_SWEEP_KEYS,
  serializeSeedSweepConfig,
  seedsOf,
  setupsOf,
  SWEEP_INITS,
  SWEEP_WIDTHS,
  type SeedSweepConfig,
  type SweepInit,
} from './config';
import { decodeResults, emptyResults, pickForReplay, pointOf, type SweepResults } from './results';
import {
  allDigits,
  consoleLink,
  defaultSelection,
  describeRun,
  layoutSweep,
  moveSelection,
  planText,
  runAt,
  runRows,
  setupLabel,
  summaryRows,
  sweepHeight,
  sweepScene,
  SWEEP_WIDTH,
  type Selection,
} from './scene';

/** How many shown runs "Check the replay" trains again. */
const REPLAY_RUNS = 8;

class NpSeedSweep extends HTMLElement {
  #config!: SeedSweepConfig;
  #results!: SweepResults;
  #selection: Selection | null = null;
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #sweep: SweepHandle | null = null;
  #busy = false;
  /** The controls name no setup (no width or no start ticked): nothing to run. */
  #noSetups = false;
  #draw = oncePerFrame(() => this.#redraw());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'sweep', SEED_SWEEP_KEYS, parseSeedSweepConfig);
    this.#config = config;
    this.#results = decodeResults(this.dataset.results) ?? emptyResults(config, 'browser');
    this.#selection = defaultSelection(this.#results);
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, () => this.#settingsChanged());
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-width], [data-init]')) box.addEventListener('change', () => this.#settingsChanged());
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('run', () => this.#run());
    on('cancel', () => this.#cancel());
    on('replay', () => void this.#checkReplay());
    this.#wirePicking();
    this.#show(config);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeSeedSweepConfig(this.#current() ?? this.#config), shared, (m) => this.#status.note(m));
    this.#settingsChanged();
    this.#redraw();
    this.#showRuns();
    finishStartup(this, this.#status, notices, () => undefined);
    // A shared link describes an experiment: run it, so the reader sees what the sender saw.
    if (shared.settings.size && !notices.length) this.#run();
  }

  disconnectedCallback(): void {
    this.#sweep?.cancel();
  }

  // ---------- settings ----------

  #show(config: SeedSweepConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as 'runs'] as number);
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-width]')) box.checked = config.widths.includes(Number(box.dataset.width));
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-init]')) box.checked = config.inits.includes(box.dataset.init as SweepInit);
  }

  /** The settings the controls show; `#noSetups` (and a problem in the status line) if they name no setup. */
  #shown(): SeedSweepConfig {
    const checked = (attr: string) => [...this.querySelectorAll<HTMLInputElement>(`[${attr}]`)].filter((b) => b.checked).map((b) => b.getAttribute(attr) ?? '');
    const widths = SWEEP_WIDTHS.filter((w) => checked('data-width').includes(String(w)));
    const inits = SWEEP_INITS.filter((i) => checked('data-init').includes(i));
    const missing = !widths.length ? 'Tick at least one number of hidden units.' : !inits.length ? 'Tick at least one kind of starting values.' : null;
    this.#noSetups = missing !== null;
    this.#status.problem('setups', missing ? `${missing} The next sweep needs at least one setup.` : null);
    const config = { ...this.#config, widths, inits };
    for (const [name, control] of Object.entries(this.#numbers)) (config as unknown as Record<string, number>)[name] = control.value;
    return config;
  }

  /** The settings the controls show, or null if they name no setup to run. */
  #current(): SeedSweepConfig | null {
    const config = this.#shown();
    return this.#noSetups ? null : config;
  }

  #settingsChanged(): void {
    const config = this.#shown();
    const plan = this.querySelector('[data-plan]');
    if (plan) plan.textContent = planText(config, workerCount(config.runs));
    if (!this.#noSetups) this.#config = config;
    this.#enableButtons();
  }

  #enableButtons(): void {
    const button = (action: string) => this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    const run = button('run'), cancel = button('cancel'), replay = button('replay');
    if (run) run.disabled = this.#busy || this.#noSetups;
    if (cancel) cancel.disabled = this.#sweep === null;
    if (replay) replay.disabled = this.#busy;
  }

  // ---------- the sweep ----------

  #run(): void {
    const config = this.#current();
    if (!config || this.#busy) return;
    const results = emptyResults(config, 'browser');
    this.#results = results;
    this.#selection = null;
    this.#busy = true;
    const total = results.setups.length * config.runs;
    const started = performance.now();
    let finished = 0;
    let setup = 0;
    this.#progress(0, total, `0 of ${formatInteger(total)} runs`);
    this.#status.problem('sweep', null);
    this.#status.note(`Running ${formatInteger(total)} runs in ${workerCount(config.runs)} background workers…`);
    const next = () => {
      if (setup >= results.setups.length) return this.#finish(`Done: ${formatInteger(total)} runs in ${((performance.now() - started) / 1000).toFixed(1)} s in this browser.`);
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
            this.#status.problem('sweep', `${message} The figure shows the runs that finished.`);
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
    if (message) this.#status.note(message);
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
    this.#showPicked();
  }

  /** The table of every run: rebuilt when a sweep ends, not for every arriving run. */
  #showRuns(): void {
    replaceRows(this.querySelector('[data-run-table] tbody'), runRows(this.#results));
  }

  #showPicked(): void {
    const { text, digits } = describeRun(this.#results, this.#selection);
    const set = (selector: string, value: string) => {
      const el = this.querySelector(selector);
      if (el) el.textContent = value;
    };
    set('[data-picked]', text);
    set('[data-digits]', digits);
    const link = this.querySelector<HTMLAnchorElement>('[data-console]');
    if (link && this.#selection) link.href = consoleLink(this.#results, this.#selection);
    const pick = this.querySelector<HTMLElement>('[data-pick]');
    if (pick) {
      pick.setAttribute('aria-valuetext', text);
      const total = this.#results.setups.reduce((n, s) => n + s.points.length, 0);
      pick.setAttribute('aria-valuemax', String(Math.max(1, total)));
      const flat = this.#selection
        ? this.#results.setups.slice(0, this.#selection.setup).reduce((n, s) => n + s.points.length, 0) + this.#selection.index + 1
        : 1;
      pick.setAttribute('aria-valuenow', String(flat));
    }
  }

  #wirePicking(): void {
    const pick = this.querySelector<HTMLElement>('[data-pick]');
    if (!pick) return;
    pick.hidden = false;
    pick.tabIndex = 0;
    pick.setAttribute('role', 'slider');
    pick.setAttribute('aria-label', 'Pick a run: left and right arrows move along a row by final loss, up and down change rows, Enter opens it in the training console');
    pick.setAttribute('aria-valuemin', '1');
    const select = (selection: Selection | null) => {
      if (!selection) return;
      this.#selection = selection;
      this.#draw();
    };
    pick.addEventListener('pointerdown', (event) => {
      const box = pick.getBoundingClientRect();
      if (box.width === 0) return;
      const x = ((event.clientX - box.left) / box.width) * SWEEP_WIDTH;
      const y = ((event.clientY - box.top) / box.height) * sweepHeight(this.#results.setups.length);
      select(runAt(layoutSweep(this.#results), x, y));
    });
    pick.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        this.querySelector<HTMLAnchorElement>('[data-console]')?.click();
        return;
      }
      if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) return;
      event.preventDefault();
      select(moveSelection(this.#results, this.#selection, event.key));
    });
  }

  // ---------- the replay check ----------

  /**
   * Trains up to REPLAY_RUNS of the shown runs again, on this page's main thread and in a fresh
   * worker, and compares every final loss bit for bit (Object.is: equal doubles, NaN included).
   */
  async #checkReplay(): Promise<void> {
    if (this.#busy) return;
    const results = this.#results;
    const picks = pickForReplay(results, REPLAY_RUNS);
    if (!picks.length) {
      this.#status.note('There is no finished run to replay yet: run a sweep first.');
      return;
    }
    this.#busy = true;
    this.#enableButtons();
    this.#status.note(`Replaying ${picks.length} runs on this page's main thread and in a new background worker…`);
    const { budget } = results;
    const data = makeDataset({ seed: budget.dataSeed });
    const checked: { setup: string; seed: number; shown: number; main: number; worker: number }[] = [];
    try {
      for (const [s, i] of picks) {
        const setup = results.setups[s];
        const seed = budget.firstSeed + i;
        // One run per task, so the page keeps answering between them.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const [main] = runSweep({ data, preset: setup.init, seeds: [seed], epochs: budget.epochs, learningRate: budget.learningRate, hidden: setup.hidden });
        const worker = await new Promise<number>((resolve, reject) => {
          startSweep(
            { data: { seed: budget.dataSeed }, preset: setup.init, seeds: [seed], epochs: budget.epochs, learningRate: budget.learningRate, hidden: setup.hidden },
            { onRun: (run) => resolve(run.finalLoss), onDone: () => undefined, onError: (m) => reject(new Error(m)) },
          );
        });
        checked.push({ setup: setupLabel(setup), seed, shown: setup.points[i]!.finalLoss, main: main.finalLoss, worker });
      }
    } catch (error) {
      this.#status.problem('replay', `The replay could not run: ${(error as Error).message}`);
      this.#busy = false;
      this.#enableButtons();
      return;
    }
    this.#status.problem('replay', null);
    this.dataset.replay = JSON.stringify(checked.map((c) => ({ ...c, shown: String(c.shown), main: String(c.main), worker: String(c.worker) })));
    const differ = checked.find((c) => !Object.is(c.shown, c.main) || !Object.is(c.shown, c.worker));
    const where = results.source === 'build' ? 'computed by Node when this page was built' : 'computed a moment ago in background workers';
    if (differ) {
      this.#status.problem(
        'replay',
        `Seed ${differ.seed} (${differ.setup}) did not replay exactly: shown ${allDigits(differ.shown)}, main thread ${allDigits(differ.main)}, worker ${allDigits(differ.worker)}.`,
      );
    } else {
      this.#status.note(
        `Replayed ${checked.length} runs on this page's main thread and in a new background worker: all ${checked.length} final losses ` +
          `are identical, to the last bit, to the ones shown (${where}). For example seed ${checked[0].seed}: ${allDigits(checked[0].main)}.`,
      );
    }
    this.#busy = false;
    this.#enableButtons();
  }
}

if (!customElements.get('np-seed-sweep')) customElements.define('np-seed-sweep', NpSeedSweep);
