// <np-extreme-starts>: reruns the chosen start whenever a setting changes and redraws the
// server-rendered loss curve, meter, tables and numbers. Every query is scoped to the element.
import { TrainerInputError } from '../../trainer/errors';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { wireRadioGroup, type RadioGroupControl } from '../kit/radioGroup';
import { nameSavedFiles } from '../kit/download';
import { wireRunSaving } from '../kit/runExport';
import { shareUrl } from '../../experiments/link';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { renderInto } from '../kit/svg';
import {
  EXTREME_STARTS_DEFAULTS,
  EXTREME_STARTS_KEYS,
  parseExtremeStartsConfig,
  serializeExtremeStartsConfig,
  type ExtremeStart,
  type ExtremeStartsConfig,
} from './config';
import { extremeRun, extremeRunSteps, type ExtremeRun } from './run';
import { extremeRunRecord } from './runRecord';
import { extremeScene, formatScaled } from './scene';

type NumberKey = 'seed' | 'learningRate' | 'epochs';

/** Training work per slice before the browser gets the thread back. */
const SLICE_MS = 8;

class NpExtremeStarts extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #start: RadioGroupControl | null = null;
  #scaling: () => string = () => EXTREME_STARTS_DEFAULTS.scaling;
  /** Numbers the runs started, so a run superseded by a newer change stops. */
  #job = 0;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'extremes', EXTREME_STARTS_KEYS, parseExtremeStartsConfig);
    this.#status = statusLine(this);
    const redraw = oncePerFrame(() => this.#update());
    this.#numbers = wireSliders(this, this.#status, redraw);
    const start = this.querySelector<HTMLElement>('[data-radio-group][data-name="start"]');
    if (start) this.#start = wireRadioGroup(start, redraw);
    const scaling = this.querySelector<HTMLElement>('[data-select][data-name="scaling"]');
    if (scaling) this.#scaling = wireSelect(scaling, redraw);
    this.#show(config);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeExtremeStartsConfig(this.#current()), shared, (m) => this.#status.note(m));
    nameSavedFiles(this, () => `${this.#current().start}-epoch-${this.#current().epochs}`);
    // The run shown is the current settings' (the figure is redrawn from them): rebuilt to save it.
    wireRunSaving(this, () => {
      const config = this.#current();
      const link = shareUrl(this.ownerDocument.location.href, key, serializeExtremeStartsConfig(config), shared, this.id || undefined);
      return extremeRunRecord(extremeRun(config), key, link);
    }, (m) => this.#status.note(m));
    finishStartup(this, this.#status, notices, () => this.#update());
    if (!notices.length && shared.settings.size) this.#update();
  }

  /** Browsers may restore typed values on reload; the figure shows `config`, so the controls must too. */
  #show(config: ExtremeStartsConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as NumberKey]);
    this.#start?.set(config.start);
    const select = this.querySelector<HTMLSelectElement>('[data-name="scaling"] select');
    if (select) select.value = config.scaling;
  }

  #current(): ExtremeStartsConfig {
    const value = (name: NumberKey) => this.#numbers[name]?.value ?? EXTREME_STARTS_DEFAULTS[name];
    return {
      start: (this.#start?.value || EXTREME_STARTS_DEFAULTS.start) as ExtremeStart,
      seed: value('seed'),
      learningRate: value('learningRate'),
      epochs: value('epochs'),
      scaling: this.#scaling() === 'minmax' ? 'minmax' : 'zscore',
    };
  }

  /**
   * Trains the run for the current settings in slices of SLICE_MS, so a 20,000-epoch run never
   * holds the page in one long task; a change before it finishes drops it for the new settings.
   * Short runs finish in the first slice, at once.
   */
  #update(): void {
    const config = this.#current();
    const job = ++this.#job;
    const steps = extremeRunSteps(config);
    const slice = () => {
      if (job !== this.#job) return;
      const deadline = performance.now() + SLICE_MS;
      try {
        while (performance.now() < deadline) {
          const next = steps.next();
          if (next.done) return this.#draw(config, next.value);
        }
      } catch (error) {
        if (!(error instanceof TrainerInputError)) throw error;
        this.#status.problem('run', `${error.message} The figure still shows the last run.`);
        return;
      }
      setTimeout(slice, 0);
    };
    slice();
  }

  #draw(config: ExtremeStartsConfig, run: ExtremeRun): void {
    this.#status.problem('run', null);
    const scene = extremeScene(run);
    for (const [name, node] of Object.entries(scene.panels)) {
      const svg = this.querySelector(`[data-panel="${name}"] svg`);
      if (svg) renderInto(svg, node);
    }
    showNumbers(this, scene.numbers as unknown as Record<string, string>);
    replaceRows(this.querySelector('[data-steps] tbody'), scene.steps, 'num', { rowHeader: true });
    this.#status.problem(
      'diverged',
      run.status === 'diverged'
        ? `The run diverged at epoch ${run.divergedAt}: each step overshot by more than the last until the loss was too large to represent. At this start the largest stable rate is about ${formatScaled(run.stableRate)}.`
        : null,
    );
    for (const [k, v] of serializeExtremeStartsConfig(config)) this.dataset[k] = v;
  }
}

if (!customElements.get('np-extreme-starts')) customElements.define('np-extreme-starts', NpExtremeStarts);
