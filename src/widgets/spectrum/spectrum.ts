// <np-spectrum>: trains the run again in slices (kit/slices.ts) whenever a setting changes; a
// newer change drops the run under way. Moving only the epoch shown also retrains — the run is a
// few thousand epochs of nine parameters, well under a second.
import { TrainerInputError } from '../../trainer/errors';
import { formatInteger } from '../../experiments/format';
import { spectrumSteps } from '../../experiments/spectrum/run';
import { spectrumSettings, type SpectrumConfig } from '../../experiments/spectrum/settings';
import { WidgetElement } from '../kit/element';
import { sliceScheduler } from '../kit/slices';
import { spectrumScene } from './scene';

class NpSpectrum extends WidgetElement<SpectrumConfig> {
  protected readonly settings = spectrumSettings;
  protected readonly defaultShareKey = 'spectrum';
  readonly #slices = sliceScheduler();
  #runs = 0;

  disconnectedCallback(): void {
    this.#slices.cancel();
  }

  protected update(config: SpectrumConfig): void {
    void this.#train(config);
  }

  async #train(config: SpectrumConfig): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    try {
      const result = await this.#slices.run(spectrumSteps(config), {
        onProgress: (epoch: number) => this.say(`Training… epoch ${formatInteger(epoch)} of ${formatInteger(config.epochs)}.`),
      });
      if (!result.done) return;
      this.status.problem('setup', null);
      this.drawScene(spectrumScene(result.value));
      this.dataset.runs = String(++this.#runs);
      this.say(result.value.status === 'diverged' ? `${result.value.message} The spectrum is shown at the last finite parameters.` : `Epoch ${formatInteger(result.value.at)} of ${formatInteger(config.epochs)}.`);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('setup', `${error.message} The figure still shows the last valid run.`);
    } finally {
      if (!this.#slices.busy) this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('np-spectrum')) customElements.define('np-spectrum', NpSpectrum);
