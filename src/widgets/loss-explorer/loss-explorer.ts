// <np-loss-explorer>: redraws the residuals, the slice and the numbers whenever a parameter,
// the sliced parameter or the loss axis changes, or a preset loads nine values (through
// change(), so a teacher's locked values stay). Settings, link, locks and the status line are
// the kit's WidgetElement.
import { baselines, type Baselines } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { lossExplorerSettings, parameterSettings, parametersOf, type LossExplorerConfig } from '../../experiments/loss-explorer/settings';
import { PRESET_OPTIONS } from '../../experiments/loss-explorer/presets';
import { WidgetElement } from '../kit/element';
import { focusScrollingFormulas, showLiveValues, watchFormulaBoxes } from '../kit/liveFormula';
import { replaceRows } from '../kit/dom';
import { ownControls } from '../kit/settingControls';
import { lossExplorerScene } from './scene';

class NpLossExplorer extends WidgetElement<LossExplorerConfig> {
  protected readonly settings = lossExplorerSettings;
  protected readonly defaultShareKey = 'loss';
  readonly #data = defaultDataset();
  readonly #base: Baselines = baselines(this.#data);

  protected setup(): void {
    for (const button of ownControls<HTMLButtonElement>(this, '[data-action="preset"]')) button.addEventListener('click', () => this.#load(button));
    watchFormulaBoxes(this);
  }

  /** Puts a preset's nine values (written into its button at build time) into the fields. */
  #load(button: HTMLButtonElement): void {
    const values = (button.dataset.values ?? '').split(',').map(Number);
    const preset = PRESET_OPTIONS.find((o) => o.value === button.dataset.preset);
    if (!preset || values.length !== PARAMETER_NAMES.length || !values.every(Number.isFinite)) {
      this.status.problem('preset', 'This preset could not be read; the parameters stay as they are.');
      return;
    }
    this.status.problem('preset', null);
    this.change(parameterSettings(values));
    const kept = PARAMETER_NAMES.filter((name) => this.isLocked(name));
    this.say(`Loaded: ${preset.label}.${kept.length ? ` ${kept.join(', ')} stay${kept.length === 1 ? 's' : ''} as the link fixed ${kept.length === 1 ? 'it' : 'them'}.` : ''}`);
  }

  protected update(config: LossExplorerConfig): void {
    const scene = lossExplorerScene(this.#data, parametersOf(config), PARAMETER_NAMES.indexOf(config.parameter), config.axis, this.#base);
    this.drawScene({ panels: { residuals: scene.residuals, slice: scene.slice }, numbers: scene.numbers });
    showLiveValues(this, scene.numbers);
    focusScrollingFormulas(this);
    replaceRows(this.querySelector('[data-slice-table] tbody'), scene.sliceRows);
    replaceRows(this.querySelector('[data-samples] tbody'), scene.samples);
    const caption = this.querySelector('[data-slice-caption]');
    if (caption) caption.textContent = scene.sliceCaption;
  }
}

if (!customElements.get('np-loss-explorer')) customElements.define('np-loss-explorer', NpLossExplorer);
