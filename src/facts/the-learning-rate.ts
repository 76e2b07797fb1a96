// Every number lesson 8 ("The learning rate") prints, computed from the trainer at build time.
// The 100-start sweep (5 rates × 3,000 epochs) is the one the sweep widget draws on the server
// (build-sweep.ts computes it once per build for both).
import { quantile } from 'd3-array';
import {
  B3, compareCurvature, Trainer, curvature, curvatureAlong, hessianSpectrum, initParams, PARAMETER_NAMES, variance, W5, W6, wilsonInterval,
  type SweepRun,
} from '../trainer';
import { defaultDataset } from '../experiments/data/defaultDataset';
import { sweepAtBuild } from '../experiments/learning-rate/build-sweep';
import { compareRates, summariseRate, walkAlongSlice, type RateRun } from '../experiments/learning-rate/runs';
import { formatNumber } from '../experiments/format';
import { LESSON_RATES, LESSON_START, startParameters } from '../experiments/learning-rate/settings';
import { rateComparisonSettings } from '../experiments/learning-rate/comparison-settings';
import { rateSweepSettings } from '../experiments/learning-rate/sweep-settings';
import { sliceStepsSettings } from '../experiments/learning-rate/slice-settings';
import { decimalsShown, fixed } from './format';
import { countFact, medianFact } from './uncertainty';

const data = defaultDataset();
const varY = variance(data.y);

/** Three significant figures, as a reader would round (164, 0.0122, 0.295). */
const sig = (v: number, digits = 3) => Number(v.toPrecision(digits)).toString();
const count = (n: number) => n.toLocaleString('en-GB');
const median = (values: number[]) => quantile(values, 0.5) as number;

// ---------- One start, five rates ----------

const start = startParameters(LESSON_START.init, LESSON_START.initSeed);
const startCurvature = curvature(start, data);
const limit = startCurvature.stableLearningRate;
const along = PARAMETER_NAMES.map((_, i) => curvatureAlong(start, data, i));
const EPOCHS = rateComparisonSettings.defaults.epochs;
const runs: RateRun[] = compareRates(data, start, LESSON_RATES, EPOCHS);
const run = (rate: number) => runs.find((r) => r.rate === rate)!;
const r2 = (loss: number) => 1 - loss / varY;

function describeRun(r: RateRun) {
  return {
    rate: String(r.rate),
    final: sig(r.finalLoss),
    r2: fixed(r2(r.finalLoss), 2),
    rises: count(r.rises),
    divergedAt: count(r.divergedAt),
    endLambda: sig(r.endLambdaMax),
    endLimit: sig(2 / r.endLambdaMax, 2),
    ratio: sig(r.rate / limit, 2),
  };
}

// ---------- Many starts: the write-up's scheme, seeds 1 … 100 ----------

const SWEEP = rateSweepSettings.defaults;
const sweep: SweepRun[][] = sweepAtBuild(SWEEP, data);
const startLambdas = sweep[0].map((r) => r.startLambdaMax!);
const sortedLambdas = [...startLambdas].sort((a, b) => a - b);
const lambdaQ = (p: number) => quantile(sortedLambdas, p) as number;
const startLimits = startLambdas.map((l) => 2 / l);
const belowUsual = startLimits.filter((l) => l < 0.01).length;
/** In how many starts the steepest single parameter is an output weight (W5 or W6). */
const steepestIsOutputWeight = Array.from({ length: SWEEP.seeds }, (_, i) => {
  const p = initParams({ preset: SWEEP.init, seed: i + 1 });
  const c = PARAMETER_NAMES.map((__, j) => curvatureAlong(p, data, j));
  const top = c.indexOf(Math.max(...c));
  return top === W5 || top === W6;
}).filter(Boolean).length;
// ---------- The exact curvature: the Hessian beside the Gauss–Newton table ----------

/** Both curvatures at every start of the sweep: the limit the prose states is the Hessian's. */
const startComparisons = Array.from({ length: SWEEP.seeds }, (_, i) => compareCurvature(initParams({ preset: SWEEP.init, seed: i + 1 }), data));
const hessianLimits = startComparisons.map((c) => c.hessian.stableLearningRate);
const ratios = startComparisons.map((c) => c.lambdaMaxRatio).sort((a, b) => a - b);
const withNegative = startComparisons.filter((c) => c.hessian.lambdaMin < 0).length;
const startExact = compareCurvature(start, data);
/** The lesson's start after 3,000 epochs at η = 0.01: resting, so the residual term has faded. */
const settled = (() => {
  const t = new Trainer({ data, params: start, learningRate: 0.01 });
  t.step(EPOCHS);
  return compareCurvature(t.params, data);
})();

/** The starts above their (exact) limit at η = 0.01: how many are below it after 1 and after 10 steps. */
const USUAL = 0.01;
const belowUsualHessian = hessianLimits.filter((l) => l < USUAL).length;
const belowUsualInterval = wilsonInterval(belowUsualHessian, SWEEP.seeds);
const overTheEdge = Array.from({ length: SWEEP.seeds }, (_, i) => i + 1).filter((_, i) => hessianLimits[i] < USUAL);
const limitAfter = (seed: number, steps: number) => {
  const t = new Trainer({ data, params: initParams({ preset: SWEEP.init, seed }), learningRate: USUAL });
  t.step(steps);
  return hessianSpectrum(t.params, data).stableLearningRate;
};
const belowAfter = (steps: number) => overTheEdge.filter((seed) => limitAfter(seed, steps) > USUAL).length;
const edge = { starts: overTheEdge.length, after1: belowAfter(1), after10: belowAfter(10) };
const heLambdas = Array.from({ length: SWEEP.seeds }, (_, i) => curvature(initParams({ preset: 'he', seed: i + 1 }), data).lambdaMax);
const heHessianLambdas = Array.from({ length: SWEEP.seeds }, (_, i) => hessianSpectrum(initParams({ preset: 'he', seed: i + 1 }), data).lambdaMax);

const summaries = SWEEP.rates.map((rate, r) => summariseRate(rate, sweep[r], startLimits));
const byRate = (rate: number) => summaries[SWEEP.rates.indexOf(rate)];
const runsAt = (rate: number) => sweep[SWEEP.rates.indexOf(rate)];
const survivors = (rate: number) => runsAt(rate).filter((r) => r.status === 'ok');
const endLambdaMedian = (rate: number) => median(survivors(rate).map((r) => r.endLambdaMax!));
const endBelowLimit = (rate: number) => survivors(rate).filter((r) => r.endLambdaMax! * rate < 2).length;
/** Starts that end with the same state of each unit (dead, hinge or straight) at two rates, both finished. */
const sameEnd = (a: number, b: number) =>
  runsAt(a).filter((ra, i) => {
    const rb = runsAt(b)[i];
    return ra.status === 'ok' && rb.status === 'ok' && ra.units.join() === rb.units.join();
  }).length;

function describeSummary(rate: number) {
  const s = byRate(rate);
  const p = s.percentiles!;
  const runs = runsAt(rate);
  const finished = runs.filter((r) => r.status === 'ok');
  return {
    /** Counts over the starts with Wilson intervals; unit counts are per run (units of one run are not independent). */
    divergedFact: countFact(s.diverged, runs.length).text,
    aboveLimitFact: countFact(s.aboveLimit ?? 0, runs.length).text,
    withDeadFact: countFact(finished.filter((r) => r.units.includes('dead')).length, finished.length).text,
    medianFact: medianFact(finished.map((r) => r.finalLoss), (v) => fixed(v, 2)).text,
    rate: String(rate),
    diverged: count(s.diverged),
    divergedShare: `${Math.round((100 * s.diverged) / s.runs)}%`,
    median: fixed(p.median, 2),
    q1: fixed(p.q1, 2),
    q3: fixed(p.q3, 2),
    p10: fixed(p.p10, 2),
    p90: fixed(p.p90, 2),
    deadUnits: count(s.deadUnits),
    units: count(s.units),
    aboveLimit: count(s.aboveLimit ?? 0),
    endLambda: sig(endLambdaMedian(rate), 2),
  };
}

/** The slice stepper at its opening start, moving W6: the exercise only the widget's "limit 2/c" answers. */
const sliceStart = sliceStepsSettings.defaults;
const w6Walk = walkAlongSlice(data, startParameters(sliceStart.init, sliceStart.initSeed), PARAMETER_NAMES.indexOf('W6'), sliceStart.learningRate, sliceStart.steps);
const w6Limit = formatNumber(w6Walk.limit);

export const theLearningRate = {
  widgetOnly: { w6Limit, w6LimitDecimals: decimalsShown(w6Limit), w6Curvature: formatNumber(w6Walk.curvature) },
  n: data.n,
  varY: fixed(varY, 0),
  epochs: count(EPOCHS),
  start: {
    seed: String(LESSON_START.initSeed),
    loss0: sig(runs[0].losses[0]),
    lambdaMax: sig(startCurvature.lambdaMax),
    limit: sig(limit),
    /** The exact curvature (Hessian) at the start: its λmax, the limit it gives, its most negative eigenvalue. */
    hessianLambdaMax: sig(startExact.hessian.lambdaMax),
    hessianLimit: sig(startExact.hessian.stableLearningRate),
    hessianLambdaMin: sig(startExact.hessian.lambdaMin).replace('-', '−'),
    /** Curvature along single parameters at the start. */
    alongB3: sig(along[B3]),
    alongW5: sig(along[W5]),
    limitW5: sig(2 / along[W5], 2),
  },
  slice: { rate: String(sliceStepsSettings.defaults.learningRate), factor: fixed(1 - 2 * sliceStepsSettings.defaults.learningRate, 1) },
  runs: Object.fromEntries(runs.map((r) => [String(r.rate), describeRun(r)])) as Record<string, ReturnType<typeof describeRun>>,
  overshoot: {
    /** The loss right after the first step at η = 0.03: the overshoot, and how many times the start's loss it is. */
    loss1: sig(run(0.03).losses[1]),
    jump: sig(run(0.03).losses[1] / run(0.03).losses[0], 2),
  },
  scheme: {
    seeds: count(SWEEP.seeds),
    epochs: count(SWEEP.epochs),
    lambdaMedian: sig(lambdaQ(0.5)),
    lambdaQ1: sig(lambdaQ(0.25)),
    lambdaQ3: sig(lambdaQ(0.75)),
    limitMedian: sig(2 / lambdaQ(0.5), 2),
    /** The limits of the quartile starts: a larger λmax gives a smaller limit. */
    limitQ1: sig(2 / lambdaQ(0.75), 2),
    limitQ3: sig(2 / lambdaQ(0.25), 2),
    belowUsual: count(belowUsual),
    steepestIsOutputWeight: count(steepestIsOutputWeight),
    heLambdaMedian: sig(median(heLambdas), 2),
    heLimitMedian: sig(2 / median(heLambdas), 2),
    heHessianLimitMedian: sig(2 / median(heHessianLambdas), 2),
    /** By the exact curvature: starts whose limit lies below η = 0.01, with a 95% Wilson interval. */
    belowUsualHessian: count(belowUsualHessian),
    belowUsualLow: count(Math.round(belowUsualInterval.low * SWEEP.seeds)),
    belowUsualHigh: count(Math.round(belowUsualInterval.high * SWEEP.seeds)),
    /** Hessian λmax ÷ Gauss–Newton λmax over the starts: median and range; starts with a negative eigenvalue. */
    ratioMedian: fixed(median(ratios), 2),
    ratioLow: fixed(ratios[0], 2),
    ratioHigh: fixed(ratios[ratios.length - 1], 2),
    withNegative: count(withNegative),
  },
  /** The lesson's start after its η = 0.01 run: the two curvatures agree at a resting point. */
  settled: {
    gaussNewton: sig(settled.gaussNewton.lambdaMax, 6),
    hessian: sig(settled.hessian.lambdaMax, 6),
  },
  /** Starts above their limit at η = 0.01, and how many were back under it after 1 and 10 steps. */
  edge: { starts: count(edge.starts), after1: count(edge.after1), after10: count(edge.after10) },
  sweep: Object.fromEntries(SWEEP.rates.map((rate) => [String(rate), describeSummary(rate)])) as Record<string, ReturnType<typeof describeSummary>>,
  same: {
    slowMiddle: count(sameEnd(0.001, 0.003)),
    slowUsual: count(sameEnd(0.001, 0.01)),
    slowMiddleFact: countFact(sameEnd(0.001, 0.003), SWEEP.seeds).text,
    slowUsualFact: countFact(sameEnd(0.001, 0.01), SWEEP.seeds).text,
  },
  /** Unrounded values for the tests of the prose's claims and the exercises. */
  exact: {
    data,
    varY,
    start,
    lambdaMax: startCurvature.lambdaMax,
    limit,
    along,
    runs,
    sweep,
    summaries,
    startLambdas,
    startLimits,
    heLambdas,
    heHessianLambdas,
    belowUsual,
    belowUsualHessian,
    hessianLimits,
    startComparisons,
    startExact,
    settled,
    edge,
    steepestIsOutputWeight,
    endBelowLimit,
    endLambdaMedian,
    sameEnd,
  },
};
