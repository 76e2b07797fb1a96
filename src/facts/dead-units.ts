// Every number lesson 13 ("Dead units and the before/after table") prints, computed with the
// trainer, and through the dead-units widget's own run so the prose and the widget agree.
import {
  B1, B3, W1, W2, W3, W4, W5, W6, B2,
  Trainer, curvatureAlong, fromNamed, initParams, largestChange, lossAndGradient, lossIfZeroed, lossWithoutUnit, makeDataset,
  makeSqueezedDataset, meanSquaredError, medianInterval, parameterChanges, PARAMETER_NAMES, unitActivity, wilsonInterval, WRITEUP_EXAMPLE,
  type Dataset, type InitPreset, type ParameterName,
} from '../trainer';
import { activeRegion } from '../experiments/halfPlane';
import { deadUnitsSettings, type DeadUnitsScaling } from '../experiments/dead-units/settings';
import { deadUnitsData, runDeadUnits, type DeadUnitsRun } from '../experiments/dead-units/run';
import { fixed, percent } from './format';
import { countFact } from './uncertainty';

/**
 * The final values the write-up printed under its starting values (WRITEUP_EXAMPLE), copied
 * digit for digit: data, not prose. Its table lists them in this order.
 */
export const WRITEUP_PRINTED_FINAL: Record<ParameterName, number> = {
  W1: -0.46, W2: -8.01584467645139, W3: 8.47, W4: -7.860690565992684, W5: -8.92, W6: -0.3476833457527351,
  B1: -4.44, B2: 4.9182789818978145, B3: 1.50080667340648,
};

/** Hidden unit 1's four parameters: z1 = W1·x1 + W3·x2 + B1, and W5 carries h1 to the output. */
export const UNIT1 = [W1, W3, W5, B1] as const;
export const UNIT2 = [W2, W4, W6, B2] as const;

const example = fromNamed(WRITEUP_EXAMPLE);
const printedFinal = fromNamed(WRITEUP_PRINTED_FINAL);
const printed = parameterChanges(example, printedFinal);
const names = (indices: readonly number[]) => indices.map((j) => PARAMETER_NAMES[j]);

/** A change with its sign and 2 decimals: "+4.00", "−2.41". */
const signed = (v: number, d = 2) => (v > 0 ? '+' : '') + fixed(v, d);

// ---------- The example under each scaling: is unit 1 on anywhere? ----------

const SCALINGS: DeadUnitsScaling[] = ['zscore', 'minmax', 'squeezed', 'none'];
const dataOf = Object.fromEntries(SCALINGS.map((s) => [s, deadUnitsData(s)])) as Record<DeadUnitsScaling, Dataset>;
const unit1On = Object.fromEntries(SCALINGS.map((s) => [s, unitActivity(example, dataOf[s]).activeCounts[0]])) as Record<DeadUnitsScaling, number>;
const N = dataOf.zscore.n;

const squeezedData = dataOf.squeezed;
const z1 = (p: Float64Array, x1: number, x2: number) => p[W1] * x1 + p[W3] * x2 + p[B1];
let largestZ1 = -Infinity;
for (let i = 0; i < N; i++) largestZ1 = Math.max(largestZ1, z1(example, squeezedData.x1[i], squeezedData.x2[i]));
/** The most |W1·x1 + W3·x2| can be on the square [−0.5, 0.5]²: half of |W1| + |W3|. */
const reach = 0.5 * (Math.abs(example[W1]) + Math.abs(example[W3]));
/** The share of that square where z1 > 0: a corner sliver. */
const sliver = (() => {
  const region = activeRegion({ x0: -0.5, x1: 0.5, y0: -0.5, y1: 0.5 }, { w1: example[W1], w2: example[W3], b: example[B1] });
  let area = 0;
  region.forEach(([x, y], k) => {
    const [nx, ny] = region[(k + 1) % region.length];
    area += x * ny - nx * y;
  });
  return Math.abs(area) / 2;
})();

// ---------- Re-running the example (the widget's defaults: η = 0.01, 2,000 epochs) ----------

const EPOCHS = deadUnitsSettings.defaults.epochs;
const RATE = deadUnitsSettings.defaults.learningRate;
const runOf = (scaling: DeadUnitsScaling): DeadUnitsRun =>
  runDeadUnits({ ...deadUnitsSettings.defaults, start: 'writeup-example', scaling }, dataOf[scaling]);
const squeezed = runOf('squeezed');
const zscore = runOf('zscore');
const minmax = runOf('minmax');

const squeezedChanges = parameterChanges(squeezed.start, squeezed.final);
/** The loss without each parameter (set to 0) and without each hidden unit, at the end of the run. */
const squeezedZeroed = lossIfZeroed(squeezed.final, squeezed.data);
const squeezedWithoutUnit = lossWithoutUnit(squeezed.final, squeezed.data);
/** Putting W6 back to its start, and the parabola that predicts it: ½·c·Δ² (slope ≈ 0 at the end). */
const squeezedPutBackW6 = (() => {
  const p = Float64Array.from(squeezed.final);
  p[W6] = squeezed.start[W6];
  return meanSquaredError(p, squeezed.data) - squeezed.losses[squeezed.epochs];
})();
const curvatureW6 = curvatureAlong(squeezed.final, squeezed.data, W6);
const largest = largestChange(squeezedChanges);
const r2 = (run: DeadUnitsRun) => 1 - run.losses[run.epochs] / run.varY;
const biggestH2 = (p: Float64Array, data: Dataset) => {
  let m = 0;
  for (let i = 0; i < data.n; i++) m = Math.max(m, p[W2] * data.x1[i] + p[W4] * data.x2[i] + p[B2]);
  return m;
};
/** Setting B1 to 0 switches the dead unit back on, with W5 = −8.92 still attached. */
const zeroB1 = squeezedZeroed[B1];
/** On how many samples unit 1 is on once B1 is 0. */
const onWithoutB1 = (() => {
  const p = Float64Array.from(squeezed.final);
  p[B1] = 0;
  return unitActivity(p, squeezed.data).activeCounts[0];
})();
const smallMoves = [W2, W4, B2].map((j) => Math.abs(squeezedZeroed[j]));

/** The unit-1 parameters of a run at the epoch it died and at the end (identical if frozen). */
function frozenSince(run: DeadUnitsRun): boolean {
  const config = { ...deadUnitsSettings.defaults, scaling: 'zscore' as const };
  const trainer = new Trainer({ data: run.data, params: run.start, learningRate: config.learningRate });
  trainer.step(run.deadFrom[0]);
  return UNIT1.every((j) => Object.is(trainer.params[j], run.final[j]));
}

// ---------- How often units die: many starts ----------

export const DEATH_SEEDS = 100;
export const DEATH_EPOCHS = 1000;

export interface DeathCount {
  label: string;
  preset: InitPreset;
  scaling: DeadUnitsScaling;
  rate: number;
  /** Dead units (of 2 per start) at the start, after one epoch, after 100 epochs, after DEATH_EPOCHS. */
  atStart: number;
  afterOne: number;
  atHundred: number;
  atEnd: number;
  /** Starts that end with at least one dead unit. */
  runsWithDead: number;
  /** Starts whose run diverged (left out of the counts after the start). */
  diverged: number;
  /** No unit that was dead at a checkpoint was alive at a later one. */
  neverRevived: boolean;
  /** |final − start| of every parameter of every run that did not diverge, run by run. */
  moves: number[][];
}

function countDeaths(label: string, preset: InitPreset, scaling: DeadUnitsScaling, rate: number): DeathCount {
  const data = dataOf[scaling];
  const out: DeathCount = { label, preset, scaling, rate, atStart: 0, afterOne: 0, atHundred: 0, atEnd: 0, runsWithDead: 0, diverged: 0, neverRevived: true, moves: [] };
  for (let seed = 1; seed <= DEATH_SEEDS; seed++) {
    const params = initParams({ preset, seed });
    const trainer = new Trainer({ data, params, learningRate: rate });
    const dead = () => unitActivity(trainer.params, data).states.map((s) => s === 'dead');
    const d0 = dead();
    trainer.step(1);
    const d1 = dead();
    trainer.step(99);
    const d100 = dead();
    trainer.step(DEATH_EPOCHS - 100);
    const dE = dead();
    out.atStart += d0.filter(Boolean).length;
    if (trainer.status !== 'ok') {
      out.diverged += 1;
      continue;
    }
    out.afterOne += d1.filter(Boolean).length;
    out.atHundred += d100.filter(Boolean).length;
    out.atEnd += dE.filter(Boolean).length;
    if (dE.some(Boolean)) out.runsWithDead += 1;
    out.moves.push(Array.from(params, (v, j) => Math.abs(trainer.params[j] - v)));
    for (let k = 0; k < 2; k++) if ((d0[k] && !d1[k]) || (d1[k] && !d100[k]) || (d100[k] && !dE[k])) out.neverRevived = false;
  }
  return out;
}

const deaths = {
  writeupZ: countDeaths('write-up scheme, z-score, η = 0.01', 'writeup', 'zscore', 0.01),
  writeupSqueezed: countDeaths('write-up scheme, x ÷ range, η = 0.01', 'writeup', 'squeezed', 0.01),
  writeupMinmax: countDeaths('write-up scheme, min–max, η = 0.01', 'writeup', 'minmax', 0.01),
  writeupZSlow: countDeaths('write-up scheme, z-score, η = 0.001', 'writeup', 'zscore', 0.001),
  heZ: countDeaths('He start, z-score, η = 0.01', 'he', 'zscore', 0.01),
  heMinmax: countDeaths('He start, min–max, η = 0.01', 'he', 'minmax', 0.01),
};

const units = 2 * DEATH_SEEDS;

// ---------- "Most parameters stay quite close to their starting values" ----------

/** A parameter "stayed close" if it ended within this distance of its start (weights start as large as 10). */
export const CLOSE = 0.5;
/** A run "kept most parameters close" if at least this many of its nine did. */
export const MOST = 5;
function closeness(d: DeathCount) {
  const runs = d.moves.length;
  const mostClose = d.moves.filter((m) => m.filter((v) => v < CLOSE).length >= MOST).length;
  const all = d.moves.flat();
  const ci = wilsonInterval(mostClose, runs);
  const median = medianInterval(all);
  return {
    runs,
    mostClose,
    mostCloseLow: Math.round(ci.low * runs),
    mostCloseHigh: Math.round(ci.high * runs),
    parameters: all.length,
    exactlyUnchanged: all.filter((v) => v === 0).length,
    closeShare: all.filter((v) => v < CLOSE).length / all.length,
    medianMove: median.median,
  };
}
const closenessOf = {
  zscore: closeness(deaths.writeupZ),
  minmax: closeness(deaths.writeupMinmax),
  squeezed: closeness(deaths.writeupSqueezed),
};
const closenessRow = (c: ReturnType<typeof closeness>) => ({
  runs: String(c.runs),
  mostClose: String(c.mostClose),
  interval: `${c.mostCloseLow}–${c.mostCloseHigh}`,
  parameters: String(c.parameters),
  exactlyUnchanged: String(c.exactlyUnchanged),
  closeShare: percent(c.closeShare),
  medianMove: fixed(c.medianMove, 2),
});
/** The write-up's own table: the smallest move among the parameters that moved at all. */
const printedSmallestMove = Math.min(...printed.filter((c) => !c.unchanged).map((c) => Math.abs(c.change)));
const deathRow = (d: DeathCount) => ({
  label: d.label,
  atStart: String(d.atStart),
  afterOne: String(d.afterOne),
  atHundred: String(d.atHundred),
  atEnd: String(d.atEnd),
  runsWithDead: String(d.runsWithDead),
  /** Wilson interval of the starts that end with a dead unit (units of one start are not independent, starts are). */
  runsWithDeadInterval: countFact(d.runsWithDead, DEATH_SEEDS - d.diverged).interval,
  runsWithDeadFact: countFact(d.runsWithDead, DEATH_SEEDS - d.diverged).text,
  diverged: String(d.diverged),
});

const gradientAtStart = lossAndGradient(example, squeezedData).grad;

export const deadUnits = {
  n: N,
  rate: String(RATE),
  epochs: EPOCHS.toLocaleString('en-GB'),
  /** The write-up's printed table, with the changes it implies. */
  printed: PARAMETER_NAMES.map((name, j) => ({
    name,
    start: fixed(printed[j].start, 2),
    final: String(printed[j].final).replace('-', '−'),
    change: printed[j].unchanged ? '0' : signed(printed[j].change),
    unchanged: printed[j].unchanged,
  })),
  printedUnchanged: names(printed.flatMap((c, j) => (c.unchanged ? [j] : []))),
  printedLargest: { name: PARAMETER_NAMES[largestChange(printed)], change: signed(printed[largestChange(printed)].change) },
  printedW6: signed(printed[W6].change),
  unit1: {
    zscore: { on: String(unit1On.zscore), share: percent(unit1On.zscore / N) },
    minmax: { on: String(unit1On.minmax), share: percent(unit1On.minmax / N) },
    squeezed: { on: String(unit1On.squeezed) },
    none: { on: String(unit1On.none), share: percent(unit1On.none / N) },
    largestZ1: fixed(largestZ1, 2),
    reach: fixed(reach, 3),
    B1: fixed(Math.abs(example[B1]), 2),
    sliver: `${fixed(sliver * 100, 2)}%`,
  },
  squeezed: {
    rows: PARAMETER_NAMES.map((name, j) => ({
      name,
      start: fixed(squeezedChanges[j].start, 2),
      final: fixed(squeezedChanges[j].final, 4),
      change: squeezedChanges[j].unchanged ? '0 (exactly)' : signed(squeezedChanges[j].change, 4),
      zeroed: squeezedZeroed[j] === 0 ? '0' : fixed(squeezedZeroed[j], 4),
    })),
    unchanged: names(squeezedChanges.flatMap((c, j) => (c.unchanged ? [j] : []))),
    largest: { name: PARAMETER_NAMES[largest], change: signed(squeezedChanges[largest].change) },
    W6: signed(squeezedChanges[W6].change),
    B3: signed(squeezedChanges[B3].change),
    zeroW6: fixed(squeezedZeroed[W6], 3),
    zeroB3: fixed(squeezedZeroed[B3], 2),
    zeroRatio: fixed(squeezedZeroed[B3] / squeezedZeroed[W6], 0),
    zeroSmallest: fixed(Math.max(...smallMoves), 3),
    zeroB1: fixed(zeroB1, 0),
    onWithoutB1: String(onWithoutB1),
    withoutUnit2: fixed(squeezedWithoutUnit[1], 3),
    putBackW6: fixed(squeezedPutBackW6, 0),
    curvatureW6: fixed(curvatureW6, 1),
    moveW6: fixed(squeezedChanges[W6].change, 2),
    loss: fixed(squeezed.losses[squeezed.epochs], 4),
    varY: fixed(squeezed.varY, 4),
    r2: fixed(r2(squeezed), 2),
    h2Max: fixed(biggestH2(squeezed.start, squeezed.data), 1),
    printedLoss: fixed(meanSquaredError(printedFinal, squeezed.data), 2),
    printedRatio: fixed(meanSquaredError(printedFinal, squeezed.data) / squeezed.varY, 0),
  },
  zscore: {
    diedAt: String(zscore.deadFrom[0]),
    unchanged: names(parameterChanges(zscore.start, zscore.final).flatMap((c, j) => (c.unchanged ? [j] : []))),
    W3final: fixed(zscore.final[W3], 2),
    B1final: fixed(zscore.final[B1], 2),
    r2: fixed(r2(zscore), 2),
    h2End: String(zscore.active[1][zscore.epochs]),
  },
  minmax: {
    diedAt: String(minmax.deadFrom[0]),
    loss: fixed(minmax.losses[minmax.epochs], 4),
    varY: fixed(minmax.varY, 4),
    r2: fixed(r2(minmax), 3).replace('−0.000', '0.000'),
  },
  deaths: {
    seeds: String(DEATH_SEEDS),
    units: String(units),
    epochs: DEATH_EPOCHS.toLocaleString('en-GB'),
    rows: Object.values(deaths).map(deathRow),
    writeupZ: deathRow(deaths.writeupZ),
    writeupSqueezed: deathRow(deaths.writeupSqueezed),
    writeupMinmax: deathRow(deaths.writeupMinmax),
    writeupZSlow: deathRow(deaths.writeupZSlow),
    heZ: deathRow(deaths.heZ),
    heMinmax: deathRow(deaths.heMinmax),
    writeupZEndShare: percent(deaths.writeupZ.atEnd / (2 * (DEATH_SEEDS - deaths.writeupZ.diverged))),
  },
  /** Do most parameters stay close to their start? The same runs as the deaths table, at its end. */
  closeness: {
    close: String(CLOSE),
    most: String(MOST),
    zscore: closenessRow(closenessOf.zscore),
    minmax: closenessRow(closenessOf.minmax),
    squeezed: closenessRow(closenessOf.squeezed),
    printedSmallestMove: fixed(printedSmallestMove, 2),
    printedMoved: String(printed.filter((c) => !c.unchanged).length),
  },
  /** Unrounded values for the tests of the prose's claims. */
  exact: {
    example,
    printedFinal,
    printedChanges: printed,
    unit1On,
    largestZ1,
    reach,
    sliver,
    gradientAtStart,
    squeezed,
    squeezedChanges,
    squeezedZeroed,
    squeezedWithoutUnit,
    squeezedPutBackW6,
    curvatureW6,
    onWithoutB1,
    closeness: closenessOf,
    zscore,
    minmax,
    zscoreFrozenSinceDeath: frozenSince(zscore),
    zeroB1,
    deaths,
    /** For the exercise: the write-up's own change of B3. */
    printedB3Change: printed[B3].change,
    zscoreUnit1On: unit1On.zscore,
  },
};
