// What a seed sweep produced, in the form the figure and the tables need: per setup, one point
// per starting seed (its final loss, whether it diverged, what each hidden unit ended as), and
// the summary of the row. Pure; `computeSweep` runs a whole sweep synchronously (at build time,
// and in tests), the browser runs the same setups in Web Workers through the kit's startSweep.
import { quantileSorted } from 'd3-array';
import { makeDataset } from '../../trainer/data';
import { baselines } from '../../trainer/loss';
import { runSweep, type SweepRun } from '../../trainer/sweep';
import type { UnitState } from '../../trainer/units';
import { seedsOf, seedSweepSettings, setupsOf, type SeedSweepConfig, type Setup } from './settings';

/** One run, as the figure shows it. */
export interface SweepPoint {
  seed: number;
  /** The last loss the trainer recorded (the last finite one if the run diverged). */
  finalLoss: number;
  diverged: boolean;
  units: UnitState[];
  epochs: number;
}

export interface SetupResult extends Setup {
  /** points[i] is seed firstSeed + i; undefined until that run arrives. */
  points: (SweepPoint | undefined)[];
}

/** The settings a set of results was computed with (they may differ from the controls'). */
export type SweepBudget = Pick<SeedSweepConfig, 'runs' | 'firstSeed' | 'epochs' | 'learningRate' | 'dataSeed'>;

export interface SweepResults {
  budget: SweepBudget;
  setups: SetupResult[];
  /** Var(y) and the best plane's loss: the two yardsticks every loss is read against. */
  varY: number;
  planeLoss: number;
  /** Where the numbers were computed: in Node when the page was built, or in this browser. */
  source: 'build' | 'browser';
}

/** R² ≥ this counts as having learned the bend: the parabola carries most of Var(y). */
export const LEARNED_R2 = 0.9;

export function pointOf(run: SweepRun): SweepPoint {
  return { seed: Number(run.seed), finalLoss: run.finalLoss, diverged: run.status !== 'ok', units: [...run.units], epochs: run.epochs };
}

/** How many of the point's hidden units ended dead. */
export function deadUnits(point: SweepPoint): number {
  return point.units.filter((u) => u === 'dead').length;
}

export interface SetupSummary {
  finished: number;
  diverged: number;
  /** Final losses of the runs that did not diverge, ascending. */
  finals: number[];
  median: number;
  p10: number;
  p25: number;
  p75: number;
  p90: number;
  /** Runs (not diverged) with R² ≥ LEARNED_R2. */
  learned: number;
  /** Runs that ended with at least one dead hidden unit. */
  withDeadUnit: number;
}

/** The row's summary; NaN quantiles while no run has finished (the scene prints them as words). */
export function summarise(setup: SetupResult, varY: number): SetupSummary {
  const done = setup.points.filter((p): p is SweepPoint => p !== undefined);
  const ok = done.filter((p) => !p.diverged);
  const finals = ok.map((p) => p.finalLoss).sort((a, b) => a - b);
  const q = (p: number) => (finals.length ? (quantileSorted(finals, p) as number) : NaN);
  return {
    finished: done.length,
    diverged: done.length - ok.length,
    finals,
    median: q(0.5),
    p10: q(0.1),
    p25: q(0.25),
    p75: q(0.75),
    p90: q(0.9),
    learned: finals.filter((l) => 1 - l / varY >= LEARNED_R2).length,
    withDeadUnit: done.filter((p) => deadUnits(p) > 0).length,
  };
}

/** Results with room for every run of every setup of `config`, none arrived yet. */
export function emptyResults(config: SeedSweepConfig, source: SweepResults['source']): SweepResults {
  const data = makeDataset({ seed: config.dataSeed });
  const { meanPredictor, linear } = baselines(data);
  return {
    budget: { runs: config.runs, firstSeed: config.firstSeed, epochs: config.epochs, learningRate: config.learningRate, dataSeed: config.dataSeed },
    setups: setupsOf(config).map((s) => ({ ...s, points: new Array(config.runs).fill(undefined) })),
    varY: meanPredictor,
    planeLoss: linear,
    source,
  };
}

/** The whole sweep, run here and now (Node at build time, tests). */
export function computeSweep(config: SeedSweepConfig, source: SweepResults['source'] = 'build'): SweepResults {
  const results = emptyResults(config, source);
  const data = makeDataset({ seed: config.dataSeed });
  for (const setup of results.setups) {
    const runs = runSweep({ data, preset: setup.init, seeds: seedsOf(config), epochs: config.epochs, learningRate: config.learningRate, hidden: setup.hidden });
    setup.points = runs.map(pointOf);
  }
  return results;
}

const cache = new Map<string, SweepResults>();

/** computeSweep, once per distinct config per build: the lesson's facts and its widget share one sweep. */
export function buildSweep(config: SeedSweepConfig): SweepResults {
  const key = seedSweepSettings.serialise(config).toString();
  let results = cache.get(key);
  if (!results) {
    results = computeSweep(config, 'build');
    cache.set(key, results);
  }
  return results;
}

const UNIT_CODES: Record<UnitState, string> = { hinge: 'h', linear: 'l', dead: 'd' };
const CODE_UNITS: Record<string, UnitState> = { h: 'hinge', l: 'linear', d: 'dead' };

/**
 * Results as compact JSON for a data-* attribute, so the page's script starts from the build's
 * sweep. JSON writes every double in its shortest exact form, so the losses survive bit for bit.
 */
export function encodeResults(results: SweepResults): string {
  return JSON.stringify({
    b: results.budget,
    v: results.varY,
    p: results.planeLoss,
    s: results.setups.map((s) => ({
      i: s.init,
      h: s.hidden,
      // A run that diverged in its first epoch has no finite loss: JSON has no NaN, so it is null.
      r: s.points.map((p) => (p ? [Number.isFinite(p.finalLoss) ? p.finalLoss : null, p.diverged ? 1 : 0, p.units.map((u) => UNIT_CODES[u]).join(''), p.epochs] : null)),
    })),
  });
}

type Encoded = {
  b: SweepBudget;
  v: number;
  p: number;
  s: { i: Setup['init']; h: number; r: ([number | null, number, string, number] | null)[] }[];
};

/** encodeResults' inverse; null if the text is not such results. */
export function decodeResults(text: string | undefined): SweepResults | null {
  try {
    const e = JSON.parse(text ?? '') as Encoded;
    return {
      budget: e.b,
      varY: e.v,
      planeLoss: e.p,
      source: 'build',
      setups: e.s.map((s) => ({
        init: s.i,
        hidden: s.h,
        points: s.r.map((r, k) =>
          r ? { seed: e.b.firstSeed + k, finalLoss: r[0] ?? NaN, diverged: r[1] === 1, units: [...r[2]].map((c) => CODE_UNITS[c]), epochs: r[3] } : undefined,
        ),
      })),
    };
  } catch {
    return null;
  }
}

/**
 * Up to `max` finished runs to replay, dealt round-robin over the setups (each setup's lowest
 * seeds first), so a check touches every row: [setup index, run index] pairs.
 */
export function pickForReplay(results: SweepResults, max: number): [number, number][] {
  const queues = results.setups.map((s) => s.points.flatMap((p, i) => (p ? [i] : [])));
  const picks: [number, number][] = [];
  for (let round = 0; picks.length < max && queues.some((q) => q.length > round); round++) {
    queues.forEach((q, setup) => {
      if (picks.length < max && round < q.length) picks.push([setup, q[round]]);
    });
  }
  return picks;
}
