// Every number lesson 10 ("Reduce the learning rate on a plateau") prints, computed from the
// trainer: the rule's counting on small loss sequences, and the paired experiment — the same
// starts trained at a fixed rate and with the schedule — behind the verdict on claim C3.
import { curvature } from '../trainer/curvature';
import { reduceOnPlateau, type ReduceOnPlateauOptions } from '../trainer/schedule';
import { W5 } from '../trainer/parameters';
import { runSweep, type SweepRun } from '../trainer/sweep';
import { Trainer } from '../trainer/train';
import { unitActivity } from '../trainer/units';
import { plateauComparisonSettings, type PlateauConfig } from '../experiments/plateau/comparison-settings';
import { plateauData, trainPair } from '../experiments/plateau/pair';
import { median, SAME_MARGIN, summarise, verdict, type PairedOutcome, type PairedSummary } from '../experiments/plateau/paired';
import { formatPowerOfTen } from '../experiments/format';
import { fixed } from './format';
import plateauCache from './cache/plateau.json';
import { cachedRuns, type CacheFile, type RunJob, type RunRecord } from './cache/runs';
import { EXPERIMENT_SCHEDULE, FULL_BATCH_EPOCHS, MINI_BATCH, PLATEAU_ARMS, PLATEAU_RUNS, PLATEAU_SEEDS } from './cache/plateau';
import { countFact, medianFact } from './uncertainty';

const data = plateauData();

// ---------- The rule, on loss sequences ----------

/** What both libraries use when nothing is given. */
export const LIBRARY_DEFAULTS = { factor: 0.1, patience: 10, threshold: 1e-4, cooldown: 0, minLr: 0 } as const;

/** Feeds a loss sequence to a fresh schedule, one loss per epoch; returns the rate after each epoch and the cuts. */
export function replay(losses: readonly number[], options: ReduceOnPlateauOptions, start = 1) {
  const schedule = reduceOnPlateau(options);
  let rate = start;
  const rates = losses.map((loss) => (rate = schedule.next(loss, rate)));
  return { rates, cuts: [...schedule.cuts] };
}

/** The worked example: improvements, a stall, a change too small to count, then a new best and a second stall. */
export const WORKED_LOSSES = [1, 0.8, 0.7, 0.71, 0.7, 0.69995, 0.72, 0.6, 0.61, 0.62, 0.63, 0.64] as const;
export const WORKED_PATIENCE = 3;

export interface CountingRow {
  epoch: number;
  loss: number;
  /** Best loss before this epoch. */
  bestBefore: number;
  improved: boolean;
  /** PyTorch's and Keras's count of bad epochs after this epoch (0 after a cut), and whether it cut here. */
  torch: { bad: number; cut: boolean };
  keras: { bad: number; cut: boolean };
}

/**
 * The table of the worked example, counted the way the lesson explains it. The cut columns are
 * not computed here but taken from the trainer's schedule, and a test checks the two agree.
 */
function countingTable(losses: readonly number[], patience: number, threshold = LIBRARY_DEFAULTS.threshold): CountingRow[] {
  const torch = replay(losses, { patience, factor: 0.5, threshold });
  const keras = replay(losses, { patience, factor: 0.5, threshold, flavour: 'keras' });
  let best = Infinity;
  let torchBad = 0, kerasBad = 0;
  return losses.map((loss, i) => {
    const epoch = i + 1;
    const improved = loss < best * (1 - threshold);
    const bestBefore = best;
    if (improved) best = loss;
    torchBad = improved ? 0 : torchBad + 1;
    kerasBad = improved ? 0 : kerasBad + 1;
    const torchCut = torch.cuts.includes(epoch);
    const kerasCut = keras.cuts.includes(epoch);
    if (torchCut) torchBad = 0;
    if (kerasCut) kerasBad = 0;
    return { epoch, loss, bestBefore, improved, torch: { bad: torchBad, cut: torchCut }, keras: { bad: kerasBad, cut: kerasCut } };
  });
}

const worked = countingTable(WORKED_LOSSES, WORKED_PATIENCE);
const workedTorch = replay(WORKED_LOSSES, { patience: WORKED_PATIENCE, factor: 0.5 });
const workedKeras = replay(WORKED_LOSSES, { patience: WORKED_PATIENCE, factor: 0.5, flavour: 'keras' });
/** Keras with patience one larger cuts exactly where PyTorch does. */
const kerasPlusOne = replay(WORKED_LOSSES, { patience: WORKED_PATIENCE + 1, factor: 0.5, flavour: 'keras' });

/** The exercise's sequence (patience 3, PyTorch). */
export const EXERCISE_LOSSES = [2, 1.5, 1.4, 1.45, 1.41, 1.3, 1.32, 1.31, 1.3, 1.305, 1.29, 1.295] as const;
const exercise = replay(EXERCISE_LOSSES, { patience: 3, factor: 0.5 });
const exerciseTable = countingTable(EXERCISE_LOSSES, 3);
/** The last improvement before the first cut: the best loss the bad epochs are measured against. */
const exerciseBest = exerciseTable.filter((r) => r.improved && r.epoch < exercise.cuts[0]).pop()!;
const exerciseKeras = replay(EXERCISE_LOSSES, { patience: 3, factor: 0.5, flavour: 'keras' });

/** The same drop judged relatively and absolutely at two loss levels. */
function requiredDrop(best: number, threshold: number, mode: 'rel' | 'abs'): number {
  return mode === 'rel' ? best * threshold : threshold;
}

// ---------- The experiment: the same starts, fixed rate against the schedule ----------
// 100 seeds per setting, too many to train at every build: the runs are cached in
// cache/plateau.json (cache/plateau.ts lists them; cache.test.ts re-trains a sample).

export { EXPERIMENT_SCHEDULE };
export const EXPERIMENT_SEEDS = PLATEAU_SEEDS;
export const EXPERIMENT_EPOCHS = FULL_BATCH_EPOCHS;

/** A widget setting with the experiment's schedule (the two single runs below, and the test that the specs agree). */
export function setting(init: PlateauConfig['init'], learningRate: number, initSeed = 1): PlateauConfig {
  return {
    ...plateauComparisonSettings.defaults,
    factor: EXPERIMENT_SCHEDULE.factor,
    patience: EXPERIMENT_SCHEDULE.patience,
    threshold: EXPERIMENT_SCHEDULE.threshold,
    cooldown: EXPERIMENT_SCHEDULE.cooldown,
    minLr: EXPERIMENT_SCHEDULE.minLr,
    flavour: EXPERIMENT_SCHEDULE.flavour,
    thresholdMode: EXPERIMENT_SCHEDULE.thresholdMode,
    init,
    initSeed,
    learningRate,
    epochs: EXPERIMENT_EPOCHS,
  };
}

const record = cachedRuns(PLATEAU_RUNS, plateauCache as CacheFile);
const recordsOf = (jobs: readonly RunJob[]) => jobs.map(record);
const lossOf = (r: RunRecord) => r.finalLoss ?? NaN;

/** The same seeds trained both ways, as the widget's comparison pairs them. */
function pairRecords(fixedJobs: readonly RunJob[], plateauJobs: readonly RunJob[]): PairedOutcome[] {
  return fixedJobs.map((job, i) => {
    const f = record(job), p = record(plateauJobs[i]);
    return {
      seed: job.seed,
      fixed: { diverged: f.status === 'diverged', loss: lossOf(f) },
      plateau: { diverged: p.status === 'diverged', loss: lossOf(p), cuts: p.cuts.length, finalRate: p.finalRate ?? NaN },
    };
  });
}

interface Experiment {
  learningRate: number;
  outcomes: PairedOutcome[];
  summary: PairedSummary;
}

function experiment(fixedJobs: readonly RunJob[], plateauJobs: readonly RunJob[]): Experiment {
  const outcomes = pairRecords(fixedJobs, plateauJobs);
  return { learningRate: fixedJobs[0].learningRate, outcomes, summary: summarise(outcomes, 1) };
}

const A = PLATEAU_ARMS;
/** The write-up's own start and the rates of claim C3. */
const writeup03 = experiment(A.writeup03Fixed, A.writeup03Plateau);
const writeup01 = experiment(A.writeup01Fixed, A.writeup01Plateau);
/** A He start at a rate too large to settle. */
const he01 = experiment(A.he01Fixed, A.he01Plateau);

/** Fixed runs at a smaller rate and schedule runs from a larger one: the write-up's recipe against a plain choice. */
const heFixed005 = recordsOf(A.he005Fixed);
const heRecipe03 = recordsOf(A.he03Plateau);

/** The loss of the best fit the runs reach (two hinges), and "at it" = within 0.002 of it. */
const BEST_LEVEL = Math.min(...[...heFixed005, ...heRecipe03].filter((r) => r.status === 'ok').map(lossOf));
const atBest = (runs: RunRecord[]) => runs.filter((r) => r.status === 'ok' && lossOf(r) < BEST_LEVEL + 0.002).length;
const withDeadUnit = (runs: RunRecord[]) => runs.filter((r) => r.units.includes('dead')).length;
const recipeVsFixed = summarise(pairRecords(A.he005Fixed, A.he03Plateau), 1);
/** Starts where the schedule from 0.1 ends within the margin of a plain fixed 0.05. */
const he01LikeFixed005 = he01.outcomes.filter((o, i) => !o.plateau.diverged && heFixed005[i].status === 'ok' && Math.abs(o.plateau.loss - lossOf(heFixed005[i])) <= SAME_MARGIN).length;

// ---------- Mini-batches: the noise a fixed rate cannot settle ----------

/** How far a run still wanders at the end: (largest − smallest loss over the last epochs) ÷ smallest. */
export const wander = (r: RunRecord) => (r.tail && r.tail.min !== null && r.tail.max !== null ? (r.tail.max - r.tail.min) / r.tail.min : NaN);
const mini = { fixed: recordsOf(A.miniFixed), plateau: recordsOf(A.miniPlateau), small: recordsOf(A.miniSmall) };
const miniOk = (runs: RunRecord[]) => runs.filter((r) => r.status === 'ok');
const early = (r: RunRecord) => r.lossesAt?.[0] ?? NaN;
const miniPairs = summarise(pairRecords(A.miniFixed, A.miniPlateau), 1);
const miniLower = mini.fixed.filter((f, i) => f.status === 'ok' && mini.plateau[i].status === 'ok' && lossOf(mini.plateau[i]) < lossOf(f)).length;
const miniLowerThanSmall = mini.small.filter((sm, i) => sm.status === 'ok' && mini.plateau[i].status === 'ok' && lossOf(mini.plateau[i]) < lossOf(sm)).length;
const miniDiverged = [...mini.fixed, ...mini.plateau, ...mini.small].filter((r) => r.status === 'diverged').length;

// ---------- Two single runs for the widgets ----------

/** A dead-unit plateau: the write-up's start, seed 62, η = 0.03. */
export const DEAD_PLATEAU = setting('writeup', 0.03, 62);
const dead = trainPair(DEAD_PLATEAU);
/** The epoch from which the fixed run's loss is 1% below the plateau it sat on (its escape). */
const plateauLevel = dead.fixed.losses[200];
const escapeAt = dead.fixed.losses.findIndex((l, e) => e > 200 && l < plateauLevel * 0.99);
/** Which units are on for no sample after the first (huge) step: the plateau is a dead-unit one. */
const afterFirstStep = new Trainer({ data, params: dead.start, learningRate: DEAD_PLATEAU.learningRate });
afterFirstStep.step(1);
const deadAfterFirstStep = unitActivity(afterFirstStep.params, data);
const atFirstCut = new Trainer({ data, params: dead.start, learningRate: DEAD_PLATEAU.learningRate });
atFirstCut.step(dead.plateau.cuts[0]);
const deadAtEnd = { fixed: unitActivity(dead.fixed.params, data), plateau: unitActivity(dead.plateau.params, data) };

/** A rate too large to settle: He start, seed 2, η = 0.1 (the widget's default). */
export const BOUNCING = setting('he', 0.1, plateauComparisonSettings.defaults.initSeed);
const bouncing = trainPair(BOUNCING);
/** λmax (lesson 8) where the fixed run bounces, and at the bottom the schedule settles in. */
const bounceCurvature = curvature(bouncing.fixed.params, data);
const settledCurvature = curvature(bouncing.plateau.params, data);
const rateAfterFirstCut = bouncing.plateau.learningRates[bouncing.plateau.cuts[0]];

function lastLoss(losses: Float64Array): number {
  return losses[losses.length - 1];
}

/** Two decimals for losses near 1, three significant figures below (0.0510). */
const loss = (v: number) => (v >= 0.1 ? fixed(v, 3) : v.toPrecision(3));
const count = (n: number) => String(n);
/** How far a run wanders at the end, as a share of its loss: "130%", "2.1%", "0.0031%". */
export const wanderText = (v: number) => {
  const percent = v * 100;
  if (percent >= 10) return `${Math.round(percent)}%`;
  if (percent >= 0.01) return `${Number(percent.toPrecision(2))}%`;
  return `${formatPowerOfTen(percent)}%`;
};
/** A small rate as prose: 1.4 × 10⁻⁸. */
const rateText = (v: number) => (v >= 1e-4 ? String(Number(v.toPrecision(3))) : formatPowerOfTen(v));

function experimentFacts(e: Experiment) {
  const { counts, medianFixed, medianPlateau, compared } = e.summary;
  const diverged = e.outcomes.filter((o) => o.fixed.diverged || o.plateau.diverged);
  const both = e.outcomes.filter((o) => !o.fixed.diverged && !o.plateau.diverged);
  return {
    rate: String(e.learningRate),
    /** The verdicts with Wilson intervals, out of all seeds. */
    betterFact: countFact(counts.better, e.outcomes.length).text,
    worseFact: countFact(counts.worse, e.outcomes.length).text,
    sameFact: countFact(counts.same, e.outcomes.length).text,
    divergedFact: countFact(diverged.length, e.outcomes.length).text,
    /** The medians over the seeds where neither run diverged, with order-statistic intervals. */
    medianFixedFact: both.length >= 6 ? medianFact(both.map((o) => o.fixed.loss), loss).text : '',
    medianPlateauFact: both.length >= 6 ? medianFact(both.map((o) => o.plateau.loss), loss).text : '',
    better: count(counts.better),
    worse: count(counts.worse),
    same: count(counts.same),
    bothDiverged: count(counts['both diverged']),
    compared: count(compared),
    medianFixed: loss(medianFixed),
    medianPlateau: loss(medianPlateau),
    diverged: count(diverged.length),
  };
}

const firstPossibleCut = replay(new Array(EXPERIMENT_SCHEDULE.patience + 5).fill(1), EXPERIMENT_SCHEDULE).cuts[0];
const divergedSeeds = writeup03.outcomes.filter((o) => o.fixed.diverged).map((o) => o.seed);
/** The same blow-ups under the most impatient schedule: a cut at every epoch that is not better. */
const impatient = runSweep({ data, preset: 'writeup', seeds: divergedSeeds, epochs: EXPERIMENT_EPOCHS, learningRate: 0.03, schedule: { ...EXPERIMENT_SCHEDULE, patience: 0 } });
const divergedEpochs = writeup03.outcomes.length ? runSweep({ data, preset: 'writeup', seeds: writeup03.outcomes.filter((o) => o.fixed.diverged).map((o) => o.seed), epochs: 50, learningRate: 0.03 }).map((r) => r.epochs) : [];

/** The first widget (as the page opens) with a patience of 50: how often its schedule cuts, which only the widget shows. */
const WIDGET_ONLY_PATIENCE = 50;
const widgetImpatient = trainPair({ ...plateauComparisonSettings.defaults, patience: WIDGET_ONLY_PATIENCE });
const opening = trainPair(plateauComparisonSettings.defaults);

export const reduceOnPlateauFacts = {
  widgetOnly: {
    patience: String(WIDGET_ONLY_PATIENCE),
    cuts: widgetImpatient.plateau.cuts.length,
    firstCut: widgetImpatient.plateau.cuts.length ? widgetImpatient.plateau.cuts[0].toLocaleString('en-GB') : null,
    openingPatience: String(plateauComparisonSettings.defaults.patience),
    openingCuts: opening.plateau.cuts.length,
  },
  defaults: {
    factor: String(LIBRARY_DEFAULTS.factor),
    patience: String(LIBRARY_DEFAULTS.patience),
    threshold: '10^{-4}',
  },
  worked: {
    patience: String(WORKED_PATIENCE),
    patiencePlusOne: String(WORKED_PATIENCE + 1),
    rows: worked.map((r) => ({
      epoch: String(r.epoch),
      loss: r.loss === 0.69995 ? '0.69995' : fixed(r.loss, 2),
      best: Number.isFinite(r.bestBefore) ? (r.bestBefore === 0.69995 ? '0.69995' : fixed(r.bestBefore, 2)) : '—',
      improved: r.improved ? 'yes' : 'no',
      torch: r.torch.cut ? `${r.torch.bad} · cut` : String(r.torch.bad),
      keras: r.keras.cut ? `${r.keras.bad} · cut` : String(r.keras.bad),
    })),
    torchCuts: workedTorch.cuts.join(' and '),
    kerasCuts: workedKeras.cuts.join(' and '),
    torchFirst: String(workedTorch.cuts[0]),
    kerasFirst: String(workedKeras.cuts[0]),
    kerasPlusOneCuts: kerasPlusOne.cuts.join(' and '),
    /** The improvement that the threshold refuses: 0.69995 against the best 0.7. */
    tinyDrop: '0.00005',
    tinyNeeded: fixed(0.7 * LIBRARY_DEFAULTS.threshold, 5),
  },
  exercise: {
    losses: EXERCISE_LOSSES.join(', '),
    torchFirst: String(exercise.cuts[0]),
    kerasFirst: String(exerciseKeras.cuts[0]),
    best: String(exerciseBest.loss),
    bestEpoch: String(exerciseBest.epoch),
    /** The epochs after the best, up to PyTorch's cut, and the loss of the last one. */
    badEpochs: exerciseTable.filter((r) => r.epoch > exerciseBest.epoch && r.epoch < exercise.cuts[0] - 1).map((r) => r.epoch).join(', '),
    lossAtCut: String(EXERCISE_LOSSES[exercise.cuts[0] - 1]),
    lossBeforeCut: String(EXERCISE_LOSSES[exercise.cuts[0] - 2]),
  },
  threshold: {
    relAtSmall: fixed(requiredDrop(0.05, 1e-4, 'rel'), 6),
    absAtSmall: fixed(requiredDrop(0.05, 1e-4, 'abs'), 4),
    ratioAtSmall: count(Math.round(requiredDrop(0.05, 1e-4, 'abs') / requiredDrop(0.05, 1e-4, 'rel'))),
  },
  schedule: {
    factor: String(EXPERIMENT_SCHEDULE.factor),
    patience: String(EXPERIMENT_SCHEDULE.patience),
    /** A loss that never improves after the first epoch: the earliest epoch a cut can follow. */
    firstPossibleCut: String(firstPossibleCut),
    seeds: count(EXPERIMENT_SEEDS),
    epochs: EXPERIMENT_EPOCHS.toLocaleString('en-GB'),
    margin: fixed(SAME_MARGIN, 2),
  },
  writeup03: {
    ...experimentFacts(writeup03),
    lastDivergence: count(Math.max(...divergedEpochs)),
    firstDivergence: count(Math.min(...divergedEpochs)),
    savedByPatience0: count(impatient.filter((r) => r.status === 'ok').length),
    /** The seeds the schedule made worse (the dead-unit escape below is one of them). */
    worseSeeds: writeup03.outcomes.filter((o) => verdict(o, 1) === 'worse').map((o) => o.seed).join(', '),
  },
  writeup01: experimentFacts(writeup01),
  he01: experimentFacts(he01),
  recipe: {
    fixedRate: '0.05',
    startRate: '0.3',
    medianFixed: loss(recipeVsFixed.medianFixed),
    medianRecipe: loss(recipeVsFixed.medianPlateau),
    better: count(recipeVsFixed.counts.better),
    worse: count(recipeVsFixed.counts.worse),
    same: count(recipeVsFixed.counts.same),
    bestLevel: loss(BEST_LEVEL),
    fixedAtBest: count(atBest(heFixed005)),
    recipeAtBest: count(atBest(heRecipe03)),
    fixedDead: count(withDeadUnit(heFixed005)),
    recipeDead: count(withDeadUnit(heRecipe03)),
    fixedAtBestFact: countFact(atBest(heFixed005), PLATEAU_SEEDS).text,
    recipeAtBestFact: countFact(atBest(heRecipe03), PLATEAU_SEEDS).text,
    fixedDeadFact: countFact(withDeadUnit(heFixed005), PLATEAU_SEEDS).text,
    recipeDeadFact: countFact(withDeadUnit(heRecipe03), PLATEAU_SEEDS).text,
    betterFact: countFact(recipeVsFixed.counts.better, PLATEAU_SEEDS).text,
    worseFact: countFact(recipeVsFixed.counts.worse, PLATEAU_SEEDS).text,
    sameFact: countFact(recipeVsFixed.counts.same, PLATEAU_SEEDS).text,
    /** Starts where the schedule from 0.1 ends within the margin of a plain fixed 0.05. */
    he01LikeFixed005: count(he01LikeFixed005),
    he01LikeFixed005Fact: countFact(he01LikeFixed005, PLATEAU_SEEDS).text,
    he01FixedMedian: loss(median(he01.outcomes.filter((o) => !o.fixed.diverged).map((o) => o.fixed.loss))),
    fixed005Median: loss(median(heFixed005.filter((r) => r.status === 'ok').map(lossOf))),
  },
  /** Mini-batches of 10: fixed rate, the schedule from the same rate, and a fixed rate ten times smaller. */
  mini: {
    batchSize: String(MINI_BATCH.batchSize),
    updatesPerEpoch: String(data.n / MINI_BATCH.batchSize),
    epochs: MINI_BATCH.epochs.toLocaleString('en-GB'),
    rate: String(MINI_BATCH.rate),
    smallRate: String(MINI_BATCH.smallRate),
    early: String(MINI_BATCH.early),
    tail: String(MINI_BATCH.tail),
    seeds: count(PLATEAU_SEEDS),
    diverged: count(miniDiverged),
    earlyFixed: medianFact(miniOk(mini.fixed).map(early), loss).text,
    earlySmall: medianFact(miniOk(mini.small).map(early), loss).text,
    finalFixed: medianFact(miniOk(mini.fixed).map(lossOf), loss).text,
    finalPlateau: medianFact(miniOk(mini.plateau).map(lossOf), loss).text,
    finalSmall: medianFact(miniOk(mini.small).map(lossOf), loss).text,
    wanderFixed: medianFact(miniOk(mini.fixed).map(wander), wanderText).text,
    wanderPlateau: medianFact(miniOk(mini.plateau).map(wander), wanderText).text,
    wanderSmall: medianFact(miniOk(mini.small).map(wander), wanderText).text,
    /** The same rate with full batches (the He runs at 0.05 above): it settles by itself. */
    wanderFullBatch: medianFact(heFixed005.filter((r) => r.status === 'ok').map(wander), wanderText).text,
    lowerFact: countFact(miniLower, PLATEAU_SEEDS).text,
    lowerThanSmallFact: countFact(miniLowerThanSmall, PLATEAU_SEEDS).text,
    sameFact: countFact(miniPairs.counts.same, PLATEAU_SEEDS).text,
    cutsMedian: count(median(miniOk(mini.plateau).map((r) => r.cuts.length))),
    finalRateMedian: rateText(median(miniOk(mini.plateau).map((r) => r.finalRate ?? NaN))),
  },
  dead: {
    seed: String(DEAD_PLATEAU.initSeed),
    rate: String(DEAD_PLATEAU.learningRate),
    loss0: fixed(dead.fixed.losses[0], 0),
    plateau: fixed(plateauLevel, 5),
    escapeAt: escapeAt.toLocaleString('en-GB'),
    firstCut: count(dead.plateau.cuts[0]),
    cuts: count(dead.plateau.cuts.length),
    finalRate: rateText(dead.plateau.learningRate),
    fixedFinal: loss(lastLoss(dead.fixed.losses)),
    plateauFinal: fixed(lastLoss(dead.plateau.losses), 4),
    /** The live unit's sample count after the first step. */
    liveAfterFirstStep: count(Math.max(...deadAfterFirstStep.activeCounts)),
    /** W5, h1's weight to the output, when the schedule first cuts, and at the end of each run. */
    w5AtFirstCut: fixed(atFirstCut.params[W5], 4),
    w5FixedEnd: fixed(dead.fixed.params[W5], 3),
    w5PlateauEnd: fixed(dead.plateau.params[W5], 4),
    lossAt10: fixed(dead.fixed.losses[10], 2),
  },
  bouncing: {
    seed: String(BOUNCING.initSeed),
    rate: String(BOUNCING.learningRate),
    firstCut: count(bouncing.plateau.cuts[0]),
    fixedFinal: loss(lastLoss(bouncing.fixed.losses)),
    plateauFinal: loss(lastLoss(bouncing.plateau.losses)),
    /** The fixed run's last two losses: it jumps between two values. */
    swingLow: fixed(Math.min(...bouncing.fixed.losses.slice(-2)), 3),
    swingHigh: fixed(Math.max(...bouncing.fixed.losses.slice(-2)), 3),
    lambdaBounce: fixed(bounceCurvature.lambdaMax, 1),
    lambdaSettled: fixed(settledCurvature.lambdaMax, 1),
    limitSettled: fixed(settledCurvature.stableLearningRate, 3),
    rateAfterFirstCut: String(rateAfterFirstCut),
  },
  /** Unrounded values for the tests of the prose's claims. */
  exact: {
    worked,
    workedTorch,
    workedKeras,
    kerasPlusOne,
    exercise,
    exerciseKeras,
    exerciseTable,
    writeup03,
    writeup01,
    he01,
    heFixed005,
    heRecipe03,
    mini,
    miniPairs,
    miniLower,
    miniLowerThanSmall,
    wander,
    recipeVsFixed,
    bestLevel: BEST_LEVEL,
    divergedEpochs,
    impatient,
    firstPossibleCut,
    dead,
    deadAfterFirstStep,
    atFirstCut,
    deadAtEnd,
    escapeAt,
    plateauLevel,
    bouncing,
    bounceCurvature,
    settledCurvature,
    rateAfterFirstCut,
  },
};
