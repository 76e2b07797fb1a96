// Every number lesson 10 ("Reduce the learning rate on a plateau") prints, computed from the
// trainer: the rule's counting on small loss sequences, and the paired experiment — the same
// starts trained at a fixed rate and with the schedule — behind the verdict on claim C3.
import { curvature } from '../trainer/curvature';
import { reduceOnPlateau, type ReduceOnPlateauOptions } from '../trainer/schedule';
import { W5 } from '../trainer/parameters';
import { runSweep, type SweepRun } from '../trainer/sweep';
import { createTrainer } from '../trainer/train';
import { unitActivity } from '../trainer/units';
import { PLATEAU_DEFAULTS, type PlateauConfig } from '../widgets/plateau/config';
import {
  median,
  pairedComparison,
  plateauData,
  SAME_MARGIN,
  summarise,
  sweepSeeds,
  trainPair,
  type PairedOutcome,
  type PairedSummary,
} from '../widgets/plateau/run';
import { formatPowerOfTen } from '../experiments/format';
import { fixed } from './format';

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

/** The schedule of the experiment: halve the rate after 200 epochs without improvement. */
export const EXPERIMENT_SCHEDULE = { factor: 0.5, patience: 200 } as const;
export const EXPERIMENT_SEEDS = 30;
export const EXPERIMENT_EPOCHS = 5_000;

function setting(init: PlateauConfig['init'], learningRate: number, initSeed = 1): PlateauConfig {
  return {
    ...PLATEAU_DEFAULTS,
    ...EXPERIMENT_SCHEDULE,
    threshold: LIBRARY_DEFAULTS.threshold,
    cooldown: 0,
    minLr: 0,
    flavour: 'pytorch',
    thresholdMode: 'rel',
    init,
    initSeed,
    learningRate,
    epochs: EXPERIMENT_EPOCHS,
    seeds: EXPERIMENT_SEEDS,
  };
}

interface Experiment {
  config: PlateauConfig;
  outcomes: PairedOutcome[];
  summary: PairedSummary;
}

function experiment(init: PlateauConfig['init'], learningRate: number): Experiment {
  const config = setting(init, learningRate);
  const outcomes = pairedComparison(config);
  return { config, outcomes, summary: summarise(outcomes, 1) };
}

/** The write-up's own start and the rates of claim C3. */
const writeup03 = experiment('writeup', 0.03);
const writeup01 = experiment('writeup', 0.01);
/** A He start at a rate too large to settle. */
const he01 = experiment('he', 0.1);

/** Fixed runs at a smaller rate and schedule runs from a larger one: the write-up's recipe against a plain choice. */
const heSeeds = { data, preset: 'he' as const, seeds: sweepSeeds({ seeds: EXPERIMENT_SEEDS }), epochs: EXPERIMENT_EPOCHS };
const heFixed005 = runSweep({ ...heSeeds, learningRate: 0.05 });
const heRecipe03 = runSweep({ ...heSeeds, learningRate: 0.3, schedule: { kind: 'plateau', ...EXPERIMENT_SCHEDULE } });

/** The loss of the best fit the sweeps reach (two hinges), and "at it" = within 0.002 of it. */
const BEST_LEVEL = Math.min(...[...heFixed005, ...heRecipe03].filter((r) => r.status === 'ok').map((r) => r.finalLoss));
const atBest = (runs: SweepRun[]) => runs.filter((r) => r.status === 'ok' && r.finalLoss < BEST_LEVEL + 0.002).length;
const withDeadUnit = (runs: SweepRun[]) => runs.filter((r) => r.units.includes('dead')).length;
const recipeVsFixed = summarise(
  heFixed005.map((f, i) => ({
    seed: Number(f.seed),
    fixed: { diverged: f.status === 'diverged', loss: f.finalLoss },
    plateau: { diverged: heRecipe03[i].status === 'diverged', loss: heRecipe03[i].finalLoss, cuts: heRecipe03[i].cuts?.length ?? 0, finalRate: heRecipe03[i].finalRate ?? NaN },
  })),
  1,
);

// ---------- Two single runs for the widgets ----------

/** A dead-unit plateau: the write-up's start, seed 62, η = 0.03. */
export const DEAD_PLATEAU = setting('writeup', 0.03, 62);
const dead = trainPair(DEAD_PLATEAU);
/** The epoch from which the fixed run's loss is 1% below the plateau it sat on (its escape). */
const plateauLevel = dead.fixed.losses[200];
const escapeAt = dead.fixed.losses.findIndex((l, e) => e > 200 && l < plateauLevel * 0.99);
/** Which units are on for no sample after the first (huge) step: the plateau is a dead-unit one. */
const afterFirstStep = createTrainer({ data, params: dead.start, learningRate: DEAD_PLATEAU.learningRate });
afterFirstStep.step(1);
const deadAfterFirstStep = unitActivity(afterFirstStep.params, data);
const atFirstCut = createTrainer({ data, params: dead.start, learningRate: DEAD_PLATEAU.learningRate });
atFirstCut.step(dead.plateau.cuts[0]);
const deadAtEnd = { fixed: unitActivity(dead.fixed.params, data), plateau: unitActivity(dead.plateau.params, data) };

/** A rate too large to settle: He start, seed 2, η = 0.1 (the widget's default). */
export const BOUNCING = setting('he', 0.1, PLATEAU_DEFAULTS.initSeed);
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
/** A small rate as prose: 1.4 × 10⁻⁸. */
const rateText = (v: number) => (v >= 1e-4 ? String(Number(v.toPrecision(3))) : formatPowerOfTen(v));

function experimentFacts(e: Experiment) {
  const { counts, medianFixed, medianPlateau, compared } = e.summary;
  const diverged = e.outcomes.filter((o) => o.fixed.diverged || o.plateau.diverged);
  return {
    rate: String(e.config.learningRate),
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
const impatient = runSweep({ data, preset: 'writeup', seeds: divergedSeeds, epochs: EXPERIMENT_EPOCHS, learningRate: 0.03, schedule: { kind: 'plateau', factor: EXPERIMENT_SCHEDULE.factor, patience: 0 } });
const divergedEpochs = writeup03.outcomes.length ? runSweep({ data, preset: 'writeup', seeds: writeup03.outcomes.filter((o) => o.fixed.diverged).map((o) => o.seed), epochs: 50, learningRate: 0.03 }).map((r) => r.epochs) : [];

export const reduceOnPlateauFacts = {
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
    /** Starts where the schedule from 0.1 ends within the margin of a plain fixed 0.05. */
    he01LikeFixed005: count(he01.outcomes.filter((o, i) => !o.plateau.diverged && heFixed005[i].status === 'ok' && Math.abs(o.plateau.loss - heFixed005[i].finalLoss) <= SAME_MARGIN).length),
    he01FixedMedian: loss(median(he01.outcomes.filter((o) => !o.fixed.diverged).map((o) => o.fixed.loss))),
    fixed005Median: loss(median(heFixed005.filter((r) => r.status === 'ok').map((r) => r.finalLoss))),
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
