// A seed-sweep run opened in lesson 7's training console: the console's own setting names, so
// the console replays the run from the same seeds to the epoch the sweep stopped at. Pure (the
// widget's links and lesson 15's facts use it).
import { trainingConsoleSettings } from '../training-console/settings';
import type { SweepResults } from './results';

/** Where lesson 7's training console lives, relative to a lesson page. */
export const CONSOLE_PAGE = '../07-gradient-descent/';

/** Which run is picked: its row (setup) and its place in the row's seeds. */
export interface Selection {
  setup: number;
  index: number;
}

/** A link that opens the run in lesson 7's training console, replayed to the epoch the sweep stopped at. */
export function consoleLink(results: SweepResults, selection: Selection): string {
  const setup = results.setups[selection.setup];
  const point = setup.points[selection.index];
  if (!point) return CONSOLE_PAGE;
  // The data is the default apart from its seed.
  const settings: [string, string | number][] = [
    ['dataSeed', results.budget.dataSeed],
    ['init', setup.init],
    ['initSeed', point.seed],
    ['hidden', setup.hidden],
    ['learningRate', results.budget.learningRate],
    ['epoch', point.epochs],
    ['maxEpochs', Math.max(trainingConsoleSettings.defaults.maxEpochs, point.epochs)],
  ];
  const query = new URLSearchParams(settings.map(([key, value]) => [`console.${key}`, String(value)]));
  return `${CONSOLE_PAGE}?${query.toString()}#widget-console`;
}
