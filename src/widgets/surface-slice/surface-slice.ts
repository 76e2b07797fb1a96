// <np-surface-slice>: redraws the loss slice when another widget hands it new parameters
// (follow()) or the reader picks another pair or window. Settings, link, lock/hide and Copy link
// are the kit's WidgetElement. The chosen pair is kept by role, apart from what the selects can
// show: a fifth unit's weight stays chosen while the network has three units (the slice shows
// a default then, and says so), and comes back when the width does.
import type { Dataset } from '../../trainer/data';
import { parseRole, roleAt, roleOptions, roleToken, sliceAxes, surfaceSliceSettings, type SurfaceSliceConfig } from '../../experiments/surface-slice/settings';
import { WidgetElement } from '../kit/element';
import { SLICE_CHANGE_EVENT, type SliceElement } from '../kit/events';
import { oncePerFrame } from '../kit/frame';
import { pixelPainter } from '../kit/pixelImage';
import { ownControls, type TextControl } from '../kit/settingControls';
import { SLICE_GRID, slicePixels, sliceScene, sliceState } from './scene';

type Axis = 'x' | 'y';

class NpSurfaceSlice extends WidgetElement<SurfaceSliceConfig> implements SliceElement {
  protected readonly settings = surfaceSliceSettings;
  protected readonly defaultShareKey = 'slice';
  #source: { params: Float64Array; data: Dataset; hidden: number } | null = null;
  /** The pair chosen, by role (the selects show what the current width allows). */
  #roles: Pick<SurfaceSliceConfig, Axis> = { ...surfaceSliceSettings.defaults };
  #grid = new Float64Array(SLICE_GRID * SLICE_GRID);
  #paint = pixelPainter(this.ownerDocument);
  #follow = oncePerFrame(() => this.refresh());

  /** The current settings (for a link). */
  toConfig(): SurfaceSliceConfig {
    return this.current();
  }

  /** Draws the slice around `params` (a network with `hidden` units) on `data`. */
  follow(params: ArrayLike<number>, data: Dataset, hidden: number): void {
    this.#source = { params: Float64Array.from(params), data, hidden };
    this.#follow();
  }

  protected setup(): void {
    this.#showChoices(Number(this.dataset.hidden) || 2);
  }

  protected update(config: SurfaceSliceConfig): void {
    const source = this.#source;
    if (!source) return;
    const { params, data, hidden } = source;
    const axes = sliceAxes(config, hidden);
    this.#showChoices(hidden, axes);
    this.status.problem('axes', axes.notices.length ? axes.notices.join(' ') : null);
    const state = sliceState({ params, data, hidden, x: axes.x, y: axes.y, span: config.span }, this.#grid);
    const scene = sliceScene(state, this.#paint(slicePixels(state), SLICE_GRID, SLICE_GRID));
    this.drawScene({ panels: { slice: scene.svg }, numbers: { ...scene.numbers, dimensions: String(params.length) }, tables: { slice: scene.tableRows } });
    ownControls(this, '[data-table="slice"] thead th').forEach((th, i) => (th.textContent = scene.tableColumns[i] ?? ''));
  }

  /** The reader picked a parameter: choosing the other axis's parameter swaps the two. */
  protected changed(name: string): void {
    if (name === 'x' || name === 'y') {
      const role = parseRole(this.#select(name)?.value ?? '');
      if (!role) return;
      const other: Axis = name === 'x' ? 'y' : 'x';
      if (roleToken(this.#roles[other]) === roleToken(role)) this.#roles[other] = this.#roles[name];
      this.#roles[name] = role;
    }
    super.changed(name);
    this.dispatchEvent(new CustomEvent(SLICE_CHANGE_EVENT, { bubbles: true }));
  }

  protected ownControls(): Record<string, TextControl> {
    const control = (axis: Axis): TextControl => ({
      value: () => roleToken(this.#roles[axis]),
      set: (text) => {
        this.#roles[axis] = parseRole(text) ?? this.#roles[axis];
      },
    });
    return { x: control('x'), y: control('y') };
  }

  #select(axis: Axis): HTMLSelectElement | null {
    return ownControls<HTMLSelectElement>(this, `[data-select][data-name="${axis}"] select`)[0] ?? null;
  }

  /** The selects offer this width's parameters and show the pair drawn. */
  #showChoices(hidden: number, axes = sliceAxes({ ...this.current(), ...this.#roles }, hidden)): void {
    for (const axis of ['x', 'y'] as const) {
      const select = this.#select(axis);
      if (!select) continue;
      if (select.options.length !== 4 * hidden + 1) {
        select.replaceChildren(...roleOptions(hidden).map((o) => Object.assign(this.ownerDocument.createElement('option'), { value: o.value, textContent: o.label })));
      }
      select.value = roleToken(roleAt(axes[axis], hidden));
    }
  }
}

if (!customElements.get('np-surface-slice')) customElements.define('np-surface-slice', NpSurfaceSlice);
