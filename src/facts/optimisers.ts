// Every number lesson 20 ("Better steps: optimisers") prints, computed with the trainer: how much
// a mini-batch's gradient misses the full one at the trained network, the race widget's bowl and
// its stability limits, and the experiments over 100 starts (cached in cache/optimisers.json and,
// for lesson 10's mini-batch arms, cache/plateau.json).
import { defaultDataset } from '../experiments/data/defaultDataset';
import { optimiserRaceSettings, OPTIMISER_LABELS } from '../experiments/optimiser-race/settings';
import { raceAtOnce } from '../experiments/optimiser-race/run';
import { formatInteger, formatNumber, formatPowerOfTen } from '../experiments/format';
import { miniBatchGradientNoise } from '../trainer/minibatchNoise';
import { noiseFloor } from '../trainer/noiseFloor';
import { momentumStableRate } from '../trainer/stability';
import { adam } from '../trainer/optimizers';
import { trainedParameters } from '../trainer/presets';
import { initParams } from '../trainer/init';
import { unitActivity } from '../trainer/units';
import { decimalsShown, fixed } from './format';
import optimiserCache from './cache/optimisers.json';
import plateauCache from './cache/plateau.json';
import { cachedRuns, type CacheFile, type RunRecord } from './cache/runs';
import { FLOOR_FACTOR, MINI_ADAM_RATE, OPTIMISER_JOBS, OPTIMISER_RUNS, OPTIMISER_SEEDS, STEP_DECAY, WIDE_ARMS, WIDE_EPOCHS, WIDE_HIDDEN, WRITEUP_ARMS, WRITEUP_EPOCHS, type OptimiserArm } from './cache/optimisers';
import { MINI_BATCH, PLATEAU_ARMS, PLATEAU_RUNS } from './cache/plateau';
import { countFact, medianFact } from './uncertainty';
import { wander, wanderText } from './reduce-on-plateau';

const data = defaultDataset();
const floor = noiseFloor(data);
const loss = (v: number) => formatNumber(v);
const whole = (v: number) => formatInteger(v);

// ---------- Mini-batch noise at the trained network ----------

const trained = trainedParameters(data);
const noise = miniBatchGradientNoise(trained, data, MINI_BATCH.batchSize);

// ---------- The race widget's default: the W5–W6 bowl at the He start ----------

export const RACE_DEFAULTS = optimiserRaceSettings.defaults;
const race = raceAtOnce(RACE_DEFAULTS);
const endOf = (losses: Float64Array) => losses[losses.length - 1];
/** The bottom of the race's slice: plain descent at 90% of its limit, long enough to settle. */
const settled = raceAtOnce({ ...RACE_DEFAULTS, rateA: 0.9 * race.curvature.gradientDescentLimit, epochs: 5000 });
const sliceMin = endOf(settled.arms[0].losses);
/** An epoch early in the race, where momentum is already far ahead. */
export const RACE_EARLY_EPOCH = 20;

// ---------- The exercise: momentum's limit on a given bowl ----------

const exerciseLambda = 8, exerciseBeta = 0.9;
const exerciseLimit = momentumStableRate(exerciseLambda, exerciseBeta);
export const EXERCISE_MOMENTUM = { lambdaMax: exerciseLambda, beta: exerciseBeta, limit: exerciseLimit, limitText: fixed(exerciseLimit, 3) };

// ---------- The exercise: Adam's first step ----------

/** Two partials a thousand-fold and more apart; Adam's first step moves both by about η. */
const adamRate = 0.001, adamPartials = [250, 0.003];
const adamParams = new Float64Array(2);
adam().step(adamParams, Float64Array.from(adamPartials), adamRate);
export const EXERCISE_ADAM = { rate: String(adamRate), large: String(adamPartials[0]), small: String(adamPartials[1]), step: Math.abs(adamParams[1]), stepText: String(Number(Math.abs(adamParams[1]).toPrecision(6))) };

// ---------- 100 starts ----------

const records = cachedRuns(OPTIMISER_RUNS, optimiserCache as CacheFile);
const plateauRecords = cachedRuns(PLATEAU_RUNS, plateauCache as CacheFile);
const num = (v: number | null | undefined) => (v === null || v === undefined ? Infinity : v);
const hasDead = (r: RunRecord) => r.units.includes('dead');
const deadAtStart = Array.from({ length: OPTIMISER_SEEDS }, (_, i) => unitActivity(initParams({ preset: 'writeup', seed: i + 1 }), data).states.includes('dead')).filter(Boolean).length;

function writeupArm(arm: OptimiserArm) {
  const runs = OPTIMISER_JOBS.writeup[arm.key].map(records);
  return {
    key: arm.key,
    label: arm.label,
    rate: String(arm.learningRate),
    dead: countFact(runs.filter(hasDead).length, runs.length).text,
    deadCount: runs.filter(hasDead).length,
    loss: medianFact(runs.map((r) => num(r.finalLoss)), loss).text,
    medianLoss: medianFact(runs.map((r) => num(r.finalLoss)), loss).exact.median,
    diverged: runs.filter((r) => r.status !== 'ok').length,
  };
}

function wideArm(arm: OptimiserArm) {
  const runs = OPTIMISER_JOBS.wide[arm.key].map(records);
  const reached = runs.filter((r) => r.floorEpoch !== null && r.floorEpoch !== undefined);
  const epochs = reached.map((r) => r.floorEpoch as number);
  return {
    key: arm.key,
    label: arm.label,
    rate: String(arm.learningRate),
    reached: countFact(reached.length, runs.length).text,
    reachedCount: reached.length,
    epochs: epochs.length >= 10 ? medianFact(epochs, whole).text : epochs.length ? `${epochs.length} runs only` : '—',
    medianEpochs: epochs.length ? medianFact(epochs, whole).exact.median : Infinity,
    overFloor: medianFact(runs.map((r) => num(r.endLoss) / floor), (v) => `${formatNumber(v)}×`).text,
    medianOverFloor: medianFact(runs.map((r) => num(r.endLoss) / floor), (v) => v.toString()).exact.median,
    diverged: runs.filter((r) => r.status !== 'ok').length,
  };
}

/** Mini-batch arms: lesson 10's three (fixed rate, small fixed rate, reduce-on-plateau) and this lesson's two. */
const MINI_ARMS = [
  { key: 'fixed', label: `fixed η = ${MINI_BATCH.rate}`, runs: PLATEAU_ARMS.miniFixed.map(plateauRecords) },
  { key: 'small', label: `fixed η = ${MINI_BATCH.smallRate}`, runs: PLATEAU_ARMS.miniSmall.map(plateauRecords) },
  { key: 'plateau', label: `reduce on plateau from η = ${MINI_BATCH.rate}`, runs: PLATEAU_ARMS.miniPlateau.map(plateauRecords) },
  { key: 'stepDecay', label: `step decay from η = ${MINI_BATCH.rate}, halved every ${STEP_DECAY.stepSize} epochs`, runs: OPTIMISER_JOBS.miniStepDecay.map(records) },
  { key: 'adam', label: `Adam, η = ${MINI_ADAM_RATE}`, runs: OPTIMISER_JOBS.miniAdam.map(records) },
];

function miniArm(arm: (typeof MINI_ARMS)[number]) {
  // Lesson 10's measure of wander: (largest − smallest) ÷ smallest loss over the last epochs.
  const jitter = arm.runs.map(wander);
  return {
    key: arm.key,
    label: arm.label,
    loss: medianFact(arm.runs.map((r) => num(r.finalLoss)), loss).text,
    medianLoss: medianFact(arm.runs.map((r) => num(r.finalLoss)), loss).exact.median,
    jitter: medianFact(jitter, wanderText).text,
    medianJitter: medianFact(jitter, (v) => v.toString()).exact.median,
  };
}

const writeup = WRITEUP_ARMS.map(writeupArm);
const wide = WIDE_ARMS.map(wideArm);
const mini = MINI_ARMS.map(miniArm);
const byKey = <T extends { key: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.key, r])) as Record<string, T>;

/** The race with Nesterov as B (all else as the page opens): B's final loss, which only the widget gives. */
const nesterovRace = raceAtOnce({ ...RACE_DEFAULTS, optimiserB: 'nesterov' });
const nesterovArm = nesterovRace.arms[1];
const nesterovEnd = nesterovArm.status === 'diverged' ? null : formatNumber(nesterovArm.losses[nesterovArm.losses.length - 1]);
if (nesterovEnd === null) throw new Error('optimisers facts: the Nesterov race diverged; the exercise needs a final loss.');

export const optimiserFacts = {
  widgetOnly: { nesterovEnd, nesterovDecimals: decimalsShown(nesterovEnd), label: OPTIMISER_LABELS.nesterov },
  noise: {
    batch: whole(MINI_BATCH.batchSize),
    fullGradient: formatPowerOfTen(Math.sqrt(noise.fullGradientSquared)),
    batchMiss: fixed(Math.sqrt(noise.batchVariance), 3),
  },
  race: {
    x: RACE_DEFAULTS.x,
    y: RACE_DEFAULTS.y,
    beta: String(RACE_DEFAULTS.beta),
    rateA: String(RACE_DEFAULTS.rateA),
    rateB: String(RACE_DEFAULTS.rateB),
    epochs: whole(RACE_DEFAULTS.epochs),
    lambdaMax: fixed(race.curvature.lambdaMax, 3),
    lambdaMin: fixed(race.curvature.lambdaMin, 3),
    gdLimit: fixed(race.curvature.gradientDescentLimit, 4),
    momentumLimit: fixed(race.curvature.momentumLimit, 4),
    nesterovLimit: fixed(race.curvature.nesterovLimit, 4),
    endA: loss(endOf(race.arms[0].losses)),
    endB: loss(endOf(race.arms[1].losses)),
    startLoss: loss(race.arms[0].losses[0]),
    sliceMin: loss(sliceMin),
    earlyEpoch: whole(RACE_EARLY_EPOCH),
    earlyA: loss(race.arms[0].losses[RACE_EARLY_EPOCH]),
    earlyB: loss(race.arms[1].losses[RACE_EARLY_EPOCH]),
    labelA: OPTIMISER_LABELS[RACE_DEFAULTS.optimiserA],
    labelB: OPTIMISER_LABELS[RACE_DEFAULTS.optimiserB],
  },
  draws: {
    seeds: whole(OPTIMISER_SEEDS),
    writeupEpochs: whole(WRITEUP_EPOCHS),
    wideEpochs: whole(WIDE_EPOCHS),
    wideHidden: whole(WIDE_HIDDEN),
    floor: loss(floor),
    floorFactor: String(FLOOR_FACTOR),
    deadAtStart: countFact(deadAtStart, OPTIMISER_SEEDS).text,
    miniEpochs: whole(MINI_BATCH.epochs),
    miniTail: whole(MINI_BATCH.tail),
    writeup,
    wide,
    mini,
    writeupBy: byKey(writeup),
    wideBy: byKey(wide),
    miniBy: byKey(mini),
  },
  exact: {
    noise,
    curvature: race.curvature,
    race: { endA: endOf(race.arms[0].losses), endB: endOf(race.arms[1].losses), sliceMin, earlyA: race.arms[0].losses[RACE_EARLY_EPOCH], earlyB: race.arms[1].losses[RACE_EARLY_EPOCH] },
    writeup: byKey(writeup),
    wide: byKey(wide),
    mini: byKey(mini),
    deadAtStart,
    floor,
  },
};
