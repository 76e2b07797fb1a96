// Every number lesson 12 ("Extreme starting values") prints, computed from the trainer: the
// all-zero start's gradient and flat curve (z-score) or quick slide to Var(y) (min-max); weights
// in the millions, their starting loss, curvature and stable rate, over many seeds; very large
// biases, the step that kills the units, and where the runs end, over many seeds.
import {
  B3,
  Trainer,
  curvature,
  curvatureAlong,
  initParams,
  lossAndGradient,
  mean,
  meanSquaredError,
  rSquared,
  unitActivity,
  variance,
  type Dataset,
  type InitPreset,
} from '../trainer';
import { formatPowerOfTen, formatScaled } from '../experiments/format';
import { extremeStartsSettings } from '../experiments/extreme-starts/settings';
import { extremeData, extremeRun } from '../experiments/extreme-starts/run';
import { decimalsShown, fixed } from './format';
import { countFact, medianFact } from './uncertainty';

/** The rate our reproduction of the write-up uses (the write-up gives none), which the widget starts with. */
export const RATE = extremeStartsSettings.defaults.learningRate;
/** Long enough for every surviving run here to have settled (tests check the loss equals Var(y) to 1e-12). */
export const EPOCHS = extremeStartsSettings.defaults.epochs;
/** Starting seeds tried for each random extreme start: enough for a count to carry an interval. */
export const SEEDS = 100;

const z = extremeData('zscore');
const mm = extremeData('minmax');
const count = (n: number) => n.toLocaleString('en-GB');
const power = (v: number) => formatPowerOfTen(v, 2);
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------- All zeros ----------
const zeros = initParams({ preset: 'zeros' });
function zeroRun(data: Dataset) {
  const grad = lossAndGradient(zeros, data).grad;
  const run = extremeRun({ ...extremeStartsSettings.defaults, start: 'zeros', scaling: data.scaling.method as 'zscore' | 'minmax' }, data);
  const varY = variance(data.y);
  const within1Percent = run.losses.findIndex((l) => l <= varY * 1.01);
  return { grad, run, varY, meanY: mean(data.y), within1Percent, maxChange: Math.max(...Array.from(run.losses, (l) => Math.abs(l - run.losses[0]))) };
}
const zeroZ = zeroRun(z);
const zeroMM = zeroRun(mm);

// ---------- Random extreme starts over many seeds ----------
interface SeedOutcome {
  seed: number;
  loss0: number;
  lambdaMax: number;
  stableRate: number;
  status: 'ok' | 'diverged';
  divergedAt: number;
  bothDeadAtStart: boolean;
  /** Updates until both units were dead (0: dead from the start), −1 if never. */
  deadAfter: number;
  bothDeadAtEnd: boolean;
  finalLoss: number;
  varY: number;
  /** The eight parameters other than B3 did not move after both units died. */
  frozenAfterDeath: boolean;
  firstStepMax: number;
  loss1: number;
}

function outcomes(preset: InitPreset & ('huge-weights' | 'large-biases'), data: Dataset): SeedOutcome[] {
  const varY = variance(data.y);
  return Array.from({ length: SEEDS }, (_, k) => {
    const seed = k + 1;
    const run = extremeRun({ ...extremeStartsSettings.defaults, start: preset, seed, scaling: data.scaling.method as 'zscore' | 'minmax' }, data);
    // Replay the first steps to see when the units die and whether anything but B3 moves after.
    const t = new Trainer({ data, params: run.start, learningRate: RATE });
    let deadAfter = unitActivity(run.start, data).states.every((s) => s === 'dead') ? 0 : -1;
    let frozen: Float64Array | null = deadAfter === 0 ? Float64Array.from(run.start) : null;
    let frozenAfterDeath = true;
    while (t.epoch < Math.min(200, EPOCHS) && t.step(1) === 'ok') {
      const dead = unitActivity(t.params, data).states.every((s) => s === 'dead');
      if (dead && deadAfter < 0) {
        deadAfter = t.epoch;
        frozen = Float64Array.from(t.params);
      } else if (frozen) {
        for (let j = 0; j < 8; j++) if (t.params[j] !== frozen[j]) frozenAfterDeath = false;
      }
    }
    return {
      seed,
      loss0: run.losses[0],
      lambdaMax: run.lambdaMax,
      stableRate: run.stableRate,
      status: run.status,
      divergedAt: run.divergedAt,
      bothDeadAtStart: run.unitsAtStart.states.every((s) => s === 'dead'),
      deadAfter,
      bothDeadAtEnd: run.status === 'ok' && run.unitsNow.states.every((s) => s === 'dead'),
      finalLoss: run.losses[run.epochs],
      varY,
      frozenAfterDeath,
      firstStepMax: run.steps.length ? Math.max(...run.steps[0]) : NaN,
      loss1: run.losses[1],
    };
  });
}

const huge = { z: outcomes('huge-weights', z), mm: outcomes('huge-weights', mm) };
const large = { z: outcomes('large-biases', z), mm: outcomes('large-biases', mm) };
const atVar = (r: SeedOutcome) => r.status === 'ok' && Math.abs(r.finalLoss - r.varY) < 1e-12;

// Seed 1 of weights in the millions, worked in the prose.
const hugeOne = extremeRun({ ...extremeStartsSettings.defaults, start: 'huge-weights', seed: 1 }, z);
/** At half its own stable rate the same start no longer explodes, and still learns nothing. */
const hugeStable = extremeRun({ ...extremeStartsSettings.defaults, start: 'huge-weights', seed: 1, learningRate: hugeOne.stableRate / 2, epochs: 20_000 }, z);
const b3Curvature = curvatureAlong(hugeOne.start, z, B3);
/**
 * On a fixed bowl each step would multiply the error along the steepest direction by about η·λmax
 * and the loss by its square. The bowl does not stay fixed: λmax after the first and second step.
 */
const hugeSteps = (() => {
  const t = new Trainer({ data: z, params: hugeOne.start, learningRate: RATE });
  const lambdas = [hugeOne.lambdaMax];
  for (let k = 0; k < 2 && t.step(1) === 'ok'; k++) lambdas.push(curvature(t.params, z).lambdaMax);
  return { lambdas, etaLambda: RATE * hugeOne.lambdaMax };
})();
/** Epochs for B3's distance to its best value to shrink by a factor e at half the stable rate: 1/(2η). */
const b3Epochs = 1 / (2 * (hugeOne.stableRate / 2));
/** Root mean square of a column: its typical size. */
const rms = (values: ArrayLike<number>) => Math.sqrt(Array.from(values).reduce((s, v) => s + v * v, 0) / values.length);
const hugeH1 = Array.from({ length: z.n }, (_, i) => Math.max(0, hugeOne.start[0] * z.x1[i] + hugeOne.start[2] * z.x2[i] + hugeOne.start[6]));
/** The largest |W·x| part of any z (bias left out) over all samples and seeds of the large-bias start. */
const largestWeightedSum = Math.max(
  ...Array.from({ length: SEEDS }, (_, k) => {
    const p = initParams({ preset: 'large-biases', seed: k + 1 });
    let m = 0;
    for (let i = 0; i < z.n; i++) m = Math.max(m, Math.abs(p[0] * z.x1[i] + p[2] * z.x2[i]), Math.abs(p[1] * z.x1[i] + p[3] * z.x2[i]));
    return m;
  }),
);

// Seed 1 of very large biases, worked in the prose.
const largeOne = extremeRun({ ...extremeStartsSettings.defaults, start: 'large-biases', seed: 1 }, z);
const largeOneOutcome = large.z[0];

function stateWords(state: string): string {
  return state === 'linear' ? 'on for every sample' : state === 'dead' ? 'dead, off for every sample' : 'a hinge, on for some samples';
}

function shareSummary(runs: SeedOutcome[]) {
  const alive = runs.filter((r) => !r.bothDeadAtStart);
  const n = runs.length;
  return {
    /** The counts over all runs, with 95% Wilson intervals ("100 of 100 (95% interval 96–100)"). */
    divergedFact: countFact(runs.filter((r) => r.status === 'diverged').length, n).text,
    endDeadFact: countFact(runs.filter((r) => r.bothDeadAtEnd).length, n).text,
    atVarFact: countFact(runs.filter(atVar).length, n).text,
    deadAtStartFact: countFact(runs.filter((r) => r.bothDeadAtStart).length, n).text,
    stableMedianFact: medianFact(runs.map((r) => r.stableRate), power).text,
    diverged: count(runs.filter((r) => r.status === 'diverged').length),
    divergedAt: [...new Set(runs.filter((r) => r.status === 'diverged').map((r) => r.divergedAt))].sort((a, b) => a - b).join(', '),
    endDead: count(runs.filter((r) => r.bothDeadAtEnd).length),
    atVar: count(runs.filter(atVar).length),
    /** Both units dead, but B3 thrown so far that it is still creeping towards the mean. */
    stillCreeping: count(runs.filter((r) => r.bothDeadAtEnd && !atVar(r)).length),
    deadAtStart: count(runs.filter((r) => r.bothDeadAtStart).length),
    aliveAtStart: count(alive.length),
    killedInOne: count(alive.filter((r) => r.deadAfter === 1).length),
    killedInTwo: count(alive.filter((r) => r.deadAfter === 2).length),
    killedWithinTwo: count(alive.filter((r) => r.deadAfter >= 1 && r.deadAfter <= 2).length),
    killedLater: count(alive.filter((r) => r.deadAfter > 2).length),
    /** Runs with a live unit at the start that neither lost both units nor diverged. */
    neverBothDead: count(alive.filter((r) => r.deadAfter < 0 && r.status === 'ok').length),
    /** Every run that ends with both units dead ends exactly at Var(y). */
    everyDeadAtVar: runs.filter((r) => r.bothDeadAtEnd).every(atVar),
    loss0Low: power(Math.min(...runs.map((r) => r.loss0))),
    loss0High: power(Math.max(...runs.map((r) => r.loss0))),
    stableMedian: power(median(runs.map((r) => r.stableRate))),
    lambdaMedian: power(median(runs.map((r) => r.lambdaMax))),
  };
}

/** The widget's "sensible start" (He, seed 1, z-score): its λmax, for the exercise only the widget answers. */
const sensible = extremeRun({ ...extremeStartsSettings.defaults, start: 'he', seed: 1, scaling: 'zscore' }, z);
const sensibleLambda = formatScaled(sensible.lambdaMax);

export const extremeStarts = {
  n: count(z.n),
  widgetOnly: { lambdaMax: sensibleLambda, lambdaMaxDecimals: decimalsShown(sensibleLambda), stableRate: formatScaled(sensible.stableRate), rate: formatScaled(sensible.config.learningRate) },
  rate: String(RATE),
  epochs: count(EPOCHS),
  seeds: count(SEEDS),
  minmaxVarY: fixed(variance(mm.y), 4),
  largestWeightedSum: fixed(largestWeightedSum, 0),
  zeros: {
    meanY: fixed(Math.abs(zeroZ.meanY) < 5e-4 ? 0 : zeroZ.meanY, 3),
    dB3: power(zeroZ.grad[B3]),
    loss: fixed(zeroZ.run.losses[0], 3),
    lossEnd: fixed(zeroZ.run.losses[zeroZ.run.epochs], 3),
    maxChange: power(zeroZ.maxChange),
    minmax: {
      meanY: fixed(zeroMM.meanY, 3),
      dB3: fixed(zeroMM.grad[B3], 3),
      loss0: fixed(zeroMM.run.losses[0], 3),
      loss100: fixed(zeroMM.run.losses[100], 4),
      varY: fixed(zeroMM.varY, 4),
      lossEnd: fixed(zeroMM.run.losses[zeroMM.run.epochs], 4),
      within1Percent: count(zeroMM.within1Percent),
      B3End: fixed(zeroMM.run.params[B3], 3),
      firstStep: fixed(RATE * -zeroMM.grad[B3], 5),
    },
  },
  huge: {
    one: {
      loss0: power(hugeOne.losses[0]),
      loss1: power(hugeOne.losses[1]),
      loss2: power(hugeOne.losses[2]),
      divergedAt: count(hugeOne.divergedAt),
      lambdaMax: power(hugeOne.lambdaMax),
      stableRate: power(hugeOne.stableRate),
      ratio: power(RATE / hugeOne.stableRate),
      largestWeight: power(Math.max(...Array.from(hugeOne.start.subarray(0, 6), Math.abs))),
      /** Typical sizes: the residual (√L) and unit 1's output at the start. */
      residual: power(Math.sqrt(hugeOne.losses[0])),
      h1: power(rms(hugeH1)),
      firstStepW5: power(hugeOne.steps[0][4]),
      firstStepB3: power(hugeOne.steps[0][B3]),
      halfStableRate: power(hugeOne.stableRate / 2),
      stableEnd: fixed(hugeStable.losses[hugeStable.epochs], 1),
      stableR2: fixed(rSquared(hugeStable.losses[hugeStable.epochs], hugeStable.varY), 1),
      stableEpochs: count(hugeStable.epochs),
      b3Curvature: fixed(b3Curvature, 0),
      b3Factor: power(2 * (hugeOne.stableRate / 2)),
      b3Epochs: power(b3Epochs),
      /** λmax against the curvature 2 along B3: how far apart the steep and the gentle directions are. */
      steepToGentle: power(hugeOne.lambdaMax / b3Curvature),
      /** η·λmax and its square: the growth per step of the error and of the loss on a fixed bowl. */
      etaLambda: power(hugeSteps.etaLambda),
      etaLambdaSquared: power(hugeSteps.etaLambda ** 2),
      growth1: power(hugeOne.losses[1] / hugeOne.losses[0]),
      growth2: power(hugeOne.losses[2] / hugeOne.losses[1]),
      lambda1: power(hugeSteps.lambdas[1]),
      lambda2: power(hugeSteps.lambdas[2]),
    },
    z: shareSummary(huge.z),
    mm: shareSummary(huge.mm),
  },
  large: {
    one: {
      biases: Array.from(largeOne.start.subarray(6), (v) => fixed(v, 2)),
      /** The units' states in words: "on for every sample" rather than the trainer's "linear". */
      unit1: stateWords(largeOne.unitsAtStart.states[0]),
      unit2: stateWords(largeOne.unitsAtStart.states[1]),
      loss0: power(largeOne.losses[0]),
      loss1: power(largeOne.losses[1]),
      loss2: power(largeOne.losses[2]),
      deadAfter: count(largeOneOutcome.deadAfter),
      B1after: power(largeOne.params[6]),
      residual0: power(Math.sqrt(largeOne.losses[0])),
      residual1: power(Math.sqrt(largeOne.losses[1])),
      lossEnd: fixed(largeOne.losses[largeOne.epochs], 3),
    },
    z: shareSummary(large.z),
    mm: shareSummary(large.mm),
  },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: { hugeSteps, b3Epochs, largestWeightedSum, hugeH1Rms: rms(hugeH1), zeros, zeroZ, zeroMM, huge, large, hugeOne, hugeStable, b3Curvature, largeOne, varY: variance(z.y), varYmm: variance(mm.y), meanYmm: mean(mm.y), atVar, dB3mm: zeroMM.grad[B3], startLossMM: meanSquaredError(zeros, mm) },
};
