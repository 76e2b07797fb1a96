// Every number lesson 11 ("Symmetry") prints, computed from the trainer: the two symmetric
// starts of the write-up trained to the end, bit-for-bit checks that the units stay twins, the
// first step from weights 0 / biases 2, the one-unit and two-unit levels, the plane trap, and
// what nudging one of unit 1's parameters does.
import {
  B3,
  Trainer,
  initParams,
  linearFit,
  lossAndGradient,
  mean,
  PARAMETER_NAMES,
  rSquared,
  train,
  unitActivity,
  variance,
  type Parameters,
} from '../trainer';
import { gradientNorm } from '../trainer/endState';
import { unitGap, unitsIdentical } from '../trainer/symmetry';
import { defaultDataset } from '../experiments/data/defaultDataset';
import { symmetrySettings, type NudgeTarget, type SymmetricStart } from '../experiments/symmetry/settings';
import { firstBelow, LEVEL_EPOCHS, LEVEL_SEEDS, symmetricStart, symmetryRun, widthLevels } from '../experiments/symmetry/run';
import { decimalsShown, fixed, percent } from './format';
import { formatLoss } from '../experiments/format';
import symmetryCache from './cache/symmetry.json';
import { cachedRuns, type CacheFile } from './cache/runs';
import { SYMMETRY_ARMS, SYMMETRY_EPOCHS, SYMMETRY_RATE, SYMMETRY_RUNS, SYMMETRY_SEEDS } from './cache/symmetry';
import { countFact } from './uncertainty';

const data = defaultDataset();
const varY = variance(data.y);
const meanY = mean(data.y);
/** The widget's rate; 0.01, the rate our reproduction of the write-up uses elsewhere (it gives none), is checked to end in the same places (tests). */
export const RATE = symmetrySettings.defaults.learningRate;
export const WRITEUP_RATE = 0.01;
/** Long enough for every run here to have stopped moving (tests check the gradient is ~0). */
export const LONG = 20_000;
const r2 = (loss: number) => rSquared(loss, varY);
const count = (n: number) => n.toLocaleString('en-GB');
/** A count that opens a clause: "none" reads better than "0". */
const word = (n: number) => (n === 0 ? 'none' : count(n));
/** A loss as printed: three decimals, or three significant figures below 0.1. */
const loss = (v: number) => (v < 0.1 ? v.toPrecision(3) : fixed(v, 3));

/** A symmetric start trained for `epochs`, checking after every epoch that the units are still twins. */
function tiedRun(start: SymmetricStart, rate: number, epochs: number) {
  const trainer = new Trainer({ data, params: initParams({ preset: start }), learningRate: rate });
  let twinsAfterEvery = unitsIdentical(trainer.params);
  while (trainer.epoch < epochs && trainer.step(1) === 'ok') twinsAfterEvery &&= unitsIdentical(trainer.params);
  const params = Float64Array.from(trainer.params);
  const final = trainer.currentLoss();
  const activity = unitActivity(params, data);
  return {
    start,
    rate,
    epochs: trainer.epoch,
    status: trainer.status,
    params,
    loss0: trainer.losses[0],
    loss100: trainer.losses[100],
    final,
    twinsAfterEvery,
    states: activity.states,
    activeCounts: activity.activeCounts,
    gradientNorm: gradientNorm(lossAndGradient(params, data).grad),
  };
}

/** The one-unit network that computes what a tied pair computes: same hidden weights, output weight 2·W5. */
function oneUnitTwin(start: SymmetricStart, rate: number, epochs: number) {
  const p = initParams({ preset: start });
  // One-unit layout: [w(x1→h) | w(x2→h) | w(h→out) | b(h) | b(out)].
  const one = Float64Array.of(p[0], p[2], 2 * p[4], p[6], p[8]);
  const r = train({ data, params: one, hidden: 1, learningRate: rate, epochs });
  return { start: Array.from(one), final: r.lossHistory[r.epochs] };
}

const tied = {
  w0b2: tiedRun('weights0-biases2', RATE, LONG),
  w2b0: tiedRun('weights2-biases0', RATE, LONG),
};
const writeupRate = {
  w0b2: tiedRun('weights0-biases2', WRITEUP_RATE, LONG),
  w2b0: tiedRun('weights2-biases0', WRITEUP_RATE, LONG),
};
const oneUnit = {
  w0b2: oneUnitTwin('weights0-biases2', RATE, LONG),
  w2b0: oneUnitTwin('weights2-biases0', RATE, LONG),
};
const levels = widthLevels(data);
const plane = linearFit(data);

// ---------- The first two steps from weights 0, biases 2 ----------
const w0b2Start = initParams({ preset: 'weights0-biases2' });
const firstGradient = lossAndGradient(w0b2Start, data);
const afterOne = new Trainer({ data, params: w0b2Start, learningRate: RATE });
afterOne.step(1);
const secondGradient = lossAndGradient(afterOne.params, data).grad;
const moved = PARAMETER_NAMES.filter((_, j) => afterOne.params[j] !== w0b2Start[j]);

// ---------- Nudges: ε added to one of unit 1's parameters ----------
export const NUDGE_SIZES = [1e-6, 1e-3, 0.1, 0.3] as const;
export const NUDGED: readonly NudgeTarget[] = ['W1', 'W3', 'W5', 'B1'];
export const NUDGE_EPOCHS = 5000;

function nudgeGrid(start: SymmetricStart) {
  return NUDGED.flatMap((nudge) =>
    NUDGE_SIZES.map((epsilon) => {
      const run = symmetryRun({ start, nudge, epsilon, learningRate: RATE, epochs: NUDGE_EPOCHS }, data);
      const end = run.history.subarray(run.epochs * 9, run.epochs * 9 + 9);
      return {
        nudge,
        epsilon,
        below: firstBelow(run.losses, levels.oneUnit),
        final: run.losses[run.epochs],
        gapEnd: unitGap(end),
        states: unitActivity(end, data).states,
      };
    }),
  );
}
const grid = { w2b0: nudgeGrid('weights2-biases0'), w0b2: nudgeGrid('weights0-biases2') };
const escaped = grid.w2b0.filter((r) => r.below >= 0);
const tiny = grid.w2b0.filter((r) => r.epsilon <= 1e-3);
const large = grid.w2b0.filter((r) => r.epsilon >= 0.1);
const largeStuck = large.filter((r) => r.below < 0);
const fastest = escaped.reduce((a, b) => (b.below < a.below ? b : a), escaped[0]);
const slowest = escaped.reduce((a, b) => (b.below > a.below ? b : a), escaped[0]);
/** How the gap of the tiniest nudges changed: end gap ÷ ε, the largest over the four parameters. */
const tinyGrowth = Math.max(...grid.w2b0.filter((r) => r.epsilon === 1e-6).map((r) => r.gapEnd / r.epsilon));

// ---------- Equal, not "biases": weights all 2, but the two hidden biases different ----------
export const UNEQUAL_BIASES = { B1: 1, B2: 0 } as const;
const unequal: Parameters = initParams({ preset: 'weights2-biases0' });
unequal[6] = UNEQUAL_BIASES.B1;
unequal[7] = UNEQUAL_BIASES.B2;
const unequalRun = train({ data, params: unequal, learningRate: RATE, epochs: LONG });
const unequalFinal = unequalRun.lossHistory[unequalRun.epochs];

// ---------- 100 random starts each (cached: cache/symmetry.ts) ----------
const cached = cachedRuns(SYMMETRY_RUNS, symmetryCache as CacheFile);
/** A run at rest: its gradient is at rounding level. */
const AT_REST = 1e-8;

// Large biases switch units on everywhere: random He weights, every bias 2.
export const BIASES_TWO_SEEDS = SYMMETRY_SEEDS;
const biasesTwo = SYMMETRY_ARMS.biasesTwo.map(cached);
const biasesTwoAtPlane = biasesTwo.filter((r) => r.units.every((u) => u === 'linear') && Math.abs((r.finalLoss ?? NaN) - plane.loss) < 1e-9).length;

// Random starts: the usual cure.
const heRuns = SYMMETRY_ARMS.he.map(cached);
const heFinals = heRuns.map((r) => r.finalLoss ?? Infinity);
const heGood = heFinals.filter((l) => l < 0.1).length;
const heAtRest = heRuns.filter((r) => (r.gradientNorm ?? Infinity) < AT_REST).length;
const heBad = heRuns.filter((r) => !((r.finalLoss ?? Infinity) < 0.1));
const heBadDead = heBad.filter((r) => r.units.includes('dead')).length;
const heBadMoving = heBad.filter((r) => !r.units.includes('dead') && !((r.gradientNorm ?? Infinity) < AT_REST)).length;
const heGoodAtRest = heRuns.filter((r) => (r.finalLoss ?? Infinity) < 0.1 && (r.gradientNorm ?? Infinity) < AT_REST).length;

function describeUnits(states: readonly string[], counts: readonly number[]): string {
  return states
    .map((s, k) => (s === 'dead' ? `h${k + 1} dead` : s === 'linear' ? `h${k + 1} on for all ${count(data.n)} samples` : `h${k + 1} on for ${count(counts[k])} of ${count(data.n)}`))
    .join(', ');
}

function summary(run: ReturnType<typeof tiedRun>) {
  return {
    loss0: loss(run.loss0),
    loss100: loss(run.loss100),
    final: loss(run.final),
    r2: fixed(r2(run.final), 2),
    r2Percent: percent(r2(run.final)),
    units: describeUnits(run.states, run.activeCounts),
    named: Object.fromEntries(PARAMETER_NAMES.map((name, j) => [name, fixed(run.params[j], 3)])) as Record<(typeof PARAMETER_NAMES)[number], string>,
  };
}

/** The widget with the tie broken by ε = 0.5 on W1 from "Weights 2, biases 0": its final loss, which only the widget gives. */
const WIDGET_ONLY_EPSILON = 0.5;
const brokenTie = symmetryRun({ ...symmetrySettings.defaults, start: 'weights2-biases0', nudge: 'W1', epsilon: WIDGET_ONLY_EPSILON }, data);
const brokenEnd = formatLoss(brokenTie.losses[brokenTie.epochs]);
const brokenBelow = firstBelow(brokenTie.losses, widthLevels(data).oneUnit);

export const symmetry = {
  widgetOnly: { epsilon: String(WIDGET_ONLY_EPSILON), epochs: count(brokenTie.epochs), loss: brokenEnd, decimals: decimalsShown(brokenEnd), below: brokenBelow < 0 ? null : count(brokenBelow) },
  n: count(data.n),
  rate: String(RATE),
  writeupRate: String(WRITEUP_RATE),
  long: count(LONG),
  widgetEpochs: count(symmetrySettings.defaults.epochs),
  maxEpochs: count(symmetrySettings.fields.epochs.max),
  varY: fixed(varY, 3),
  w0b2: summary(tied.w0b2),
  w2b0: summary(tied.w2b0),
  first: {
    loss: fixed(firstGradient.loss, 3),
    meanY: fixed(Math.abs(meanY) < 5e-4 ? 0 : meanY, 3),
    dB3: fixed(firstGradient.grad[B3], 3),
    dW5: fixed(firstGradient.grad[4], 3),
    dW6: fixed(firstGradient.grad[5], 3),
    W5after: fixed(afterOne.params[4], 3),
    B3after: fixed(afterOne.params[B3], 3),
    moved: moved.join(', '),
    /** The second step's partial derivatives for W1 and W2, B1 and B2: equal in pairs, and no longer 0. */
    dW1second: fixed(secondGradient[0], 4),
    dB1second: fixed(secondGradient[6], 4),
  },
  levels: {
    oneUnit: loss(levels.oneUnit),
    twoUnits: loss(levels.twoUnits),
    oneUnitR2: fixed(r2(levels.oneUnit), 2),
    twoUnitsR2: fixed(r2(levels.twoUnits), 2),
    seeds: count(LEVEL_SEEDS),
    epochs: count(LEVEL_EPOCHS),
  },
  oneUnitTwin: { w0b2: loss(oneUnit.w0b2.final), w2b0: loss(oneUnit.w2b0.final) },
  plane: { loss: loss(plane.loss), r2: fixed(r2(plane.loss), 2) },
  nudges: {
    epochs: count(NUDGE_EPOCHS),
    runs: count(grid.w2b0.length),
    tinyRuns: count(tiny.length),
    tinyEscaped: count(tiny.filter((r) => r.below >= 0).length),
    tinyEscapedText: word(tiny.filter((r) => r.below >= 0).length),
    largeRuns: count(large.length),
    largeEscaped: count(large.filter((r) => r.below >= 0).length),
    largeStuck: count(largeStuck.length),
    escaped: count(escaped.length),
    fastest: { nudge: fastest.nudge, epsilon: String(fastest.epsilon), epoch: count(fastest.below), final: loss(fastest.final) },
    slowest: { nudge: slowest.nudge, epsilon: String(slowest.epsilon), epoch: count(slowest.below) },
    escapedList: escaped.map((r) => `${r.nudge} + ${r.epsilon} (epoch ${count(r.below)})`).join(', '),
    tinyGrowth: fixed(tinyGrowth, 1),
    /** The range of final losses of the larger nudges that did not get below the one-unit level. */
    stuckAt: ((low: string, high: string) => (low === high ? low : `${low} to ${high}`))(
      loss(Math.min(...largeStuck.map((r) => r.final))),
      loss(Math.max(...largeStuck.map((r) => r.final))),
    ),
    w0b2Escaped: count(grid.w0b2.filter((r) => r.below >= 0).length),
    w0b2EscapedText: word(grid.w0b2.filter((r) => r.below >= 0).length),
  },
  unequal: { final: loss(unequalFinal), r2: fixed(r2(unequalFinal), 2) },
  he: {
    good: count(heGood),
    runs: count(heFinals.length),
    goodFact: countFact(heGood, heFinals.length).text,
    epochs: count(SYMMETRY_EPOCHS),
    rate: String(SYMMETRY_RATE),
    atRest: count(heAtRest),
    goodAtRest: count(heGoodAtRest),
    bad: count(heBad.length),
    badDead: count(heBadDead),
    badMoving: count(heBadMoving),
  },
  biasesTwo: { atPlane: count(biasesTwoAtPlane), runs: count(BIASES_TWO_SEEDS), atPlaneFact: countFact(biasesTwoAtPlane, BIASES_TWO_SEEDS).text },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: {
    varY,
    meanY,
    tied,
    writeupRate,
    oneUnit,
    levels,
    planeLoss: plane.loss,
    firstGradient,
    afterOne: Float64Array.from(afterOne.params),
    secondGradient,
    moved,
    grid,
    unequalFinal,
    heFinals,
    heRuns,
    biasesTwo,
    /** For the exercise: ∂L/∂W5 at weights 0 / biases 2. */
    dW5: firstGradient.grad[4],
    startLoss: firstGradient.loss,
    w0b2Start,
    symmetricStart,
  },
};
