// <np-forward-pass>: walks one sample through the network a step at a time and keeps every
// number of the server-drawn formulas, chart and table current. Settings, links, locks and
// redrawing are the kit's WidgetElement; the step and sample buttons change settings like any
// control (so a teacher's lock on the sample or the step holds).
import { makeDataset } from '../../trainer/data';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { forwardPassSettings, type ForwardPassConfig } from '../../experiments/forward-pass/settings';
import { STEP_COUNT } from '../../experiments/forward-pass/pass';
import { isNamedStart, startingParameters, startValues } from '../../experiments/parameters/start';
import { WidgetElement } from '../kit/element';
import { wireExactParameters } from '../kit/exactParameters';
import { showNumbers } from '../kit/dom';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { ownControls, type TextControl } from '../kit/settingControls';
import { renderInto } from '../kit/svg';
import { forwardPassScene, type TableRow } from './scene';

const data = makeDataset();
const { min: FIRST, max: LAST } = forwardPassSettings.fields.sample;

class NpForwardPass extends WidgetElement<ForwardPassConfig> {
  protected readonly settings = forwardPassSettings;
  protected readonly defaultShareKey = 'forward';

  protected ownControls(): Record<string, TextControl> {
    return wireExactParameters(this, PARAMETER_NAMES, (name) => this.changed(name));
  }

  protected setup(): void {
    const moves: Record<string, (c: ForwardPassConfig) => Partial<ForwardPassConfig>> = {
      reset: () => ({ step: 0 }),
      back: (c) => ({ step: Math.max(0, c.step - 1) }),
      step: (c) => ({ step: Math.min(STEP_COUNT, c.step + 1) }),
      all: () => ({ step: STEP_COUNT }),
      'previous-sample': (c) => ({ sample: Math.max(FIRST, c.sample - 1) }),
      'next-sample': (c) => ({ sample: Math.min(LAST, c.sample + 1) }),
    };
    for (const [action, move] of Object.entries(moves)) {
      ownControls(this, `[data-action="${action}"]`)[0]?.addEventListener('click', () => this.change(move(this.current())));
    }
    watchFormulaBoxes(this);
  }

  protected changed(name: string): void {
    if (name === 'start') {
      const start = this.current().start;
      if (start !== 'custom') this.change(startValues(start));
      return;
    }
    super.changed(name);
  }

  protected update(config: ForwardPassConfig): void {
    // Values no longer a named start's show as "Your own values".
    if (config.start !== 'custom' && !isNamedStart(config)) this.controls.show(new URLSearchParams({ start: 'custom' }));
    const scene = forwardPassScene(startingParameters(config), data, config.sample - 1, config.step);
    showLiveValues(this, scene.numbers);
    focusScrollingFormulas(this);
    showNumbers(this, scene.summary);
    const message = this.querySelector('[data-message]');
    if (message && message.textContent !== scene.message) message.textContent = scene.message;
    for (const li of this.querySelectorAll<HTMLElement>('li[data-step]')) {
      const k = Number(li.dataset.step);
      li.classList.toggle('is-done', k <= config.step);
      li.classList.toggle('is-current', k === config.step);
      if (k === config.step) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    const svg = this.querySelector('[data-panel="chart"] svg');
    if (svg) renderInto(svg, scene.chart);
    this.#showRows(scene.rows);
    this.#enable({
      reset: config.step > 0,
      back: config.step > 0,
      step: config.step < STEP_COUNT,
      all: config.step < STEP_COUNT,
      'previous-sample': config.sample > FIRST,
      'next-sample': config.sample < LAST,
    });
  }

  /**
   * Enables or disables the buttons (a button a teacher's lock disabled stays disabled); focus on
   * a button that just went off moves to one still on.
   */
  #enable(states: Record<string, boolean>): void {
    const active = this.ownerDocument.activeElement;
    let lostFocus = false;
    for (const [action, on] of Object.entries(states)) {
      const button = this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (!button) continue;
      const allowed = on && button.dataset.locked === undefined;
      if (!allowed && button === active) lostFocus = true;
      button.disabled = !allowed;
    }
    if (lostFocus) {
      const fallback = ['step', 'back', 'next-sample', 'previous-sample'].find((a) => states[a]);
      if (fallback) this.querySelector<HTMLButtonElement>(`[data-action="${fallback}"]:not(:disabled)`)?.focus();
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
