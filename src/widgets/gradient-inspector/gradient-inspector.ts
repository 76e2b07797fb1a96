// <np-gradient-inspector>: keeps the nine partial derivatives, their finite-difference checks
// and the before/after table current, walks a training step one sub-step at a time, and takes
// steps. Settings, links, locks and redrawing are the kit's WidgetElement.
// With data-follow it has no controls of its own: another widget (the playground's training
// console) hands it the parameters, the data and η through follow().
import { makeDataset, type Dataset } from '../../trainer/data';
import { PARAMETER_NAMES, toNamed } from '../../trainer/parameters';
import { gradientInspectorSettings, INSPECTOR_PARAMETER_LIMIT, type GradientInspectorConfig } from '../../experiments/gradient-inspector/settings';
import { inspect, proposeStep, stepProblem, type Inspection } from '../../experiments/gradient-inspector/inspection';
import { isNamedStart, startingParameters, startValues } from '../../experiments/parameters/start';
import { enableControls, statusLine } from '../kit/controls';
import { WidgetElement } from '../kit/element';
import { wireExactParameters } from '../kit/exactParameters';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { replaceRows, showNumbers } from '../kit/dom';
import { ownControls, type TextControl } from '../kit/settingControls';
import { inspectorView, PHASES, type Phase, type TakenStep } from './scene';

const PARAMETERS: readonly string[] = PARAMETER_NAMES;

class NpGradientInspector extends WidgetElement<GradientInspectorConfig> {
  protected readonly settings = gradientInspectorSettings;
  protected readonly defaultShareKey = 'gradients';
  #data: Dataset = makeDataset();
  #learningRate = 0.01;
  #inspection: Inspection | null = null;
  #phase: Phase | 'idle' = 'idle';
  /** The step just taken, shown in the table until a setting changes. */
  #taken: TakenStep | null = null;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    if (this.dataset.follow === undefined) {
      super.connectedCallback();
      return;
    }
    // Following: no settings, link or sub-steps; follow() draws.
    this.status = statusLine(this);
    enableControls(this);
    this.setAttribute('data-ready', '');
  }

  /**
   * Shows the partial derivatives at `params` (nine values) on `data`, and the step η would take
   * from there. For a page where another widget owns the parameters (data-follow).
   */
  follow(params: ArrayLike<number>, data: Dataset, learningRate: number): void {
    this.#data = data;
    this.#learningRate = learningRate;
    this.#inspection = inspect(Float64Array.from(params), data);
    this.#render();
  }

  protected ownControls(): Record<string, TextControl> {
    return wireExactParameters(this, PARAMETERS, (name) => this.changed(name));
  }

  protected setup(config: GradientInspectorConfig): void {
    // The server drew this state; the buttons work from it before any redraw.
    this.#inspection = inspect(startingParameters(config), this.#data);
    this.#learningRate = config.learningRate;
    this.querySelector('[data-action="substep"]')?.addEventListener('click', () => this.#substep());
    this.querySelector('[data-action="take-step"]')?.addEventListener('click', () => this.#takeStep());
    watchFormulaBoxes(this);
  }

  protected changed(name: string): void {
    // A setting changed: the table goes back to previewing the next step from here.
    this.#taken = null;
    this.#phase = 'idle';
    this.status.note('');
    if (name === 'start') {
      const start = this.current().start;
      if (start !== 'custom') this.change(startValues(start));
      return;
    }
    super.changed(name);
  }

  protected update(config: GradientInspectorConfig): void {
    // Values no longer a named start's show as "Your own values".
    if (config.start !== 'custom' && !isNamedStart(config)) this.controls.show(new URLSearchParams({ start: 'custom' }));
    const params = startingParameters(config);
    if (!this.#inspection || this.#inspection.params.some((v, j) => !Object.is(v, params[j]))) this.#inspection = inspect(params, this.#data);
    this.#learningRate = config.learningRate;
    this.#render();
  }

  /** θ ← θ − η·∂L/∂θ from the current parameters; false (and a message) if it is refused. */
  #take(): boolean {
    const before = this.#inspection;
    if (!before) return false;
    const step = proposeStep(before, this.#learningRate);
    const problem = stepProblem(step, INSPECTOR_PARAMETER_LIMIT, { rateFixed: this.isLocked('learningRate') });
    // News about this press, not a bad setting: the next change or press replaces it.
    this.status.note(problem ?? '');
    if (problem) return false;
    this.#taken = { step, before };
    this.#inspection = inspect(step.after, this.#data);
    this.change({ start: 'custom', ...toNamed(step.after) });
    return true;
  }

  #takeStep(): void {
    if (this.#take()) this.#phase = 'update';
    this.#render();
  }

  /** forward → loss → backward → update (takes the step) → forward of the new parameters … */
  #substep(): void {
    const order = PHASES.map((p) => p.id);
    const next = this.#phase === 'idle' ? order[0] : order[(order.indexOf(this.#phase) + 1) % order.length];
    if (next === 'update' && !this.#take()) return;
    if (next === 'forward') this.#taken = null;
    this.#phase = next;
    this.#render();
  }

  #render(): void {
    if (!this.#inspection) return;
    const view = inspectorView(this.#inspection, this.#data, this.#learningRate, this.#phase, this.#taken);
    showLiveValues(this, view.numbers);
    focusScrollingFormulas(this);
    showNumbers(this, view.numbers);
    const message = this.querySelector('[data-message]');
    if (message && message.textContent !== view.message) message.textContent = view.message;
    for (const item of this.querySelectorAll<HTMLElement>('[data-phase-item]')) {
      const current = item.dataset.phaseItem === this.#phase;
      item.classList.toggle('is-current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    for (const part of this.querySelectorAll<HTMLElement>('[data-phase]')) part.classList.toggle('is-current', part.dataset.phase === this.#phase);
    const body = ownControls(this, '[data-step-rows] tbody')[0] ?? null;
    replaceRows(body, view.rows.map((row) => row.cells), 'num', { rowHeader: true });
    // Rows of parameters the step changes are marked.
    body?.querySelectorAll('tr').forEach((tr, k) => tr.classList.toggle('is-changed', view.rows[k]?.changed ?? false));
  }
}

if (!customElements.get('np-gradient-inspector')) customElements.define('np-gradient-inspector', NpGradientInspector);
