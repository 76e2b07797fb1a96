// <np-optimiser-race>: trains both optimisers again whenever a setting changes, in slices
// (kit/slices.ts) so the page keeps answering; a newer change drops the race under way. Links,
// locks and redrawing are the kit's WidgetElement.
import { TrainerInputError } from '../../trainer/errors';
import { formatCount, formatInteger } from '../../experiments/format';
import { raceSteps } from '../../experiments/optimiser-race/run';
import { optimiserRaceSettings, type OptimiserRaceConfig } from '../../experiments/optimiser-race/settings';
import { WidgetElement } from '../kit/element';
import { sliceScheduler } from '../kit/slices';
import { raceScene } from './scene';

class NpOptimiserRace extends WidgetElement<OptimiserRaceConfig> {
  protected readonly settings = optimiserRaceSettings;
  protected readonly defaultShareKey = 'race';
  readonly #slices = sliceScheduler();
  #runs = 0;

  disconnectedCallback(): void {
    this.#slices.cancel();
  }

  protected update(config: OptimiserRaceConfig): void {
    void this.#train(config);
  }

  async #train(config: OptimiserRaceConfig): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    this.dataset.working = '';
    try {
      const result = await this.#slices.run(raceSteps(config), {
        onProgress: (epoch: number) => this.say(`Training… epoch ${formatInteger(epoch)} of ${formatInteger(config.epochs)}.`),
      });
      if (!result.done) return;
      this.status.problem('setup', null);
      this.drawScene(raceScene(result.value));
      this.dataset.runs = String(++this.#runs);
      const diverged = result.value.arms.flatMap((arm, i) => (arm.status === 'diverged' ? ['AB'[i]] : []));
      this.say(diverged.length ? `${diverged.join(' and ')} diverged: the steps grew without end.` : `Trained ${formatCount(config.epochs, 'epoch')}.`);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('setup', `${error.message} The figure still shows the last valid race.`);
    } finally {
      if (!this.#slices.busy) {
        this.removeAttribute('aria-busy');
        delete this.dataset.working;
      }
    }
  }
}

if (!customElements.get('np-optimiser-race')) customElements.define('np-optimiser-race', NpOptimiserRace);
