// <np-relu-unit>: redraws the server-rendered unit whenever W1, W3 or B1 changes (typed,
// dragged, or set by a preset). Every query is scoped to the element itself.
import { statusLine, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { PARAMETER_LIMIT } from '../kit/parameters';
import { wireDragLayer } from '../kit/dragLayer';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { renderInto } from '../kit/svg';
import { parseReluUnitConfig, RELU_UNIT_PRESETS, UNIT_PARAMETERS, type ReluUnitConfig, type ReluUnitPreset } from './config';
import { biasThrough, PANEL_HEIGHT, PANEL_WIDTH, planePointAt, reluUnitScene, type ReluUnitScene } from './scene';

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
    this.#wireDrag();
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.#show(config);
    finishStartup(this, this.#status, notices, () => this.#update());
  }

  /**
   * The kink line can be dragged: the pointer's point of the plane becomes a point of the line
   * (B1 changes, W1 and W3 keep its direction). From the keyboard it is a slider for B1.
   */
  #wireDrag(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="plane"] svg');
    if (!handle || !svg) return;
    const setBias = (b: number | null) => {
      if (b === null || b === this.#controls.B1?.value) return;
      this.#controls.B1?.set(b);
      this.#schedule();
    };
    const steps: Record<string, number> = { ArrowUp: 0.05, ArrowRight: 0.05, ArrowDown: -0.05, ArrowLeft: -0.05, PageUp: 0.5, PageDown: -0.5 };
    wireDragLayer(handle, svg, PANEL_WIDTH, PANEL_HEIGHT, {
      point: (x, y) => setBias(biasThrough(this.#current(), planePointAt(x, y), PARAMETER_LIMIT)),
      key: (key) => {
        const b = this.#controls.B1?.value ?? 0;
        const next = key in steps ? Math.round((b + steps[key]) * 100) / 100 : key === 'Home' ? -PARAMETER_LIMIT : key === 'End' ? PARAMETER_LIMIT : null;
        if (next === null) return false;
        setBias(Math.max(-PARAMETER_LIMIT, Math.min(PARAMETER_LIMIT, next)));
        return true;
      },
    });
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
    this.#draw(reluUnitScene(defaultDataset(), config), config);
    for (const name of UNIT_PARAMETERS) this.dataset[name.toLowerCase()] = String(config[name]);
  }

  #draw(scene: ReluUnitScene, config: ReluUnitConfig): void {
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
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    if (handle) {
      handle.setAttribute('aria-valuenow', String(config.B1));
      handle.setAttribute('aria-valuetext', `B1 = ${config.B1}`);
    }
    replaceRows(this.querySelector('[data-samples] tbody'), scene.samples);
    const caption = this.querySelector('[data-samples] caption');
    if (caption) caption.textContent = scene.sampleCaption;
  }
}

if (!customElements.get('np-relu-unit')) customElements.define('np-relu-unit', NpReluUnit);
