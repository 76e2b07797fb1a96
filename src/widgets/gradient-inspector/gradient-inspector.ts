// <np-gradient-inspector>: keeps the nine partial derivatives, their finite-difference checks
// and the before/after table current, walks a training step one sub-step at a time, and takes
// steps. Every query is scoped to the element, so the widget can appear twice on a page.
import { makeDataset } from '../../trainer/data';
import { PARAMETER_NAMES, type Parameters } from '../../trainer/parameters';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { showNumbers } from '../kit/dom';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { writeParameters } from '../kit/parameters';
import { parsePreset, presetParameters, startingParameters, type ParameterPreset } from '../kit/parameterPresets';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import {
  GRADIENT_INSPECTOR_KEYS,
  INSPECTOR_PARAMETER_LIMIT,
  parseGradientInspectorConfig,
  serializeGradientInspectorConfig,
  type GradientInspectorConfig,
} from './config';
import { inspect, inspectorView, PHASES, proposeStep, stepProblem, type Inspection, type Phase, type StepRow, type TakenStep } from './scene';

const data = makeDataset();

class NpGradientInspector extends HTMLElement {
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  /** The exact parameters (the fields show them rounded to 4 decimals). */
  #params: Parameters = new Float64Array(9);
  #inspection!: Inspection;
  #start: ParameterPreset = 'writeup-example';
  #custom = false;
  #learningRate = 0.01;
  #phase: Phase | 'idle' = 'idle';
  /** The step just taken, shown in the table until a setting changes. */
  #taken: TakenStep | null = null;
  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule = oncePerFrame(() => this.#render());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    // A shared link's settings override the lesson's; unknown or garbled ones are named and ignored.
    const { key, shared, config, notices } = readWidgetSettings(this, 'gradients', GRADIENT_INSPECTOR_KEYS, parseGradientInspectorConfig);

    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, (value, name) => this.#number(value, name));
    const select = this.querySelector<HTMLElement>('[data-select][data-name="start"]');
    if (select) wireSelect(select, (value) => this.#loadPreset(value));
    this.querySelector('[data-action="substep"]')?.addEventListener('click', () => this.#substep());
    this.querySelector('[data-action="take-step"]')?.addEventListener('click', () => this.#takeStep());

    this.#params = startingParameters(config);
    this.#start = config.start;
    this.#custom = Object.keys(config.values).length > 0;
    this.#learningRate = config.learningRate;
    writeParameters(this.#controls, this.#params);
    this.#controls.learningRate?.set(this.#learningRate);
    this.#inspection = inspect(this.#params, data);

    wireShareButton(this, key, () => serializeGradientInspectorConfig(this.#config()), shared, (m) => this.#status.note(m));
    // Browsers may restore typed values on reload, and a link may set anything: draw what is used.
    this.#render();
    finishStartup(this, this.#status, notices, () => this.#render());
    watchFormulaBoxes(this);
    applyControlPolicy(this, shared);
  }

  #config(): GradientInspectorConfig {
    const values: GradientInspectorConfig['values'] = {};
    if (this.#custom) PARAMETER_NAMES.forEach((name, j) => (values[name] = this.#params[j]));
    return { start: this.#start, values, learningRate: this.#learningRate };
  }

  /** A setting changed: the table goes back to previewing the next step from here. */
  #changed(): void {
    this.#taken = null;
    this.#phase = 'idle';
    this.#status.problem('step', null);
  }

  #number(value: number, name: string): void {
    if (name === 'learningRate') {
      this.#learningRate = value;
    } else {
      const j = PARAMETER_NAMES.indexOf(name as (typeof PARAMETER_NAMES)[number]);
      if (j < 0) return;
      this.#params[j] = value;
      this.#custom = true;
      this.#inspection = inspect(this.#params, data);
    }
    this.#changed();
    this.#schedule();
  }

  #loadPreset(value: string): void {
    const preset = parsePreset(value);
    if (!preset) return;
    this.#start = preset;
    this.#custom = false;
    this.#params = presetParameters(preset);
    writeParameters(this.#controls, this.#params);
    this.#inspection = inspect(this.#params, data);
    this.#changed();
    this.#render();
  }

  /** θ ← θ − η·∂L/∂θ from the current parameters; false (and a message) if it is refused. */
  #take(): boolean {
    const before = this.#inspection;
    const step = proposeStep(before, this.#learningRate);
    const problem = stepProblem(step, INSPECTOR_PARAMETER_LIMIT);
    this.#status.problem('step', problem);
    if (problem) return false;
    this.#taken = { step, before };
    this.#params = Float64Array.from(step.after);
    // The values now differ from the preset's: a link must carry them.
    this.#custom = true;
    writeParameters(this.#controls, this.#params);
    this.#inspection = inspect(this.#params, data);
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
    const view = inspectorView(this.#inspection, data, this.#learningRate, this.#phase, this.#taken);
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
    const select = this.querySelector<HTMLSelectElement>('[data-name="start"] select');
    if (select) select.value = this.#custom ? 'custom' : this.#start;
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
