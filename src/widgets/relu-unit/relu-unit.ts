// <np-relu-unit>: redraws the server-rendered unit whenever W1, W3 or B1 changes (typed,
// dragged, or set by a preset). Every query is scoped to the element itself.
import { statusLine, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { defaultDataset } from '../kit/defaultData';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { renderInto } from '../kit/svg';
import { parseReluUnitConfig, RELU_UNIT_PRESETS, UNIT_PARAMETERS, type ReluUnitConfig, type ReluUnitPreset } from './config';
import { reluUnitScene, type ReluUnitScene } from './scene';

class NpReluUnit extends HTMLElement {
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { config, notices } = parseReluUnitConfig(this.dataset);
    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, () => this.#schedule());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action="preset"]')) {
      button.addEventListener('click', () => this.#applyPreset(button.dataset.preset as ReluUnitPreset));
    }
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.#show(config);
    finishStartup(this, this.#status, notices, () => this.#update());
  }

  #show(config: ReluUnitConfig): void {
    for (const name of UNIT_PARAMETERS) this.#controls[name]?.set(config[name]);
  }

  #applyPreset(preset: ReluUnitPreset): void {
    const chosen = RELU_UNIT_PRESETS[preset];
    if (!chosen) return;
    this.#show(chosen.values);
    this.#update();
  }

  #current(): ReluUnitConfig {
    return { W1: this.#controls.W1?.value ?? 0, W3: this.#controls.W3?.value ?? 0, B1: this.#controls.B1?.value ?? 0 };
  }

  #update(): void {
    const config = this.#current();
    this.#draw(reluUnitScene(defaultDataset(), config));
    for (const name of UNIT_PARAMETERS) this.dataset[name.toLowerCase()] = String(config[name]);
  }

  #draw(scene: ReluUnitScene): void {
    for (const name of ['plane', 'relu'] as const) {
      const svg = this.querySelector(`[data-panel="${name}"] svg`);
      if (svg) renderInto(svg, scene.panels[name]);
    }
    showNumbers(this, scene.numbers);
    const state = this.querySelector<HTMLElement>('[data-unit-state]');
    if (state) {
      state.dataset.state = scene.state;
      if (state.textContent !== scene.stateMessage) state.textContent = scene.stateMessage;
    }
    replaceRows(this.querySelector('[data-samples] tbody'), scene.samples);
    const caption = this.querySelector('[data-samples] caption');
    if (caption) caption.textContent = scene.sampleCaption;
  }
}

if (!customElements.get('np-relu-unit')) customElements.define('np-relu-unit', NpReluUnit);
