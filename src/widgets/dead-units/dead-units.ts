// <np-dead-units>: reruns the before/after table whenever a setting changes. Every query is
// scoped to the element itself. A run is at most 20,000 epochs of 300 samples (tens of
// milliseconds), so it runs at once, once per frame however fast a slider moves.
import { TrainerInputError } from '../../trainer/errors';
import { enableControls, statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { oncePerFrame } from '../kit/frame';
import { renderInto } from '../kit/svg';
import {
  DEAD_UNITS_KEYS,
  parseDeadUnitsConfig,
  serializeDeadUnitsConfig,
  type DeadUnitsConfig,
  type DeadUnitsScaling,
  type DeadUnitsStart,
} from './config';
import { runDeadUnits, type DeadUnitsRun } from './run';
import { activityRows, deadUnitsScene, type DeadUnitsScene, type TableRow } from './scene';

class NpDeadUnits extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  /** Several changes in one frame (a dragged slider) run once. */
  #schedule = oncePerFrame(() => this.#update());
  /** What the status line says once the next run is drawn (e.g. why it was rerun). */
  #why = '';

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'dead', DEAD_UNITS_KEYS, parseDeadUnitsConfig);
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, (_value, name) => {
      // A seed means nothing to the printed example: typing one asks for the random scheme.
      if (name === 'initSeed' && this.#select('start')?.value === 'writeup-example') {
        this.#select('start')!.value = 'writeup';
        this.#why = 'The seed picks a random start, so the start switched to the write-up’s random scheme.';
      }
      this.#schedule();
    });
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) wireSelect(wrapper, () => this.#schedule());
    this.querySelector('[data-action="writeup"]')?.addEventListener('click', () => this.#loadWriteup());
    this.#show(config);
    enableControls(this);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeDeadUnitsConfig(this.#current()), shared, (m) => this.#status.note(m));
    this.setAttribute('data-ready', '');
    if (notices.length || shared.settings.size) {
      this.#why = notices.join(' ');
      this.#update();
    }
  }

  #select(name: string): HTMLSelectElement | null {
    return this.querySelector<HTMLSelectElement>(`[data-select][data-name="${name}"] select`);
  }

  /** Browsers may restore typed values on reload; the figure shows `config`, so the controls must too. */
  #show(config: DeadUnitsConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as 'initSeed' | 'learningRate' | 'epochs']);
    const start = this.#select('start');
    if (start) start.value = config.start;
    const scaling = this.#select('scaling');
    if (scaling) scaling.value = config.scaling;
  }

  #current(): DeadUnitsConfig {
    return {
      start: (this.#select('start')?.value ?? 'writeup-example') as DeadUnitsStart,
      scaling: (this.#select('scaling')?.value ?? 'squeezed') as DeadUnitsScaling,
      initSeed: this.#numbers.initSeed?.value ?? 1,
      learningRate: this.#numbers.learningRate?.value ?? 0.01,
      epochs: this.#numbers.epochs?.value ?? 2000,
    };
  }

  #loadWriteup(): void {
    const start = this.#select('start');
    if (start) start.value = 'writeup-example';
    this.#why = 'Loaded the write-up’s starting values exactly as printed: W1 = −0.46, W2 = −6.59, W3 = 8.47, W4 = −9.91, W5 = −8.92, W6 = 2.06, B1 = −4.44, B2 = 4.01, B3 = −2.5.';
    this.#update();
  }

  #update(): void {
    const config = this.#current();
    let run: DeadUnitsRun;
    try {
      run = runDeadUnits(config);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.#status.problem('run', `${error.message} The figure still shows the last valid run.`);
      return;
    }
    const scene = deadUnitsScene(run, config.scaling);
    this.#draw(run, scene);
    // A diverged run is news about the run, shown with the findings and in the status note, so
    // that later notes ("link copied") can still be seen; the status line's problems are for input.
    this.#status.problem('run', null);
    const why = this.#why;
    this.#why = '';
    this.#status.note([why, run.status === 'diverged' ? scene.numbers.outcome : '', scene.numbers.unchanged, scene.numbers.largest].filter(Boolean).join(' '));
    for (const [key, value] of serializeDeadUnitsConfig(config)) this.dataset[key] = value;
  }

  #draw(run: DeadUnitsRun, scene: DeadUnitsScene): void {
    for (const name of ['start', 'end', 'activity'] as const) {
      const svg = this.querySelector(`[data-panel="${name}"] svg`);
      if (svg) renderInto(svg, scene.panels[name]);
    }
    showNumbers(this, scene.numbers);
    const outcome = this.querySelector<HTMLElement>('[data-outcome]');
    if (outcome) outcome.dataset.outcome = run.status;
    for (const row of scene.rows) this.#drawRow(row);
    replaceRows(this.querySelector('[data-samples] tbody'), activityRows(run));
  }

  #drawRow(row: TableRow): void {
    const tr = this.querySelector<HTMLElement>(`[data-before-after] tr[data-row="${row.name}"]`);
    if (!tr) return;
    tr.dataset.unchanged = String(row.unchanged);
    const cell = (name: string) => tr.querySelector<HTMLElement>(`[data-cell="${name}"]`);
    const withBadge = (el: HTMLElement | null, text: string, badge: string | null, kind: string) => {
      if (!el) return;
      const parts: (string | Node)[] = [text];
      if (badge) {
        const span = this.ownerDocument.createElement('span');
        span.className = 'dz-badge';
        span.dataset.badge = kind;
        span.textContent = badge;
        parts.push(span);
      }
      el.replaceChildren(...parts);
    };
    withBadge(cell('owner'), row.owner, null, '');
    withBadge(cell('start'), row.start, null, '');
    withBadge(cell('final'), row.final, null, '');
    withBadge(cell('change'), row.change, row.largest ? 'largest change' : null, 'largest');
    withBadge(cell('moved'), row.moved, null, '');
    withBadge(cell('zeroed'), row.zeroed, row.mostImportant ? 'matters most' : null, 'important');
  }
}

if (!customElements.get('np-dead-units')) customElements.define('np-dead-units', NpDeadUnits);
