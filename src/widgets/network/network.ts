// <np-network>: redraws the server-rendered network, its slices and its loss whenever a
// parameter, a slice position or a preset changes. Every query is scoped to the element.
import { fromNamed, PARAMETER_NAMES, toNamed } from '../../trainer/parameters';
import { statusLine, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { readParameters, writeParameters } from '../kit/parameters';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { renderInto } from '../kit/svg';
import { presetParameters } from '../../trainer/presets';
import { NETWORK_DEFAULTS, parseNetworkConfig, type NetworkConfig, type NetworkPreset } from './config';
import { networkScene, type NetworkScene } from './scene';

class NpNetwork extends HTMLElement {
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { config, notices } = parseNetworkConfig(this.dataset);
    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, (_value, name) => {
      // A new seed means a new He start; every other control is a value of the figure.
      if (name === 'seed') this.#applyPreset('he');
      else this.#schedule();
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action="preset"]')) {
      button.addEventListener('click', () => this.#applyPreset(button.dataset.preset as NetworkPreset));
    }
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.#show(config);
    finishStartup(this, this.#status, notices, () => this.#update());
  }

  #show(config: NetworkConfig): void {
    writeParameters(this.#controls, fromNamed(config.params));
    this.#controls.seed?.set(config.seed);
    this.#controls.sliceX2?.set(config.sliceX2);
    this.#controls.sliceX1?.set(config.sliceX1);
  }

  #applyPreset(preset: NetworkPreset): void {
    writeParameters(this.#controls, presetParameters(preset, { seed: this.#controls.seed?.value ?? 1, decimals: 4 }));
    this.#update();
  }

  #current(): NetworkConfig {
    const params = toNamed(readParameters(this.#controls, fromNamed(NETWORK_DEFAULTS.params)));
    return { params, seed: this.#controls.seed?.value ?? 1, sliceX2: this.#controls.sliceX2?.value ?? 0, sliceX1: this.#controls.sliceX1?.value ?? 0 };
  }

  #update(): void {
    const config = this.#current();
    this.#draw(networkScene(defaultDataset(), config));
    for (const name of PARAMETER_NAMES) this.dataset[name.toLowerCase()] = String(config.params[name]);
    this.dataset.slicex2 = String(config.sliceX2);
    this.dataset.slicex1 = String(config.sliceX1);
    this.dataset.seed = String(config.seed);
  }

  #draw(scene: NetworkScene): void {
    for (const name of ['diagram', 'alongX1', 'alongX2'] as const) {
      const svg = this.querySelector(`[data-panel="${name}"] svg`);
      if (svg) renderInto(svg, scene.panels[name]);
    }
    showNumbers(this, scene.numbers);
    replaceRows(this.querySelector('[data-samples] tbody'), scene.samples);
  }
}

if (!customElements.get('np-network')) customElements.define('np-network', NpNetwork);
