// <np-slice-steps>: re-walks the slice and redraws the figure, the numbers, the verdict and the
// table whenever the parameter, η, the number of steps or the start changes (a walk is at most
// fifty steps: no slices needed). Settings, link, locks, New seed and the status line are the
// kit's WidgetElement.
import { variance } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { formatNumber } from '../../experiments/format';
import { walkAlongSlice } from '../../experiments/learning-rate/runs';
import { startParameters } from '../../experiments/learning-rate/settings';
import { sliceStepsSettings, type SliceStepsConfig } from '../../experiments/learning-rate/slice-settings';
import { WidgetElement } from '../kit/element';
import { sliceScene } from './slice-scene';

class NpSliceSteps extends WidgetElement<SliceStepsConfig> {
  protected readonly settings = sliceStepsSettings;
  protected readonly defaultShareKey = 'slice';
  readonly #data = defaultDataset();

  protected update(config: SliceStepsConfig): void {
    const data = this.#data;
    const params = startParameters(config.init, config.initSeed);
    const walk = walkAlongSlice(data, params, PARAMETER_NAMES.indexOf(config.parameter), config.learningRate, config.steps);
    const scene = sliceScene(data, params, config.parameter, walk, variance(data.y));
    this.drawScene({ panels: { slice: scene.svg }, numbers: { ...scene.numbers, verdict: scene.verdict, samplesCaption: scene.caption }, tables: { samples: scene.rows } });
    this.say(walk.rate * walk.curvature > 2 ? `η = ${formatNumber(walk.rate)} is above this slice's limit 2/c = ${scene.numbers.limit}: each step overshoots further than the last.` : '');
  }
}

if (!customElements.get('np-slice-steps')) customElements.define('np-slice-steps', NpSliceSteps);
