// Every number lesson 7 ("Gradient descent") prints, computed from the trainer.
import {
  B3,
  baselines,
  Trainer,
  fromNamed,
  hessianSpectrum,
  initParams,
  lossAndGradient,
  makeDataset,
  mean,
  predict,
  rSquared,
  medianInterval,
  unitActivity,
} from '../trainer';
import { decimalsShown, fixed } from './format';
import { trainingConsoleSettings } from '../experiments/training-console/settings';
import { currentLoss, runTo } from '../experiments/training-console/run';
import { formatLoss } from '../experiments/format';

const data = makeDataset();
const base = baselines(data);
const varY = base.meanPredictor;

// ---------- One parameter: a network whose hidden units are dead, so only B3 can learn ----------

/**
 * Every weight 0 and both hidden biases −1: z1 = z2 = −1 on every sample, so h1 = h2 = 0 and
 * the gradients of the other eight parameters are exactly 0. The prediction is B3 for every
 * sample, and gradient descent on all nine parameters is gradient descent on B3 alone.
 */
export const ONE_PARAMETER_START = { W1: 0, W2: 0, W3: 0, W4: 0, W5: 0, W6: 0, B1: -1, B2: -1, B3: 2 } as const;
const start = fromNamed(ONE_PARAMETER_START);
/** The best B3 with the rest fixed: here the rest predicts 0, so B3* = mean of y. */
const bestB3 = mean(data.y);
/** The loss at B3*: with the hidden units dead, that of always predicting the mean. */
const lossAtBest = base.meanPredictor;

export const RATES = [0.1, 0.25, 0.5, 0.75, 1, 1.5] as const;
const STEPS_SHOWN = 4;

function oneParameterRun(rate: number, epochs = 3000) {
  const trainer = new Trainer({ data, params: start, learningRate: rate });
  const b3: number[] = [start[B3]];
  for (let k = 0; k < STEPS_SHOWN; k++) {
    trainer.step(1);
    b3.push(trainer.params[B3]);
  }
  trainer.step(epochs - STEPS_SHOWN);
  return { rate, factor: 1 - 2 * rate, b3, losses: Float64Array.from(trainer.losses), status: trainer.status, divergedAt: trainer.divergedAt, trainer };
}

const oneParameter = RATES.map((rate) => oneParameterRun(rate));
const byRate = (rate: number) => oneParameter.find((r) => r.rate === rate)!;

/** B3 after each of the first steps, for the regime table. */
function sequence(rate: number): string {
  return byRate(rate).b3.map((v) => fixed(Math.abs(v) < 1e-9 ? 0 : v, 3)).join(', ');
}

// ---------- All nine: the default run of the console ----------

export const DEFAULT_RUN = { preset: 'he', seed: 1, learningRate: 0.05, epochs: 5000 } as const;
const he = initParams({ preset: DEFAULT_RUN.preset, seed: DEFAULT_RUN.seed });
const full: Trainer = new Trainer({ data, params: he, learningRate: DEFAULT_RUN.learningRate });
full.step(DEFAULT_RUN.epochs);
const losses = Float64Array.from(full.losses);
const finalLoss = lossAndGradient(full.params, data).loss;
const lossAt = (e: number) => (e < losses.length ? losses[e] : finalLoss);
const firstBelow = (level: number) => losses.findIndex((l) => l < level);
const within1Percent = losses.findIndex((l) => l <= finalLoss * 1.01);
let increases = 0, largestIncrease = 0, firstIncrease = -1;
for (let e = 1; e < losses.length; e++) {
  const rise = losses[e] - losses[e - 1];
  if (rise > 0) {
    increases += 1;
    largestIncrease = Math.max(largestIncrease, rise);
    if (firstIncrease < 0) firstIncrease = e;
  }
}
const units = unitActivity(full.params, data);
/** The same start with a reckless rate. */
const reckless = new Trainer({ data, params: he, learningRate: 1000 });
reckless.step(100);
const heGradient = lossAndGradient(he, data).grad;

// ---------- The limit for all nine parameters is not 1 but 2/λmax (lesson 8) ----------

/** Starts of each kind measured for the typical limit. */
export const LIMIT_SEEDS = 100;
/** 2/λmax of the exact curvature (the Hessian) at the console's start and over many starts. */
const limitAtConsoleStart = hessianSpectrum(he, data).stableLearningRate;
const limitsOf = (preset: 'he' | 'writeup') =>
  medianInterval(Array.from({ length: LIMIT_SEEDS }, (_, k) => hessianSpectrum(initParams({ preset, seed: k + 1 }), data).stableLearningRate));
const heLimits = limitsOf('he');
const writeupLimits = limitsOf('writeup');
const twoFigures = (v: number) => Number(v.toPrecision(2)).toString();

/** B3* for a live network: the B3 that makes the mean residual zero with everything else fixed. */
export function bestOutputBias(params: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < data.n; i++) sum += data.y[i] - (predict(params, data.x1[i], data.x2[i]) - params[B3]);
  return sum / data.n;
}

const r2 = (loss: number) => rSquared(loss, varY);
/** Three significant figures (14.0, 0.292, 0.0537), as a reader would round a loss. */
const loss3 = (v: number) => v.toPrecision(3);

/**
 * A number only the main console gives (issue 13): η set, Reset (the run restarts from epoch 0 with
 * the η in force), then Step a few times. The loss as the console prints it.
 */
const WIDGET_ONLY = { learningRate: 0.1, steps: 5 } as const;
const widgetOnlyLoss = formatLoss(currentLoss(runTo({ ...trainingConsoleSettings.defaults, learningRate: WIDGET_ONLY.learningRate }, WIDGET_ONLY.steps)));
const defaultRateLoss = formatLoss(currentLoss(runTo(trainingConsoleSettings.defaults, WIDGET_ONLY.steps)));

export const gradientDescent = {
  widgetOnly: {
    learningRate: String(WIDGET_ONLY.learningRate),
    defaultRate: String(trainingConsoleSettings.defaults.learningRate),
    steps: String(WIDGET_ONLY.steps),
    loss: widgetOnlyLoss,
    decimals: decimalsShown(widgetOnlyLoss),
    defaultRateLoss,
  },
  n: data.n,
  /** Where the lesson's main console starts (its default config). */
  consoleEpoch: String(trainingConsoleSettings.defaults.epoch),
  varY: fixed(varY, 0),
  planeLoss: fixed(base.linear, 3),
  planeR2: fixed(r2(base.linear), 3),
  one: {
    b3Start: fixed(start[B3], 0),
    bestB3: fixed(Math.abs(bestB3) < 1e-9 ? 0 : bestB3, 0),
    lossStart: fixed(byRate(0.1).losses[0], 3),
    lossAtBest: fixed(lossAtBest, 3),
    distance: fixed(start[B3] - bestB3, 0),
    /** For each rate: 1 − 2η and the first values of B3. */
    regimes: Object.fromEntries(RATES.map((rate) => [String(rate), { factor: fixed(1 - 2 * rate, 2), b3: sequence(rate) }])) as Record<string, { factor: string; b3: string }>,
    firstStep01: fixed(byRate(0.1).b3[1], 2),
    divergedAt15: byRate(1.5).divergedAt.toLocaleString('en-GB'),
    lossAfter10At01: fixed(byRate(0.1).losses[10], 3),
  },
  run: {
    rate: String(DEFAULT_RUN.learningRate),
    epochs: DEFAULT_RUN.epochs.toLocaleString('en-GB'),
    loss0: loss3(lossAt(0)),
    loss1: loss3(lossAt(1)),
    loss10: loss3(lossAt(10)),
    loss100: loss3(lossAt(100)),
    loss1000: loss3(lossAt(1000)),
    lossFinal: loss3(finalLoss),
    r2At10: fixed(r2(lossAt(10)), 3),
    r2At100: fixed(r2(lossAt(100)), 3),
    r2At1000: fixed(r2(lossAt(1000)), 3),
    r2Final: fixed(r2(finalLoss), 3),
    belowMeanAt: String(firstBelow(varY)),
    belowPlaneAt: String(firstBelow(base.linear)),
    within1PercentAt: within1Percent.toLocaleString('en-GB'),
    /** How much of a linear axis from 0 to the first loss the loss at epoch 20 still uses. */
    shareOfAxisAt20: `${Math.round((100 * lossAt(20)) / lossAt(0))}%`,
    firstIncreaseAt: firstIncrease.toLocaleString('en-GB'),
    /** The largest rise as a plain decimal with one significant digit (0.000003). */
    largestIncrease: Number(largestIncrease.toPrecision(1)).toFixed(Math.max(0, -Math.floor(Math.log10(largestIncrease)))),
    /** ∂L/∂B3 and the first step's change of B3 at the He start. */
    gradB3At0: fixed(heGradient[B3], 3),
    recklessDivergedAt: String(reckless.divergedAt),
  },
  /** The stable limit 2/λmax (Hessian) for all nine parameters: at the console's start, and medians over starts. */
  limit: {
    consoleStart: twoFigures(limitAtConsoleStart),
    seeds: String(LIMIT_SEEDS),
    heMedian: twoFigures(heLimits.median),
    heLow: twoFigures(heLimits.low),
    heHigh: twoFigures(heLimits.high),
    writeupMedian: twoFigures(writeupLimits.median),
    writeupLow: twoFigures(writeupLimits.low),
    writeupHigh: twoFigures(writeupLimits.high),
  },
  /** Unrounded values for the tests of the prose's claims. */
  exact: {
    data,
    start,
    bestB3,
    lossAtBest,
    oneParameter,
    losses,
    finalLoss,
    he,
    heGradient,
    increases,
    largestIncrease,
    firstIncrease,
    unitStates: units.states,
    reckless: { status: reckless.status, divergedAt: reckless.divergedAt, losses: Float64Array.from(reckless.losses) },
    within1Percent,
    limitAtConsoleStart,
    heLimits,
    writeupLimits,
    planeLoss: base.linear,
    varY,
  },
};
