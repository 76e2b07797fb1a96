// <np-data-explorer>: redraws the server-rendered figure and numbers whenever a setting
// changes. Every query is scoped to the element itself, so the widget can appear twice.
import { makeDataset } from '../../trainer/data';
import { TrainerInputError } from '../../trainer/errors';
import { enableControls, statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { renderInto } from '../kit/svg';
import { applyControlPolicy, readSharedState, unknownSettings, wireShareButton } from '../kit/share';
import {
  crossFieldProblems,
  DATA_EXPLORER_KEYS,
  DATA_EXPLORER_RULES,
  parseDataExplorerConfig,
  parseScaling,
  serializeDataExplorerConfig,
  toDatasetOptions,
  type DataExplorerConfig,
} from './config';
import { dataExplorerScene, type DataExplorerScene } from './scene';

class NpDataExplorer extends HTMLElement {
  #status!: StatusLine;
  #numbers: Record<string, NumberControl> = {};
  #scaling: () => string = () => 'zscore';
  #pending = false;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const source: Record<string, string> = {};
    for (const key of DATA_EXPLORER_KEYS) {
      const value = this.dataset[key];
      if (value !== undefined) source[key] = value;
    }
    // A shared link's settings override the lesson's; unknown or garbled ones are named and ignored.
    const key = this.dataset.shareKey ?? 'data';
    const shared = readSharedState(this.ownerDocument.location.search, key);
    const { config, notices } = parseDataExplorerConfig({ ...source, ...Object.fromEntries(shared.settings) });
    const unknown = unknownSettings(shared, DATA_EXPLORER_KEYS);
    if (unknown.length) notices.push(`The link's setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not known here and ignored.`);
    this.#status = statusLine(this);
    this.#numbers = wireSliders(this, this.#status, () => this.#schedule());
    const select = this.querySelector<HTMLElement>('[data-select][data-name="scaling"]');
    if (select) this.#scaling = wireSelect(select, () => this.#schedule());
    this.querySelector('[data-action="new-seed"]')?.addEventListener('click', () => this.#newSeed());
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.#show(config);
    enableControls(this);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeDataExplorerConfig(this.#current()), shared, (m) => this.#status.note(m));
    this.setAttribute('data-ready', '');
    if (notices.length || shared.settings.size) {
      this.#status.note(notices.join(' '));
      this.#update();
    }
  }

  #show(config: DataExplorerConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as keyof DataExplorerConfig] as number);
    const select = this.querySelector<HTMLSelectElement>('[data-name="scaling"] select');
    if (select) select.value = config.scaling;
  }

  #newSeed(): void {
    const seed = this.#numbers.seed;
    if (!seed) return;
    seed.set(seed.value >= DATA_EXPLORER_RULES.seed.max ? 0 : seed.value + 1);
    this.#update();
  }

  /** Several changes in one frame (a dragged slider) draw once. */
  #schedule(): void {
    if (this.#pending) return;
    this.#pending = true;
    requestAnimationFrame(() => {
      this.#pending = false;
      this.#update();
    });
  }

  #current(): DataExplorerConfig {
    const config = { scaling: parseScaling(this.#scaling()) ?? 'zscore' } as DataExplorerConfig;
    for (const [name, control] of Object.entries(this.#numbers)) (config as unknown as Record<string, number>)[name] = control.value;
    return config;
  }

  #update(): void {
    const config = this.#current();
    const problems = crossFieldProblems(config);
    this.#status.problem('ranges', problems.length ? `${problems[0].message} The figure still shows the last valid data.` : null);
    if (problems.length) return;
    let scene: DataExplorerScene;
    try {
      scene = dataExplorerScene(makeDataset(toDatasetOptions(config)));
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.#status.problem('data', `${error.message} The figure still shows the last valid data.`);
      return;
    }
    this.#status.problem('data', null);
    this.#draw(scene);
    for (const [key, value] of serializeDataExplorerConfig(config)) this.dataset[key] = value;
  }

  #draw(scene: DataExplorerScene): void {
    for (const name of ['x1', 'x2'] as const) {
      const svg = this.querySelector(`[data-panel="${name}"] svg`);
      if (svg) renderInto(svg, scene.panels[name]);
    }
    for (const cell of this.querySelectorAll<HTMLElement>('[data-number]')) {
      cell.textContent = scene.numbers[cell.dataset.number ?? ''] ?? '';
    }
    const body = this.querySelector('[data-samples] tbody');
    if (body) {
      const rows = scene.samples.map((cells) => {
        const tr = this.ownerDocument.createElement('tr');
        for (const text of cells) {
          const td = this.ownerDocument.createElement('td');
          td.className = 'num';
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      });
      body.replaceChildren(...rows);
    }
    const caption = this.querySelector('[data-samples] caption');
    if (caption) caption.textContent = scene.sampleCaption;
  }
}

if (!customElements.get('np-data-explorer')) customElements.define('np-data-explorer', NpDataExplorer);
