// <np-operation-counter>: recounts whenever a setting changes. The formulas' side and the first
// epoch are drawn at once; the counted side runs the rest of the epochs through the trainer's
// counting helpers in slices (data-counted="running" until it is "done"), so even 100 epochs of
// 10,000 samples keep the page answering. "Time one epoch" measures the trainer's fast loop on
// the reader's own machine, only on request. Settings, links and locks are the kit's WidgetElement.
import { initParams } from '../../trainer/init';
import { makeDataset } from '../../trainer/data';
import { flopsPerEpoch } from '../../trainer/operations';
import { Trainer } from '../../trainer/train';
import { formatInteger, formatNumber } from '../../experiments/format';
import { operationCounterSettings, type OperationCounterConfig } from '../../experiments/operation-counter/settings';
import { countEpochs, countSteps, COUNTED_RUN, startCount, type CountState } from '../../experiments/operation-counter/count';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { counterChart, counterNumbers, tableRows } from './scene';

/** The timing runs the fast loop for at least this long, so the clock's coarseness does not matter. */
const TIMING_MS = 200;

class NpOperationCounter extends WidgetElement<OperationCounterConfig> {
  protected readonly settings = operationCounterSettings;
  protected readonly defaultShareKey = 'count';

  protected setup(): void {
    ownControls(this, '[data-action="time"]')[0]?.addEventListener('click', () => this.#time());
  }

  protected async update(config: OperationCounterConfig): Promise<void> {
    const state = startCount(config);
    // The first epoch at once (both columns need it), the rest in slices.
    countEpochs(state, 1);
    this.#draw(state);
    const done = await this.runSliced(countSteps(state), (partial) => this.#draw(partial));
    if (done) this.#draw(done);
  }

  #draw(state: CountState): void {
    this.drawScene({
      panels: { phases: counterChart(state) },
      numbers: counterNumbers(state),
      tables: { multiplications: tableRows(state, 'multiplications'), additions: tableRows(state, 'additions') },
    });
    const note = this.querySelector<HTMLElement>('[data-mask-note]');
    if (note) note.hidden = !state.config.mask;
    this.dataset.counted = state.epoch >= state.config.epochs ? 'done' : 'running';
  }

  /** Runs the trainer's fast loop for at least TIMING_MS and reports the time of one epoch. */
  #time(): void {
    const { hidden, n } = this.current();
    const data = makeDataset({ n });
    const trainer = new Trainer({ data, params: initParams({ preset: COUNTED_RUN.preset, seed: COUNTED_RUN.seed, hidden }), learningRate: COUNTED_RUN.learningRate, hidden });
    let epochs = 1;
    let elapsed = 0;
    while (elapsed < TIMING_MS && trainer.status === 'ok') {
      const started = performance.now();
      trainer.step(epochs);
      elapsed += performance.now() - started;
      epochs *= 2;
    }
    const out = this.querySelector('[data-timing]');
    if (!out) return;
    if (trainer.status !== 'ok' || !(elapsed > 0) || trainer.epoch === 0) {
      out.textContent = 'The measurement did not finish; try again.';
      return;
    }
    const perEpoch = elapsed / trainer.epoch;
    const operations = flopsPerEpoch(n, hidden);
    const rate = (operations / perEpoch) * 1000;
    const time = perEpoch >= 1 ? `${formatNumber(perEpoch)} ms` : `${formatNumber(perEpoch * 1000)} µs`;
    out.textContent =
      `Measured just now on this machine, N = ${formatInteger(n)}, H = ${hidden}: one epoch of the trainer's fast loop took ${time} ` +
      `(${formatInteger(trainer.epoch)} epochs timed), about ${formatNumber(rate / 1e6)} million of the formulas’ ${formatInteger(operations)} operations per second.`;
  }
}

if (!customElements.get('np-operation-counter')) customElements.define('np-operation-counter', NpOperationCounter);
