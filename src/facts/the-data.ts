// Every number lesson 1 ("The problem and the data") prints, computed from the trainer.
import { baselines, makeDataset, mean, rSquared, variance, linearFit } from '../trainer';
import { fixed, percent } from './format';

const data = makeDataset();
const minmax = makeDataset({ scaling: 'minmax' });
const unscaled = makeDataset({ scaling: 'none' });

const rawVarY = variance(data.raw.y);

/**
 * The first sample, worked by hand. Uses the fewest decimals (2 to 4) at which the
 * rounded pieces add up to the rounded total, so a reader's sum checks out.
 */
function firstSample() {
  const x1 = data.raw.x1[0], x2 = data.raw.x2[0], b = data.raw.noise[0], y = data.raw.y[0];
  for (const d of [2, 3, 4]) {
    const parts = Number((x1 * x1).toFixed(d)) + Number(x2.toFixed(d)) + b;
    if (parts.toFixed(d) === y.toFixed(d)) return { decimals: d, x1: fixed(x1, d), x2: fixed(x2, d), x1Squared: fixed(x1 * x1, d), y: fixed(y, d) };
  }
  return { decimals: 4, x1: fixed(x1, 4), x2: fixed(x2, 4), x1Squared: fixed(x1 * x1, 4), y: fixed(y, 4) };
}
const x1Squared = data.raw.x1.map((v) => v * v);
const base = baselines(data);
const fit = linearFit(data);
// The same experiment with x1 only in [0, 5]: the parabola no longer turns round.
const oneSided = makeDataset({ x1Range: [0, 5] });
const oneSidedR2 = rSquared(linearFit(oneSided).loss, variance(oneSided.y));
// The same experiment without noise: the plane is held back by the bend, not by the noise.
const noiseFree = linearFit(makeDataset({ noiseRange: [0, 0] })).loss;

export const theData = {
  n: data.n,
  /** The first sample, raw, to work through by hand. */
  first: {
    ...firstSample(),
    noise: String(data.raw.noise[0]).replace('-', '−'),
    x1Scaled: fixed(data.x1[0]),
    x2Scaled: fixed(data.x2[0]),
    yScaled: fixed(data.y[0]),
  },
  raw: {
    meanY: fixed(mean(data.raw.y), 1),
    stdY: fixed(Math.sqrt(rawVarY), 1),
    varY: fixed(rawVarY, 1),
    minY: fixed(Math.min(...data.raw.y), 1),
    maxY: fixed(Math.max(...data.raw.y), 1),
    meanX1: fixed(mean(data.raw.x1)),
    stdX1: fixed(Math.sqrt(variance(data.raw.x1))),
    stdX2: fixed(Math.sqrt(variance(data.raw.x2))),
    /** Shares of Var(y) that come from x1², from x2 and from the noise (sample values). */
    shareX1Squared: percent(variance(x1Squared) / rawVarY),
    shareX2: percent(variance(data.raw.x2) / rawVarY),
    shareNoise: percent(variance(data.raw.noise) / rawVarY),
    linearLoss: fixed(linearFit(unscaled).loss, 1),
  },
  zscore: {
    varY: fixed(base.meanPredictor, 3),
    linearLoss: fixed(base.linear),
    linearR2: fixed(rSquared(base.linear, base.meanPredictor)),
    linearR2Percent: percent(rSquared(base.linear, base.meanPredictor)),
    slopeX1: fixed(fit.a, 3),
    slopeX2: fixed(fit.b),
  },
  oneSided: { linearR2Percent: percent(oneSidedR2) },
  noiseFree: { linearLoss: fixed(noiseFree) },
  minmax: {
    varY: fixed(variance(minmax.y), 3),
    linearLoss: fixed(linearFit(minmax).loss, 3),
  },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: {
    rawVarY,
    linearR2: rSquared(base.linear, base.meanPredictor),
    minmaxVarY: variance(minmax.y),
    slopeX1: fit.a,
    slopeX2: fit.b,
    shareX1Squared: variance(x1Squared) / rawVarY,
    oneSidedR2,
    noiseFreeLinearLoss: noiseFree,
    linearLoss: base.linear,
    /** The first sample's standardised x1, for the by-hand exercise. */
    x1Scaled: data.x1[0],
    meanX1: mean(data.raw.x1),
    stdX1: Math.sqrt(variance(data.raw.x1)),
  },
};
