// <np-surface-slice>: redraws the loss slice when another widget hands it new parameters
// (show()) or the reader picks another pair or window. Every query is scoped to the element.
import type { Dataset } from '../../trainer/data';
import { statusLine, wireSelect, wireSlider, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { pixelPainter } from '../kit/pixelImage';
import { readWidgetSettings } from '../kit/share';
import { patchInto } from '../kit/svg';
import {
  parseRole,
  parseSurfaceSliceConfig,
  roleAt,
  roleOptions,
  roleToken,
  serializeSurfaceSliceConfig,
  sliceAxes,
  SURFACE_SLICE_KEYS,
  type SurfaceSliceConfig,
} from './config';
import { SLICE_GRID, slicePixels, sliceScene, sliceState } from './scene';
import { SLICE_CHANGE_EVENT } from './events';

export { SLICE_CHANGE_EVENT };

interface Source {
  params: Float64Array;
  data: Dataset;
  hidden: number;
}

class NpSurfaceSlice extends HTMLElement {
  #config!: SurfaceSliceConfig;
  #status!: StatusLine;
  #source: Source | null = null;
  /** The width the selects' options were made for. */
  #optionsFor = 2;
  #grid = new Float64Array(SLICE_GRID * SLICE_GRID);
  #paint = pixelPainter(this.ownerDocument);
  #schedule = oncePerFrame(() => this.#draw());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { config, notices } = readWidgetSettings(this, 'slice', SURFACE_SLICE_KEYS, parseSurfaceSliceConfig);
    this.#config = config;
    this.#optionsFor = Number(this.dataset.hidden) || 2;
    this.#status = statusLine(this);
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) wireSelect(wrapper, (value, name) => this.#pick(name as 'x' | 'y', value));
    const span = this.querySelector<HTMLElement>('[data-slider][data-name="span"]');
    if (span) {
      const control = wireSlider(span, this.#status, (value) => {
        this.#config.span = value;
        this.#changed();
      });
      control.set(config.span);
    }
    this.#showChoices();
    finishStartup(this, this.#status, notices, () => this.#schedule());
  }

  /** The current settings (for a link). */
  toConfig(): SurfaceSliceConfig {
    return { ...this.#config };
  }

  /** Draws the slice around `params` (a network with `hidden` units) on `data`. */
  show(params: ArrayLike<number>, data: Dataset, hidden: number): void {
    this.#source = { params: Float64Array.from(params), data, hidden };
    this.#schedule();
  }

  /** A select changed: choosing the other axis's parameter swaps the two. */
  #pick(axis: 'x' | 'y', value: string): void {
    const role = parseRole(value);
    if (!role) return;
    const other = axis === 'x' ? 'y' : 'x';
    if (roleToken(this.#config[other]) === roleToken(role)) this.#config[other] = this.#config[axis];
    this.#config[axis] = role;
    this.#showChoices();
    this.#changed();
  }

  #changed(): void {
    for (const [k, v] of serializeSurfaceSliceConfig(this.#config)) this.dataset[k] = v;
    this.dispatchEvent(new CustomEvent(SLICE_CHANGE_EVENT, { bubbles: true }));
    this.#schedule();
  }

  /** The selects offer this width's parameters and show the pair drawn. */
  #showChoices(axes = sliceAxes(this.#config, this.#optionsFor)): void {
    const hidden = this.#optionsFor;
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) {
      const select = wrapper.querySelector('select');
      const axis = wrapper.dataset.name === 'y' ? 'y' : 'x';
      if (!select) continue;
      if (select.options.length !== 4 * hidden + 1) {
        select.replaceChildren(
          ...roleOptions(hidden).map((o) => {
            const option = this.ownerDocument.createElement('option');
            option.value = o.value;
            option.textContent = o.label;
            return option;
          }),
        );
      }
      select.value = roleToken(roleAt(axes[axis], hidden));
    }
  }

  #draw(): void {
    const source = this.#source;
    if (!source) return;
    const { params, data, hidden } = source;
    const axes = sliceAxes(this.#config, hidden);
    this.#optionsFor = hidden;
    this.#showChoices(axes);
    this.#status.problem('axes', axes.notices.length ? axes.notices.join(' ') : null);
    const state = sliceState({ params, data, hidden, x: axes.x, y: axes.y, span: this.#config.span }, this.#grid);
    const scene = sliceScene(state, this.#paint(slicePixels(state), SLICE_GRID, SLICE_GRID));
    const svg = this.querySelector('[data-panel="slice"] svg');
    if (svg) patchInto(svg, scene.svg);
    showNumbers(this, { ...scene.numbers, dimensions: String(params.length) });
    const table = this.querySelector('[data-slice-table]');
    table?.querySelectorAll('thead th').forEach((th, i) => (th.textContent = scene.tableColumns[i] ?? ''));
    replaceRows(table?.querySelector('tbody') ?? null, scene.tableRows);
  }
}

if (!customElements.get('np-surface-slice')) customElements.define('np-surface-slice', NpSurfaceSlice);
