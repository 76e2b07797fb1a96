// The paired comparison over many seeds (lesson 10): each seed's start trained at a fixed rate
// and with reduce-on-plateau, summarised as better / worse / same counts and median final
// losses. DOM-free: the build runs it at once (pairedComparison, shared by the facts and the
// server figure); the browser runs the same sweeps in Web Workers and pairs them with pairRuns.
import { runSweep, type SweepRun } from '../../trainer/sweep';
import type { PlateauConfig } from './comparison-settings';
import { plateauData } from './pair';
import { plateauSpec } from './settings';

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

/** The two sweeps of a comparison as plain data for Web Workers: fixed rate, then the schedule. */
export function comparisonJobs(config: PlateauConfig) {
  const job = { data: {}, preset: config.init, seeds: sweepSeeds(config), epochs: config.epochs, learningRate: config.learningRate, hidden: 2 };
  return { fixed: job, plateau: { ...job, schedule: plateauSpec(config) } };
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
