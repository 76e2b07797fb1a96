// <np-loss-explorer>: redraws the server-rendered residuals, slice and numbers whenever a
// parameter, the sliced parameter, the loss axis or a preset changes. Every query is scoped
// to the element itself, so the widget can appear twice on a page.
import type { Dataset } from '../../trainer/data';
import { baselines, type Baselines } from '../../trainer/loss';
import { PARAMETER_NAMES, parameterCount } from '../../trainer/parameters';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { parseParameterName, readParameters, writeParameters } from '../kit/parameters';
import { renderInto } from '../kit/svg';
import { AXIS_OPTIONS, parseLossExplorerConfig, PRESET_OPTIONS, type LossAxis } from './config';
import { lossExplorerScene, type LossExplorerScene } from './scene';

const SETTING_KEYS = ['start', 'parameter', 'axis', ...PARAMETER_NAMES.map((n) => n.toLowerCase())];

class NpLossExplorer extends HTMLElement {
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  #parameter: () => string = () => 'B3';
  #axis: () => string = () => 'linear';
  #data!: Dataset;
  #base!: Baselines;
  #shown: Float64Array = new Float64Array(parameterCount());
  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const source: Record<string, string> = {};
    for (const key of SETTING_KEYS) {
      const value = this.dataset[key];
      if (value !== undefined) source[key] = value;
    }
    const { config, notices } = parseLossExplorerConfig(source);
    this.#data = defaultDataset();
    this.#base = baselines(this.#data);
    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, () => this.#schedule());
    const select = (name: string) => this.querySelector<HTMLElement>(`[data-select][data-name="${name}"]`);
    const parameterSelect = select('parameter'), axisSelect = select('axis');
    if (parameterSelect) this.#parameter = wireSelect(parameterSelect, () => this.#schedule());
    if (axisSelect) this.#axis = wireSelect(axisSelect, () => this.#schedule());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action="preset"]')) {
      button.addEventListener('click', () => this.#load(button));
    }
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.#shown = readParameters(this.#controls, this.#shown);
    for (const name of PARAMETER_NAMES) {
      const v = config.values[name];
      if (v !== undefined) this.#controls[name]?.set(v);
    }
    for (const [el, value] of [[parameterSelect, config.parameter], [axisSelect, config.axis]] as const) {
      const s = el?.querySelector('select');
      if (s) s.value = value;
    }
    this.#shown = readParameters(this.#controls, this.#shown);
    watchFormulaBoxes(this);
    finishStartup(this, this.#status, notices, () => this.#update());
  }

  /** Puts a preset's nine values (written into its button at build time) into the fields. */
  #load(button: HTMLButtonElement): void {
    const values = (button.dataset.values ?? '').split(',').map(Number);
    const preset = PRESET_OPTIONS.find((o) => o.value === button.dataset.preset);
    if (!preset || values.length !== PARAMETER_NAMES.length || !values.every(Number.isFinite)) {
      this.#status.problem('preset', 'This preset could not be read; the parameters stay as they are.');
      return;
    }
    this.#status.problem('preset', null);
    writeParameters(this.#controls, values);
    this.dataset.start = preset.value;
    this.#status.note(`Loaded: ${preset.label}.`);
    this.#update();
  }

  #update(): void {
    const params = readParameters(this.#controls, this.#shown);
    const name = parseParameterName(this.#parameter()) ?? 'B3';
    const axis: LossAxis = AXIS_OPTIONS.find((o) => o.value === this.#axis())?.value ?? 'linear';
    const scene = lossExplorerScene(this.#data, params, PARAMETER_NAMES.indexOf(name), axis, this.#base);
    this.#shown = params;
    this.#draw(scene);
    this.dataset.parameter = name;
    this.dataset.axis = axis;
    PARAMETER_NAMES.forEach((n, i) => (this.dataset[n.toLowerCase()] = String(params[i])));
  }

  #draw(scene: LossExplorerScene): void {
    for (const panel of ['residuals', 'slice'] as const) {
      const svg = this.querySelector(`[data-panel="${panel}"] svg`);
      if (svg) renderInto(svg, scene[panel]);
    }
    showNumbers(this, scene.numbers);
    showLiveValues(this, scene.numbers);
    focusScrollingFormulas(this);
    replaceRows(this.querySelector('[data-slice-table] tbody'), scene.sliceRows);
    replaceRows(this.querySelector('[data-samples] tbody'), scene.samples);
    const caption = this.querySelector('[data-slice-caption]');
    if (caption) caption.textContent = scene.sliceCaption;
  }
}

if (!customElements.get('np-loss-explorer')) customElements.define('np-loss-explorer', NpLossExplorer);
