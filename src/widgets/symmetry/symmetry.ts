// <np-symmetry>: reruns the symmetric start whenever a setting changes and redraws the
// server-rendered panels and numbers. Every query is scoped to the element itself.
import { TrainerInputError } from '../../trainer/errors';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { wireRadioGroup, type RadioGroupControl } from '../kit/radioGroup';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { renderInto } from '../kit/svg';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import {
  parseSymmetryConfig,
  serializeSymmetryConfig,
  SYMMETRY_DEFAULTS,
  SYMMETRY_KEYS,
  type NudgeTarget,
  type SymmetricStart,
  type SymmetryConfig,
} from './config';
import { symmetryRunSteps, widthLevels, type SymmetryRun, type WidthLevels } from './run';
import { symmetryScene } from './scene';

/** Training work per slice before the browser gets the thread back. */
const SLICE_MS = 8;

class NpSymmetry extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #start: RadioGroupControl | null = null;
  #nudge: () => string = () => SYMMETRY_DEFAULTS.nudge;
  #levels!: WidthLevels;
  /** The ε = 0 run for the current start, rate and length, kept while only ε or the nudge changes. */
  #tied: { key: string; run: SymmetryRun } | null = null;
  /** Numbers the runs started, so a run superseded by a newer change stops. */
  #job = 0;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'symmetry', SYMMETRY_KEYS, parseSymmetryConfig);
    const oneUnit = Number(this.dataset.oneUnit), twoUnits = Number(this.dataset.twoUnits);
    this.#levels = oneUnit > 0 && twoUnits > 0 ? { oneUnit, twoUnits } : widthLevels(defaultDataset());
    this.#status = statusLine(this);
    const redraw = oncePerFrame(() => this.#update());
    this.#numbers = wireSliders(this, this.#status, redraw);
    const start = this.querySelector<HTMLElement>('[data-radio-group][data-name="start"]');
    if (start) this.#start = wireRadioGroup(start, redraw);
    const nudge = this.querySelector<HTMLElement>('[data-select][data-name="nudge"]');
    if (nudge) this.#nudge = wireSelect(nudge, redraw);
    this.#show(config);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeSymmetryConfig(this.#current()), shared, (m) => this.#status.note(m));
    finishStartup(this, this.#status, notices, () => this.#update());
    if (!notices.length && shared.settings.size) this.#update();
  }

  /** Browsers may restore typed values on reload; the figure shows `config`, so the controls must too. */
  #show(config: SymmetryConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as 'epsilon' | 'learningRate' | 'epochs']);
    this.#start?.set(config.start);
    const select = this.querySelector<HTMLSelectElement>('[data-name="nudge"] select');
    if (select) select.value = config.nudge;
  }

  #current(): SymmetryConfig {
    const value = (name: 'epsilon' | 'learningRate' | 'epochs') => this.#numbers[name]?.value ?? SYMMETRY_DEFAULTS[name];
    return {
      start: (this.#start?.value || SYMMETRY_DEFAULTS.start) as SymmetricStart,
      nudge: (this.#nudge() || SYMMETRY_DEFAULTS.nudge) as NudgeTarget,
      epsilon: value('epsilon'),
      learningRate: value('learningRate'),
      epochs: value('epochs'),
    };
  }

  /**
   * Trains the run for the current settings (and, for a nudge, the tied run it is compared
   * with) in slices of SLICE_MS, so a 20,000-epoch run never holds the page in one long task;
   * a change before it finishes drops it for the new settings. Short runs finish in the first
   * slice, at once.
   */
  #update(): void {
    const config = this.#current();
    const job = ++this.#job;
    const data = defaultDataset();
    const tiedKey = `${config.start}|${config.learningRate}|${config.epochs}`;
    const runSteps = symmetryRunSteps(config, data);
    const tiedSteps = config.epsilon !== 0 && this.#tied?.key !== tiedKey ? symmetryRunSteps({ ...config, epsilon: 0 }, data) : null;
    let run: SymmetryRun | null = null;
    let tied: SymmetryRun | null = null;
    const slice = () => {
      if (job !== this.#job) return;
      const deadline = performance.now() + SLICE_MS;
      try {
        while (performance.now() < deadline) {
          if (!run) {
            const next = runSteps.next();
            if (next.done) run = next.value;
          } else if (tiedSteps && !tied) {
            const next = tiedSteps.next();
            if (next.done) tied = next.value;
          } else break;
        }
      } catch (error) {
        if (!(error instanceof TrainerInputError)) throw error;
        this.#status.problem('run', `${error.message} The figure still shows the last run.`);
        return;
      }
      if (!run || (tiedSteps && !tied)) {
        setTimeout(slice, 0);
        return;
      }
      if (tied) this.#tied = { key: tiedKey, run: tied };
      this.#draw(config, run, config.epsilon === 0 ? null : (this.#tied?.run ?? null));
    };
    slice();
  }

  #draw(config: SymmetryConfig, run: SymmetryRun, tied: SymmetryRun | null): void {
    this.#status.problem('run', null);
    const scene = symmetryScene(run, this.#levels, tied);
    for (const [name, node] of Object.entries(scene.panels)) {
      const svg = this.querySelector(`[data-panel="${name}"] svg`);
      if (svg) renderInto(svg, node);
    }
    showNumbers(this, scene.numbers as unknown as Record<string, string>);
    replaceRows(this.querySelector('[data-rows] tbody'), scene.rows);
    this.#status.problem('diverged', run.status === 'diverged' ? `${run.message} Try a smaller learning rate.` : null);
    for (const [k, v] of serializeSymmetryConfig(config)) this.dataset[k] = v;
  }
}

if (!customElements.get('np-symmetry')) customElements.define('np-symmetry', NpSymmetry);
