// <np-loss-surface>: recomputes the slice, the run and its path when a setting changes or the
// start is dragged (view.ts draws it). While a drag lasts the window stays put under the
// pointer; it is fitted again when the drag ends. Settings, link, locks and the status line are
// the kit's WidgetElement (which also swaps the axes when one takes the other's parameter); the
// dragged start is the settings W1 … B3 (no control of their own).
import { TrainerInputError } from '../../trainer/errors';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { ALL_DRAWN, handSetValues, lossSurfaceSettings, START_LIMIT, type LossSurfaceConfig } from '../../experiments/loss-surface/settings';
import { GRID, indexOf, surfaceState, type SurfaceWindow } from '../../experiments/loss-surface/run';
import { wireDragLayer } from '../kit/dragLayer';
import { WidgetElement } from '../kit/element';
import { whenNear } from '../kit/hydrate';
import { SURFACE_HEIGHT, SURFACE_WIDTH, valuesAt } from './scene';
import { SurfaceView } from './view';

const STEPS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

class NpLossSurface extends WidgetElement<LossSurfaceConfig> {
  protected readonly settings = lossSurfaceSettings;
  protected readonly defaultShareKey = 'surface';
  readonly #view = new SurfaceView(this);
  readonly #grid = new Float64Array(GRID * GRID);
  /** The window of the picture on screen, and the one kept while the start is being dragged. */
  #window: SurfaceWindow | null = null;
  #heldWindow: SurfaceWindow | null = null;
  #lastStart: Float64Array = new Float64Array(9);

  protected setup(): void {
    this.querySelector('[data-action="reset-start"]')?.addEventListener('click', () => {
      const dragged = Object.keys(handSetValues(this.current())).length > 0;
      this.#heldWindow = null;
      this.change(ALL_DRAWN);
      this.say(dragged ? 'The start is the drawn one again.' : 'The start is already the drawn one: drag the square to move it.');
    });
    this.#wireDrag();
  }

  /** The server drew the figure; the first live redraw costs a whole grid, so it waits until the figure is near. */
  protected begin(_config: LossSurfaceConfig, fromLink: boolean): void {
    if (fromLink) this.refresh();
    else whenNear(this, () => this.#window === null && this.refresh());
  }

  protected changed(name: string): void {
    this.#heldWindow = null;
    super.changed(name);
  }

  protected update(config: LossSurfaceConfig): void {
    const t0 = performance.now();
    let state;
    try {
      state = surfaceState(config, defaultDataset(), this.#heldWindow ?? undefined, this.#grid);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('run', `${error.message} The picture still shows the last valid run.`);
      return;
    }
    this.status.problem('run', null);
    this.#view.draw(config, state, performance.now() - t0);
    this.#lastStart = state.run.start;
    // A run that blows up is an outcome to read, not a mistake: it is said, not flagged.
    if (state.run.status === 'diverged') this.say(`${state.run.message}${this.suggest('learningRate', ' Try a smaller learning rate.')}`);
    if (!this.#heldWindow) this.#window = state.window;
  }

  /** Moves the start's two shown coordinates; the window stays put while dragging. */
  #moveStart(x: number, y: number): void {
    const config = this.current();
    const clamp = (v: number) => Math.max(-START_LIMIT, Math.min(START_LIMIT, Math.round(v * 1000) / 1000));
    this.#heldWindow = this.#window;
    this.change({ [config.x]: clamp(x), [config.y]: clamp(y) });
  }

  #wireDrag(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="surface"] svg');
    if (!handle || !svg) return;
    wireDragLayer(handle, svg, SURFACE_WIDTH, SURFACE_HEIGHT, {
      point: (x, y) => {
        if (this.#window) this.#moveStart(...valuesAt(this.#window, x, y));
      },
      key: (key) => {
        const window = this.#window;
        if (!window || !(key in STEPS)) return false;
        const config = this.current();
        const [dx, dy] = STEPS[key];
        const start = this.#lastStart;
        this.#moveStart(start[indexOf(config.x)] + (dx * (window.x[1] - window.x[0])) / 50, start[indexOf(config.y)] + (dy * (window.y[1] - window.y[0])) / 50);
        return true;
      },
      // The window is fitted again once the drag (or the key press) is over.
      release: () => {
        if (!this.#heldWindow) return;
        this.#heldWindow = null;
        this.show(this.current());
      },
    });
  }
}

if (!customElements.get('np-loss-surface')) customElements.define('np-loss-surface', NpLossSurface);
