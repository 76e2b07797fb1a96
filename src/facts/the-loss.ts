// Every number lesson 5 ("The loss") prints, computed from the trainer with the same presets
// the loss explorer offers.
import {
  B1,
  B3,
  PARAMETER_NAMES,
  W1,
  W3,
  W5,
  baselines,
  lossAlong,
  makeDataset,
  meanSquaredError,
  predictAll,
  presetParameters,
  rSquared,
  TRAINED_RUN,
  trainedParameters,
  variance,
  linearFit,
  type Dataset,
  type Parameters,
  type StartingPreset,
} from '../trainer';
import { formatNumber } from '../experiments/format';
import { lossExplorerSettings, parametersOf } from '../experiments/loss-explorer/settings';
import { sliceOf } from '../experiments/loss-explorer/slice';
import { decimalsShown, fixed, percent } from './format';

const data = makeDataset();
const minmax = makeDataset({ scaling: 'minmax' });
const base = baselines(data);

function residuals(params: Parameters, d: Dataset = data): Float64Array {
  const yhat = predictAll(params, d);
  return yhat.map((v, i) => v - d.y[i]);
}

const meanOf = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0) / values.length;

/** A whole number with a thousands separator and a real minus sign (1,467; −1,466). */
function whole(value: number): string {
  return Math.round(value).toLocaleString('en-GB').replace('-', '−');
}

/** Loss, R², mean residual and the best B3 (with its loss) of one parameter set. */
function summary(params: Parameters) {
  const loss = meanSquaredError(params, data);
  const meanResidual = meanOf(residuals(params));
  const best = Float64Array.from(params);
  best[B3] = params[B3] - meanResidual;
  return { params, loss, r2: rSquared(loss, base.meanPredictor), meanResidual, bestB3: best[B3], lossAtBestB3: meanSquaredError(best, data), best };
}

// The loss explorer's presets as its buttons hold them: rounded to the fields' 4 decimals.
const preset = (name: StartingPreset) => presetParameters(name, { decimals: 4 });
const he = summary(preset('he'));
const writeup = summary(preset('writeup-example'));
const trained = summary(trainedParameters(data, { decimals: 4 }));
const zeros = preset('zeros');

// The first samples under the He start, worked by hand.
const heResiduals = residuals(he.params);
const heYhat = predictAll(he.params, data);
const WORKED = 3;
const worked = Array.from({ length: WORKED }, (_, i) => ({
  y: fixed(data.y[i]),
  yhat: fixed(heYhat[i]),
  // From the rounded numbers, so a reader's subtraction and squaring check out.
  e: fixed(Number(heYhat[i].toFixed(2)) - Number(data.y[i].toFixed(2))),
  eSquared: fixed((Number(heYhat[i].toFixed(2)) - Number(data.y[i].toFixed(2))) ** 2),
}));
const workedEs = worked.map((w) => Number(w.e.replace('−', '-')));
const workedLoss = workedEs.reduce((s, e) => s + e * e, 0) / WORKED;

// Big misses count more: the share of the He start's loss that comes from its worst tenth.
const squared = Array.from(heResiduals, (e) => e * e).sort((a, b) => b - a);
const worstCount = Math.round(data.n / 10);
const worstShare = squared.slice(0, worstCount).reduce((s, v) => s + v, 0) / squared.reduce((s, v) => s + v, 0);
// The same samples' share of the mean absolute error, where a miss counts in proportion.
const absolute = Array.from(heResiduals, Math.abs).sort((a, b) => b - a);
const worstShareAbsolute = absolute.slice(0, worstCount).reduce((s, v) => s + v, 0) / absolute.reduce((s, v) => s + v, 0);

// The mean predictor as a network: all zeros (ŷ = B3 = 0 = ȳ on standardised data).
const meanPredictorResidual = meanOf(residuals(zeros));

// The write-up's "final loss usually around 0.05" (seed-claims C15), under each scaling.
const minmaxVarY = variance(minmax.y);
const minmaxPlane = linearFit(minmax).loss;
const WRITEUP_CLAIM = 0.05;

/**
 * Where the trained network's h1 is off on every sample along the W1 slice: z1 = W1·x1 + c_i
 * with c_i = W3·x2 + B1 is ≤ 0 for all i exactly when W1 lies between these two ends.
 */
function offInterval(params: Parameters): [number, number] {
  let lo = -Infinity, hi = Infinity;
  for (let i = 0; i < data.n; i++) {
    const c = params[W3] * data.x2[i] + params[B1];
    const x = data.x1[i];
    if (x > 0) hi = Math.min(hi, -c / x);
    else if (x < 0) lo = Math.max(lo, -c / x);
    else if (c > 0) return [NaN, NaN];
  }
  return [lo, hi];
}
const shelf = offInterval(trained.params);
// The B1 slice goes flat below −max(W1·x1 + W3·x2): h1 is then off on every sample.
let maxWx = -Infinity;
for (let i = 0; i < data.n; i++) maxWx = Math.max(maxWx, trained.params[W1] * data.x1[i] + trained.params[W3] * data.x2[i]);
const withoutH1 = Float64Array.from(trained.params);
withoutH1[W5] = 0;
const lossWithoutH1 = meanSquaredError(withoutH1, data);

/** Which of the nine slices through all zeros are flat (tested on a grid of ±3). */
const grid = Float64Array.from({ length: 13 }, (_, k) => -3 + k / 2);
const flatAtZeros = PARAMETER_NAMES.filter((_, i) => {
  const losses = lossAlong(zeros, data, i, grid);
  return losses.every((v) => v === losses[0]);
});

const EXERCISE_LOSS = 0.25;

/** The explorer's opening start (He, seed 1, as its fields hold it) sliced along W6: the exercise only the widget answers. */
const openingStart = parametersOf(lossExplorerSettings.defaults);
const w6Lowest = sliceOf(openingStart, data, PARAMETER_NAMES.indexOf('W6')).lowest;
if (!w6Lowest) throw new Error('the-loss facts: the W6 slice at the He start is flat.');
const w6LowestLoss = formatNumber(w6Lowest.loss);

export const theLoss = {
  n: data.n,
  widgetOnly: { w6LowestLoss, w6LowestDecimals: decimalsShown(w6LowestLoss), w6LowestAt: formatNumber(w6Lowest.value) },
  varY: fixed(base.meanPredictor, 3),
  planeLoss: fixed(base.linear),
  planeR2: fixed(rSquared(base.linear, base.meanPredictor)),
  worked,
  workedLoss: fixed(workedLoss),
  he: {
    loss: fixed(he.loss),
    r2: fixed(he.r2),
    // Four decimals, so that (printed ē)² rounds to the printed drop.
    meanResidual: fixed(he.meanResidual, 4),
    bestB3: fixed(he.bestB3, 4),
    lossAtBestB3: fixed(he.lossAtBestB3),
    drop: fixed(he.loss - he.lossAtBestB3, 3),
    worstCount,
    worstShare: percent(worstShare),
    worstShareAbsolute: percent(worstShareAbsolute),
  },
  writeup: {
    loss: whole(writeup.loss),
    r2: whole(writeup.r2),
    meanResidual: fixed(writeup.meanResidual),
    bestB3: fixed(writeup.bestB3),
    lossAtBestB3: whole(writeup.lossAtBestB3),
    /** How many times worse than the He start and than predicting the mean (Var(y) = 1 here). */
    timesHe: whole(writeup.loss / he.loss),
    timesVar: whole(writeup.loss / base.meanPredictor),
  },
  trained: {
    epochs: TRAINED_RUN.epochs.toLocaleString('en-GB'),
    learningRate: String(TRAINED_RUN.learningRate),
    loss: fixed(trained.loss, 3),
    r2: fixed(trained.r2),
    r2Percent: percent(trained.r2),
    meanResidual: fixed(trained.meanResidual, 5),
    b1: fixed(trained.params[B1]),
    w1: fixed(trained.params[W1]),
    shelfFrom: fixed(shelf[0]),
    shelfTo: fixed(shelf[1]),
    b1Off: fixed(-maxWx),
    lossWithoutH1: fixed(lossWithoutH1),
  },
  flatAtZeros: flatAtZeros.length,
  /** The R² exercise: a given loss on standardised data. */
  exercise: { loss: String(EXERCISE_LOSS), r2: rSquared(EXERCISE_LOSS, base.meanPredictor), r2Text: fixed(rSquared(EXERCISE_LOSS, base.meanPredictor)) },
  minmax: {
    varY: fixed(minmaxVarY, 3),
    planeLoss: fixed(minmaxPlane, 3),
    r2OfClaim: fixed(rSquared(WRITEUP_CLAIM, minmaxVarY)),
  },
  /** The write-up's typical final loss, and what it means on our z-scored data. */
  writeupClaim: String(WRITEUP_CLAIM),
  zscoreR2OfClaim: fixed(rSquared(WRITEUP_CLAIM, base.meanPredictor)),
  /** Unrounded values for the tests that check the prose's claims. */
  exact: {
    data,
    base,
    he,
    writeup,
    trained,
    zeros,
    worstShare,
    worstShareAbsolute,
    meanPredictorResidual,
    minmaxVarY,
    minmaxPlane,
    shelf,
    b1Off: -maxWx,
    lossWithoutH1,
    flatAtZeros,
    workedLoss,
  },
};
