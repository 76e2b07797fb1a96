// The plateau widget's computations, DOM-free: two runs from one start (fixed rate and
// reduce-on-plateau), advanced together; and the paired comparison over many seeds — each seed
// trained both ways — summarised as better / worse / same counts and median final losses.
// The server draws with these at build time, the lesson's facts use the same functions, and
// the browser runs the comparison's runs in Web Workers (kit/sweepRunner.ts).
import type { Dataset } from '../../trainer/data';
import { initParams } from '../../trainer/init';
import { meanSquaredError, variance } from '../../trainer/loss';
import { makeSchedule } from '../../trainer/schedule';
import { runSweep, type SweepRun } from '../../trainer/sweep';
import { createTrainer, type Trainer } from '../../trainer/train';
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { describeSchedule, plateauSpec, type PlateauConfig } from './config';
import type { PairView, RunView } from './scene';

/** The course's default data set: the widget does not change the data. */
export const plateauData = defaultDataset;

export interface PlateauPair {
  readonly config: PlateauConfig;
  readonly data: Dataset;
  readonly varY: number;
  readonly start: Float64Array;
  /** Keeps η₀ throughout. */
  readonly fixed: Trainer;
  /** Starts at η₀ and follows reduce-on-plateau. */
  readonly plateau: Trainer;
}

/** Both runs at epoch 0. Throws TrainerInputError (a message for the reader) on a bad setup. */
export function startPair(config: PlateauConfig, data: Dataset = plateauData()): PlateauPair {
  const start = initParams({ preset: config.init, seed: config.initSeed });
  const fixed = createTrainer({ data, params: start, learningRate: config.learningRate });
  const plateau = createTrainer({ data, params: start, learningRate: config.learningRate, schedule: makeSchedule(plateauSpec(config)) });
  return { config, data, varY: variance(data.y), start, fixed, plateau };
}

/** Runs both up to `epochs` more epochs (never past the config's length); returns the epoch reached. */
export function advancePair(pair: PlateauPair, epochs: number): number {
  const target = (t: Trainer) => Math.max(0, Math.min(pair.config.epochs - t.epoch, Math.floor(epochs)));
  pair.fixed.step(target(pair.fixed));
  pair.plateau.step(target(pair.plateau));
  return Math.max(pair.fixed.epoch, pair.plateau.epoch);
}

/** Whether both runs have trained as far as they will (the full length, or diverged). */
export function pairDone(pair: PlateauPair): boolean {
  const done = (t: Trainer) => t.status !== 'ok' || t.epoch >= pair.config.epochs;
  return done(pair.fixed) && done(pair.plateau);
}

/** L at a run's current parameters (what the next epoch starts from); infinite if it overflowed. */
export function lossNow(run: Trainer, data: Dataset): number {
  const loss = meanSquaredError(run.params, data);
  return Number.isNaN(loss) ? Infinity : loss;
}

function runView(run: Trainer, data: Dataset): RunView {
  return { losses: run.losses, current: lossNow(run, data), rates: run.learningRates, rate: run.learningRate, divergedAt: run.divergedAt, cuts: run.cuts };
}

/** What the figures need to know about a pair, as it stands. */
export function pairView(pair: PlateauPair): PairView {
  return {
    fixed: runView(pair.fixed, pair.data),
    plateau: runView(pair.plateau, pair.data),
    varY: pair.varY,
    epochs: pair.config.epochs,
    learningRate: pair.config.learningRate,
    minLr: pair.config.minLr,
    schedule: describeSchedule(pair.config),
  };
}

/** A pair trained to its full length at once (the server, the facts). */
export function trainPair(config: PlateauConfig, data?: Dataset): PlateauPair {
  const pair = startPair(config, data);
  advancePair(pair, config.epochs);
  return pair;
}

// ---------- the paired comparison ----------

/** One seed, trained both ways. */
export interface PairedOutcome {
  seed: number;
  fixed: { diverged: boolean; loss: number };
  plateau: { diverged: boolean; loss: number; cuts: number; finalRate: number };
}

export type Verdict = 'better' | 'worse' | 'same' | 'both diverged' | 'only fixed diverged' | 'only schedule diverged';

/**
 * Differences smaller than this share of Var(y) count as "the same": a hundredth of the
 * baseline, 0.01 on standardised data — far below what a reader could see on a loss curve.
 */
export const SAME_MARGIN = 0.01;

export function verdict(o: PairedOutcome, varY: number): Verdict {
  if (o.fixed.diverged && o.plateau.diverged) return 'both diverged';
  if (o.fixed.diverged) return 'only fixed diverged';
  if (o.plateau.diverged) return 'only schedule diverged';
  const d = o.plateau.loss - o.fixed.loss;
  if (Math.abs(d) <= SAME_MARGIN * varY) return 'same';
  return d < 0 ? 'better' : 'worse';
}

export interface PairedSummary {
  seeds: number;
  counts: Record<Verdict, number>;
  /** Medians over the seeds where neither run diverged (so both medians cover the same starts). */
  medianFixed: number;
  medianPlateau: number;
  /** Seeds where neither diverged. */
  compared: number;
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarise(outcomes: readonly PairedOutcome[], varY: number): PairedSummary {
  const counts: Record<Verdict, number> = { better: 0, worse: 0, same: 0, 'both diverged': 0, 'only fixed diverged': 0, 'only schedule diverged': 0 };
  for (const o of outcomes) counts[verdict(o, varY)] += 1;
  const both = outcomes.filter((o) => !o.fixed.diverged && !o.plateau.diverged);
  return {
    seeds: outcomes.length,
    counts,
    medianFixed: median(both.map((o) => o.fixed.loss)),
    medianPlateau: median(both.map((o) => o.plateau.loss)),
    compared: both.length,
  };
}

/** Puts a sweep's two halves together, seed by seed (runs may be missing while it is under way). */
export function pairRuns(fixed: readonly (SweepRun | undefined)[], plateau: readonly (SweepRun | undefined)[]): PairedOutcome[] {
  const out: PairedOutcome[] = [];
  for (let i = 0; i < Math.min(fixed.length, plateau.length); i++) {
    const f = fixed[i], p = plateau[i];
    if (!f || !p) continue;
    out.push({
      seed: Number(f.seed),
      fixed: { diverged: f.status === 'diverged', loss: f.finalLoss },
      plateau: { diverged: p.status === 'diverged', loss: p.finalLoss, cuts: p.cuts?.length ?? 0, finalRate: p.finalRate ?? NaN },
    });
  }
  return out;
}

/** The seeds of the comparison: 1, 2, …, seeds. */
export function sweepSeeds(config: Pick<PlateauConfig, 'seeds'>): number[] {
  return Array.from({ length: config.seeds }, (_, i) => i + 1);
}

const memo = new Map<string, PairedOutcome[]>();

/**
 * The whole comparison, synchronously (build time). Memoised by setting, so the lesson's facts
 * and the widget's server figure share one computation.
 */
export function pairedComparison(config: PlateauConfig): PairedOutcome[] {
  const key = JSON.stringify([config.init, config.learningRate, config.epochs, config.seeds, plateauSpec(config)]);
  const known = memo.get(key);
  if (known) return known;
  const common = { data: plateauData(), preset: config.init, seeds: sweepSeeds(config), epochs: config.epochs, learningRate: config.learningRate };
  const outcomes = pairRuns(runSweep(common), runSweep({ ...common, schedule: plateauSpec(config) }));
  memo.set(key, outcomes);
  return outcomes;
}
