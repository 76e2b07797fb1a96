// <np-rate-comparison>: retrains the start at every rate and redraws the strip, the panels and
// the table whenever a setting changes. Every query is scoped to the element itself.
import { curvature } from '../../trainer/curvature';
import { variance } from '../../trainer/loss';
import type { StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { renderInto } from '../kit/svg';
import { parseRateComparisonConfig, RATE_COMPARISON_DEFAULTS, RATE_COMPARISON_KEYS, RATE_COMPARISON_RULES, serializeRateComparisonConfig, type RateComparisonConfig } from './comparison-config';
import { comparisonScene, type ComparisonScene } from './comparison-scene';
import { compareRates } from './runs';
import { startWidget } from './setting-controls';
import { startParameters } from './settings';

class NpRateComparison extends HTMLElement {
  #status!: StatusLine;
  #current: () => RateComparisonConfig = () => RATE_COMPARISON_DEFAULTS;
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const started = startWidget(this, {
      key: 'rates',
      keys: RATE_COMPARISON_KEYS,
      parse: parseRateComparisonConfig,
      serialize: serializeRateComparisonConfig,
      onChange: () => this.#schedule(),
      seedMax: RATE_COMPARISON_RULES.initSeed.max,
    });
    this.#status = started.controls.status;
    this.#current = started.current;
    // A link's settings (or ones that could not be used) redraw at once, the notices kept in view.
    if (started.notices.length || started.linked) this.#update(started.notices);
  }

  /** Retrains and redraws; `notes` (e.g. start-up notices) stay in the status line before any news. */
  #update(notes: readonly string[] = []): void {
    const config = this.#current();
    const data = defaultDataset();
    const start = startParameters(config.init, config.initSeed);
    const runs = compareRates(data, start, config.rates, config.epochs);
    const scene = comparisonScene(runs, { varY: variance(data.y), lambdaMax: curvature(start, data).lambdaMax, epochs: config.epochs });
    this.#draw(scene);
    const diverged = scene.texts.filter((t) => t.diverged).map((t) => t.heading);
    const news = diverged.length ? `${diverged.join(' and ')}: the loss grew too large to represent, marked ✕ where the curve leaves the chart.` : '';
    this.#status.note([...notes, news].filter(Boolean).join(' '));
    for (const [name, value] of serializeRateComparisonConfig(config)) this.dataset[name] = value;
  }

  #draw(scene: ComparisonScene): void {
    const strip = this.querySelector('[data-panel="strip"] svg');
    if (strip) renderInto(strip, scene.strip);
    showNumbers(this, scene.numbers);
    const holder = this.querySelector('[data-cells]');
    if (holder) {
      const cells = [...holder.querySelectorAll<HTMLElement>('[data-cell]')];
      // One cell per rate: reuse the ones there are, add or drop the rest.
      // The server drew at least one cell (a list has at least one rate): new ones are its copies.
      while (cells.length < scene.panels.length) {
        const cell = cells[0].cloneNode(true) as HTMLElement;
        holder.append(cell);
        cells.push(cell);
      }
      cells.slice(scene.panels.length).forEach((c) => c.remove());
      scene.panels.forEach((panel, i) => {
        const cell = cells[i];
        const svg = cell.querySelector('[data-panel="rate"] svg');
        if (svg) renderInto(svg, panel);
        cell.classList.toggle('lr-above', scene.texts[i].above);
        for (const part of ['relation', 'outcome', 'detail'] as const) {
          const el = cell.querySelector(`[data-text="${part}"]`);
          if (el) el.textContent = scene.texts[i][part];
        }
      });
    }
    replaceRows(this.querySelector('[data-rate-table] tbody'), scene.rows, '');
  }
}

if (!customElements.get('np-rate-comparison')) customElements.define('np-rate-comparison', NpRateComparison);
