// <np-rate-comparison>: retrains the start at every rate — in slices of the kit's scheduler, a
// newer setting dropping the older run — and redraws the strip, the panels and the table.
// Settings, link, locks, New seed and the status line are the kit's WidgetElement.
import { curvature } from '../../trainer/curvature';
import { variance } from '../../trainer/loss';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { rateComparisonSettings, type RateComparisonConfig } from '../../experiments/learning-rate/comparison-settings';
import { compareRatesSteps } from '../../experiments/learning-rate/runs';
import { startParameters } from '../../experiments/learning-rate/settings';
import { WidgetElement } from '../kit/element';
import type { TextControl } from '../kit/settingControls';
import { sliceScheduler } from '../kit/slices';
import { comparisonScene } from './comparison-scene';
import { drawCells } from './comparison-cells';
import { rateListControl } from './rate-list';

class NpRateComparison extends WidgetElement<RateComparisonConfig> {
  protected readonly settings = rateComparisonSettings;
  protected readonly defaultShareKey = 'rates';
  // Its run is trained in its own slices, after the redraw: it says it ran once the runs are drawn
  // (a predict-then-run exercise waits for that).
  protected readonly reportsOwnRuns = true;
  readonly #slices = sliceScheduler();
  readonly #data = defaultDataset();

  protected ownControls(): Record<string, TextControl> {
    const rates = rateListControl(this, () => this.changed('rates'));
    return rates ? { rates } : {};
  }

  disconnectedCallback(): void {
    this.#slices.cancel();
  }

  protected async update(config: RateComparisonConfig): Promise<void> {
    const data = this.#data;
    const start = startParameters(config.init, config.initSeed);
    this.toggleAttribute('data-working', true);
    const result = await this.#slices.run(compareRatesSteps(data, start, config.rates, config.epochs), {
      onProgress: ({ done, total }) => this.say(`Training ${config.rates.length} copies… ${Math.round((100 * done) / total)}%`),
    });
    if (!result.done) return;
    this.toggleAttribute('data-working', false);
    const scene = comparisonScene(result.value, { varY: variance(data.y), lambdaMax: curvature(start, data).lambdaMax, epochs: config.epochs });
    this.drawScene({ panels: { strip: scene.strip }, numbers: scene.numbers });
    drawCells(this, scene);
    this.reportRun(config);
    const diverged = scene.texts.filter((t) => t.diverged).map((t) => t.heading);
    this.say(diverged.length ? `${diverged.join(' and ')}: the loss grew too large to represent, marked ✕ where the curve leaves the chart.` : '');
  }
}

if (!customElements.get('np-rate-comparison')) customElements.define('np-rate-comparison', NpRateComparison);
