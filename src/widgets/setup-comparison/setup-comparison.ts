// <np-setup-comparison>: reruns both setups whenever a setting changes. Every query is scoped to
// the element itself, so a page can hold several comparisons. A change that would ask for more
// work than MAX_WORK, or a batch larger than the data, is explained and the last figure stays.
import { TrainerInputError } from '../../trainer/errors';
import { enableControls, statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { oncePerFrame } from '../kit/frame';
import { renderInto } from '../kit/svg';
import {
  comparisonProblems,
  parseSetupComparisonConfig,
  readSetupComparisonConfig,
  serializeSetupComparisonConfig,
  SETUP_COMPARISON_KEYS,
  type SetupComparisonConfig,
} from './config';
import { runSetupSteps, type SetupRun } from './run';
import { comparisonScene, describeSetup, lossTableRows } from './scene';

/** Training work per slice before the browser gets the thread back. */
const SLICE_MS = 8;

class NpSetupComparison extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  /** Several changes in one frame (a dragged slider) run once. */
  #schedule = oncePerFrame(() => this.#update(''));
  #config!: SetupComparisonConfig;
  /** Numbers the runs started, so runs superseded by a newer change stop. */
  #job = 0;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'compare', SETUP_COMPARISON_KEYS, parseSetupComparisonConfig);
    this.#config = config;
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, () => this.#schedule());
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) wireSelect(wrapper, () => this.#schedule());
    this.#show(config);
    enableControls(this);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeSetupComparisonConfig(this.#config), shared, (m) => this.#status.note(m));
    this.setAttribute('data-ready', '');
    if (notices.length || shared.settings.size) this.#update(notices.join(' '));
  }

  /** Browsers may restore typed values on reload; the figure shows `config`, so the controls must too. */
  #show(config: SetupComparisonConfig): void {
    for (const [name, value] of serializeSetupComparisonConfig(config)) {
      const control = this.#numbers[name];
      if (control) control.set(Number(value));
      const select = this.querySelector<HTMLSelectElement>(`[data-select][data-name="${name}"] select`);
      if (select) {
        if (![...select.options].some((o) => o.value === value)) select.add(new Option(`${value} samples`, value));
        select.value = value;
      }
    }
  }

  /** The settings the controls show now, as link text (parsed like a link, so the rules are one). */
  #controlValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, control] of Object.entries(this.#numbers)) values[name] = String(control.value);
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) {
      const select = wrapper.querySelector('select');
      if (select) values[wrapper.dataset.name ?? ''] = select.value;
    }
    return values;
  }

  #update(notice: string): void {
    // The controls show a valid config at start-up (a link's problems were fixed while parsing
    // it); a combination the reader makes that breaks a rule is refused, with the rule.
    const { config, notices } = readSetupComparisonConfig(this.#controlValues());
    const problem = notices[0] ?? comparisonProblems(config)[0]?.message;
    if (problem) {
      this.#status.problem('settings', `${problem} The figure still shows the last valid runs.`);
      return;
    }
    this.#status.problem('settings', null);
    // Both setups train in slices of SLICE_MS, so the longest runs never hold the page in one
    // long task; a change before they finish drops them for the new settings.
    const job = ++this.#job;
    const steps = { a: runSetupSteps(config, 'a'), b: runSetupSteps(config, 'b') };
    const done: Partial<Record<'a' | 'b', SetupRun>> = {};
    const slice = () => {
      if (job !== this.#job) return;
      const deadline = performance.now() + SLICE_MS;
      try {
        for (const which of ['a', 'b'] as const) {
          while (!done[which] && performance.now() < deadline) {
            const next = steps[which].next();
            if (next.done) done[which] = next.value;
          }
        }
      } catch (error) {
        if (!(error instanceof TrainerInputError)) throw error;
        this.#status.problem('run', `${error.message} The figure still shows the last valid runs.`);
        return;
      }
      if (done.a && done.b) this.#draw(config, { a: done.a, b: done.b }, notice);
      else setTimeout(slice, 0);
    };
    slice();
  }

  #draw(config: SetupComparisonConfig, runs: { a: SetupRun; b: SetupRun }, notice: string): void {
    this.#config = config;
    const scene = comparisonScene(config, runs);
    const svg = this.querySelector('[data-panel="chart"] svg');
    if (svg) renderInto(svg, scene.chart);
    showNumbers(this, scene.numbers);
    replaceRows(this.querySelector('[data-samples] tbody'), lossTableRows(config, runs));
    // A diverged run is news, not a mistake of the reader's: it goes with the summary (the chart
    // and the table mark it too), so later notes such as "link copied" can still be seen.
    this.#status.problem('run', null);
    const summary = (['a', 'b'] as const)
      .map((s) => `${describeSetup(config, s)}: loss ${scene.numbers[`${s}.lossEnd`]}, R² ${scene.numbers[`${s}.r2`]}.`)
      .join(' ');
    this.#status.note([notice, scene.divergence, summary].filter(Boolean).join(' '));
    for (const [key, value] of serializeSetupComparisonConfig(config)) this.dataset[key] = value;
  }
}

if (!customElements.get('np-setup-comparison')) customElements.define('np-setup-comparison', NpSetupComparison);
