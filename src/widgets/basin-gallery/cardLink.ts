// A gallery card's link: the training console's settings that replay the card's run, under the
// console's share key. The server writes it for a page without a link; in the browser it is
// written from the page's own address, so a teacher's locks and hidden settings for the console
// (and the gallery) stay in it: a card never rewrites a locked setting nor drops the lock (issue 18).
import { readSharedState, shareUrl } from '../../experiments/link';
import { trainingConsoleSettings } from '../../experiments/training-console/settings';
import type { SweepRun } from '../../trainer/sweep';
import { basinGallerySettings, type BasinGalleryConfig } from '../../experiments/basin-gallery/settings';

/**
 * The training console settings that replay a run: same start, rate and length. The console
 * opens at the run's last epoch, so its whole loss curve is on screen at once.
 */
export function consoleSettings(config: BasinGalleryConfig, run: SweepRun): Record<string, string> {
  return {
    start: '',
    init: config.preset,
    initSeed: String(run.seed),
    learningRate: String(config.learningRate),
    epoch: String(run.epochs),
  };
}

/**
 * The card's link: this page (or `page`) with the console's settings for the run under the
 * console's share key, and the gallery's own settings, pointing at the console.
 */
export function cardHref(config: BasinGalleryConfig, run: SweepRun, consoleKey: string, galleryKey: string, page = ''): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(consoleSettings(config, run))) params.set(`${consoleKey}.${k}`, v);
  if (!page) for (const [k, v] of basinGallerySettings.serialise(config)) params.set(`${galleryKey}.${k}`, v);
  return `${page}?${params.toString()}#widget-${consoleKey}`;
}

/**
 * The card's link from the page the reader is on (`pageHref`, maybe a teacher's link): the page's
 * address with the console's settings for the run, except the settings the page's link locks or
 * hides, which keep the link's values; the lock and hide lists stay, each widget's part with its
 * checksum, and other widgets' settings are kept.
 */
export function cardHrefOnPage(pageHref: string, config: BasinGalleryConfig, run: SweepRun, consoleKey: string, galleryKey: string): string {
  const url = new URL(pageHref);
  const page = readSharedState(url.search, consoleKey);
  const fixed = new Set([...page.locked, ...page.hidden]);
  const card = Object.entries(consoleSettings(config, run)).filter(([name]) => !fixed.has(name));
  const replaced = new Set(card.map(([name]) => name));
  // The page's own console settings stay unless the card sets them (a short name counts as its setting).
  const settings = new URLSearchParams([...page.settings].filter(([name]) => !replaced.has(trainingConsoleSettings.keyOf(name) ?? name)));
  for (const [name, value] of card) settings.set(name, value);
  const withConsole = shareUrl(url.href, consoleKey, settings, page, `widget-${consoleKey}`);
  const gallery = readSharedState(url.search, galleryKey);
  const href = new URL(shareUrl(withConsole, galleryKey, basinGallerySettings.serialise(config), gallery));
  return `${href.search}${href.hash}`;
}
