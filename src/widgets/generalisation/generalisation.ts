// <np-generalisation>: trains the configured run again whenever a setting that changes it does,
// in slices (kit/slices.ts) so the page keeps answering, with the epochs reached in the status
// line; a newer change drops the run under way. Settings that only change the drawing (which fit
// to show) redraw the last run. Links, locks and redrawing are the kit's WidgetElement.
import { TrainerInputError } from '../../trainer/errors';
import { formatInteger } from '../../experiments/format';
import { generalisationSteps, type GeneralisationRun } from '../../experiments/generalisation/run';
import { generalisationSettings, TRAINING_KEYS, type GeneralisationConfig } from '../../experiments/generalisation/settings';
import { WidgetElement } from '../kit/element';
import { sliceScheduler } from '../kit/slices';
import { generalisationScene } from './scene';

const trainingKey = (config: GeneralisationConfig) => TRAINING_KEYS.map((key) => String(config[key])).join('|');

class NpGeneralisation extends WidgetElement<GeneralisationConfig> {
  protected readonly settings = generalisationSettings;
  protected readonly defaultShareKey = 'split';
  readonly #slices = sliceScheduler();
  #run: GeneralisationRun | null = null;
  #runs = 0;

  disconnectedCallback(): void {
    this.#slices.cancel();
  }

  protected update(config: GeneralisationConfig): void {
    if (this.#run && trainingKey(this.#run.config) === trainingKey(config)) {
      this.#draw(this.#run, config);
      return;
    }
    void this.#train(config);
  }

  async #train(config: GeneralisationConfig): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    this.dataset.working = '';
    try {
      const result = await this.#slices.run(generalisationSteps(config), {
        onProgress: (epoch: number) => this.say(`Training… epoch ${formatInteger(epoch)} of ${formatInteger(config.epochs)}.`),
      });
      if (!result.done) return;
      this.status.problem('setup', null);
      this.#run = result.value;
      this.#draw(result.value, config);
      this.say(result.value.status === 'diverged' ? result.value.message : `Trained ${formatInteger(result.value.trainLosses.length - 1)} epochs.`);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('setup', `${error.message} The figure still shows the last valid run.`);
    } finally {
      if (!this.#slices.busy) {
        this.removeAttribute('aria-busy');
        delete this.dataset.working;
      }
    }
  }

  #draw(run: GeneralisationRun, config: GeneralisationConfig): void {
    const scene = generalisationScene(run, config.fitAt, this.suggest('learningRate', ' Try a smaller learning rate.'));
    this.drawScene(scene);
    const verdict = this.querySelector<HTMLElement>('[data-number="verdict"]');
    if (verdict) verdict.dataset.state = scene.state;
    this.dataset.runs = String(++this.#runs);
  }
}

if (!customElements.get('np-generalisation')) customElements.define('np-generalisation', NpGeneralisation);
