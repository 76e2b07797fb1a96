// What each of the teacher's guide's experiment links shows, computed at build time by replaying
// the link exactly as the console will (same config parser, same run code), plus the few extra
// numbers the guide prints. tests/unit/facts/experiments.test.ts checks every link's
// `expect` and every qualitative sentence the guide makes about these numbers.
import { EXPERIMENTS, type ConsoleSettings, type Experiment } from '../experiments/guide/links';
import { curvature, largestChange, lossIfZeroed, lossWithoutUnit, parameterChanges, PARAMETER_NAMES, unitActivity } from '../trainer';
import { unitsIdentical } from '../trainer/symmetry';
import { formatInteger, formatNumber, formatPowerOfTen, formatR2 } from '../experiments/format';
import { RATE_RULES, startingValues } from '../experiments/training/settings';
import { consoleData, currentLoss, runTo } from '../experiments/training-console/run';
import { trainingConsoleSettings } from '../experiments/training-console/settings';

const parse = (settings: ConsoleSettings) => trainingConsoleSettings.parse(settings as Record<string, string>);

/** Epochs at which the guide quotes the loss on the way, when the run has got that far. */
export const MILESTONES = [1, 10, 100, 1000] as const;

export interface LinkOutcome {
  /** The epoch the link asks for, and the one the run reaches (earlier if it diverged). */
  asked: number;
  reached: number;
  diverged: boolean;
  loss0: number;
  loss: number;
  varY: number;
  r2: number;
  milestones: { epoch: number; loss: number }[];
  hidden: number;
  /** Hidden units off for every sample at the end (0 for a diverged run, whose numbers overflowed). */
  dead: number;
  /** Units 1 and 2 equal bit for bit at the end. */
  twins: boolean;
  /** Notices the console's parser gave (none, or the link is broken). */
  notices: string[];
}

/** Replays a link's settings the way the console does when it opens the link. */
export function linkOutcome(settings: ConsoleSettings): LinkOutcome {
  const { config, notices } = parse(settings);
  const run = runTo(config, config.epoch);
  const { trainer, varY } = run;
  const diverged = trainer.status === 'diverged';
  const loss = currentLoss(run);
  const finite = !diverged && Number.isFinite(loss);
  return {
    asked: config.epoch,
    reached: trainer.epoch,
    diverged,
    loss0: trainer.losses[0] ?? loss,
    loss,
    varY,
    r2: 1 - loss / varY,
    milestones: MILESTONES.filter((e) => e < trainer.epoch).map((epoch) => ({ epoch, loss: trainer.losses[epoch] })),
    hidden: config.hidden,
    dead: finite ? unitActivity(trainer.params, run.data, config.hidden).states.filter((s) => s === 'dead').length : 0,
    twins: finite && config.hidden >= 2 && unitsIdentical(trainer.params, 0, 1, config.hidden),
    notices,
  };
}

function unitsSentence(o: LinkOutcome): string {
  const all = o.hidden === 2 ? 'Both hidden units are' : `All ${o.hidden} hidden units are`;
  const some = o.hidden === 2 ? 'One of the two hidden units is' : `${o.dead} of the ${o.hidden} hidden units ${o.dead === 1 ? 'is' : 'are'}`;
  const state = o.dead === 0 ? `${all} alive` : o.dead === o.hidden ? `${all} dead` : `${some} dead`;
  return o.twins ? `${state}, and the two are identical to the last digit.` : `${state}.`;
}

/** As the console prints it, except that huge numbers read as powers of ten (3.6 × 10²⁶, not 3.559e+26). */
function loss(value: number): string {
  return Math.abs(value) >= 1e9 ? formatPowerOfTen(value, 2) : formatNumber(value);
}

/** One or two sentences: what the console shows when the link opens. */
export function describeOutcome(o: LinkOutcome): string {
  const start = `The loss starts at ${loss(o.loss0)}`;
  if (o.diverged) return `${start} and becomes too large to represent at epoch ${formatInteger(o.reached)}; the status line says so.`;
  const way = o.milestones.map((m) => `${loss(m.loss)} at epoch ${formatInteger(m.epoch)}`).join(', ');
  return (
    `${start}${way ? `, is ${way},` : ''} and is ${loss(o.loss)} at epoch ${formatInteger(o.reached)}, ` +
    `against Var(y) = ${formatNumber(o.varY)}: R² = ${formatR2(o.r2)}. ${unitsSentence(o)}`
  );
}

export interface ExperimentFacts {
  experiment: Experiment;
  outcomes: LinkOutcome[];
  /** describeOutcome of each link, in order. */
  descriptions: string[];
}

export const experimentFacts: ExperimentFacts[] = EXPERIMENTS.map((experiment) => {
  const outcomes = experiment.links.map((link) => linkOutcome(link.settings));
  return { experiment, outcomes, descriptions: outcomes.map(describeOutcome) };
});

// ---------- Extra numbers the guide prints ----------

const byId = (id: string) => {
  const found = EXPERIMENTS.find((e) => e.id === id);
  if (!found) throw new Error(`No experiment "${id}" in src/experiments/guide/links.ts.`);
  return found;
};

/** Weights in the millions: the largest stable step at the start (2/λmax), against the console's smallest η. */
function hugeWeights() {
  const { config } = parse(byId('huge-weights').links[0].settings);
  const start = startingValues(config);
  const stable = curvature(start, consoleData(config)).stableLearningRate;
  return { stableRate: stable, smallestRate: RATE_RULES.min, tooLongBy: RATE_RULES.min / stable };
}

/**
 * The printed start: which parameter moved most, and which one moved a lot yet can be set to 0
 * at (almost) no cost, because the unit it belongs to is dead at the end.
 */
function printedExample() {
  const { config } = parse(byId('printed-example').links[0].settings);
  const run = runTo(config, config.epoch);
  const startActive = unitActivity(run.start, run.data).activeCounts;
  const changes = parameterChanges(run.start, run.trainer.params);
  const reset = lossIfZeroed(run.trainer.params, run.data);
  const most = largestChange(changes);
  // The prediction is W5·h1 + W6·h2 + B3: the part whose removal costs most is what the network leans on.
  const without = lossWithoutUnit(run.trainer.params, run.data);
  const parts = [
    { name: 'hidden unit 1 (W5 = 0)', cost: without[0] },
    { name: 'hidden unit 2 (W6 = 0)', cost: without[1] },
    { name: 'the output bias B3', cost: reset[PARAMETER_NAMES.indexOf('B3')] },
  ];
  const costliest = parts.reduce((a, b) => (b.cost > a.cost ? b : a));
  // The parameter with the largest change among those the final network does not need (0 costs almost nothing).
  const free = changes
    .map((c, j) => ({ j, size: Math.abs(c.change), cost: reset[j] }))
    .filter((c) => c.cost < 1e-3)
    .sort((a, b) => b.size - a.size)[0];
  return {
    n: run.data.n,
    startActive,
    unchanged: changes.filter((c) => c.unchanged).length,
    most: { name: PARAMETER_NAMES[most], change: changes[most].change, cost: reset[most] },
    costliest,
    free: free && { name: PARAMETER_NAMES[free.j], change: changes[free.j].change, cost: free.cost },
    loss: currentLoss(run),
  };
}

const huge = hugeWeights();
const example = printedExample();
const signed = (v: number) => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));

export const guideFacts = {
  huge: {
    stableRate: formatPowerOfTen(huge.stableRate, 1),
    smallestRate: formatNumber(huge.smallestRate),
    tooLongBy: formatPowerOfTen(huge.tooLongBy, 1),
  },
  example: {
    startActive1: formatInteger(example.startActive[0]),
    startActive2: formatInteger(example.startActive[1]),
    n: formatInteger(example.n),
    most: { name: example.most.name, change: signed(example.most.change), cost: formatNumber(example.most.cost) },
    costliest: { name: example.costliest.name, cost: formatNumber(example.costliest.cost) },
    free: example.free ? { name: example.free.name, change: signed(example.free.change), cost: formatNumber(example.free.cost) } : null,
  },
  /** Unrounded values for the tests. */
  exact: { huge, example },
};
