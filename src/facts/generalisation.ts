// Every number lesson 19 ("Does it work on new data?") prints, computed with the trainer: the
// noise floor of the default data and of the widget's noisier data, the widget's own run, the
// L2 penalty's gradient on a worked example, and the experiment over 100 independent draws
// (cached in cache/generalisation.json).
import { makeDataset } from '../trainer/data';
import { noiseFloor, noiseVariance, trueFunctionLoss } from '../trainer/noiseFloor';
import { meanSquaredError, rSquared } from '../trainer/loss';
import { presetParameters, trainedParameters, TRAINED_RUN } from '../trainer/presets';
import { lossAndGradient } from '../trainer/gradient';
import { regularisedLossAndGradient } from '../trainer/weightDecay';
import { W1, W5, B1, PARAMETER_NAMES } from '../trainer/parameters';
import { formatInteger, formatNumber } from '../experiments/format';
import { generalisationSettings } from '../experiments/generalisation/settings';
import { runGeneralisation } from '../experiments/generalisation/run';
import generalisationCache from './cache/generalisation.json';
import { cachedRuns, type CacheFile, type RunJob, type RunRecord } from './cache/runs';
import { GENERALISATION_ARMS, GENERALISATION_RUNS, GENERALISATION_SEEDS, MORE_SAMPLES, OVERFIT_SETUP, WEIGHT_DECAYS } from './cache/generalisation';
import { countFact, medianFact } from './uncertainty';
import { decimalsShown, fixed } from './format';

const loss = (v: number) => formatNumber(v);
const whole = (v: number) => formatInteger(v);
/** A whole number with a true minus sign. */
const signed = (v: number) => String(v).replace('-', '−');

// ---------- The noise floor of the course's data ----------

const data = makeDataset();
const defaultFloor = noiseFloor(data);
const trained = trainedParameters(data);
const trainedLoss = meanSquaredError(trained, data);
const bigSample = makeDataset({ n: 100_000 });

// ---------- The widget's default run ----------

export const WIDGET_DEFAULTS = generalisationSettings.defaults;
const run = runGeneralisation(WIDGET_DEFAULTS);
const E = run.trainLosses.length - 1;
const widgetFloorRaw = noiseVariance([WIDGET_DEFAULTS.noiseLow, WIDGET_DEFAULTS.noiseHigh]);
/** The first epoch whose training loss is below the floor. */
const belowFloorAt = run.trainLosses.findIndex((l) => l < run.floor);

// ---------- Weight decay's gradient, worked at the He start (seed 1) ----------

export const WORKED_LAMBDA = 0.01;
const start = presetParameters('he');
const plain = lossAndGradient(start, data);
const decayed = regularisedLossAndGradient(start, data, WORKED_LAMBDA);

// ---------- The exercise: another noise range ----------

/** Noise drawn from −2 … 2: five faces. */
export const EXERCISE_NOISE: [number, number] = [-2, 2];
const exerciseVariance = noiseVariance(EXERCISE_NOISE);

// ---------- 100 independent draws ----------

const records = cachedRuns(GENERALISATION_RUNS, generalisationCache as CacheFile);
const heldOf = (r: RunRecord) => {
  if (!r.heldOut) throw new Error('A cached generalisation run has no held-out record.');
  return r.heldOut;
};
const arm = (jobs: readonly RunJob[]) => jobs.map((job) => heldOf(records(job)));
const overfit = arm(GENERALISATION_ARMS.overfit);
const twoUnits = arm(GENERALISATION_ARMS.twoUnits);
const moreSamples = arm(GENERALISATION_ARMS.moreSamples);
const decay = Object.fromEntries(WEIGHT_DECAYS.map((lambda) => [String(lambda), arm(GENERALISATION_ARMS.decay[String(lambda)])]));
const num = (v: number | null) => v ?? Infinity;

type Held = (typeof overfit)[number];
const belowFloor = (runs: Held[]) => runs.filter((r) => num(r.trainEnd) < r.floor).length;
const testOverFloor = (runs: Held[]) => runs.map((r) => num(r.testEnd) / r.floor);
const testR2 = (runs: Held[]) => runs.map((r) => rSquared(num(r.testEnd), r.baseline));
const earlyBetter = overfit.filter((r) => num(r.testBest) < num(r.testEnd)).length;
const decayBetter = (lambda: number) => decay[String(lambda)].filter((r, i) => num(r.testEnd) < num(overfit[i].testEnd)).length;
const ratio = (v: number) => `${formatNumber(v)}×`;

function armFacts(runs: Held[]) {
  return {
    belowFloor: countFact(belowFloor(runs), runs.length).text,
    trainEnd: medianFact(runs.map((r) => num(r.trainEnd)), loss).text,
    testEnd: medianFact(runs.map((r) => num(r.testEnd)), loss).text,
    testOverFloor: medianFact(testOverFloor(runs), ratio).text,
    testR2: medianFact(testR2(runs), (v) => fixed(v, 2)).text,
  };
}

/** The first widget with four hidden units (all else as it opens): its best held-out loss, which only the widget gives. */
const WIDGET_ONLY_HIDDEN = 4;
const narrowRun = runGeneralisation({ ...WIDGET_DEFAULTS, hidden: WIDGET_ONLY_HIDDEN });
const narrowBest = formatNumber(narrowRun.bestTestLoss);

export const generalisationFacts = {
  widgetOnly: { hidden: WIDGET_ONLY_HIDDEN, bestTestLoss: narrowBest, decimals: decimalsShown(narrowBest), bestEpoch: formatInteger(narrowRun.bestEpoch), floor: formatNumber(narrowRun.floor) },
  floor: {
    noiseLow: signed(data.options.noiseRange[0]),
    noiseHigh: signed(data.options.noiseRange[1]),
    rawVariance: fixed(noiseVariance(data.options.noiseRange), 3),
    scale: formatNumber(data.scaling.y.scale),
    scaled: loss(defaultFloor),
    trueFunctionLoss: loss(trueFunctionLoss(data)),
    bigSampleFloor: loss(noiseFloor(bigSample)),
    trainedLoss: loss(trainedLoss),
    trainedOverFloor: formatNumber(trainedLoss / defaultFloor),
    trainedEpochs: whole(TRAINED_RUN.epochs),
  },
  widget: {
    n: whole(WIDGET_DEFAULTS.n),
    trainN: whole(run.split.train.n),
    testN: whole(run.split.test.n),
    hidden: whole(WIDGET_DEFAULTS.hidden),
    parameters: whole(4 * WIDGET_DEFAULTS.hidden + 1),
    noiseLow: signed(WIDGET_DEFAULTS.noiseLow),
    noiseHigh: signed(WIDGET_DEFAULTS.noiseHigh),
    rawVariance: formatNumber(widgetFloorRaw),
    floor: loss(run.floor),
    epochs: whole(E),
    rate: String(WIDGET_DEFAULTS.learningRate),
    patience: whole(WIDGET_DEFAULTS.patience),
    trainEnd: loss(run.trainLosses[E]),
    testEnd: loss(run.testLosses[E]),
    testBaseline: loss(run.testBaseline),
    testR2End: fixed(rSquared(run.testLosses[E], run.testBaseline), 2),
    belowFloorAt: whole(belowFloorAt),
    bestEpoch: whole(run.bestEpoch),
    bestTest: loss(run.bestTestLoss),
    bestTestR2: fixed(rSquared(run.bestTestLoss, run.testBaseline), 2),
    trainAtBest: loss(run.trainLosses[run.bestEpoch]),
    stopEpoch: whole(run.stopEpoch),
  },
  decayWorked: {
    lambda: String(WORKED_LAMBDA),
    w5: fixed(start[W5], 4),
    dW5: fixed(plain.grad[W5], 4),
    term: fixed(2 * WORKED_LAMBDA * start[W5], 4),
    dW5Decayed: fixed(decayed.grad[W5], 4),
    dB1: fixed(plain.grad[B1], 4),
    b1Unchanged: decayed.grad[B1] === plain.grad[B1],
    w1: fixed(start[W1], 4),
    penalty: formatNumber(decayed.penalty),
  },
  exercise: {
    low: signed(EXERCISE_NOISE[0]),
    high: signed(EXERCISE_NOISE[1]),
    faces: whole(EXERCISE_NOISE[1] - EXERCISE_NOISE[0] + 1),
    variance: formatNumber(exerciseVariance),
  },
  decayWidget: { lambda: WEIGHT_DECAYS[1] },
  draws: {
    seeds: whole(GENERALISATION_SEEDS),
    n: whole(OVERFIT_SETUP.n),
    epochs: whole(OVERFIT_SETUP.epochs),
    patience: whole(OVERFIT_SETUP.patience),
    moreSamples: whole(MORE_SAMPLES),
    overfit: armFacts(overfit),
    twoUnits: armFacts(twoUnits),
    moreSamplesArm: armFacts(moreSamples),
    early: {
      better: countFact(earlyBetter, GENERALISATION_SEEDS).text,
      testBest: medianFact(overfit.map((r) => num(r.testBest)), loss).text,
      bestEpoch: medianFact(overfit.map((r) => r.bestEpoch), whole).text,
      trainAtBest: medianFact(overfit.map((r) => num(r.trainAtBest)), loss).text,
      trainAtBestBelowFloor: countFact(overfit.filter((r) => num(r.trainAtBest) < r.floor).length, GENERALISATION_SEEDS).text,
      stopped: countFact(overfit.filter((r) => r.stopEpoch >= 0).length, GENERALISATION_SEEDS).text,
      testBestR2: medianFact(overfit.map((r) => rSquared(num(r.testBest), r.baseline)), (v) => fixed(v, 2)).text,
    },
    decay: WEIGHT_DECAYS.map((lambda) => ({
      lambda: String(lambda),
      ...armFacts(decay[String(lambda)]),
      better: countFact(decayBetter(lambda), GENERALISATION_SEEDS).text,
    })),
  },
  exact: {
    exerciseVariance,
    defaultFloor,
    trainedLoss,
    widgetFloorRaw,
    run: { floor: run.floor, trainEnd: run.trainLosses[E], testEnd: run.testLosses[E], bestEpoch: run.bestEpoch, bestTest: run.bestTestLoss, testBaseline: run.testBaseline, belowFloorAt },
    decayWorked: { lambda: WORKED_LAMBDA, w5: start[W5], dW5: plain.grad[W5], dW5Decayed: decayed.grad[W5], names: PARAMETER_NAMES },
    earlyBetter,
    moreSamplesOverFloor: median(testOverFloor(moreSamples)),
    belowFloor: { overfit: belowFloor(overfit), twoUnits: belowFloor(twoUnits), moreSamples: belowFloor(moreSamples) },
    decayBetter: Object.fromEntries(WEIGHT_DECAYS.map((lambda) => [String(lambda), decayBetter(lambda)])),
    medianTestEnd: <Record<string, number>>{
      overfit: median(overfit.map((r) => num(r.testEnd))),
      early: median(overfit.map((r) => num(r.testBest))),
      ...Object.fromEntries(WEIGHT_DECAYS.map((lambda) => [String(lambda), median(decay[String(lambda)].map((r) => num(r.testEnd)))])),
      twoUnits: median(twoUnits.map((r) => num(r.testEnd))),
      moreSamples: median(moreSamples.map((r) => num(r.testEnd))),
    },
  },
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

