// The rate sweep's figure, table, heading and progress bar drawn from a sweep's view (the server
// drew the one computed at build time; the element redraws as runs arrive).
import type { RateSweepConfig } from '../../experiments/learning-rate/sweep-settings';
import type { SweepRun } from '../../trainer/sweep';
import { formatInteger } from '../../experiments/format';
import { replaceRows } from '../kit/dom';
import { renderInto } from '../kit/svg';
import { SWEEP_WIDTH, sweepHeading, sweepHeight, sweepRows, sweepScene, type SweepView } from './sweep-scene';

/** A sweep under way or finished: its settings, its runs so far (runs[r][i]) and how far it got. */
export interface ShownSweep {
  config: RateSweepConfig;
  runs: (SweepRun | undefined)[][];
  finished: number;
  state: SweepView['progress']['state'];
}

export function drawSweep(host: HTMLElement, view: SweepView): void {
  const panel = host.querySelector<HTMLElement>('[data-panel="sweep"]');
  // The figure grows a row per rate: its box follows, so the live figure fills it as the server's did.
  if (panel) panel.style.aspectRatio = `${SWEEP_WIDTH} / ${sweepHeight(view.rates.length)}`;
  const svg = panel?.querySelector('svg');
  if (svg) renderInto(svg, sweepScene(view));
  replaceRows(host.querySelector('[data-sweep-table] tbody'), sweepRows(view), '');
  const heading = host.querySelector('[data-sweep-heading]');
  if (heading) heading.textContent = sweepHeading(view);
  const bar = host.querySelector<HTMLProgressElement>('[data-progress]');
  if (bar) {
    bar.max = view.progress.total;
    bar.value = view.progress.finished;
  }
  const text = host.querySelector('[data-progress-text]');
  if (text) {
    const { state, finished, total } = view.progress;
    text.textContent = `${formatInteger(finished)} of ${formatInteger(total)} runs${state === 'running' ? '' : state === 'cancelled' ? ', cancelled' : ', done'}`;
  }
}
