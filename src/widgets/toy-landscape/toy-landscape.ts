// <np-toy-landscape>: gradient descent on the toy curve. A changed setting shows the whole new
// path at once; Play replays it step by step (under reduced motion, every step at once); Step
// advances one step; dragging on the picture (or the arrow keys on it) moves the start.
// Settings, link, locks and the status line are the kit's WidgetElement.
import type { ToyDescent } from '../../trainer/toy';
import { toyLandscapeSettings, toyRun, type ToyLandscapeConfig } from '../../experiments/toy-landscape/settings';
import { replaceRows, showNumbers } from '../kit/dom';
import { wireDragLayer } from '../kit/dragLayer';
import { WidgetElement } from '../kit/element';
import { patchInto } from '../kit/svg';
import { startAt, toyLandscapeScene, TOY_HEIGHT, TOY_WIDTH } from './scene';

/** A played descent takes about this long, however many steps it has… */
const PLAY_MS = 3000;
/** …but never shows a step for less than this (short runs stay readable). */
const SLOWEST_STEP_MS = 300;

class NpToyLandscape extends WidgetElement<ToyLandscapeConfig> {
  protected readonly settings = toyLandscapeSettings;
  protected readonly defaultShareKey = 'toy';
  #config!: ToyLandscapeConfig;
  #descent!: ToyDescent;
  #shown = 0;
  #timer = 0;

  protected setup(config: ToyLandscapeConfig): void {
    this.#show(config);
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => (this.#timer ? this.#stop('Paused.') : this.#play()));
    on('step', () => this.#step());
    on('reset', () => {
      this.#stop();
      this.#shown = 0;
      this.#draw();
      this.say('Back at the start: press Play or Step.');
    });
    this.#wireDrag();
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  /** A setting changed: the whole new path is shown at once. */
  protected update(config: ToyLandscapeConfig): void {
    this.#stop();
    this.#show(config);
    this.#draw();
  }

  #show(config: ToyLandscapeConfig): void {
    this.#config = config;
    this.#descent = toyRun(config);
    this.#shown = this.#last();
  }

  #draw(): void {
    const config = this.#config;
    const scene = toyLandscapeScene(config, this.#shown, this.#descent);
    const svg = this.querySelector('[data-panel="toy"] svg');
    // patchInto keeps unchanged nodes: Play redraws many times a second.
    if (svg) patchInto(svg, scene.svg);
    showNumbers(this, scene.numbers);
    replaceRows(this.querySelector('[data-samples] tbody'), scene.rows);
    const caption = this.querySelector('[data-samples] caption');
    if (caption) caption.textContent = scene.tableCaption;
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    handle?.setAttribute('aria-valuenow', String(config.start));
    handle?.setAttribute('aria-valuetext', `x = ${config.start}`);
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) play.textContent = this.#timer ? 'Pause' : 'Play';
  }

  #last(): number {
    return this.#descent.path.length - 1;
  }

  #play(): void {
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.#shown = this.#last();
      this.#draw();
      this.say('Reduced motion is on, so every step is shown at once. Use Step to go through them one by one.');
      return;
    }
    if (this.#shown >= this.#last()) this.#shown = 0;
    const last = this.#last();
    const interval = Math.min(SLOWEST_STEP_MS, Math.max(16, PLAY_MS / Math.max(1, last)));
    const perTick = Math.max(1, Math.round((last * interval) / PLAY_MS));
    this.say('Playing…');
    this.#timer = window.setInterval(() => {
      this.#shown = Math.min(this.#last(), this.#shown + perTick);
      if (this.#shown >= this.#last()) this.#stop('Done.');
      else this.#draw();
    }, interval);
    this.#draw();
  }

  #stop(message?: string): void {
    if (this.#timer) window.clearInterval(this.#timer);
    this.#timer = 0;
    if (message !== undefined) {
      this.#draw();
      this.say(message);
    }
  }

  #step(): void {
    this.#stop();
    // From the end, Step starts over: the first press shows step 1.
    const over = this.#shown >= this.#last();
    this.#shown = over ? Math.min(1, this.#last()) : this.#shown + 1;
    this.#draw();
    this.say(`${over ? 'From the start again. ' : ''}Step ${this.#shown} of ${this.#last()}.`);
  }

  /** Dragging on the picture moves the start (unless a link locks it); from the keyboard the picture is a slider for it. */
  #wireDrag(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="toy"] svg');
    if (!handle || !svg) return;
    const { min, max } = this.settings.fields.start;
    const setStart = (x: number) => {
      const start = Math.max(min, Math.min(max, Math.round(x * 100) / 100));
      if (start !== this.current().start) this.change({ start });
    };
    const moves: Record<string, number> = { ArrowRight: 0.05, ArrowUp: 0.05, ArrowLeft: -0.05, ArrowDown: -0.05, PageUp: 0.5, PageDown: -0.5 };
    wireDragLayer(handle, svg, TOY_WIDTH, TOY_HEIGHT, {
      point: (x) => setStart(startAt(x)),
      key: (key) => {
        const x = this.current().start;
        const next = key in moves ? x + moves[key] : key === 'Home' ? min : key === 'End' ? max : null;
        if (next === null) return false;
        setStart(next);
        return true;
      },
    });
  }
}

if (!customElements.get('np-toy-landscape')) customElements.define('np-toy-landscape', NpToyLandscape);
