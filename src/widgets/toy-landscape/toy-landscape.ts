// <np-toy-landscape>: animates gradient descent on the toy curve. A changed setting shows the
// whole new path at once; Play replays it step by step (or, under reduced motion, shows every
// step at once); Step advances one step. Every query is scoped to the element itself.
import { toyDescent, type ToyDescent } from '../../trainer/toy';
import { statusLine, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { wireDragLayer } from '../kit/dragLayer';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { patchInto } from '../kit/svg';
import { parseToyLandscapeConfig, serializeToyLandscapeConfig, TOY_LANDSCAPE_KEYS, TOY_LANDSCAPE_RULES, type ToyLandscapeConfig } from './config';
import { startAt, toyLandscapeScene, TOY_HEIGHT, TOY_WIDTH } from './scene';

/** A played descent takes about this long, however many steps it has… */
const PLAY_MS = 3000;
/** …but never shows a step for less than this (short runs stay readable). */
const SLOWEST_STEP_MS = 300;

class NpToyLandscape extends HTMLElement {
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  #descent!: ToyDescent;
  #shown = 0;
  #timer = 0;
  #schedule = oncePerFrame(() => this.#recompute());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'toy', TOY_LANDSCAPE_KEYS, parseToyLandscapeConfig);
    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, () => this.#schedule());
    for (const name of TOY_LANDSCAPE_KEYS) this.#controls[name]?.set(config[name]);
    this.#descent = toyDescent(config.start, config.learningRate, config.steps);
    this.#shown = this.#descent.path.length - 1;
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => (this.#timer ? this.#stop('Paused.') : this.#play()));
    on('step', () => this.#step());
    on('reset', () => {
      this.#stop();
      this.#shown = 0;
      this.#draw();
      this.#status.note('Back at the start: press Play or Step.');
    });
    this.#wireDrag();
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeToyLandscapeConfig(this.#current()), shared, (m) => this.#status.note(m));
    finishStartup(this, this.#status, notices, () => this.#recompute());
    // A shared link's settings differ from what the server drew.
    if (shared.settings.size && !notices.length) this.#recompute();
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  #current(): ToyLandscapeConfig {
    const value = (name: keyof ToyLandscapeConfig) => this.#controls[name]?.value ?? Number(this.dataset[name]);
    return { start: value('start'), learningRate: value('learningRate'), steps: value('steps') };
  }

  /** A setting changed: the whole new path is shown at once. */
  #recompute(): void {
    this.#stop();
    const config = this.#current();
    this.#descent = toyDescent(config.start, config.learningRate, config.steps);
    this.#shown = this.#descent.path.length - 1;
    this.#draw();
    for (const [k, v] of serializeToyLandscapeConfig(config)) this.dataset[k] = v;
  }

  #draw(): void {
    const config = this.#current();
    const scene = toyLandscapeScene(config, this.#shown, this.#descent);
    const svg = this.querySelector('[data-panel="toy"] svg');
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
      this.#status.note('Reduced motion is on, so every step is shown at once. Use Step to go through them one by one.');
      return;
    }
    if (this.#shown >= this.#last()) this.#shown = 0;
    const last = this.#last();
    const interval = Math.min(SLOWEST_STEP_MS, Math.max(16, PLAY_MS / Math.max(1, last)));
    const perTick = Math.max(1, Math.round((last * interval) / PLAY_MS));
    this.#status.note('Playing…');
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
      this.#status.note(message);
    }
  }

  #step(): void {
    this.#stop();
    // From the end, Step starts over: the first press shows step 1.
    const over = this.#shown >= this.#last();
    this.#shown = over ? Math.min(1, this.#last()) : this.#shown + 1;
    this.#draw();
    this.#status.note(`${over ? 'From the start again. ' : ''}Step ${this.#shown} of ${this.#last()}.`);
  }

  /** Dragging on the picture moves the start; from the keyboard the picture is a slider for it. */
  #wireDrag(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="toy"] svg');
    if (!handle || !svg) return;
    const { min, max } = TOY_LANDSCAPE_RULES.start;
    const setStart = (x: number) => {
      const next = Math.max(min, Math.min(max, Math.round(x * 100) / 100));
      if (next === this.#controls.start?.value) return;
      this.#controls.start?.set(next);
      this.#schedule();
    };
    const moves: Record<string, number> = { ArrowRight: 0.05, ArrowUp: 0.05, ArrowLeft: -0.05, ArrowDown: -0.05, PageUp: 0.5, PageDown: -0.5 };
    wireDragLayer(handle, svg, TOY_WIDTH, TOY_HEIGHT, {
      point: (x) => setStart(startAt(x)),
      key: (key) => {
        const x = this.#controls.start?.value ?? 0;
        const next = key in moves ? x + moves[key] : key === 'Home' ? min : key === 'End' ? max : null;
        if (next === null) return false;
        setStart(next);
        return true;
      },
    });
  }
}

if (!customElements.get('np-toy-landscape')) customElements.define('np-toy-landscape', NpToyLandscape);
