// Draws a computed surface into the widget: the heat map painted through one canvas into the
// SVG's <image> (patched, not rebuilt, as a drag redraws it every frame), the numbers, the two
// tables and the drag layer's words.
import type { LossSurfaceConfig } from '../../experiments/loss-surface/settings';
import { GRID, type SurfaceState } from '../../experiments/loss-surface/run';
import { formatInteger } from '../../experiments/format';
import { replaceRows, showNumbers } from '../kit/dom';
import { heatPixels, heatScaleOf } from '../kit/heatmap';
import { patchInto } from '../kit/svg';
import { lossSurfaceScene } from './scene';

export class SurfaceView {
  #canvas: HTMLCanvasElement | null = null;

  constructor(private readonly host: HTMLElement) {}

  /** Shows `state`; `milliseconds` is how long the run and the grid took together. */
  draw(config: LossSurfaceConfig, state: SurfaceState, milliseconds: number): void {
    const host = this.host;
    const scale = heatScaleOf(state.grid);
    const scene = lossSurfaceScene({ config, ...state, scale, image: this.#paint(heatPixels(state.grid, GRID, GRID, scale)) });
    const svg = host.querySelector('[data-panel="surface"] svg');
    if (svg) patchInto(svg, scene.svg);
    showNumbers(host, scene.numbers);
    const timing = host.querySelector('[data-timing]');
    if (timing) timing.textContent = `${GRID} × ${GRID} losses in ${formatInteger(state.gridMilliseconds)} ms (with the ${formatInteger(state.run.epochs)} training epochs: ${formatInteger(milliseconds)} ms)`;
    const gridTable = host.querySelector('[data-grid-table]');
    gridTable?.querySelectorAll('thead th').forEach((th, i) => (th.textContent = scene.gridColumns[i] ?? ''));
    replaceRows(gridTable?.querySelector('tbody') ?? null, scene.gridRows);
    replaceRows(host.querySelector('[data-path-table] tbody'), scene.pathRows);
    const handle = host.querySelector<HTMLElement>('[data-drag]');
    if (handle) {
      handle.setAttribute('aria-valuetext', `start at ${scene.numbers.startAt}`);
      handle.setAttribute('aria-label', `Start of the run: drag on the picture, or use the arrow keys (left and right move ${config.x}, up and down move ${config.y})`);
    }
  }

  /** The pixels as an image URL, through a canvas the size of the grid. */
  #paint(pixels: Uint8ClampedArray<ArrayBuffer>): string {
    this.#canvas ??= this.host.ownerDocument.createElement('canvas');
    this.#canvas.width = GRID;
    this.#canvas.height = GRID;
    const context = this.#canvas.getContext('2d');
    if (!context) return '';
    context.putImageData(new ImageData(pixels, GRID, GRID), 0, 0);
    return this.#canvas.toDataURL('image/png');
  }
}
