// The guide's ready-made experiment links (src/experiments/guide/links.ts), each with its address on
// this site, what it shows (replayed at build time by src/facts/experiments.ts) and its settings in
// words: the cards, the link builder and the lock-and-hide example all read them from here.
import { settingsInWords } from '../../experiments/guide/links';
import { trainingConsoleSettings } from '../../experiments/training-console/settings';
import { experimentFacts } from '../../facts/experiments';
import { experimentHref } from '../../lib/experimentHref';

const base = import.meta.env.BASE_URL;

export const experimentCards = experimentFacts.map(({ experiment, descriptions }) => ({
  experiment,
  links: experiment.links.map((link, i) => ({
    label: link.label,
    href: experimentHref(experiment, link, base, trainingConsoleSettings.keys),
    what: descriptions[i],
    settings: settingsInWords(link.settings),
  })),
}));

/** The cards' links as the link builder offers them. */
export const builderOptions = experimentCards.map((card) => ({
  title: card.experiment.title,
  shareKey: card.experiment.target.shareKey,
  links: card.links.map((l) => ({ label: l.label, href: l.href })),
}));

/** The link that fixes the start and hides the learning rate, as the lock-and-hide section shows it (after the base). */
export const lockAndHideExample = experimentCards.find((c) => c.experiment.id === 'seeds')!.links[1].href.slice(base.length);
