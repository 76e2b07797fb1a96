// <np-plateau>: one start trained at a fixed rate and with reduce-on-plateau (pair-runner.ts,
// in slices), and the paired comparison over many seeds in Web Workers (comparison-runner.ts).
// Settings, link, locks and the status line are the kit's WidgetElement.
import { pairKey, plateauComparisonSettings, type PlateauConfig } from '../../experiments/plateau/comparison-settings';
import { plateauData } from '../../experiments/plateau/pair';
import { variance } from '../../trainer/loss';
import { WidgetElement } from '../kit/element';
import { ComparisonRunner } from './comparison-runner';
import { PairRunner } from './pair-runner';

class NpPlateau extends WidgetElement<PlateauConfig> {
  protected readonly settings = plateauComparisonSettings;
  protected readonly defaultShareKey = 'plateau';
  // Its run is the pair trained in slices after the redraw: it says it ran once both runs are
  // drawn to their last epoch, not when a setting changes (an exercise reads the finished runs).
  protected readonly reportsOwnRuns = true;
  #pair!: PairRunner;
  #comparison!: ComparisonRunner;
  #pairShown = '';

  protected setup(config: PlateauConfig): void {
    this.#comparison = new ComparisonRunner(this, variance(plateauData().y), config.initSeed);
    this.#pair = new PairRunner({ element: this, status: this.status, say: (m) => this.say(m), trained: () => this.#comparison.highlight(this.current().initSeed) });
    // The server drew the page's own config; a link's runs are trained (and said) at start-up,
    // even when what it asked for could not be used.
    if (!this.shared.settings.size) this.#pair.drawn(config);
    this.#pairShown = pairKey(config);
    this.querySelector('[data-action="sweep"]')?.addEventListener('click', () => this.#comparison.start(this.current()));
    this.querySelector('[data-action="cancel"]')?.addEventListener('click', () => this.#comparison.cancel());
    this.#syncMode();
  }

  disconnectedCallback(): void {
    this.#pair?.cancel();
    this.#comparison?.cancel();
  }

  protected update(config: PlateauConfig): void {
    const key = pairKey(config);
    this.#comparison.settingsChanged(config.seeds, key !== this.#pairShown);
    this.#pairShown = key;
    void this.#pair.show(config).then((shown) => {
      if (shown) this.reportRun(config);
    });
  }

  protected changed(name: string): void {
    if (name === 'flavour') this.#syncMode();
    super.changed(name);
  }

  /** Keras compares absolutely only: with Keras the mode shows 'abs' and cannot be changed (unless a link locks it). */
  #syncMode(): void {
    const mode = this.querySelector<HTMLSelectElement>('[data-select][data-name="thresholdMode"] select');
    const flavour = this.querySelector<HTMLSelectElement>('[data-select][data-name="flavour"] select');
    if (!mode || !flavour) return;
    const keras = flavour.value === 'keras';
    const locked = this.isLocked('thresholdMode');
    if (keras && !locked) mode.value = 'abs';
    mode.disabled = keras || locked;
    mode.title = keras ? 'Keras compares losses only absolutely (min_delta).' : '';
  }
}

if (!customElements.get('np-plateau')) customElements.define('np-plateau', NpPlateau);
