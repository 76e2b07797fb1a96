// <np-symmetry>: retrains the symmetric start (and, for a nudge, the tied run beside it) whenever
// a setting changes, in slices so a 20,000-epoch run never holds the page, and redraws the
// server-drawn panels, numbers and table. Settings, links and locks are the kit's WidgetElement.
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { formatInteger } from '../../experiments/format';
import { symmetrySettings, type SymmetryConfig } from '../../experiments/symmetry/settings';
import { isTiedRunOf, symmetryPairSteps, widthLevels, type SymmetryRun, type WidthLevels } from '../../experiments/symmetry/run';
import { WidgetElement } from '../kit/element';
import { symmetryScene } from './scene';

class NpSymmetry extends WidgetElement<SymmetryConfig> {
  protected readonly settings = symmetrySettings;
  protected readonly defaultShareKey = 'symmetry';
  /** The one- and two-unit levels, computed at build time (data-one-unit, data-two-units). */
  #levels!: WidthLevels;
  /** The last tied run (ε = 0), kept while only ε or the nudged parameter changes. */
  #tied: SymmetryRun | null = null;

  protected setup(): void {
    const oneUnit = Number(this.dataset.oneUnit), twoUnits = Number(this.dataset.twoUnits);
    this.#levels = oneUnit > 0 && twoUnits > 0 ? { oneUnit, twoUnits } : widthLevels(defaultDataset());
  }

  protected async update(config: SymmetryConfig): Promise<void> {
    const known = this.#tied && isTiedRunOf(this.#tied, config) ? this.#tied : null;
    const pair = await this.runSliced(symmetryPairSteps(config, defaultDataset(), known), (epoch) => `Training… epoch ${formatInteger(epoch)} of ${formatInteger(config.epochs)}.`);
    if (!pair) return;
    if (pair.tied) this.#tied = pair.tied;
    this.drawScene(symmetryScene(pair.run, this.#levels, pair.tied));
    const diverged = pair.run.status === 'diverged';
    const advice = this.suggest('learningRate', ' Try a smaller learning rate.');
    this.status.problem('diverged', diverged ? `${pair.run.message}${advice}` : null);
  }
}

if (!customElements.get('np-symmetry')) customElements.define('np-symmetry', NpSymmetry);
