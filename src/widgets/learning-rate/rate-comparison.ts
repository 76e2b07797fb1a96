// <np-rate-comparison>: retrains the start at every rate and redraws the strip, the panels and
// the table whenever a setting changes. Every query is scoped to the element itself.
import { curvature } from '../../trainer/curvature';
import { variance } from '../../trainer/loss';
import type { StatusLine } from '../kit/controls';
import { defaultDataset } from '../kit/defaultData';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { finishStartup } from '../kit/lifecycle';
import { wireNewSeed } from '../kit/seed';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { renderInto } from '../kit/svg';
import { parseRateComparisonConfig, RATE_COMPARISON_KEYS, RATE_COMPARISON_RULES, serializeRateComparisonConfig, type RateComparisonConfig } from './comparison-config';
import { comparisonScene, type ComparisonScene } from './comparison-scene';
import { compareRates } from './runs';
import { wireSettingControls, type SettingControls } from './setting-controls';
import { startParameters } from './settings';

class NpRateComparison extends HTMLElement {
  #status!: StatusLine;
  #controls!: SettingControls;
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const { key, shared, config, notices } = readWidgetSettings(this, 'rates', RATE_COMPARISON_KEYS, parseRateComparisonConfig);
    this.#controls = wireSettingControls(this, () => this.#schedule());
    this.#status = this.#controls.status;
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.#controls.show(serializeRateComparisonConfig(config));
    wireNewSeed(this, this.#controls.numbers.initSeed, RATE_COMPARISON_RULES.initSeed.max, () => this.#update());
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeRateComparisonConfig(this.#current()), shared, (m) => this.#status.note(m));
    finishStartup(this, this.#status, [], () => {});
    // A link's settings (or ones that could not be used) redraw at once, the notices kept in view.
    if (notices.length || shared.settings.size) this.#update(notices);
  }

  #current(): RateComparisonConfig {
    return parseRateComparisonConfig(this.#controls.values()).config;
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
