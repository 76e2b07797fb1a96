// <np-loss-surface>: recomputes the slice, the run and its path when a setting changes or the
// start is dragged. The heat map's pixels go through a canvas into the SVG's <image>. While a
// drag lasts the window stays put under the pointer; it is fitted again when the drag ends.
// Every query is scoped to the element itself.
import type { ParameterName } from '../../trainer/parameters';
import { TrainerInputError } from '../../trainer/errors';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { formatInteger } from '../../experiments/format';
import { wireDragLayer } from '../kit/dragLayer';
import { oncePerFrame } from '../kit/frame';
import { heatPixels } from '../kit/heatmap';
import { finishStartup } from '../kit/lifecycle';
import { adviceUnlessLocked } from '../../experiments/settings/advice';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { patchInto } from '../kit/svg';
import { LOSS_SURFACE_DEFAULTS, LOSS_SURFACE_KEYS, parseLossSurfaceConfig, serializeLossSurfaceConfig, START_LIMIT, type LossSurfaceConfig } from './config';
import { GRID, indexOf, surfaceState, type SurfaceWindow } from './run';
import { lossSurfaceScene, SURFACE_HEIGHT, SURFACE_WIDTH, valuesAt } from './scene';
import { whenNear } from '../kit/hydrate';

class NpLossSurface extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #selects: Record<string, () => string> = {};
  #values: Partial<Record<ParameterName, number>> = {};
  /** The window kept while the start is being dragged. */
  #heldWindow: SurfaceWindow | null = null;
  #lastStart: Float64Array = new Float64Array(9);
  /** What a teacher's link fixes (locked) or hides. */
  #shared: { locked: ReadonlySet<string>; hidden: ReadonlySet<string> } = { locked: new Set(), hidden: new Set() };
  #grid = new Float64Array(GRID * GRID);
  #canvas: HTMLCanvasElement | null = null;
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'surface', LOSS_SURFACE_KEYS, parseLossSurfaceConfig);
    this.#shared = shared;
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, () => this.#changed());
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) {
      this.#selects[wrapper.dataset.name ?? ''] = wireSelect(wrapper, (value, name) => this.#selectChanged(name, value));
    }
    this.#show(config);
    this.#axes = { x: config.x, y: config.y };
    this.querySelector('[data-action="reset-start"]')?.addEventListener('click', () => {
      const dragged = Object.keys(this.#values).length > 0;
      this.#values = {};
      this.#changed(dragged ? 'The start is the drawn one again.' : 'The start is already the drawn one: drag the square to move it.');
    });
    this.#wireDrag();
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeLossSurfaceConfig(this.#current()), shared, (m) => this.#status.note(m));
    // The server drew the figure; the first live redraw also reports how long a grid takes. It
    // costs a whole grid, so it waits until the figure is near the screen (unless a change came first).
    finishStartup(this, this.#status, notices, () => this.#update());
    if (!notices.length) whenNear(this, () => this.#currentWindow === null && this.#update());
  }

  #show(config: LossSurfaceConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as 'initSeed'] as number);
    for (const name of ['x', 'y', 'slice', 'init'] as const) {
      const select = this.querySelector<HTMLSelectElement>(`[data-select][data-name="${name}"] select`);
      if (select) select.value = config[name];
    }
    this.#values = { ...config.values };
  }

  #current(): LossSurfaceConfig {
    const pick = <T extends string>(name: string, fallback: T) => (this.#selects[name]?.() || fallback) as T;
    const D = LOSS_SURFACE_DEFAULTS;
    return {
      x: pick('x', D.x),
      y: pick('y', D.y),
      slice: pick('slice', D.slice),
      init: pick('init', D.init),
      initSeed: this.#numbers.initSeed?.value ?? D.initSeed,
      learningRate: this.#numbers.learningRate?.value ?? D.learningRate,
      epochs: this.#numbers.epochs?.value ?? D.epochs,
      span: this.#numbers.span?.value ?? D.span,
      values: { ...this.#values },
    };
  }

  /** The two axes' parameters, to swap them when one select takes the other's parameter. */
  #axes: { x: string; y: string } = { x: '', y: '' };

  #selectChanged(name: string, value: string): void {
    if (name !== 'x' && name !== 'y') return this.#changed();
    const other = name === 'x' ? 'y' : 'x';
    let message: string | undefined;
    if (value === this.#axes[other]) {
      // Both axes on one parameter would be a line, not a picture: the other axis takes the old one.
      const select = this.querySelector<HTMLSelectElement>(`[data-select][data-name="${other}"] select`);
      if (select) select.value = this.#axes[name];
      this.#axes[other] = this.#axes[name];
      message = `Swapped the axes: ${value} ${name === 'x' ? 'across' : 'up'}, ${this.#axes[other]} ${name === 'x' ? 'up' : 'across'}.`;
    }
    this.#axes[name] = value;
    this.#changed(message ?? `Now ${this.#axes.x} across and ${this.#axes.y} up.`);
  }

  /** A setting changed: fit the window again and redraw. */
  #changed(message?: string): void {
    this.#heldWindow = null;
    if (message) this.#status.note(message);
    this.#schedule();
  }

  #update(): void {
    const config = this.#current();
    if (config.x === config.y) {
      this.#status.problem('axes', `Choose two different parameters: both axes show ${config.x}. The picture still shows the last pair.`);
      return;
    }
    this.#status.problem('axes', null);
    let state;
    const t0 = performance.now();
    try {
      state = surfaceState(config, defaultDataset(), this.#heldWindow ?? undefined, this.#grid);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.#status.problem('run', `${error.message} The picture still shows the last valid run.`);
      return;
    }
    this.#status.problem('run', null);
    const total = performance.now() - t0;
    const pixels = heatPixels(state.grid, GRID, GRID, state.scale);
    const scene = lossSurfaceScene({ config, ...state, image: this.#paint(pixels) });
    const svg = this.querySelector('[data-panel="surface"] svg');
    if (svg) patchInto(svg, scene.svg);
    showNumbers(this, scene.numbers);
    const timing = this.querySelector('[data-timing]');
    if (timing) timing.textContent = `${GRID} × ${GRID} losses in ${formatInteger(state.gridMilliseconds)} ms (with the ${formatInteger(state.run.epochs)} training epochs: ${formatInteger(total)} ms)`;
    const gridTable = this.querySelector('[data-grid-table]');
    gridTable?.querySelectorAll('thead th').forEach((th, i) => (th.textContent = scene.gridColumns[i] ?? ''));
    replaceRows(gridTable?.querySelector('tbody') ?? null, scene.gridRows);
    replaceRows(this.querySelector('[data-path-table] tbody'), scene.pathRows);
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    if (handle) {
      handle.setAttribute('aria-valuetext', `start at ${scene.numbers.startAt}`);
      handle.setAttribute('aria-label', `Start of the run: drag on the picture, or use the arrow keys (left and right move ${config.x}, up and down move ${config.y})`);
    }
    this.#lastStart = state.run.start;
    // A run that blows up is an outcome to read, not a mistake: it is said, not flagged.
    // No advice to change what a teacher's link fixes.
    if (state.run.status === 'diverged') {
      const advice = adviceUnlessLocked((name) => this.#shared.locked.has(name) || this.#shared.hidden.has(name), 'learningRate', ' Try a smaller learning rate.');
      this.#status.note(`${state.run.message}${advice}`);
    }
    if (!this.#heldWindow) this.#currentWindow = state.window;
    for (const [k, v] of serializeLossSurfaceConfig(config)) this.dataset[k] = v;
  }

  /** The window of the picture now on screen. */
  #currentWindow: SurfaceWindow | null = null;

  /** The pixels as an image URL, through a canvas the size of the grid. */
  #paint(pixels: Uint8ClampedArray<ArrayBuffer>): string {
    this.#canvas ??= this.ownerDocument.createElement('canvas');
    this.#canvas.width = GRID;
    this.#canvas.height = GRID;
    const context = this.#canvas.getContext('2d');
    if (!context) return '';
    context.putImageData(new ImageData(pixels, GRID, GRID), 0, 0);
    return this.#canvas.toDataURL('image/png');
  }

  /** Moves the start's two shown coordinates; the window stays put while dragging. */
  #moveStart(x: number, y: number): void {
    const config = this.#current();
    const clamp = (v: number) => Math.max(-START_LIMIT, Math.min(START_LIMIT, Math.round(v * 1000) / 1000));
    this.#values = { ...this.#values, [config.x]: clamp(x), [config.y]: clamp(y) };
    this.#heldWindow = this.#currentWindow;
    this.#schedule();
  }

  #wireDrag(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="surface"] svg');
    if (!handle || !svg) return;
    wireDragLayer(handle, svg, SURFACE_WIDTH, SURFACE_HEIGHT, {
      point: (x, y) => {
        if (this.#currentWindow) this.#moveStart(...valuesAt(this.#currentWindow, x, y));
      },
      key: (key) => {
        const window = this.#currentWindow;
        const steps: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
        if (!window || !(key in steps)) return false;
        const config = this.#current();
        const [dx, dy] = steps[key];
        const start = this.#lastStart;
        this.#moveStart(start[indexOf(config.x)] + (dx * (window.x[1] - window.x[0])) / 50, start[indexOf(config.y)] + (dy * (window.y[1] - window.y[0])) / 50);
        return true;
      },
      // The window is fitted again once the drag (or the key press) is over.
      release: () => {
        if (this.#heldWindow) this.#changed();
      },
    });
  }
}

if (!customElements.get('np-loss-surface')) customElements.define('np-loss-surface', NpLossSurface);
