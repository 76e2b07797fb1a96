// <np-plateau>: re-trains the pair (fixed rate and reduce-on-plateau from one start) whenever a
// setting changes, a slice of epochs per animation frame so the page never freezes, and runs
// the paired comparison over many seeds in Web Workers with progress and cancel. Every query is
// scoped to the element itself.
import { TrainerInputError } from '../../trainer/errors';
import { statusLine, wireSelect, wireSlider, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { formatInteger } from '../../experiments/format';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { wireNewSeed } from '../kit/seed';
import { patchInto } from '../kit/svg';
import { startSweep, type SweepHandle } from '../kit/sweepRunner';
import type { SweepRun } from '../../trainer/sweep';
import {
  describeSchedule,
  parseFactor,
  parsePlateauConfig,
  plateauSpec,
  PLATEAU_KEYS,
  PLATEAU_RULES,
  serializePlateauConfig,
  type PlateauConfig,
} from './config';
import { advancePair, pairDone, pairRuns, pairView, startPair, summarise, sweepSeeds, type PairedOutcome, type PlateauPair } from './run';
import {
  comparisonSettings,
  cutList,
  divergenceText,
  pairedNumbers,
  pairedScene,
  pairedTableRows,
  pairLossScene,
  pairNumbers,
  pairTableRows,
  rateScene,
} from './scene';
import { formatLoss, formatR2 } from '../../experiments/format';
import { rSquared } from '../../trainer/loss';

/** Training work per animation frame; drawing comes on top. */
const WORK_BUDGET_MS = 8;

interface Comparison {
  config: PlateauConfig;
  outcomes: PairedOutcome[];
}

class NpPlateau extends HTMLElement {
  #config!: PlateauConfig;
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  #selects: Record<string, () => string> = {};
  #pair: PlateauPair | null = null;
  #frame = 0;
  #msPerEpoch = 0.02;
  #sweep: SweepHandle | null = null;
  #comparison: Comparison | null = null;
  /** The comparison under way: its settings and the runs finished so far, seed by seed. */
  #pending: { config: PlateauConfig; fixedRuns: (SweepRun | undefined)[]; plateauRuns: (SweepRun | undefined)[]; total: number; finished: () => number } | null = null;
  #changed = oncePerFrame(() => this.#settingsChanged());
  /** Said before the next report of a finished training (notices from start-up). */
  #lead = '';

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'plateau', PLATEAU_KEYS, parsePlateauConfig);
    this.#config = config;
    this.#status = statusLine(this);
    this.#wire();
    this.#show(config);
    this.#syncModeSelect();
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializePlateauConfig(this.#config), shared, (m) => this.#status.note(m));
    // The server drew the default run; a link (or a garbled attribute) asks for another one.
    // What could not be used is said again once that run is drawn, so it is not overwritten.
    this.#lead = notices.join(' ');
    finishStartup(this, this.#status, notices, () => this.#restart());
    if (!notices.length && shared.settings.size) this.#restart();
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#sweep?.cancel();
  }

  // ---------- wiring ----------

  #wire(): void {
    // The factor's field is explained with the reason a value outside (0, 1) cannot work.
    const factorStatus: StatusLine = {
      problem: (source, message) => {
        const parsed = parseFactor(this.#field('factor')?.value);
        this.#status.problem(source, message === null || parsed.ok ? message : parsed.message);
      },
      note: (m) => this.#status.note(m),
      get hasProblems() {
        return false;
      },
    };
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-slider]')) {
      const name = wrapper.dataset.name ?? '';
      const control = wireSlider(wrapper, name === 'factor' ? factorStatus : this.#status, () => (name === 'seeds' ? this.#seedsChanged() : this.#changed()));
      this.#controls[control.name] = control;
    }
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) {
      const name = wrapper.dataset.name ?? '';
      this.#selects[name] = wireSelect(wrapper, () => {
        if (name === 'flavour') this.#syncModeSelect();
        this.#changed();
      });
    }
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    wireNewSeed(this, this.#controls.initSeed, PLATEAU_RULES.initSeed.max, () => this.#settingsChanged());
    on('sweep', () => this.#startComparison());
    on('cancel', () => this.#cancelComparison());
  }

  #field(name: string): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`[data-name="${name}"] [data-role="field"]`);
  }

  #select(name: string): HTMLSelectElement | null {
    return this.querySelector<HTMLSelectElement>(`[data-select][data-name="${name}"] select`);
  }

  /** Shows a config in the controls (browsers may restore typed values on reload). */
  #show(config: PlateauConfig): void {
    for (const [name, control] of Object.entries(this.#controls)) control.set(config[name as keyof PlateauConfig] as number);
    for (const name of Object.keys(this.#selects)) {
      const select = this.#select(name);
      if (select) select.value = String(config[name as keyof PlateauConfig]);
    }
  }

  /** Keras compares absolutely only: with Keras the mode is fixed at 'abs'. */
  #syncModeSelect(): void {
    const mode = this.#select('thresholdMode');
    if (!mode) return;
    const keras = this.#select('flavour')?.value === 'keras';
    if (keras) mode.value = 'abs';
    const locked = this.querySelector('[data-name="thresholdMode"]')?.hasAttribute('data-locked');
    mode.disabled = keras || Boolean(locked);
    mode.title = keras ? 'Keras compares losses only absolutely (min_delta).' : '';
  }

  /** The settings as the controls show them, parsed; null (with the reason shown) if they cannot be used. */
  #fromControls(): PlateauConfig | null {
    const values: Record<string, string> = Object.fromEntries(serializePlateauConfig(this.#config));
    for (const [name, control] of Object.entries(this.#controls)) values[name] = String(control.value);
    for (const [name, read] of Object.entries(this.#selects)) values[name] = read();
    const factor = parseFactor(values.factor);
    const factorField = this.#field('factor');
    if (!factor.ok) {
      factorField?.setAttribute('aria-invalid', 'true');
      this.#status.problem('factor', factor.message);
      return null;
    }
    const { config, notices } = parsePlateauConfig(values);
    if (notices.length) {
      this.#status.problem('settings', `${notices[0]} The figure still shows the last valid runs.`);
      return null;
    }
    this.#status.problem('settings', null);
    return config;
  }

  #settingsChanged(): void {
    const config = this.#fromControls();
    if (!config) return;
    const same = serializePlateauConfig(config).toString() === serializePlateauConfig(this.#config).toString();
    this.#config = config;
    this.#syncData();
    if (same && this.#pair) return;
    this.#restart();
    this.#markStaleComparison();
  }

  #seedsChanged(): void {
    const seeds = this.#controls.seeds?.value;
    if (seeds === undefined) return;
    this.#config = { ...this.#config, seeds };
    this.#syncData();
    const count = this.querySelector('[data-role="seed-count"]');
    if (count && !this.#sweep) count.textContent = String(seeds);
  }

  // ---------- the pair ----------

  #restart(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    try {
      this.#pair = startPair(this.#config);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.#status.problem('run', `${error.message} The figure still shows the last valid runs.`);
      return;
    }
    this.#status.problem('run', null);
    this.#status.note(`Training both runs from starting seed ${this.#config.initSeed}…`);
    const epochs = this.querySelector('[data-role="epochs"]');
    if (epochs) epochs.textContent = formatInteger(this.#config.epochs);
    this.#frame = requestAnimationFrame(() => this.#tick());
  }

  #tick(): void {
    this.#frame = 0;
    const pair = this.#pair;
    if (!pair) return;
    const deadline = performance.now() + WORK_BUDGET_MS;
    while (!pairDone(pair)) {
      const t0 = performance.now();
      const room = deadline - t0;
      if (room <= 0) break;
      const chunk = Math.max(1, Math.floor((room * 0.8) / this.#msPerEpoch));
      const before = pair.fixed.epoch + pair.plateau.epoch;
      advancePair(pair, chunk);
      const done = pair.fixed.epoch + pair.plateau.epoch - before;
      const spent = performance.now() - t0;
      if (done > 0 && spent > 0) this.#msPerEpoch = 0.7 * this.#msPerEpoch + 0.3 * ((2 * spent) / done);
    }
    const finished = pairDone(pair);
    this.#draw(finished);
    if (finished) {
      this.#announce();
      // How many trainings have finished: tests (and anyone curious) can wait for the next one.
      this.dataset.trained = String(Number(this.dataset.trained ?? 0) + 1);
    }
    else this.#frame = requestAnimationFrame(() => this.#tick());
  }

  #draw(full: boolean): void {
    const pair = this.#pair;
    if (!pair) return;
    const view = pairView(pair);
    const loss = this.querySelector('[data-panel="loss"] svg');
    if (loss) patchInto(loss, pairLossScene(view));
    const rate = this.querySelector('[data-panel="rate"] svg');
    if (rate) patchInto(rate, rateScene(view));
    showNumbers(this, pairNumbers(view));
    if (full) {
      replaceRows(this.querySelector('[data-pair-table] tbody'), pairTableRows(view));
      if (this.#comparison) this.#drawComparison(this.#comparison.outcomes, this.#comparison.config);
    }
  }

  #announce(): void {
    const pair = this.#pair;
    if (!pair) return;
    const view = pairView(pair);
    const diverged = divergenceText(view);
    const r2 = (l: number) => formatR2(rSquared(l, view.varY));
    const cuts = view.plateau.cuts.length;
    const lead = this.#lead ? `${this.#lead} ` : '';
    this.#lead = '';
    this.#status.note(
      `${lead}${diverged ? `Seed ${this.#config.initSeed}: ${diverged}. ` : ''}After ${formatInteger(this.#config.epochs)} epochs: fixed rate ${formatLoss(view.fixed.current)} (R² ${r2(view.fixed.current)}); ` +
        `reduce-on-plateau ${formatLoss(view.plateau.current)} (R² ${r2(view.plateau.current)}) after ${cuts} cut${cuts === 1 ? '' : 's'}. ${cutList(view.plateau)}`,
    );
  }

  // ---------- the comparison over many seeds ----------

  #startComparison(): void {
    if (this.#sweep) return;
    const config = { ...this.#config };
    const seeds = sweepSeeds(config);
    const total = 2 * seeds.length;
    const fixedRuns: (SweepRun | undefined)[] = new Array(seeds.length);
    const plateauRuns: (SweepRun | undefined)[] = new Array(seeds.length);
    let finished = 0;
    let open = 2;
    const progress = this.querySelector<HTMLProgressElement>('[data-progress]');
    if (progress) {
      progress.max = total;
      progress.value = 0;
    }
    const say = (m: string) => {
      const el = this.querySelector('[data-sweep-status]');
      if (el) el.textContent = m;
    };
    const redraw = oncePerFrame(() => this.#drawComparison(pairRuns(fixedRuns, plateauRuns), config));
    const handles: SweepHandle[] = [];
    const stopAll = () => handles.forEach((h) => h.cancel());
    const job = { data: {}, preset: config.init, seeds, epochs: config.epochs, learningRate: config.learningRate, hidden: 2 };
    const plateauJob = { ...job, schedule: plateauSpec(config) };
    const handlers = (runs: (SweepRun | undefined)[]) => ({
      onRun: (run: SweepRun, index: number) => {
        runs[index] = run;
        finished += 1;
        if (progress) progress.value = finished;
        say(`${formatInteger(finished)} of ${formatInteger(total)} runs finished (${seeds.length} seeds, each trained both ways)…`);
        redraw();
      },
      onDone: () => {
        open -= 1;
        if (open === 1 && sweep === this.#sweep) handles.push(startSweep(plateauJob, handlers(plateauRuns)));
        if (open > 0) return;
        this.#finishComparison({ config, outcomes: pairRuns(fixedRuns, plateauRuns) });
        say(`Done: ${formatInteger(seeds.length)} seeds, each trained both ways.`);
      },
      onError: (message: string) => {
        stopAll();
        this.#finishComparison(null);
        say(`The comparison stopped: ${message}`);
      },
    });
    const sweep = { cancel: stopAll };
    this.#sweep = sweep;
    this.#setSweeping(true);
    this.#comparison = null;
    const count = this.querySelector('[data-role="seed-count"]');
    if (count) count.textContent = String(seeds.length);
    const settings = this.querySelector('[data-role="compared-settings"]');
    if (settings) settings.textContent = comparisonSettings(config, describeSchedule(config));
    say(`Starting ${formatInteger(total)} runs in the background…`);
    // With no room to run the comparison at all (a worker fails to start), onError says so. The
    // two sweeps run one after the other (the second from the first's onDone): each already
    // takes a worker per core, and both at once left the page's own thread waiting for a core
    // (half-second tasks, a page that stopped scrolling on two cores).
    handles.push(startSweep(job, handlers(fixedRuns)));
    this.#pending = { config, fixedRuns, plateauRuns, total, finished: () => finished };
  }

  #cancelComparison(): void {
    const pending = this.#pending;
    if (!this.#sweep || !pending) return;
    this.#sweep.cancel();
    const outcomes = pairRuns(pending.fixedRuns, pending.plateauRuns);
    this.#finishComparison({ config: pending.config, outcomes });
    const el = this.querySelector('[data-sweep-status]');
    if (el) el.textContent = `Cancelled after ${formatInteger(pending.finished())} of ${formatInteger(pending.total)} runs; the plot shows the ${formatInteger(outcomes.length)} seeds finished both ways.`;
  }

  #finishComparison(comparison: Comparison | null): void {
    this.#sweep = null;
    this.#pending = null;
    this.#setSweeping(false);
    if (comparison) {
      this.#comparison = comparison;
      this.#drawComparison(comparison.outcomes, comparison.config);
    }
  }

  #setSweeping(on: boolean): void {
    const run = this.querySelector<HTMLButtonElement>('[data-action="sweep"]');
    const cancel = this.querySelector<HTMLButtonElement>('[data-action="cancel"]');
    if (run) run.disabled = on;
    if (cancel) cancel.disabled = !on;
    this.toggleAttribute('data-sweeping', on);
  }

  #drawComparison(outcomes: PairedOutcome[], config: PlateauConfig): void {
    const varY = this.#pair?.varY ?? 1;
    const svg = this.querySelector('[data-panel="paired"] svg');
    const settings = comparisonSettings(config, describeSchedule(config));
    if (svg) patchInto(svg, pairedScene({ outcomes, varY, seeds: config.seeds, highlight: this.#config.initSeed, settings }));
    showNumbers(this, pairedNumbers(summarise(outcomes, varY)));
    replaceRows(this.querySelector('[data-paired-table] tbody'), pairedTableRows(outcomes, varY));
  }

  /** After a settings change, a finished comparison no longer matches what is shown above it. */
  #markStaleComparison(): void {
    if (this.#sweep) return;
    const el = this.querySelector('[data-sweep-status]');
    if (el) el.textContent = 'The settings above have changed: run the comparison again to compare these.';
  }

  /** The element's data-* attributes follow the state, so the page always holds the full config. */
  #syncData(): void {
    for (const [key, value] of serializePlateauConfig(this.#config)) this.dataset[key] = value;
  }
}

if (!customElements.get('np-plateau')) customElements.define('np-plateau', NpPlateau);
