// <np-forward-pass>: walks one sample through the network a step at a time and keeps every
// number of the server-rendered formulas, chart and table current. Every query is scoped to
// the element, so the widget can appear twice on a page.
import { makeDataset } from '../../trainer/data';
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { showNumbers } from '../kit/dom';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { ParameterSet } from '../kit/parameterSet';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { renderInto } from '../kit/svg';
import { FORWARD_PASS_KEYS, FORWARD_PASS_RULES, parseForwardPassConfig, serializeForwardPassConfig, type ForwardPassConfig } from './config';
import { forwardPassScene, STEP_COUNT, type TableRow } from './scene';

const data = makeDataset();

class NpForwardPass extends HTMLElement {
  #status!: StatusLine;
  #controls: Record<string, NumberControl> = {};
  #parameters!: ParameterSet;
  #sample = 1;
  #step = STEP_COUNT;
  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    // A shared link's settings override the lesson's; unknown or garbled ones are named and ignored.
    const { key, shared, config, notices } = readWidgetSettings(this, 'forward', FORWARD_PASS_KEYS, parseForwardPassConfig);

    this.#status = statusLine(this);
    this.#controls = wireSliders(this, this.#status, (value, name) => this.#number(value, name));
    const select = this.querySelector<HTMLElement>('[data-select][data-name="start"]');
    if (select) wireSelect(select, (value) => this.#parameters.load(value) && this.#update());
    this.#parameters = new ParameterSet(config, this.#controls, select?.querySelector('select') ?? null);
    const actions: Record<string, () => void> = {
      reset: () => this.#go(0),
      back: () => this.#go(this.#step - 1),
      step: () => this.#go(this.#step + 1),
      all: () => this.#go(STEP_COUNT),
      'previous-sample': () => this.#moveSample(-1),
      'next-sample': () => this.#moveSample(1),
    };
    for (const [action, run] of Object.entries(actions)) {
      this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', run);
    }

    this.#apply(config);
    wireShareButton(this, key, () => serializeForwardPassConfig(this.#config()), shared, (m) => this.#status.note(m));
    // Browsers may restore typed values on reload, and a link may set anything: draw what is used.
    this.#update();
    finishStartup(this, this.#status, notices, () => this.#update());
    watchFormulaBoxes(this);
    applyControlPolicy(this, shared);
  }

  #apply(config: ForwardPassConfig): void {
    this.#sample = config.sample;
    this.#step = config.step;
    this.#controls.sample?.set(this.#sample);
  }

  #config(): ForwardPassConfig {
    return { ...this.#parameters.point(), sample: this.#sample, step: this.#step };
  }

  #number(value: number, name: string): void {
    if (name === 'sample') this.#sample = value;
    else if (!this.#parameters.set(name, value)) return;
    this.#schedule();
  }

  #go(step: number): void {
    this.#step = Math.max(0, Math.min(STEP_COUNT, step));
    this.#update();
  }

  #moveSample(by: number): void {
    const { min, max } = FORWARD_PASS_RULES.sample;
    this.#sample = Math.max(min, Math.min(max, this.#sample + by));
    this.#controls.sample?.set(this.#sample);
    this.#update();
  }

  #update(): void {
    const scene = forwardPassScene(this.#parameters.params, data, this.#sample - 1, this.#step);
    showLiveValues(this, scene.numbers);
    focusScrollingFormulas(this);
    showNumbers(this, scene.summary);
    const message = this.querySelector('[data-message]');
    if (message && message.textContent !== scene.message) message.textContent = scene.message;
    for (const li of this.querySelectorAll<HTMLElement>('[data-step]')) {
      const k = Number(li.dataset.step);
      li.classList.toggle('is-done', k <= this.#step);
      li.classList.toggle('is-current', k === this.#step);
      if (k === this.#step) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    const svg = this.querySelector('[data-panel="chart"] svg');
    if (svg) renderInto(svg, scene.chart);
    this.#showRows(scene.rows);
    const { min, max } = FORWARD_PASS_RULES.sample;
    this.#enable({
      reset: this.#step > 0,
      back: this.#step > 0,
      step: this.#step < STEP_COUNT,
      all: this.#step < STEP_COUNT,
      'previous-sample': this.#sample > min,
      'next-sample': this.#sample < max,
    });
    // The element's data-* attributes keep the current settings (parameter names as data-w1 …).
    for (const [k, v] of serializeForwardPassConfig(this.#config())) this.dataset[/^[WB]\d$/.test(k) ? k.toLowerCase() : k] = v;
  }

  /** Enables or disables the buttons; focus on a button that just went off moves to one still on. */
  #enable(states: Record<string, boolean>): void {
    const active = this.ownerDocument.activeElement;
    let lostFocus = false;
    for (const [action, on] of Object.entries(states)) {
      const button = this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (!button) continue;
      if (!on && button === active) lostFocus = true;
      button.disabled = !on;
    }
    if (lostFocus) {
      const fallback = ['step', 'back', 'next-sample', 'previous-sample'].find((a) => states[a]);
      if (fallback) this.querySelector<HTMLButtonElement>(`[data-action="${fallback}"]`)?.focus();
    }
  }

  #showRows(rows: TableRow[]): void {
    const body = this.querySelector('[data-rows] tbody');
    if (!body) return;
    const doc = this.ownerDocument;
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = doc.createElement('tr');
        if (row.current) {
          tr.className = 'is-current';
          tr.setAttribute('aria-current', 'true');
        }
        row.cells.forEach((text, c) => {
          const cell = doc.createElement(c === 0 ? 'th' : 'td');
          cell.className = 'num';
          if (c === 0) cell.setAttribute('scope', 'row');
          cell.textContent = c === 0 && row.current ? `▶ ${text}` : text;
          tr.append(cell);
        });
        return tr;
      }),
    );
  }
}

if (!customElements.get('np-forward-pass')) customElements.define('np-forward-pass', NpForwardPass);
