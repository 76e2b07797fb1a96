// Every number lesson 2 ("One ReLU unit is one hinge") prints, computed from the trainer.
import {
  B1,
  B3,
  backpropagate221,
  fromNamed,
  HAND_MADE_V,
  initParams,
  linearFit,
  makeDataset,
  meanSquaredError,
  rSquared,
  train,
  variance,
  W1,
  W3,
  W5,
  type Dataset,
  type Parameters,
} from '../trainer';
import { RELU_UNIT_PRESETS, reluUnitSettings } from '../experiments/relu-unit/settings';
import { preActivations } from '../experiments/relu-unit/unit';
import { fixed } from './format';

const data = makeDataset();
const varY = variance(data.y);

/** The network with ReLU replaced by the identity, h = z: what "no non-linearity" means. */
export function identityNetworkPredict(p: ArrayLike<number>, x1: number, x2: number): number {
  const z1 = p[0] * x1 + p[2] * x2 + p[6];
  const z2 = p[1] * x1 + p[3] * x2 + p[7];
  return p[4] * z1 + p[5] * z2 + p[8];
}

/** The plane an identity network collapses to: ŷ = a·x1 + b·x2 + c, as the lesson derives it. */
export function collapsedPlane(p: ArrayLike<number>): { a: number; b: number; c: number } {
  const [w1, w2, w3, w4, w5, w6, b1, b2, b3] = Array.from(p);
  return { a: w5 * w1 + w6 * w2, b: w5 * w3 + w6 * w4, c: w5 * b1 + w6 * b2 + b3 };
}

export function identityNetworkLoss(p: ArrayLike<number>, d: Dataset = data): number {
  let sum = 0;
  for (let i = 0; i < d.n; i++) sum += (identityNetworkPredict(p, d.x1[i], d.x2[i]) - d.y[i]) ** 2;
  return sum / d.n;
}

const countOn = (z: ArrayLike<number>) => Array.from(z).filter((v) => v > 0).length;

// The widget's starting unit on the first sample, and on the first sample where it is on.
const unit = reluUnitSettings.defaults;
const z = preActivations(data, unit);
const firstOn = z.findIndex((v) => v > 0);

/**
 * Sample i worked by hand with the widget's unit: the fewest decimals (2 to 4) at which the
 * rounded inputs give the rounded z1, so a reader's arithmetic checks out.
 */
function worked(i: number) {
  const round = (v: number, d: number) => Number(v.toFixed(d));
  // Clearly within rounding, not a half-way case like 0.615 that readers may round either way.
  const checksOut = (d: number) => Math.abs(unit.W1 * round(data.x1[i], d) + unit.W3 * round(data.x2[i], d) + unit.B1 - round(z[i], d)) < 0.4 * 10 ** -d;
  let d = 2;
  while (d < 4 && !checksOut(d)) d += 1;
  return { number: i + 1, decimals: d, x1: fixed(data.x1[i], d), x2: fixed(data.x2[i], d), z: fixed(z[i], d), h: fixed(Math.max(0, z[i]), d) };
}

// ReLU'(0): how often z is exactly 0 at an ordinary start, and the one case where it always is.
const he = initParams({ preset: 'he', seed: 1 });
const heZeros = [0, 1].map((k) => Array.from(data.x1).filter((x1, i) => he[k] * x1 + he[2 + k] * data.x2[i] + he[6 + k] === 0).length);
/** Hidden layer all zero, output weights 1: every sample sits exactly on both kinks. */
const zeroHidden = fromNamed({ W1: 0, W2: 0, W3: 0, W4: 0, W5: 1, W6: 1, B1: 0, B2: 0, B3: 0 });
const step = 1e-6;
function oneSidedSlopes(p: Parameters, index: number) {
  const base = meanSquaredError(p, data);
  const nudged = (delta: number) => {
    const q = Float64Array.from(p);
    q[index] += delta;
    return meanSquaredError(q, data);
  };
  return { right: (nudged(step) - base) / step, left: (nudged(-step) - base) / -step };
}
const zeroSlopes = oneSidedSlopes(zeroHidden, W1);
const zeroGradient = backpropagate221(zeroHidden, data).grad;

// A dead unit inside a full network: the He start with unit 1 moved to the dead preset.
const deadValues = RELU_UNIT_PRESETS.dead.values;
const deadStart = Float64Array.from(he);
deadStart[W1] = deadValues.W1;
deadStart[W3] = deadValues.W3;
deadStart[B1] = deadValues.B1;
const deadGradient = backpropagate221(deadStart, data).grad;
const DEAD_RUN = { learningRate: 0.01, epochs: 5000 };
const deadRun = train({ data, params: deadStart, ...DEAD_RUN });
const frozen = [W1, W3, B1, W5];
const others = [1, 3, 5, 7, B3];

// Without ReLU: the lesson-3 network, its collapsed plane, and the best plane of all.
const vParams = fromNamed(HAND_MADE_V);
const collapsed = collapsedPlane(vParams);
const plane = linearFit(data);

/** A unit the lesson never draws, for the exercise that only the widget's count can answer. */
const WIDGET_ONLY_UNIT = { W1: 0.5, W3: -1, B1: 0.5 } as const;

export const oneReluUnit = {
  n: data.n,
  widgetOnly: {
    W1: fixed(WIDGET_ONLY_UNIT.W1, 1),
    W3: fixed(WIDGET_ONLY_UNIT.W3, 1),
    B1: fixed(WIDGET_ONLY_UNIT.B1, 1),
    /** Samples with z1 > 0, as the widget's "on for … of … samples" counts them. */
    on: countOn(preActivations(data, WIDGET_ONLY_UNIT)),
  },
  /** The data fill about ±1.7 in both z-scored inputs. */
  maxAbsX1: fixed(Math.max(...Array.from(data.x1, Math.abs))),
  maxAbsX2: fixed(Math.max(...Array.from(data.x2, Math.abs))),
  /** The largest and smallest x1: where the hinge x1 = −B1 leaves the data. */
  maxX1: fixed(Math.max(...data.x1)),
  minX1: fixed(Math.min(...data.x1)),
  unit: { W1: fixed(unit.W1), W3: fixed(unit.W3), B1: fixed(unit.B1) },
  first: worked(0),
  firstOn: worked(firstOn),
  /** The exercise's sample (sample 2), worked like the prose's examples. */
  exercise: worked(1),
  unitOn: countOn(z),
  presets: {
    hingeOn: countOn(preActivations(data, RELU_UNIT_PRESETS.hinge.values)),
    deadOn: countOn(preActivations(data, deadValues)),
    alwaysOn: countOn(preActivations(data, RELU_UNIT_PRESETS['always-on'].values)),
    deadB1: fixed(deadValues.B1, 1),
    alwaysB1: fixed(RELU_UNIT_PRESETS['always-on'].values.B1, 1),
  },
  reluPrime: {
    heZeros,
    rightSlope: fixed(zeroSlopes.right),
    leftSlope: fixed(zeroSlopes.left),
    gradientW1: fixed(zeroGradient[W1]),
  },
  dead: {
    epochs: DEAD_RUN.epochs.toLocaleString('en-GB'),
    learningRate: String(DEAD_RUN.learningRate),
    lossBefore: fixed(deadRun.losses[0]),
    lossAfter: fixed(deadRun.losses[deadRun.losses.length - 1]),
    r2After: fixed(rSquared(deadRun.losses[deadRun.losses.length - 1], varY)),
    W5: fixed(deadStart[W5]),
  },
  v: Object.fromEntries(Object.entries(HAND_MADE_V).map(([k, v]) => [k, fixed(v, 1)])) as Record<keyof typeof HAND_MADE_V, string>,
  collapse: {
    a: fixed(collapsed.a, 1),
    b: fixed(collapsed.b, 1),
    c: fixed(collapsed.c, 1),
    identityLoss: fixed(identityNetworkLoss(vParams)),
    reluLoss: fixed(meanSquaredError(vParams, data), 3),
    reluR2: fixed(rSquared(meanSquaredError(vParams, data), varY)),
    varY: fixed(varY, 0),
    planeLoss: fixed(plane.loss),
    planeR2: fixed(rSquared(plane.loss, varY)),
    planeA: fixed(plane.a, 3),
    planeB: fixed(plane.b),
  },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: {
    firstZ: z[0],
    firstOnZ: z[firstOn],
    exerciseZ: z[1],
    firstOn,
    zeroHidden,
    zeroSlopes,
    zeroGradient,
    deadGradient,
    deadStart,
    deadRun,
    frozen,
    others,
    collapsed,
    vParams,
    identityLoss: identityNetworkLoss(vParams),
    reluLoss: meanSquaredError(vParams, data),
    plane,
    varY,
  },
};
