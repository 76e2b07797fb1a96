// <np-slice-steps>: re-walks the slice and redraws the figure, the numbers, the verdict and the
// table whenever the parameter, η, the number of steps or the start changes. Every query is
// scoped to the element itself.
import { variance } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import type { StatusLine } from '../kit/controls';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { replaceRows, showNumbers } from '../kit/dom';
import { formatNumber } from '../../experiments/format';
import { oncePerFrame } from '../kit/frame';
import { renderInto } from '../kit/svg';
import { walkAlongSlice } from './runs';
import { startWidget } from './setting-controls';
import { startParameters } from './settings';
import { parseSliceStepsConfig, serializeSliceStepsConfig, SLICE_STEPS_DEFAULTS, SLICE_STEPS_KEYS, SLICE_STEPS_RULES, type SliceStepsConfig } from './slice-config';
import { sliceScene } from './slice-scene';

class NpSliceSteps extends HTMLElement {
  #status!: StatusLine;
  #current: () => SliceStepsConfig = () => SLICE_STEPS_DEFAULTS;
  #schedule = oncePerFrame(() => this.#update());

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const started = startWidget(this, {
      key: 'slice',
      keys: SLICE_STEPS_KEYS,
      parse: parseSliceStepsConfig,
      serialize: serializeSliceStepsConfig,
      onChange: () => this.#schedule(),
      seedMax: SLICE_STEPS_RULES.initSeed.max,
    });
    this.#status = started.controls.status;
    this.#current = started.current;
    // A link's settings (or ones that could not be used) redraw at once, the notices kept in view.
    if (started.notices.length || started.linked) this.#update(started.notices);
  }

  /** Re-walks and redraws; `notes` (e.g. start-up notices) stay in the status line before any news. */
  #update(notes: readonly string[] = []): void {
    const config = this.#current();
    const data = defaultDataset();
    const params = startParameters(config.init, config.initSeed);
    const walk = walkAlongSlice(data, params, PARAMETER_NAMES.indexOf(config.parameter), config.learningRate, config.steps);
    const scene = sliceScene(data, params, config.parameter, walk, variance(data.y));
    const svg = this.querySelector('[data-panel="slice"] svg');
    if (svg) renderInto(svg, scene.svg);
    showNumbers(this, scene.numbers);
    const verdict = this.querySelector('[data-verdict]');
    if (verdict) verdict.textContent = scene.verdict;
    replaceRows(this.querySelector('[data-samples] tbody'), scene.rows);
    const caption = this.querySelector('[data-samples] caption');
    if (caption) caption.textContent = scene.caption;
    const news = walk.rate * walk.curvature > 2 ? `η = ${formatNumber(walk.rate)} is above this slice's limit 2/c = ${scene.numbers.limit}: each step overshoots further than the last.` : '';
    this.#status.note([...notes, news].filter(Boolean).join(' '));
    for (const [name, value] of serializeSliceStepsConfig(config)) this.dataset[name] = value;
  }
}

if (!customElements.get('np-slice-steps')) customElements.define('np-slice-steps', NpSliceSteps);
