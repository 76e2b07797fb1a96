// The paired comparison over many seeds, run in Web Workers (the kit's sweep runner): the fixed
// rate's sweep, then the schedule's, with progress, cancel, and the figure, counts and table
// redrawn as runs arrive. The two sweeps run one after the other: each already takes a worker
// per core, and both at once left the page's own thread waiting for a core (half-second tasks,
// a page that stopped scrolling on two cores).
import { formatInteger } from '../../experiments/format';
import type { PlateauConfig } from '../../experiments/plateau/comparison-settings';
import { comparisonJobs, pairRuns, summarise, sweepSeeds, type PairedOutcome } from '../../experiments/plateau/paired';
import { describeSchedule } from '../../experiments/plateau/settings';
import type { SweepRun } from '../../trainer/sweep';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { ownControls } from '../kit/settingControls';
import { patchInto } from '../kit/svg';
import { startSweep, type SweepHandle } from '../kit/sweepRunner';
import { comparisonSettings, pairedNumbers, pairedScene, pairedTableRows } from './paired-scene';

interface Comparison {
  config: PlateauConfig;
  outcomes: PairedOutcome[];
}

interface Running {
  config: PlateauConfig;
  fixedRuns: (SweepRun | undefined)[];
  plateauRuns: (SweepRun | undefined)[];
  total: number;
  finished: number;
  handles: SweepHandle[];
}

export class ComparisonRunner {
  readonly #element: HTMLElement;
  readonly #varY: number;
  /** The seed trained above, ringed in the figure. */
  #highlight: number;
  #running: Running | null = null;
  #shown: Comparison | null = null;

  constructor(element: HTMLElement, varY: number, highlight: number) {
    this.#element = element;
    this.#varY = varY;
    this.#highlight = highlight;
  }

  get running(): boolean {
    return this.#running !== null;
  }

  start(config: PlateauConfig): void {
    if (this.#running) return;
    const seeds = sweepSeeds(config);
    const jobs = comparisonJobs(config);
    const running: Running = { config, fixedRuns: new Array(seeds.length), plateauRuns: new Array(seeds.length), total: 2 * seeds.length, finished: 0, handles: [] };
    const progress = this.#element.querySelector<HTMLProgressElement>('[data-progress]');
    if (progress) {
      progress.max = running.total;
      progress.value = 0;
    }
    const redraw = oncePerFrame(() => this.#running === running && this.#draw(pairRuns(running.fixedRuns, running.plateauRuns), config));
    // The fixed rate's runs come first on the bar, then the schedule's; the bar moves within runs too.
    const handlers = (runs: (SweepRun | undefined)[], next?: () => void) => ({
      onProgress: (done: number) => {
        if (progress && this.#running === running) progress.value = (next ? 0 : seeds.length) + done;
      },
      onRun: (run: SweepRun, index: number) => {
        runs[index] = run;
        running.finished += 1;
        if (progress) progress.value = running.finished;
        this.#say(`${formatInteger(running.finished)} of ${formatInteger(running.total)} runs finished (${seeds.length} seeds, each trained both ways)…`);
        redraw();
      },
      onDone: () => {
        if (this.#running !== running) return;
        if (next) return next();
        this.#finish({ config, outcomes: pairRuns(running.fixedRuns, running.plateauRuns) });
        this.#say(`Done: ${formatInteger(seeds.length)} seeds, each trained both ways.`);
      },
      onError: (message: string) => {
        running.handles.forEach((h) => h.cancel());
        this.#finish(null);
        this.#say(`The comparison stopped: ${message}`);
      },
    });
    this.#running = running;
    this.#setSweeping(true);
    this.#shown = null;
    this.#text('[data-role="seed-count"]', String(seeds.length));
    this.#text('[data-role="compared-settings"]', comparisonSettings(config, describeSchedule(config)));
    this.#say(`Starting ${formatInteger(running.total)} runs in the background…`);
    // With no room to run the comparison at all (a worker fails to start), onError says so.
    const second = () => void running.handles.push(startSweep(jobs.plateau, handlers(running.plateauRuns)));
    running.handles.push(startSweep(jobs.fixed, handlers(running.fixedRuns, second)));
  }

  cancel(): void {
    const running = this.#running;
    if (!running) return;
    running.handles.forEach((h) => h.cancel());
    const outcomes = pairRuns(running.fixedRuns, running.plateauRuns);
    this.#finish({ config: running.config, outcomes });
    this.#say(`Cancelled after ${formatInteger(running.finished)} of ${formatInteger(running.total)} runs; the plot shows the ${formatInteger(outcomes.length)} seeds finished both ways.`);
  }

  /** The seed above was trained again: ring it in the comparison shown. */
  highlight(seed: number): void {
    this.#highlight = seed;
    if (this.#shown) this.#draw(this.#shown.outcomes, this.#shown.config);
  }

  /** The settings changed: a finished comparison no longer matches the runs above it. */
  settingsChanged(seeds: number, pairChanged: boolean): void {
    if (this.#running) return;
    this.#text('[data-role="seed-count"]', String(seeds));
    if (pairChanged) this.#say('The settings above have changed: run the comparison again to compare these.');
  }

  #finish(comparison: Comparison | null): void {
    this.#running = null;
    this.#setSweeping(false);
    if (comparison) {
      this.#shown = comparison;
      this.#draw(comparison.outcomes, comparison.config);
    }
  }

  #draw(outcomes: PairedOutcome[], config: PlateauConfig): void {
    const svg = ownControls(this.#element, '[data-panel="paired"] svg')[0];
    const settings = comparisonSettings(config, describeSchedule(config));
    if (svg) patchInto(svg, pairedScene({ outcomes, varY: this.#varY, seeds: config.seeds, highlight: this.#highlight, settings }));
    showNumbers(this.#element, pairedNumbers(summarise(outcomes, this.#varY)));
    replaceRows(this.#element.querySelector('[data-paired-table] tbody'), pairedTableRows(outcomes, this.#varY));
  }

  #setSweeping(on: boolean): void {
    const run = this.#element.querySelector<HTMLButtonElement>('[data-action="sweep"]');
    const cancel = this.#element.querySelector<HTMLButtonElement>('[data-action="cancel"]');
    if (run) run.disabled = on;
    if (cancel) cancel.disabled = !on;
    this.#element.toggleAttribute('data-sweeping', on);
  }

  #say(message: string): void {
    this.#text('[data-sweep-status]', message);
  }

  #text(selector: string, text: string): void {
    const el = this.#element.querySelector(selector);
    if (el) el.textContent = text;
  }
}
