// Trains the pair (fixed rate and reduce-on-plateau from one start) in slices of the kit's
// scheduler, so the page never freezes; redraws once per frame while it trains, and says how
// both runs ended. A newer setting drops the run under way. Tests wait for data-trained, the
// count of trainings finished.
import { formatInteger, formatLoss, formatR2 } from '../../experiments/format';
import type { PlateauConfig } from '../../experiments/plateau/comparison-settings';
import { pairSteps, pairView, startPair, type PlateauPair } from '../../experiments/plateau/pair';
import { pairKey } from '../../experiments/plateau/comparison-settings';
import { TrainerInputError } from '../../trainer/errors';
import { rSquared } from '../../trainer/loss';
import type { StatusLine } from '../kit/controls';
import { replaceRows, showNumbers } from '../kit/dom';
import { oncePerFrame } from '../kit/frame';
import { ownControls } from '../kit/settingControls';
import { sliceScheduler } from '../kit/slices';
import { patchInto } from '../kit/svg';
import { cutList, divergenceText, pairLossScene, pairNumbers, pairTableRows, rateScene } from './pair-scene';

export interface PairRunnerHost {
  element: HTMLElement;
  status: StatusLine;
  /** The widget's news, after any start-up notices. */
  say(message: string): void;
  /** Both runs have trained to the end. */
  trained(): void;
}

export class PairRunner {
  readonly #host: PairRunnerHost;
  readonly #slices = sliceScheduler();
  /** The settings of the pair shown (or being trained). */
  #key = '';
  /** Whether the pair of #key is drawn in full: resolves true when it is, false if it is dropped. */
  #shown: Promise<boolean> = Promise.resolve(false);

  constructor(host: PairRunnerHost) {
    this.#host = host;
  }

  /** The server drew this config's pair: no need to train it again. */
  drawn(config: PlateauConfig): void {
    this.#key = pairKey(config);
    this.#shown = Promise.resolve(true);
  }

  /**
   * Trains the pair of `config` unless it is the one shown (or being trained). Resolves true once
   * that pair is drawn to its last epoch, false if a newer setting dropped it or it could not run:
   * the widget reports a run only then (a predict-then-run exercise reads the finished runs).
   */
  show(config: PlateauConfig): Promise<boolean> {
    const key = pairKey(config);
    if (key !== this.#key) {
      this.#key = key;
      this.#shown = this.#train(config, key);
    }
    return this.#shown;
  }

  async #train(config: PlateauConfig, key: string): Promise<boolean> {
    const { status, say } = this.#host;
    let pair: PlateauPair;
    try {
      pair = startPair(config);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.#slices.cancel();
      status.problem('run', `${error.message} The figure still shows the last valid runs.`);
      return false;
    }
    status.problem('run', null);
    say(`Training both runs from starting seed ${config.initSeed}…`);
    this.#text('[data-role="epochs"]', formatInteger(config.epochs));
    const draw = oncePerFrame(() => this.#key === key && this.#draw(pair, false));
    const result = await this.#slices.run(pairSteps(pair), { onProgress: draw });
    if (!result.done) return false;
    this.#draw(pair, true);
    say(summary(pair));
    const element = this.#host.element;
    element.dataset.trained = String(Number(element.dataset.trained ?? 0) + 1);
    this.#host.trained();
    return true;
  }

  cancel(): void {
    this.#slices.cancel();
    this.#key = '';
    this.#shown = Promise.resolve(false);
  }

  #draw(pair: PlateauPair, full: boolean): void {
    const view = pairView(pair);
    const element = this.#host.element;
    const panel = (name: string) => ownControls(element, `[data-panel="${name}"] svg`)[0];
    const loss = panel('loss'), rate = panel('rate');
    // patchInto keeps unchanged nodes: the figure is redrawn every frame while it trains.
    if (loss) patchInto(loss, pairLossScene(view));
    if (rate) patchInto(rate, rateScene(view));
    showNumbers(element, pairNumbers(view));
    if (full) replaceRows(element.querySelector('[data-pair-table] tbody'), pairTableRows(view));
  }

  #text(selector: string, text: string): void {
    const el = this.#host.element.querySelector(selector);
    if (el) el.textContent = text;
  }
}

/** How both runs ended, for the status line. */
function summary(pair: PlateauPair): string {
  const view = pairView(pair);
  const diverged = divergenceText(view);
  const r2 = (l: number) => formatR2(rSquared(l, view.varY));
  const cuts = view.plateau.cuts.length;
  return (
    `${diverged ? `Seed ${pair.config.initSeed}: ${diverged}. ` : ''}After ${formatInteger(pair.config.epochs)} epochs: fixed rate ${formatLoss(view.fixed.current)} (R² ${r2(view.fixed.current)}); ` +
    `reduce-on-plateau ${formatLoss(view.plateau.current)} (R² ${r2(view.plateau.current)}) after ${cuts} cut${cuts === 1 ? '' : 's'}. ${cutList(view.plateau)}`
  );
}
