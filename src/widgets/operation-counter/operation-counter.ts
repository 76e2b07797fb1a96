// <np-operation-counter>: recounts whenever a setting changes. The formulas' side is instant for
// the first epoch; the counted side runs the epochs through the trainer's counting helpers in
// slices of about 10 ms per frame, so even 100 epochs of 10,000 samples keep the page answering.
// "Time one epoch" measures the trainer's fast loop on the reader's own machine, only on request.
import { makeDataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { flopsPerEpoch } from '../../trainer/operations';
import { Trainer } from '../../trainer/train';
import { statusLine, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { formatInteger, formatNumber } from '../../experiments/format';
import { finishStartup } from '../kit/lifecycle';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { renderInto } from '../kit/svg';
import {
  OPERATION_COUNTER_KEYS,
  parseOperationCounterConfig,
  serializeOperationCounterConfig,
  type OperationCounterConfig,
} from './config';
import { countEpochs, COUNTED_RUN, epochWork, startCount, type CountState } from './count';
import { counterChart, counterNumbers, tableRows } from './scene';

/** Counting work per frame, in milliseconds; drawing comes on top. */
const SLICE_MS = 10;
/** The timing runs the fast loop for at least this long, so the clock's coarseness does not matter. */
const TIMING_MS = 200;

class NpOperationCounter extends HTMLElement {
  #config!: OperationCounterConfig;
  #state: CountState | null = null;
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #frame = 0;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'count', OPERATION_COUNTER_KEYS, parseOperationCounterConfig);
    this.#config = config;
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, () => this.#recount());
    this.querySelector('[data-role="mask"]')?.addEventListener('change', () => this.#recount());
    this.querySelector('[data-action="time"]')?.addEventListener('click', () => this.#time());
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as 'n'] as number);
    const mask = this.querySelector<HTMLInputElement>('[data-role="mask"]');
    if (mask) mask.checked = config.mask === 'on';
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeOperationCounterConfig(this.#current()), shared, (m) => this.#status.note(m));
    finishStartup(this, this.#status, notices, () => this.#recount());
    // A shared link's settings differ from the count the page was built with.
    if (shared.settings.size && !notices.length) this.#recount();
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#frame);
  }

  #current(): OperationCounterConfig {
    const config = { ...this.#config };
    for (const [name, control] of Object.entries(this.#numbers)) (config as unknown as Record<string, number>)[name] = control.value;
    const box = this.querySelector<HTMLInputElement>('[data-role="mask"]');
    if (box) config.mask = box.checked ? 'on' : 'off';
    return config;
  }

  #recount(): void {
    cancelAnimationFrame(this.#frame);
    this.#config = this.#current();
    const state = startCount(this.#config);
    this.#state = state;
    // The first epoch at once (both columns need it), the rest in slices.
    countEpochs(state, 1);
    this.#draw();
    const slice = () => {
      if (this.#state !== state) return;
      const started = performance.now();
      const perEpoch = Math.max(1, epochWork(state.config));
      let done = false;
      while (!done && performance.now() - started < SLICE_MS) done = countEpochs(state, Math.max(1, Math.floor(200_000 / perEpoch)));
      this.#draw();
      if (!done) this.#frame = requestAnimationFrame(slice);
    };
    if (state.epoch < state.config.epochs) this.#frame = requestAnimationFrame(slice);
  }

  #draw(): void {
    const state = this.#state;
    if (!state) return;
    for (const kind of ['multiplications', 'additions'] as const) {
      const body = this.querySelector(`[data-table="${kind}"] tbody`);
      if (!body) continue;
      // Row headers stay <th scope="row">: rebuild the rows, then turn each first cell into a header.
      replaceRows(body, tableRows(state, kind));
      for (const tr of body.querySelectorAll('tr')) {
        const first = tr.firstElementChild;
        if (!first) continue;
        const th = this.ownerDocument.createElement('th');
        th.scope = 'row';
        th.textContent = first.textContent;
        first.replaceWith(th);
      }
    }
    const svg = this.querySelector('[data-panel="phases"] svg');
    if (svg) renderInto(svg, counterChart(state));
    const numbers = counterNumbers(state);
    showNumbers(this, numbers);
    const note = this.querySelector<HTMLElement>('[data-mask-note]');
    if (note) note.hidden = state.config.mask !== 'on';
    this.dataset.counted = state.epoch >= state.config.epochs ? 'done' : 'running';
  }

  /** Runs the trainer's fast loop for at least TIMING_MS and reports the time of one epoch. */
  #time(): void {
    const { hidden, n } = this.#current();
    const data = makeDataset({ n });
    const trainer = new Trainer({ data, params: initParams({ preset: COUNTED_RUN.preset, seed: COUNTED_RUN.seed, hidden }), learningRate: COUNTED_RUN.learningRate, hidden });
    let epochs = 1;
    let elapsed = 0;
    while (elapsed < TIMING_MS && trainer.status === 'ok') {
      const started = performance.now();
      trainer.step(epochs);
      elapsed += performance.now() - started;
      epochs *= 2;
    }
    const out = this.querySelector('[data-timing]');
    if (!out) return;
    if (trainer.status !== 'ok' || !(elapsed > 0) || trainer.epoch === 0) {
      out.textContent = 'The measurement did not finish; try again.';
      return;
    }
    const perEpoch = elapsed / trainer.epoch;
    const operations = flopsPerEpoch(n, hidden);
    const rate = (operations / perEpoch) * 1000;
    const time = perEpoch >= 1 ? `${formatNumber(perEpoch)} ms` : `${formatNumber(perEpoch * 1000)} µs`;
    out.textContent =
      `Measured just now on this machine, N = ${formatInteger(n)}, H = ${hidden}: one epoch of the trainer's fast loop took ${time} ` +
      `(${formatInteger(trainer.epoch)} epochs timed), about ${formatNumber(rate / 1e6)} million of the formulas’ ${formatInteger(operations)} operations per second.`;
  }
}

if (!customElements.get('np-operation-counter')) customElements.define('np-operation-counter', NpOperationCounter);
