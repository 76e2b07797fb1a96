// <np-gradient-inspector>: keeps the nine partial derivatives, their finite-difference checks
// and the before/after table current, walks a training step one sub-step at a time, and takes
// steps. Every query is scoped to the element, so the widget can appear twice on a page.
// With data-follow it has no controls of its own: another widget (the playground's training
// console) hands it the parameters, the data and η through follow().
import { makeDataset, type Dataset } from '../../trainer/data';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { showNumbers } from '../kit/dom';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { ParameterSet } from '../kit/parameterSet';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import {
  GRADIENT_INSPECTOR_KEYS,
  INSPECTOR_PARAMETER_LIMIT,
  parseGradientInspectorConfig,
  serializeGradientInspectorConfig,
  type GradientInspectorConfig,
} from './config';
import { inspect, inspectorView, PHASES, proposeStep, stepProblem, type Inspection, type Phase, type StepRow, type TakenStep } from './scene';

class NpGradientInspector extends HTMLElement {
  #data: Dataset = makeDataset();
  #following = false;
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  #parameters!: ParameterSet;
  #inspection!: Inspection;
  #learningRate = 0.01;
  #phase: Phase | 'idle' = 'idle';
  /** The step just taken, shown in the table until a setting changes. */
  #taken: TakenStep | null = null;
  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule = oncePerFrame(() => this.#render());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    if (this.dataset.follow !== undefined) {
      this.#following = true;
      this.#status = statusLine(this);
      finishStartup(this, this.#status, [], () => this.#render());
      return;
    }
    // A shared link's settings override the lesson's; unknown or garbled ones are named and ignored.
    const { key, shared, config, notices } = readWidgetSettings(this, 'gradients', GRADIENT_INSPECTOR_KEYS, parseGradientInspectorConfig);

    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, (value, name) => this.#number(value, name));
    const select = this.querySelector<HTMLElement>('[data-select][data-name="start"]');
    if (select) wireSelect(select, (value) => this.#loadPreset(value));
    this.#parameters = new ParameterSet(config, this.#controls, select?.querySelector('select') ?? null);
    this.querySelector('[data-action="substep"]')?.addEventListener('click', () => this.#substep());
    this.querySelector('[data-action="take-step"]')?.addEventListener('click', () => this.#takeStep());

    this.#learningRate = config.learningRate;
    this.#controls.learningRate?.set(this.#learningRate);
    this.#inspection = inspect(this.#parameters.params, this.#data);

    wireShareButton(this, key, () => serializeGradientInspectorConfig(this.#config()), shared, (m) => this.#status.note(m));
    // Browsers may restore typed values on reload, and a link may set anything: draw what is used.
    this.#render();
    finishStartup(this, this.#status, notices, () => this.#render());
    watchFormulaBoxes(this);
    applyControlPolicy(this, shared);
  }

  #config(): GradientInspectorConfig {
    return { ...this.#parameters.point(), learningRate: this.#learningRate };
  }

  /** A setting changed: the table goes back to previewing the next step from here. */
  #changed(): void {
    this.#taken = null;
    this.#phase = 'idle';
    this.#status.note('');
  }

  #number(value: number, name: string): void {
    if (name === 'learningRate') this.#learningRate = value;
    else if (this.#parameters.set(name, value)) this.#inspection = inspect(this.#parameters.params, this.#data);
    else return;
    this.#changed();
    this.#schedule();
  }

  #loadPreset(value: string): void {
    if (!this.#parameters.load(value)) return;
    this.#inspection = inspect(this.#parameters.params, this.#data);
    this.#changed();
    this.#render();
  }

  /** θ ← θ − η·∂L/∂θ from the current parameters; false (and a message) if it is refused. */
  #take(): boolean {
    const before = this.#inspection;
    const step = proposeStep(before, this.#learningRate);
    const problem = stepProblem(step, INSPECTOR_PARAMETER_LIMIT);
    // News about this press, not a bad setting: the next change or press replaces it.
    this.#status.note(problem ?? '');
    if (problem) return false;
    this.#taken = { step, before };
    // The values now differ from the preset's: a link carries them.
    this.#parameters.replace(step.after);
    this.#inspection = inspect(this.#parameters.params, this.#data);
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
    this.#showRows(view.rows);
    if (this.#following) return;
    // The element's data-* attributes keep the current settings (parameter names as data-w1 …).
    for (const [k, v] of serializeGradientInspectorConfig(this.#config())) this.dataset[/^[WB]\d$/.test(k) ? k.toLowerCase() : k] = v;
  }

  #showRows(rows: StepRow[]): void {
    const body = this.querySelector('[data-step-rows] tbody');
    if (!body) return;
    const doc = this.ownerDocument;
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = doc.createElement('tr');
        if (row.changed) tr.className = 'is-changed';
        row.cells.forEach((text, c) => {
          const cell = doc.createElement(c === 0 ? 'th' : 'td');
          if (c === 0) cell.setAttribute('scope', 'row');
          else cell.className = 'num';
          cell.textContent = text;
          tr.append(cell);
        });
        return tr;
      }),
    );
  }
}

if (!customElements.get('np-gradient-inspector')) customElements.define('np-gradient-inspector', NpGradientInspector);
