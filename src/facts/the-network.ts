// Every number lesson 3 ("The 2-2-1 network") prints, computed from the trainer.
import {
  datasetFromArrays,
  forward,
  fromNamed,
  HAND_MADE_V,
  initParams,
  linearFit,
  makeDataset,
  meanSquaredError,
  parameterCount,
  rSquared,
  train,
  unitActivity,
  variance,
  W5,
} from '../trainer';
import { fixed } from './format';

const data = makeDataset();
const varY = variance(data.y);
const r2 = (loss: number) => rSquared(loss, varY);

/** Six weights: every input to every hidden unit, every hidden unit to the output. */
const inputs = 2, hidden = 2, outputs = 1;
const weights = inputs * hidden + hidden * outputs;
const biases = hidden + outputs;

/** The best "V plus slope" surface ŷ = a·|x1| + b·x2 + c: least squares with |x1| in place of x1. */
const vFit = linearFit(datasetFromArrays(data.x1.map(Math.abs), data.x2, data.y));
const plane = linearFit(data);

const hand = fromNamed(HAND_MADE_V);
const handLoss = meanSquaredError(hand, data);
/** The V without its x2 slope: both x2 weights at 0. */
const flatV = fromNamed({ ...HAND_MADE_V, W3: 0, W4: 0 });
const flatVLoss = meanSquaredError(flatV, data);

/**
 * Samples in the wedge where the two-unit V differs from a·|x1| + b·x2 + c: there
 * W3·|x2| > W1·|x1|, so both units are on (x2 > 0) or both off (x2 < 0).
 */
const wedge = Array.from(data.x1).filter((x1, i) => HAND_MADE_V.W3 * Math.abs(data.x2[i]) > HAND_MADE_V.W1 * Math.abs(x1)).length;
const handActivity = unitActivity(hand, data);

/** Sample 1 through the hand-made network, to work by hand. */
const pass = forward(hand, data.x1[0], data.x2[0]);

/** The V with its output bias raised, for the exercise only the widget answers (its R² has three decimals). */
const WIDGET_ONLY_B3 = -1;
const raisedLoss = meanSquaredError(fromNamed({ ...HAND_MADE_V, B3: WIDGET_ONLY_B3 }), data);

/** The hand-made setting as a start for training (Part II explains the loop). */
const TRAIN_RUN = { learningRate: 0.01, epochs: 20_000 };
const trained = train({ data, params: hand, ...TRAIN_RUN });
const trainedLoss = trained.losses[trained.losses.length - 1];

/** One output weight changed, the rest as hand-made: what the try-this prompt asks. */
function withW5(value: number): number {
  const p = Float64Array.from(hand);
  p[W5] = value;
  return meanSquaredError(p, data);
}

const writeup = initParams({ preset: 'writeup-example' });
const writeupLoss = meanSquaredError(writeup, data);
const he = initParams({ preset: 'he', seed: 1 });
const heLoss = meanSquaredError(he, data);

export const theNetwork = {
  n: data.n,
  count: { weights, biases, total: weights + biases, inputs, hidden, perHidden: 4 },
  varY: fixed(varY, 0),
  v: Object.fromEntries(Object.entries(HAND_MADE_V).map(([k, v]) => [k, fixed(v, 1)])) as Record<keyof typeof HAND_MADE_V, string>,
  vFit: { a: fixed(vFit.a), b: fixed(vFit.b), c: fixed(vFit.c), loss: fixed(vFit.loss, 3), r2: fixed(r2(vFit.loss), 2) },
  plane: { loss: fixed(plane.loss, 3), r2: fixed(r2(plane.loss), 2) },
  hand: { loss: fixed(handLoss, 3), r2: fixed(r2(handLoss), 2), wedge, unitOn: handActivity.activeCounts },
  flatV: { loss: fixed(flatVLoss, 2), r2: fixed(r2(flatVLoss), 2) },
  worked: {
    x1: fixed(data.x1[0]),
    x2: fixed(data.x2[0]),
    y: fixed(data.y[0]),
    z1: fixed(pass.z[0]),
    z2: fixed(pass.z[1]),
    h1: fixed(pass.h[0]),
    h2: fixed(pass.h[1]),
    yhat: fixed(pass.yhat),
    error: fixed(pass.yhat - data.y[0]),
  },
  trained: { epochs: TRAIN_RUN.epochs.toLocaleString('en-GB'), loss: fixed(trainedLoss, 3), r2: fixed(r2(trainedLoss), 2) },
  w5: { zero: fixed(withW5(0), 2), two: fixed(withW5(2), 2) },
  widgetOnly: { B3: fixed(WIDGET_ONLY_B3, 1), raise: fixed(WIDGET_ONLY_B3 - HAND_MADE_V.B3, 1), loss: fixed(raisedLoss, 3), r2: fixed(r2(raisedLoss), 3) },
  /** Parameters of a 2-5-1 network, for the counting exercise. */
  fiveHidden: parameterCount(5),
  writeup: { loss: fixed(writeupLoss, 0), states: unitActivity(writeup, data).states },
  he: { loss: fixed(heLoss, 2), r2: fixed(r2(heLoss), 2) },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: { varY, vFit, plane, handLoss, flatVLoss, trainedLoss, wedge, pass, writeupLoss, heLoss, w5Zero: withW5(0), w5Two: withW5(2), trained },
};
