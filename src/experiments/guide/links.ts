// The write-up's experiments as ready-made links for the teacher's guide. Each link opens the
// training console of lesson 7 with the experiment's settings (a shareable link, see
// src/experiments/link.ts), optionally with some controls locked or hidden.
//
// The list is plain data so it can be tested without building the site:
// tests/unit/experiments.test.ts parses every link back with the console's own settings
// (a renamed setting fails there, not in a classroom), and tests/unit/facts/experiments.test.ts
// runs every link with the trainer and checks what `expect` says the student will see.
import { INIT_PRESETS, type InitPreset } from '../../trainer/init';
import { SCALING_OPTIONS } from '../data/settings';
import { shareUrl } from '../link';
import type { TrainingConsoleConfig } from '../training-console/settings';

/** Console settings as a link writes them (values are the link's text). */
export type ConsoleSettings = Partial<Record<keyof TrainingConsoleConfig, string>>;

/** Where a link points: a lesson page and the share key of the console on it. */
export interface ExperimentTarget {
  lesson: string;
  shareKey: string;
}

/** Lesson 7's second console: the one with the full settings panel (start, seeds, width, batch, samples, scaling). */
export const LESSON_7_CONSOLE: ExperimentTarget = { lesson: '07-gradient-descent', shareKey: 'console' };

/**
 * The console's controls a link can lock or hide, by their data-name, with their labels. The
 * e2e test checks that each one exists in the console, so a renamed control fails a test.
 */
export const CONSOLE_CONTROLS: readonly { name: keyof TrainingConsoleConfig; label: string }[] = [
  { name: 'learningRate', label: 'Learning rate η' },
  { name: 'init', label: 'Starting values' },
  { name: 'initSeed', label: 'Starting seed' },
  { name: 'hidden', label: 'Hidden units H' },
  { name: 'batchSize', label: 'Batch size' },
  { name: 'n', label: 'Number of samples N' },
  { name: 'scaling', label: 'Scaling' },
  { name: 'dataSeed', label: 'Data seed' },
  { name: 'speed', label: 'Epochs per frame' },
];

/**
 * What a link shows once the console has replayed it to the link's epoch. Each field is a claim
 * the guide's text makes, checked against the trainer by the facts test.
 */
export interface Expectation {
  /** The loss becomes too large to represent before the link's epoch. */
  diverges?: boolean;
  /** How many hidden units are off for every sample at the link's epoch. */
  dead?: number;
  /** The two hidden units are equal bit for bit (a symmetric start stays symmetric). */
  twins?: boolean;
  /** The loss is Var(y) to nine digits: the network predicts the mean and nothing else. */
  meanOnly?: boolean;
  r2Above?: number;
  r2Below?: number;
}

export interface ExperimentLink {
  /** What distinguishes this link from its siblings, e.g. "η = 0.001". */
  label: string;
  settings: ConsoleSettings;
  expect: Expectation;
}

export interface Experiment {
  /** The anchor on the teacher's page. */
  id: string;
  title: string;
  /** What the write-up claimed, in our words. */
  claim: string;
  /** What is true, measured with our trainer. */
  truth: string;
  /** What to ask the students to look at. */
  look: string;
  /** Lessons that treat the experiment (linked only if they exist when the site is built). */
  lessons: readonly string[];
  target: ExperimentTarget;
  /** Controls the links fix (shown but disabled) or hide. */
  lock?: readonly (keyof TrainingConsoleConfig)[];
  hide?: readonly (keyof TrainingConsoleConfig)[];
  links: readonly ExperimentLink[];
}

/** The start lesson 8 follows (the write-up's scheme, seed 97), so the guide's rates match the lesson's. */
const LESSON_8_START: ConsoleSettings = { init: 'writeup', initSeed: '97' };
const WIDE: ConsoleSettings = { x1Low: '-50', x1High: '50', x2Low: '-100', x2High: '100' };

export const EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'learning-rate',
    title: 'Small and large learning rates',
    claim:
      'A large learning rate makes training more erratic, but it can overshoot poor valleys and may reach a good answer sooner, if it finds one; a small rate learns more consistently but more slowly, and may settle for an answer that is easy to reach from its start.',
    truth:
      'The small rate is smooth and slow, as claimed. The large rates do not leap out of poor places: they make them. One overshooting step pushes a hidden unit to where it is off for every sample, and it never comes back; larger still, the loss overflows within a few epochs. All four links start from the same point.',
    look: 'Compare the loss curves and the sentence under the parameter table that says which units are dead. Lock the start so that the rate is the only difference.',
    lessons: ['08-the-learning-rate', '09-local-minima'],
    target: LESSON_7_CONSOLE,
    lock: ['init', 'initSeed'],
    links: [
      { label: 'η = 0.001 (small)', settings: { ...LESSON_8_START, learningRate: '0.001', epoch: '3000' }, expect: { dead: 0, r2Below: 0.5 } },
      { label: 'η = 0.01 (middle)', settings: { ...LESSON_8_START, learningRate: '0.01', epoch: '3000' }, expect: { dead: 0, r2Above: 0.5 } },
      { label: 'η = 0.03 (large)', settings: { ...LESSON_8_START, learningRate: '0.03', epoch: '3000' }, expect: { dead: 1, r2Below: 0.1 } },
      { label: 'η = 0.1 (too large)', settings: { ...LESSON_8_START, learningRate: '0.1', epoch: '3000' }, expect: { diverges: true } },
    ],
  },
  {
    id: 'huge-weights',
    title: 'Weights in the millions',
    claim: 'Even starting weights of several million did not stop the network from learning well.',
    truth:
      'With weights that large the first predictions are wrong by astronomical amounts, and so are the slopes. Even the smallest rate the console accepts takes a step far too long, and the loss overflows within a few epochs. A safe rate would have to be smaller by many powers of ten.',
    look: 'Read the status line: it names the epoch at which the loss became too large to represent. Press Reset, then Step one epoch at a time and watch the loss and the parameter table.',
    lessons: ['12-extreme-starts'],
    target: LESSON_7_CONSOLE,
    links: [{ label: 'η = 0.0001', settings: { init: 'huge-weights', learningRate: '0.0001', epoch: '10' }, expect: { diverges: true } }],
  },
  {
    id: 'large-biases',
    title: 'Very large biases',
    claim: 'Huge starting biases give a loss curve with a sudden cliff, because the enormous first losses dwarf everything that follows.',
    truth:
      'The cliff is real; the reason is different. The first huge steps leave both hidden units off for every sample. From then on only the output bias B3 can learn, and the loss settles at exactly Var(y): R² = 0, the network predicts the mean.',
    look: 'Switch the loss axis between logarithmic and linear; then read R² and the dead-unit sentence.',
    lessons: ['12-extreme-starts', '13-dead-units'],
    target: LESSON_7_CONSOLE,
    links: [{ label: 'biases in [−500, 500]', settings: { init: 'large-biases', learningRate: '0.01', epoch: '2000' }, expect: { dead: 2, meanOnly: true } }],
  },
  {
    id: 'all-zeros',
    title: 'Every weight and bias zero',
    claim: 'With everything set to 0, learning went really quickly.',
    truth:
      'At all zeros the hidden units output 0 and the output weights are 0, so eight of the nine slopes are exactly 0: only B3 can move. On our standardised data B3 = 0 is already the mean of y, so nothing happens at all. On min–max data the loss does drop fast, but only to Var(y): the quick learning is B3 finding the mean.',
    look: 'Watch the "now" column of the parameter table: which parameters move? Compare the final loss with Var(y).',
    lessons: ['12-extreme-starts', '11-symmetry'],
    target: LESSON_7_CONSOLE,
    links: [
      { label: 'standardised (z-score)', settings: { init: 'zeros', epoch: '500' }, expect: { dead: 2, meanOnly: true } },
      { label: 'min–max scaled', settings: { init: 'zeros', scaling: 'minmax', epoch: '500' }, expect: { dead: 2, meanOnly: true } },
    ],
  },
  {
    id: 'weights0-biases2',
    title: 'Weights 0, biases 2',
    claim: 'Setting every weight to 0 and every bias to 2 made a clear difference to how the network trained.',
    truth:
      'It did, for a reason the write-up did not name: both hidden units start identical, receive identical slopes, and so stay identical for ever. Two units do the work of one, and the loss levels off far above what two separate units reach.',
    look: 'Compare the rows W1 and W2, W3 and W4, W5 and W6, B1 and B2 in the parameter table: equal to every digit.',
    lessons: ['11-symmetry'],
    target: LESSON_7_CONSOLE,
    links: [{ label: 'η = 0.01', settings: { init: 'weights0-biases2', learningRate: '0.01', epoch: '3000' }, expect: { twins: true, r2Below: 0.5 } }],
  },
  {
    id: 'weights2-biases0',
    title: 'Weights 2, biases 0',
    claim: 'Weights of 2 and biases of 0 gave an ordinary, gradual learning curve, which suggests that starting biases matter more than weights because they are added rather than multiplied.',
    truth:
      'The curve is gradual, but this is the same trap as weights 0 and biases 2: the twin units stay twins. What separates these starts is which units are switched on and whether they are equal, not whether biases are added.',
    look: 'The same check as above: the paired rows of the table stay equal. Then choose the write-up’s random scheme under Starting values to see two units that differ.',
    lessons: ['11-symmetry'],
    target: LESSON_7_CONSOLE,
    links: [{ label: 'η = 0.01', settings: { init: 'weights2-biases0', learningRate: '0.01', epoch: '3000' }, expect: { twins: true, r2Below: 0.5 } }],
  },
  {
    id: 'writeup-scheme',
    title: 'The write-up’s random starts',
    claim: 'Starting weights drawn from [−10, 10] and biases from [−5, 5] usually ended at a loss of about 0.05.',
    truth:
      'Whether 0.05 is good depends on the scaling. On standardised data, where Var(y) = 1, some seeds do get there (R² near 0.95), while others end with one or both hidden units dead, far worse. On min–max data Var(y) itself is about 0.05, so a loss of 0.05 can mean the network learned nothing but the mean. A loss is only meaningful beside Var(y).',
    look: 'Read R² rather than the loss, and the dead-unit sentence. Press New seed a few times and count how many starts end well.',
    lessons: ['09-local-minima', '15-seeds-and-width'],
    target: LESSON_7_CONSOLE,
    links: [
      { label: 'seed 8', settings: { init: 'writeup', initSeed: '8', learningRate: '0.01', epoch: '5000' }, expect: { dead: 0, r2Above: 0.9 } },
      { label: 'seed 4', settings: { init: 'writeup', initSeed: '4', learningRate: '0.01', epoch: '5000' }, expect: { dead: 1, r2Below: 0.5 } },
      { label: 'seed 3', settings: { init: 'writeup', initSeed: '3', learningRate: '0.01', epoch: '5000' }, expect: { dead: 2, meanOnly: true } },
      { label: 'seed 3, min–max', settings: { init: 'writeup', initSeed: '3', learningRate: '0.01', scaling: 'minmax', epoch: '5000' }, expect: { dead: 2, meanOnly: true } },
    ],
  },
  {
    id: 'printed-example',
    title: 'The write-up’s printed example start',
    claim: 'After training from the printed start, W1, W3, W5 and B1 did not really change, and W6 changed the most, so it was likely the biggest factor in lowering the loss.',
    truth:
      'W1, W3, W5 and B1 are exactly hidden unit 1’s parameters. They freeze only if unit 1 is off for every sample, a dead unit, whose slopes are all exactly 0. On our standardised data unit 1 is on for some samples at the start, so all nine move. And the size of a change does not measure importance: below, a parameter that moved a lot can be set to 0 at no cost.',
    look: 'Compare the "start" and "now" columns of the parameter table, and read which unit is dead at the end.',
    lessons: ['13-dead-units'],
    target: LESSON_7_CONSOLE,
    links: [{ label: 'η = 0.01', settings: { init: 'writeup-example', learningRate: '0.01', epoch: '5000' }, expect: { dead: 1, r2Below: 0.5 } }],
  },
  {
    id: 'input-ranges',
    title: 'Wider input ranges',
    claim: 'Widening the inputs (x1 from −50 to 50, x2 from −100 to 100) usually made training take more epochs.',
    truth:
      'After standardising, wide inputs look just like narrow ones; what changes is the target, where x1² now outweighs x2 by far. From the same start both versions reach a good fit within the links’ 2,000 epochs, so the range alone is no obstacle. Without any scaling the story is different: wide inputs make the slopes so large that even η = 0.0001 diverges, while narrow raw inputs still train at η = 0.001.',
    look: 'Compare the first two links’ loss curves; then the two unscaled ones’ status lines.',
    lessons: ['14-ranges-and-data-size'],
    target: LESSON_7_CONSOLE,
    links: [
      { label: 'narrow, standardised', settings: { epoch: '2000' }, expect: { r2Above: 0.9 } },
      { label: 'wide, standardised', settings: { ...WIDE, epoch: '2000' }, expect: { r2Above: 0.9 } },
      { label: 'narrow, unscaled, η = 0.001', settings: { scaling: 'none', learningRate: '0.001', epoch: '2000' }, expect: { r2Above: 0.9 } },
      { label: 'wide, unscaled, η = 0.0001', settings: { ...WIDE, scaling: 'none', learningRate: '0.0001', epoch: '2000' }, expect: { diverges: true } },
    ],
  },
  {
    id: 'data-size',
    title: '300 or 3,000 points',
    claim: 'Training on 3,000 points instead of 300 produced a loss curve the write-up found very interesting (it shows no figure and does not say why).',
    truth:
      'With the loss as an average over the samples and one update per epoch, ten times more data barely changes the curve: the first two links have the same shape, and their losses stay within a quarter of each other at every milestone. A different curve appears when the loss is a sum (every step ten times larger) or when the parameters are updated after every single sample, as in the third link: one epoch there is 3,000 small steps.',
    look: 'Hover over the curves at the same epochs and compare the losses; in the third link, note how far one epoch gets.',
    lessons: ['14-ranges-and-data-size'],
    target: LESSON_7_CONSOLE,
    links: [
      { label: 'N = 300', settings: { n: '300', epoch: '2000' }, expect: { r2Above: 0.9 } },
      { label: 'N = 3,000', settings: { n: '3000', epoch: '2000' }, expect: { r2Above: 0.9 } },
      { label: 'N = 3,000, one sample per update', settings: { n: '3000', batchSize: '1', learningRate: '0.01', epoch: '20' }, expect: { r2Above: 0.9 } },
    ],
  },
  {
    id: 'seeds',
    title: 'Seeds and width',
    claim:
      'A seed makes a run repeatable but does not make the outcome certain; larger, better-designed networks vary less from seed to seed.',
    truth:
      'Both hold here. The same seeds give the same run to the last digit; another starting seed on the same data can end stuck with a much worse fit. With 16 hidden units the bad seed fits well. But "varies less" is a measurement: count over many seeds rather than trusting one.',
    look: 'Press New seed ten times with 2 hidden units and tally good and poor endings; repeat with 16. The links fix the start preset and hide η, so the seed and the width are the only things to change.',
    lessons: ['15-seeds-and-width'],
    target: LESSON_7_CONSOLE,
    lock: ['init'],
    hide: ['learningRate'],
    links: [
      { label: '2 units, seed 1', settings: { initSeed: '1', hidden: '2', epoch: '2000' }, expect: { r2Above: 0.9 } },
      { label: '2 units, seed 4', settings: { initSeed: '4', hidden: '2', epoch: '2000' }, expect: { r2Below: 0.5 } },
      { label: '16 units, seed 4', settings: { initSeed: '4', hidden: '16', epoch: '2000' }, expect: { r2Above: 0.9 } },
    ],
  },
];

/** The settings in the console's own order, so links read the same way the share button writes them. */
export function orderedSettings(settings: ConsoleSettings, order: readonly string[]): URLSearchParams {
  const entries = Object.entries(settings).filter((e): e is [string, string] => e[1] !== undefined);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return new URLSearchParams(entries.sort((a, b) => rank(a[0]) - rank(b[0])));
}

// shareUrl works on absolute addresses; links on the page are site paths, so a placeholder
// origin is added and removed again. (.invalid can never be a real host.)
const PLACEHOLDER_ORIGIN = 'https://nine-parameters.invalid';

/**
 * The link for one of an experiment's settings, given the path of its lesson's page on this
 * site (src/lib/experimentHref.ts finds it): the console's settings under its share key, the
 * lock/hide lists, and the console's anchor. `order` lists the console's keys.
 */
export function experimentLink(experiment: Experiment, link: ExperimentLink, page: string, order: readonly string[] = []): string {
  const { shareKey } = experiment.target;
  const url = shareUrl(PLACEHOLDER_ORIGIN + page, shareKey, orderedSettings(link.settings, order), { locked: experiment.lock, hidden: experiment.hide }, `widget-${shareKey}`);
  return url.slice(PLACEHOLDER_ORIGIN.length);
}

const grouped = (text: string) => (/^-?\d{4,}$/.test(text) ? Number(text).toLocaleString('en-GB') : text).replace('-', '−');

/**
 * A link's settings in words, in the console's order ("Starting values: the write-up’s random
 * scheme, starting seed 97, η = 0.001; opens at epoch 3,000"), so a printed card can be set up by hand.
 */
export function settingsInWords(settings: ConsoleSettings): string {
  const s = settings;
  const parts: string[] = [];
  if (s.init) parts.push(`Starting values: ${INIT_PRESETS[s.init as InitPreset]?.label ?? s.init}`);
  if (s.initSeed) parts.push(`starting seed ${grouped(s.initSeed)}`);
  if (s.hidden) parts.push(`${s.hidden} hidden units`);
  if (s.learningRate) parts.push(`η = ${s.learningRate}`);
  if (s.n) parts.push(`N = ${grouped(s.n)}`);
  if (s.batchSize) parts.push(s.batchSize === 'full' ? 'full batch' : `batch size ${grouped(s.batchSize)}`);
  if (s.x1Low || s.x1High) parts.push(`x₁ from ${grouped(s.x1Low ?? '−5')} to ${grouped(s.x1High ?? '5')}`);
  if (s.x2Low || s.x2High) parts.push(`x₂ from ${grouped(s.x2Low ?? '−10')} to ${grouped(s.x2High ?? '10')}`);
  if (s.scaling) parts.push(`scaling ${SCALING_OPTIONS.find((o) => o.value === s.scaling)?.label ?? s.scaling}`);
  if (s.dataSeed) parts.push(`data seed ${grouped(s.dataSeed)}`);
  const text = parts.length ? parts.join(', ') : 'the console’s own settings';
  return s.epoch ? `${text}; opens at epoch ${grouped(s.epoch)}` : text;
}
