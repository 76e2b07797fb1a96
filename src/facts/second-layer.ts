// Every number lesson 18 ("The matrix form and a second hidden layer") prints: the nine partials of
// lesson 6 read off the matrix products, a worked example of the layer rule through a second hidden
// layer, and the experiments over 100 He starts (cached in cache/deeper.json: final losses, stable
// rates and dead units of 2-2-1, 2-2-2-1, 2-6-1, 2-3-3-1, 2-9-1 and 2-4-4-1).
import {
  backpropagate221, backpropagateDeep, deepLayout, deepParameterCount, initDeepParams, makeDataset, matrixBackward,
  matrixForward, noiseFloor, presetParameters, PARAMETER_NAMES, reluPrime, variance, type Parameters,
} from '../trainer';
import { deadUnitsPerLayer, deepUnitActivity } from '../trainer';
import { matrixEntryOf } from '../trainer';
import { formatFixed, formatInteger, formatNumber } from '../experiments/format';
import { weightSymbol } from '../experiments/matrix-form/entries';
import deeperCache from './cache/deeper.json';
import { cachedRuns, type CacheFile, type RunRecord } from './cache/runs';
import { DEEPER_EPOCHS, DEEPER_NETWORKS, DEEPER_RATE, DEEPER_RUNS, DEEPER_SEEDS, deeperJobs, type DeeperNetwork } from './cache/deeper';
import { countFact, medianFact } from './uncertainty';
import { decimalsShown, percent } from './format';
import { matrixFormRun } from '../experiments/matrix-form/entries';
import { matrixFormSettings } from '../experiments/matrix-form/settings';

const data = makeDataset();
const N = data.n;
const n4 = (v: number) => formatNumber(v);
const varY = variance(data.y);

// ---------- The nine partials as matrix entries (the write-up's start, all samples) ----------

const course = deepLayout([2]);
const start = presetParameters('writeup-example');
const matrix = matrixBackward(start, course, data);
const byHand = backpropagate221(start, data);
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const entries = PARAMETER_NAMES.map((name, i) => {
  const e = matrixEntryOf(course, i);
  const address = e.matrix === 'W' ? `${weightSymbol(course, e.layer)}[${e.row + 1}, ${e.column + 1}]` : `b${SUPERSCRIPT[e.layer]}[${e.row + 1}]`;
  return { name, address, matrix: n4(matrix.grad[i]), hand: n4(byHand.grad[i]), same: Object.is(matrix.grad[i], byHand.grad[i]) };
});

// ---------- The layer rule through a second hidden layer, one sample worked by hand ----------

/**
 * A 2-2-2-1 He start whose every unit is on for sample 1, so every path through the second layer
 * carries something: the first such seed.
 */
function workedSeed(): number {
  const layout = deepLayout([2, 2]);
  for (let seed = 1; seed < 1000; seed++) {
    const p = initDeepParams({ hidden: [2, 2], seed });
    const pass = matrixForward(p, layout, { n: 1, x1: data.x1, x2: data.x2, y: data.y });
    if (pass.Z.slice(0, 2).every((Z) => Z[0].every((z) => z > 0))) return seed;
  }
  throw new Error('No 2-2-2-1 He start with every unit on for sample 1.');
}
const WORKED_SEED = workedSeed();
const deep = deepLayout([2, 2]);
const deepStart: Parameters = initDeepParams({ hidden: [2, 2], seed: WORKED_SEED });
const one = { n: 1, x1: data.x1.subarray(0, 1), x2: data.x2.subarray(0, 1), y: data.y.subarray(0, 1) };
const fwd = matrixForward(deepStart, deep, one);
const bwd = matrixBackward(deepStart, deep, one, fwd);
const readableOne = backpropagateDeep(deepStart, deep, one);
// The same start over all N samples, as the matrix widget shows it: sample 1's error signals are the
// one-sample ones divided by N (the output's is (2/N)·e instead of 2e, and the rule is linear in it).
const allSamples = matrixBackward(deepStart, deep, data);
const W2 = (to: number, from: number) => deepStart[deep.weightOffset[2] + from * 2 + to];
const w3 = (from: number) => deepStart[deep.weightOffset[3] + from];
const e1 = fwd.Yhat[0][0] - one.y[0];
const delta3 = bwd.Delta[2][0][0];
const delta2 = bwd.Delta[1][0];
const delta1 = bwd.Delta[0][0];
// The partial of the weight from x1 to h¹₁ (layout index 0): every path through the second layer.
const x1 = one.x1[0];
const firstWeightByHand = (w3(0) * delta3 * reluPrime(fwd.Z[1][0][0]) * W2(0, 0) + w3(1) * delta3 * reluPrime(fwd.Z[1][0][1]) * W2(1, 0)) * reluPrime(fwd.Z[0][0][0]) * x1;
// The partial of the weight from h¹₂ to h²₁: δ of h²₁ times its input h¹₂ (layout: from · 2 + to).
const secondLayerIndex = deep.weightOffset[2] + 1 * 2 + 0;
// The exercises: the weight from h¹₁ to h²₂, and the one from x2 to h¹₂.
const exerciseSecondIndex = deep.weightOffset[2] + 0 * 2 + 1;
const exerciseFirstIndex = deep.weightOffset[1] + 1 * 2 + 1;
const worked = {
  seed: WORKED_SEED,
  x1: n4(x1),
  x2: n4(one.x2[0]),
  y: n4(one.y[0]),
  h1: fwd.H[1][0].map(n4),
  h2: fwd.H[2][0].map(n4),
  yhat: n4(fwd.Yhat[0][0]),
  e: n4(e1),
  delta3: n4(delta3),
  delta2: delta2.map(n4),
  delta1: delta1.map(n4),
  w3: [n4(w3(0)), n4(w3(1))],
  W2: [[n4(W2(0, 0)), n4(W2(0, 1))], [n4(W2(1, 0)), n4(W2(1, 1))]],
  secondLayerWeight: n4(readableOne.grad[secondLayerIndex]),
  firstWeight: n4(readableOne.grad[0]),
  exerciseSecond: n4(readableOne.grad[exerciseSecondIndex]),
  exerciseFirst: n4(readableOne.grad[exerciseFirstIndex]),
  /** Sample 1's term of ∂L/∂W¹[1, 1] over all samples, as the widget's first term: Δ¹[1, 1] and x1. */
  widgetFirstDelta: n4(allSamples.Delta[0][0][0]),
};

// ---------- The experiments over 100 starts ----------

const record = cachedRuns(DEEPER_RUNS, deeperCache as CacheFile);
const recordsOf = (network: DeeperNetwork): RunRecord[] => deeperJobs(network).map(record);
const finite = (values: (number | null | undefined)[]) => values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const lossText = (v: number) => formatFixed(v, 4);
/** A run "did not learn the curve" when its R² stays below this (lesson 15's line between the two humps). */
const STUCK_R2 = 0.9;
const rateText = (v: number) => formatFixed(v, 3);

function summary(network: DeeperNetwork) {
  const runs = recordsOf(network);
  const widths = DEEPER_NETWORKS[network];
  const layers = widths.length;
  const finals = finite(runs.map((r) => r.finalLoss));
  const diverged = runs.filter((r) => r.status !== 'ok').length;
  const limitsStart = finite(runs.map((r) => r.startGaussNewtonLimit));
  const limitsEnd = finite(runs.map((r) => r.endGaussNewtonLimit));
  const lastLayerDeadStart = runs.filter((r) => (r.deadStart?.[layers - 1] ?? 0) > 0).length;
  const lastLayerDeadEnd = runs.filter((r) => (r.deadEnd?.[layers - 1] ?? 0) > 0).length;
  const firstLayerDeadStart = runs.filter((r) => (r.deadStart?.[0] ?? 0) > 0).length;
  const anyDeadEnd = runs.filter((r) => (r.deadEnd ?? []).some((d) => d > 0)).length;
  // Fewer dead units in the last hidden layer at the end than at the start: at least one came back
  // (possible past the first layer, whose inputs keep changing as the layers below learn).
  const lastLayerRevived = runs.filter((r) => (r.deadEnd?.[layers - 1] ?? 0) < (r.deadStart?.[layers - 1] ?? 0)).length;
  const belowFloor = finals.filter((v) => v < noiseFloor()).length;
  const atEdge = limitsEnd.filter((v) => v < 1.1 * DEEPER_RATE).length;
  const stuck = finals.filter((v) => 1 - v / varY < STUCK_R2).length;
  return {
    network,
    parameters: deepParameterCount(widths),
    runs: runs.length,
    diverged,
    finalLoss: medianFact(finals, lossText),
    r2: formatFixed(1 - medianOf(finals) / varY, 3),
    limitStart: medianFact(limitsStart, rateText),
    limitEnd: medianFact(limitsEnd, rateText),
    lastLayerDeadStart: countFact(lastLayerDeadStart, runs.length),
    lastLayerDeadEnd: countFact(lastLayerDeadEnd, runs.length),
    firstLayerDeadStart: countFact(firstLayerDeadStart, runs.length),
    anyDeadEnd: countFact(anyDeadEnd, runs.length),
    lastLayerRevived: countFact(lastLayerRevived, runs.length),
    belowFloor: countFact(belowFloor, finals.length),
    atEdge: countFact(atEdge, limitsEnd.length),
    stuck: countFact(stuck, finals.length),
    exact: { finals, limitsStart, limitsEnd, lastLayerDeadStart, lastLayerDeadEnd, firstLayerDeadStart, belowFloor, atEdge, stuck },
  };
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const networks = Object.keys(DEEPER_NETWORKS) as DeeperNetwork[];
const table = Object.fromEntries(networks.map((n) => [n, summary(n)])) as Record<DeeperNetwork, ReturnType<typeof summary>>;

/** Seed by seed, how often the two-layer network ends lower than the one-layer network of the same size. */
function pairedWins(deeper: DeeperNetwork, shallower: DeeperNetwork) {
  const a = recordsOf(deeper), b = recordsOf(shallower);
  let wins = 0;
  a.forEach((r, i) => {
    if (r.finalLoss !== null && b[i].finalLoss !== null && r.finalLoss < b[i].finalLoss!) wins++;
  });
  return countFact(wins, a.length);
}

/** Chance that a second-layer unit with He weights and zero bias is dead from the start: all its H1 incoming weights negative. */
const allNegative = (h1: number) => 2 ** -h1;
const atLeastOneOf = (units: number, p: number) => 1 - (1 - p) ** units;

/**
 * The matrix widget's 2-2-2-1 network (He start, seed 1): one first-layer weight's partial, which
 * only the widget gives, and the second-layer unit that is off for every sample at that start.
 */
const WIDGET_ONLY_ENTRY = 3;
const deepMatrix = matrixFormRun({ ...matrixFormSettings.defaults, network: '2-H-H-1', h1: 2, h2: 2, start: 'he', seed: 1, entry: WIDGET_ONLY_ENTRY }, data);
const deepEntry = formatNumber(deepMatrix.readable[WIDGET_ONLY_ENTRY - 1]);
const secondLayerStates = deepUnitActivity(deepMatrix.params, deepMatrix.layout, data)[1].states;
/** Which unit of the second hidden layer (1 or 2) is dead at that start, or 0 if none. */
const deadSecond = secondLayerStates.indexOf('dead') + 1;

export const secondLayer = {
  widgetOnly: { entry: WIDGET_ONLY_ENTRY, name: deepMatrix.names[WIDGET_ONLY_ENTRY - 1], value: deepEntry, decimals: decimalsShown(deepEntry), deadSecond },
  n: N,
  varY: n4(varY),
  noiseFloor: n4(noiseFloor()),
  entries,
  allSame: entries.every((e) => e.same),
  worked,
  experiment: {
    seeds: DEEPER_SEEDS,
    rate: DEEPER_RATE,
    epochs: formatInteger(DEEPER_EPOCHS),
    table,
    rows: networks.map((n) => table[n]),
    /** The pairs by name: one hidden layer (one) against two (two). */
    course: { one: table['2-2-1'], two: table['2-2-2-1'] },
    small: { one: table['2-6-1'], two: table['2-3-3-1'] },
    large: { one: table['2-9-1'], two: table['2-4-4-1'] },
    stuckR2: STUCK_R2,
    /** Four times the lessons' rate, for the reader to try. */
    tryRate: 4 * DEEPER_RATE,
    pairs: {
      small: pairedWins('2-3-3-1', '2-6-1'),
      large: pairedWins('2-4-4-1', '2-9-1'),
      course: pairedWins('2-2-2-1', '2-2-1'),
    },
    /** 1 − (1 − 2^−H1)^H2: a second-layer unit all of whose incoming weights are negative. */
    predictedDead: {
      '2-2-2-1': percent(atLeastOneOf(2, allNegative(2))),
      '2-3-3-1': percent(atLeastOneOf(3, allNegative(3))),
      '2-4-4-1': percent(atLeastOneOf(4, allNegative(4))),
      perUnit2: percent(allNegative(2)),
    },
  },
  parameters: { course: deepParameterCount([2]), deep: deepParameterCount([2, 2]), small: deepParameterCount([3, 3]), large: deepParameterCount([4, 4]) },
  /** Unrounded values for the tests and the exercises. */
  exact: {
    matrixGrad: Array.from(matrix.grad),
    handGrad: Array.from(byHand.grad),
    workedSecondLayer: readableOne.grad[secondLayerIndex],
    workedFirst: readableOne.grad[0],
    firstWeightByHand,
    matrixOne: Array.from(bwd.grad),
    readableOne: Array.from(readableOne.grad),
    deadStartWorked: deadUnitsPerLayer(deepUnitActivity(deepStart, deep, data)),
    delta2: Array.from(delta2),
    h1: Array.from(fwd.H[1][0]),
    secondLayerIndex,
    exerciseSecondIndex,
    exerciseFirstIndex,
    exerciseSecond: readableOne.grad[exerciseSecondIndex],
    exerciseFirst: readableOne.grad[exerciseFirstIndex],
    delta1: Array.from(delta1),
    widgetFirstDelta: allSamples.Delta[0][0][0],
    x2: one.x2[0],
  },
};
