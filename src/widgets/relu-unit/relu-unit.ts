// <np-relu-unit>: redraws the server-drawn unit whenever W1, W3 or B1 changes (typed, dragged,
// or set by a preset). Settings, links, locks and redrawing are the kit's WidgetElement.
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { PARAMETER_LIMIT } from '../../experiments/parameters/settings';
import { RELU_UNIT_PRESETS, reluUnitSettings, type ReluUnitConfig, type ReluUnitPreset } from '../../experiments/relu-unit/settings';
import { biasThrough } from '../../experiments/relu-unit/unit';
import { wireDragLayer } from '../kit/dragLayer';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { PANEL_HEIGHT, PANEL_WIDTH, planePointAt, reluUnitScene } from './scene';

/** Arrow keys move the kink line by a small step, Page Up/Down by a large one (B1 units). */
const KEY_STEPS: Record<string, number> = { ArrowUp: 0.05, ArrowRight: 0.05, ArrowDown: -0.05, ArrowLeft: -0.05, PageUp: 0.5, PageDown: -0.5 };

class NpReluUnit extends WidgetElement<ReluUnitConfig> {
  protected readonly settings = reluUnitSettings;
  protected readonly defaultShareKey = 'unit';

  protected setup(): void {
    for (const button of ownControls<HTMLButtonElement>(this, '[data-action="preset"]')) {
      const preset = RELU_UNIT_PRESETS[button.dataset.preset as ReluUnitPreset];
      if (preset) button.addEventListener('click', () => this.change(preset.values));
    }
    this.#wireDrag();
  }

  protected update(config: ReluUnitConfig): void {
    const scene = reluUnitScene(defaultDataset(), config);
    this.drawScene(scene);
    const state = this.querySelector<HTMLElement>('[data-unit-state]');
    if (state) {
      state.dataset.state = scene.state;
      // A live region: it speaks only when the sentence changes.
      if (state.textContent !== scene.stateMessage) state.textContent = scene.stateMessage;
    }
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    handle?.setAttribute('aria-valuenow', String(config.B1));
    handle?.setAttribute('aria-valuetext', `B1 = ${config.B1}`);
  }

  /**
   * The kink line can be dragged: the pointer's point of the plane becomes a point of the line
   * (B1 changes, W1 and W3 keep its direction). From the keyboard it is a slider for B1.
   */
  #wireDrag(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="plane"] svg');
    if (!handle || !svg) return;
    if (this.isLocked('B1')) {
      handle.hidden = true;
      return;
    }
    const setBias = (b: number | null) => {
      if (b !== null && b !== this.current().B1) this.change({ B1: b });
    };
    wireDragLayer(handle, svg, PANEL_WIDTH, PANEL_HEIGHT, {
      point: (x, y) => setBias(biasThrough(this.current(), planePointAt(x, y), PARAMETER_LIMIT)),
      key: (key) => {
        const b = this.current().B1;
        const next = key in KEY_STEPS ? Math.round((b + KEY_STEPS[key]) * 100) / 100 : key === 'Home' ? -PARAMETER_LIMIT : key === 'End' ? PARAMETER_LIMIT : null;
        if (next === null) return false;
        setBias(Math.max(-PARAMETER_LIMIT, Math.min(PARAMETER_LIMIT, next)));
        return true;
      },
    });
  }
}

if (!customElements.get('np-relu-unit')) customElements.define('np-relu-unit', NpReluUnit);
