// Every number lesson 6 ("Backpropagation") prints, computed from the trainer. The example is
// lesson 4's: the write-up's starting values and sample 1 of the default data.
import {
  B1, DEAD_UNIT_B1, W1, W3, W5, W6,
  finiteDifferenceGradient, FINITE_DIFFERENCE_STEP, initParams, lossAndGradient, makeDataset, meanSquaredError, operationsPerSample, PARAMETER_NAMES,
  presetParameters, reluPrime, rSquared, train, unitActivity, variance, type ParameterName, type Parameters,
} from '../trainer';
import { factoredPartials, forwardColumns, LESSON_ORDER } from '../experiments/backprop/formulas';
import { formatNumber } from '../experiments/format';
import { decimalsShown, fixed } from './format';

const data = makeDataset();
const N = data.n;
const params: Parameters = initParams({ preset: 'writeup-example' });
const columns = forwardColumns(params, data);
const { loss, grad } = lossAndGradient(params, data);
const estimate = finiteDifferenceGradient(params, data);
const varY = variance(data.y);

/** A thousands-grouped number with a real minus sign. */
function grouped(value: number, decimals: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).replace('-', '−');
}

/** A small size as "2.4 × 10⁻⁷". */
function scientific(value: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(1).split('e');
  const superscript = (text: string) => text.replace(/[-+0-9]/g, (c) => '⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹'['-+0123456789'.indexOf(c)]).replace('⁺', '');
  return `${mantissa} × 10${superscript(exponent)}`;
}

const index = (name: ParameterName) => PARAMETER_NAMES.indexOf(name);

// ---- Sample 1, backwards, with the trainer's names (backprop.ts) ----
const i = 0;
const e = columns.e[i];
const dL_dyhat = (2 / N) * e;
const reluPrime1 = reluPrime(columns.z1[i]);
const reluPrime2 = reluPrime(columns.z2[i]);
const dL_dz1 = dL_dyhat * params[W5] * reluPrime1;
const dL_dz2 = dL_dyhat * params[W6] * reluPrime2;
const contributions: Record<ParameterName, number> = {
  B3: dL_dyhat,
  W5: dL_dyhat * columns.h1[i],
  W6: dL_dyhat * columns.h2[i],
  B1: dL_dz1,
  W1: dL_dz1 * columns.x1[i],
  W3: dL_dz1 * columns.x2[i],
  B2: dL_dz2,
  W2: dL_dz2 * columns.x1[i],
  W4: dL_dz2 * columns.x2[i],
};

// ---- The chain rule on one sample: ℓ = e², through ŷ, as W6 moves ----
const sampleLoss = (p: Parameters) => {
  const c = forwardColumns(p, { ...data, n: 1 });
  return c.e[0] * c.e[0];
};
const NUDGE = 0.001;
const nudged = Float64Array.from(params);
nudged[W6] += NUDGE;
const chainRate = 2 * e * columns.h2[i];
const chainActual = sampleLoss(nudged) - sampleLoss(params);

// ---- All nine partials over the data ----
const pieces = factoredPartials(params, columns);
const differences = PARAMETER_NAMES.map((_, j) => Math.abs(grad[j] - estimate[j]));
const partials = LESSON_ORDER.map((name) => ({
  name,
  value: fixed(grad[index(name)], 2),
  estimate: fixed(estimate[index(name)], 2),
  difference: scientific(grad[index(name)] - estimate[index(name)]),
}));

// ---- One update, and a step too far ----
function stepWith(learningRate: number) {
  const after = params.map((v, j) => v - learningRate * grad[j]);
  const lossAfter = meanSquaredError(after, data);
  return { learningRate, after, loss: lossAfter, r2: rSquared(lossAfter, varY), on1: unitActivity(after, data).activeCounts[0] };
}
const gentle = stepWith(0.01);
const tooFar = stepWith(0.03);
/** A rate the prose does not try, for the exercise only the inspector's update panel answers. */
const between = stepWith(0.02);
const betweenLoss = formatNumber(between.loss);

// ---- A dead unit: the He start (seed 1) with B1 lowered ----
const deadStart = presetParameters('dead-unit');
const deadGrad = lossAndGradient(deadStart, data).grad;
const DEAD_EPOCHS = 1000;
const deadRun = train({ data, params: deadStart, learningRate: 0.01, epochs: DEAD_EPOCHS });
const frozen = [W1, W3, B1, W5];

const operations = operationsPerSample(2);

// ---- W5 = 0 blocks unit 1's parameters but not W5 itself ----
const noW5 = Float64Array.from(params);
noW5[W5] = 0;
const noW5Grad = lossAndGradient(noW5, data).grad;

export const backpropagation = {
  n: N,
  widgetOnly: { learningRate: String(between.learningRate), lossAfter: betweenLoss, lossAfterDecimals: decimalsShown(betweenLoss), rises: between.loss > loss },
  loss: grouped(loss, 1),
  r2: grouped(rSquared(loss, varY), 1),
  varY: fixed(varY, 3),
  sample: {
    number: i + 1,
    e: fixed(e, 3),
    twoE: fixed(2 * e, 3),
    dL_dyhat: fixed(dL_dyhat, 4),
    h1: fixed(columns.h1[i], 3),
    h2: fixed(columns.h2[i], 3),
    z1: fixed(columns.z1[i], 3),
    z2: fixed(columns.z2[i], 3),
    x1: fixed(columns.x1[i], 4),
    x2: fixed(columns.x2[i], 4),
    reluPrime1: String(reluPrime1),
    reluPrime2: String(reluPrime2),
    W5: fixed(params[W5], 2),
    W6: fixed(params[W6], 2),
    dL_dz1: fixed(dL_dz1, 4),
    dL_dz2: fixed(dL_dz2, 4),
    contributions: Object.fromEntries(LESSON_ORDER.map((name) => [name, fixed(contributions[name], 4)])) as Record<ParameterName, string>,
  },
  chain: {
    h2: fixed(columns.h2[i], 3),
    twoE: fixed(2 * e, 3),
    rate: fixed(chainRate, 1),
    nudge: String(NUDGE),
    predicted: fixed(chainRate * NUDGE, 4),
    actual: fixed(chainActual, 4),
  },
  partials: Object.fromEntries(partials.map((p) => [p.name, p])) as Record<ParameterName, (typeof partials)[number]>,
  partialList: partials,
  factoredW1: {
    W5: fixed(params[W5], 2),
    sum: fixed(pieces.W1.sum, 3),
    terms: pieces.W1.terms,
    value: fixed(pieces.W1.value, 2),
  },
  on2: pieces.W2.terms,
  fd: { step: '10⁻⁶', largestDifference: scientific(Math.max(...differences)) },
  update: {
    learningRate: String(gentle.learningRate),
    lossAfter: grouped(gentle.loss, 1),
    r2After: grouped(gentle.r2, 1),
    W6After: fixed(gentle.after[W6], 2),
    W6Change: fixed(gentle.after[W6] - params[W6], 2),
  },
  tooFar: { learningRate: String(tooFar.learningRate), lossAfter: grouped(tooFar.loss, 1), on1: tooFar.on1 },
  dead: {
    B1: fixed(DEAD_UNIT_B1, 0),
    epochs: DEAD_EPOCHS.toLocaleString('en-GB'),
    lossStart: fixed(deadRun.losses[0], 3),
    lossEnd: fixed(deadRun.losses[DEAD_EPOCHS - 1], 3),
    on1After: unitActivity(deadRun.params, data).activeCounts[0],
    on2After: unitActivity(deadRun.params, data).activeCounts[1],
  },
  noW5: { dW5: fixed(noW5Grad[W5], 2) },
  /** Multiplications per sample (the trainer's operation counts, ReLU' multiplied as in the formulas). */
  ops: { forward: operations.forward.multiplications, backward: operations.backward.multiplications },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: {
    params, grad, estimate, loss, dL_dyhat, dL_dz1, dL_dz2, contributions, chainRate, chainActual,
    gentle, tooFar, deadStart, deadGrad, deadRun, frozen, noW5Grad, differences, h: FINITE_DIFFERENCE_STEP,
  },
};
