// Lesson 10's prose makes claims about the rule and about its computed numbers; these tests
// keep every one of them true against the trainer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  DEAD_PLATEAU,
  BOUNCING,
  EXERCISE_LOSSES,
  EXPERIMENT_EPOCHS,
  EXPERIMENT_SCHEDULE,
  EXPERIMENT_SEEDS,
  LIBRARY_DEFAULTS,
  reduceOnPlateauFacts as f,
  replay,
  setting,
  WORKED_LOSSES,
  WORKED_PATIENCE,
} from '../../../src/facts/reduce-on-plateau';
import { lossAndGradient, makeRandom, reduceOnPlateau, unitActivity, W5, type ReduceOnPlateauOptions } from '../../../src/trainer';
import { plateauComparisonSettings } from '../../../src/experiments/plateau/comparison-settings';
import { trainPair } from '../../../src/experiments/plateau/pair';
import { SAME_MARGIN } from '../../../src/experiments/plateau/paired';
import { plateauSpec } from '../../../src/experiments/plateau/settings';

const PLATEAU_DEFAULTS = plateauComparisonSettings.defaults;

const lesson = readFileSync(new URL('../../../content/lessons/10-reduce-on-plateau.mdx', import.meta.url), 'utf8');
const num = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));
const { exact } = f;

/**
 * The rule exactly as the lesson words it, written independently of the trainer: best so far,
 * a bad epoch unless the loss beats the best by the threshold, a cut when the count exceeds
 * (PyTorch) or reaches (Keras) the patience. No cooldown or floor: those are tested separately.
 */
function cutsByTheWords(losses: readonly number[], patience: number, flavour: 'pytorch' | 'keras', threshold = 1e-4, mode: 'rel' | 'abs' = flavour === 'keras' ? 'abs' : 'rel'): number[] {
  let best = Infinity, bad = 0;
  const cuts: number[] = [];
  losses.forEach((loss, i) => {
    const better = mode === 'rel' ? loss < best * (1 - threshold) : loss < best - threshold;
    if (better) {
      best = loss;
      bad = 0;
      return;
    }
    bad += 1;
    if (flavour === 'pytorch' ? bad > patience : bad >= patience) {
      cuts.push(i + 1);
      bad = 0;
    }
  });
  return cuts;
}

function randomLosses(seed: number, length = 60): number[] {
  const random = makeRandom(`losses:${seed}`);
  let loss = 1;
  return Array.from({ length }, () => (loss *= random() < 0.5 ? 1 : 0.9 + random() * 0.2));
}

describe('lesson 10: the rule', () => {
  it('uses the defaults the lesson names when nothing is set: factor 0.1, patience 10, threshold 1e-4', () => {
    const flat = new Array(30).fill(1);
    const torch = replay(flat, {});
    // Epoch 1 is the first best; epochs 2…12 are eleven bad epochs, more than 10.
    expect(torch.cuts[0]).toBe(LIBRARY_DEFAULTS.patience + 2);
    expect(torch.rates[torch.cuts[0] - 1]).toBeCloseTo(LIBRARY_DEFAULTS.factor, 15);
    // A relative gain of half the threshold does not count; twice the threshold does.
    expect(replay([1, 1 - 0.5e-4, ...new Array(10).fill(1)], { patience: 10 }).cuts).toEqual([12]);
    expect(replay([1, 1 - 2e-4, ...new Array(10).fill(1)], { patience: 10 }).cuts).toEqual([]);
    expect(f.defaults).toMatchObject({ factor: '0.1', patience: '10' });
  });

  it('cuts where the lesson\'s wording says, for both libraries, on the worked example and on random sequences', () => {
    expect(exact.workedTorch.cuts).toEqual(cutsByTheWords(WORKED_LOSSES, WORKED_PATIENCE, 'pytorch'));
    expect(exact.workedKeras.cuts).toEqual(cutsByTheWords(WORKED_LOSSES, WORKED_PATIENCE, 'keras'));
    for (let seed = 1; seed <= 40; seed++) {
      const losses = randomLosses(seed);
      for (const patience of [0, 1, 3, 7]) {
        for (const flavour of ['pytorch', 'keras'] as const) {
          // factor 0.9: never near PyTorch's rule of skipping cuts smaller than 1e-8.
          expect(replay(losses, { patience, flavour, factor: 0.9 }).cuts, `${flavour} p${patience} seed ${seed}`).toEqual(cutsByTheWords(losses, patience, flavour));
        }
      }
    }
  });

  it('prints the worked table as counted: Keras cuts one epoch before PyTorch, at the count of 3 and 4', () => {
    const rows = exact.worked;
    expect(f.worked.kerasFirst).toBe(String(num(f.worked.torchFirst) - 1));
    for (const r of rows) {
      if (r.torch.cut) expect(rows[r.epoch - 2].torch.bad).toBe(WORKED_PATIENCE);
      if (r.keras.cut) expect(rows[r.epoch - 2].keras.bad).toBe(WORKED_PATIENCE - 1);
    }
    expect(exact.workedTorch.cuts.map((c) => c - 1)).toEqual(exact.workedKeras.cuts);
    expect(f.worked.torchCuts).toBe('7 and 12');
  });

  it('refuses the epoch-6 loss as an improvement: lower than the best, but by less than the threshold', () => {
    const six = exact.worked[5];
    expect(six.loss).toBeLessThan(six.bestBefore);
    expect(six.improved).toBe(false);
    expect(num(f.worked.tinyDrop)).toBeCloseTo(six.bestBefore - six.loss, 12);
    expect(num(f.worked.tinyDrop)).toBeLessThan(num(f.worked.tinyNeeded));
    // The lesson says relative and absolute agree on these losses.
    expect(cutsByTheWords(WORKED_LOSSES, WORKED_PATIENCE, 'pytorch', 1e-4, 'abs')).toEqual(exact.workedTorch.cuts);
  });

  it('makes Keras with patience p + 1 cut exactly where PyTorch cuts with patience p (with the same test)', () => {
    expect(exact.kerasPlusOne.cuts).toEqual(exact.workedTorch.cuts);
    for (let seed = 1; seed <= 40; seed++) {
      const losses = randomLosses(seed);
      for (const p of [0, 2, 10]) {
        const torch: ReduceOnPlateauOptions = { patience: p, thresholdMode: 'abs', factor: 0.9 };
        expect(replay(losses, { ...torch, flavour: 'keras', patience: p + 1 }).cuts).toEqual(replay(losses, torch).cuts);
      }
    }
    // The exercise: PyTorch patience 10 is Keras patience 11.
    const flat = new Array(40).fill(1);
    expect(replay(flat, { patience: 11, flavour: 'keras' }).cuts).toEqual(replay(flat, { patience: 10, thresholdMode: 'abs' }).cuts);
  });

  it('ignores c bad epochs after a PyTorch cut but only c − 1 after a Keras cut, so a Keras cooldown of 1 does nothing', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const losses = randomLosses(seed, 80);
      const keras = (cooldown: number) => replay(losses, { patience: 1, flavour: 'keras', cooldown }).cuts;
      expect(keras(1)).toEqual(keras(0));
    }
    const flat = new Array(12).fill(1);
    expect(replay(flat, { patience: 0, cooldown: 2 }).cuts).toEqual([2, 5, 8, 11]);
    expect(replay(flat, { patience: 1, cooldown: 2, flavour: 'keras' }).cuts).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('works the threshold comparison: at a best of 0.05, relative asks for 0.000005 and absolute 20 times as much', () => {
    expect(num(f.threshold.relAtSmall)).toBeCloseTo(0.05 * 1e-4, 12);
    expect(num(f.threshold.absAtSmall)).toBe(1e-4);
    expect(num(f.threshold.ratioAtSmall)).toBe(20);
    // The same drop of 0.00005 counts relatively but not absolutely.
    expect(replay([0.05, 0.04995, 0.04995], { patience: 0 }).cuts).toEqual([3]);
    expect(replay([0.05, 0.04995, 0.04995], { patience: 0, thresholdMode: 'abs' }).cuts).toEqual([2, 3]);
  });

  it('answers the exercise: PyTorch with patience 3 first cuts after epoch 10 (Keras after 9), as the explanation counts', () => {
    expect(exact.exercise.cuts[0]).toBe(10);
    expect(cutsByTheWords(EXERCISE_LOSSES, 3, 'pytorch')[0]).toBe(10);
    expect(exact.exerciseKeras.cuts[0]).toBe(9);
    expect(f.exercise.best).toBe('1.3');
    expect(f.exercise.bestEpoch).toBe('6');
    expect(f.exercise.badEpochs).toBe('7, 8');
    expect(f.exercise.lossBeforeCut).toBe(f.exercise.best);
    expect(exact.exerciseTable.slice(6, 10).map((r) => r.improved)).toEqual([false, false, false, false]);
  });
});

describe('lesson 10: the experiment', () => {
  it('uses the widget\'s schedule, so the widget\'s comparison repeats the lesson\'s experiment (with its own number of seeds)', () => {
    const { kind: _kind, ...options } = EXPERIMENT_SCHEDULE;
    expect(PLATEAU_DEFAULTS).toMatchObject({ ...options, epochs: EXPERIMENT_EPOCHS });
    expect(plateauSpec(setting('he', 0.1))).toEqual(EXPERIMENT_SCHEDULE);
    expect(EXPERIMENT_SEEDS).toBeGreaterThanOrEqual(100);
    expect(PLATEAU_DEFAULTS).toMatchObject({ init: BOUNCING.init, initSeed: BOUNCING.initSeed, learningRate: BOUNCING.learningRate });
    expect(DEAD_PLATEAU).toMatchObject({ ...PLATEAU_DEFAULTS, init: 'writeup', initSeed: 62, learningRate: 0.03 });
    expect(num(f.schedule.margin)).toBe(SAME_MARGIN);
  });

  it('sees every blow-up at η₀ = 0.03 happen both ways, long before the first possible cut', () => {
    const o = exact.writeup03.outcomes;
    expect(o).toHaveLength(EXPERIMENT_SEEDS);
    const diverged = o.filter((x) => x.fixed.diverged);
    expect(diverged.length).toBeGreaterThan(0);
    for (const x of o) expect(x.plateau.diverged).toBe(x.fixed.diverged);
    for (const x of diverged) expect(x.plateau.cuts).toBe(0);
    expect(exact.firstPossibleCut).toBe(EXPERIMENT_SCHEDULE.patience + 2);
    expect(Math.max(...exact.divergedEpochs)).toBeLessThan(exact.firstPossibleCut / 10);
    expect(num(f.writeup03.diverged)).toBe(diverged.length);
    expect(num(f.writeup03.bothDiverged)).toBe(diverged.length);
    // "Only patience 0 would have caught" some — but not all — of them.
    expect(num(f.writeup03.savedByPatience0)).toBeGreaterThan(0);
    expect(num(f.writeup03.savedByPatience0)).toBeLessThan(diverged.length);
  });

  it('finds almost no difference on the write-up\'s starts within 5,000 epochs: at 0.03 only the dead-unit escape of seed 62 is worse, at 0.01 nothing', () => {
    const w3 = exact.writeup03.summary;
    expect(w3.counts.better).toBe(0);
    expect(f.writeup03.worseSeeds).toBe(String(DEAD_PLATEAU.initSeed));
    expect(w3.counts.same + w3.counts.worse).toBe(w3.compared);
    const w1 = exact.writeup01.summary;
    expect(w1.counts.same).toBe(EXPERIMENT_SEEDS);
    expect(num(DEAD_PLATEAU.initSeed.toString())).toBeLessThanOrEqual(EXPERIMENT_SEEDS);
  });

  it('with mini-batches: the fixed rate keeps wandering, the schedule settles lower, the small rate is slow at first', () => {
    const { mini, wander } = exact;
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const ok = (runs: typeof mini.fixed) => runs.filter((r) => r.status === 'ok');
    expect(ok(mini.fixed)).toHaveLength(EXPERIMENT_SEEDS);
    // the fixed rate wanders by tens of per cent at the end, the schedule by practically nothing
    expect(med(ok(mini.fixed).map(wander))).toBeGreaterThan(0.05);
    expect(med(ok(mini.plateau).map(wander))).toBeLessThan(1e-4);
    expect(med(ok(mini.small).map(wander))).toBeLessThan(med(ok(mini.fixed).map(wander)) / 5);
    // full batches at the same rate: no noise, no wander
    expect(med(exact.heFixed005.map(wander))).toBeLessThan(1e-8);
    // the schedule ends lower in (nearly) every seed; the small rate starts far behind
    expect(exact.miniLower).toBeGreaterThan(0.9 * EXPERIMENT_SEEDS);
    expect(exact.miniLowerThanSmall).toBeGreaterThan(EXPERIMENT_SEEDS / 2);
    const early = (r: (typeof mini.fixed)[number]) => r.lossesAt![0]!;
    expect(med(ok(mini.small).map(early))).toBeGreaterThan(2 * med(ok(mini.fixed).map(early)));
    // no cut can come before the first possible one: the schedule's early losses are the fixed run's
    mini.fixed.forEach((r, i) => expect(mini.plateau[i].lossesAt).toEqual(r.lossesAt));
  });

  it('shows the bouncing run: the fixed loss alternates between two values, the schedule settles lower', () => {
    const L = exact.bouncing.fixed.losses;
    const n = L.length;
    for (let e = n - 200; e < n; e++) {
      expect(Math.abs(L[e] - L[e - 2])).toBeLessThan(1e-6 * L[e]);
      expect(Math.abs(L[e] - L[e - 1])).toBeGreaterThan(1e-3);
    }
    expect(f.bouncing.swingLow).not.toBe(f.bouncing.swingHigh);
    const plateau = exact.bouncing.plateau;
    expect(plateau.cuts[0]).toBe(num(f.bouncing.firstCut));
    expect(plateau.losses[n - 1]).toBeLessThan(Math.min(L[n - 1], L[n - 2]) - 0.05);
  });

  it('explains the bounce with λmax: η is too large for the valley\'s bottom, the run swings where η·λmax ≈ 2, the first cut is below the limit', () => {
    const rate = BOUNCING.learningRate;
    expect(exact.settledCurvature.stableLearningRate).toBeLessThan(rate);
    expect(Math.abs(rate * exact.bounceCurvature.lambdaMax - 2)).toBeLessThan(0.1);
    expect(exact.rateAfterFirstCut).toBe(rate * EXPERIMENT_SCHEDULE.factor);
    expect(exact.rateAfterFirstCut).toBeLessThan(exact.settledCurvature.stableLearningRate);
    expect(num(f.bouncing.limitSettled)).toBeCloseTo(2 / num(f.bouncing.lambdaSettled), 2);
  });

  it('has the schedule help at η₀ = 0.1 from He starts, never hurt, and end where a fixed 0.05 ends', () => {
    const s = exact.he01.summary;
    expect(s.counts.better).toBeGreaterThan(s.compared / 3);
    expect(s.counts.worse).toBe(0);
    expect(s.medianPlateau).toBeLessThan(s.medianFixed);
    expect(num(f.recipe.he01LikeFixed005)).toBeGreaterThan(EXPERIMENT_SEEDS * 0.8);
    expect(Math.abs(num(f.recipe.fixed005Median) - num(f.he01.medianPlateau))).toBeLessThan(SAME_MARGIN);
  });

  it('shows the dead-unit plateau: unit 2 dead from the first step, W5 tiny, the loss just under Var(y)', () => {
    const first = exact.deadAfterFirstStep;
    expect(first.states[1]).toBe('dead');
    expect(first.states[0]).not.toBe('dead');
    expect(first.activeCounts[0]).toBe(num(f.dead.liveAfterFirstStep));
    expect(exact.plateauLevel).toBeLessThan(1);
    expect(exact.plateauLevel).toBeGreaterThan(0.999);
    expect(Math.abs(exact.atFirstCut.params[W5])).toBeLessThan(0.01);
    for (const run of [exact.deadAtEnd.fixed, exact.deadAtEnd.plateau]) expect(run.states[1]).toBe('dead');
  });

  it('shows the escape cut short: the fixed run leaves the plateau, the schedule cuts before the escape and stays', () => {
    const { dead, escapeAt, plateauLevel } = exact;
    const fixedLosses = dead.fixed.losses;
    expect(fixedLosses[escapeAt]).toBeLessThan(plateauLevel * 0.99);
    expect(fixedLosses[escapeAt - 1]).toBeGreaterThanOrEqual(plateauLevel * 0.99);
    expect(fixedLosses[fixedLosses.length - 1]).toBeLessThan(plateauLevel - 0.2);
    // The climb is under way before the first cut: the fixed run's loss keeps going down, and W5 grows.
    expect(fixedLosses[dead.plateau.cuts[0]]).toBeLessThan(fixedLosses[200]);
    expect(Math.abs(dead.fixed.params[W5])).toBeGreaterThan(10 * Math.abs(exact.atFirstCut.params[W5]));
    expect(dead.plateau.cuts[0]).toBeLessThan(escapeAt);
    expect(dead.plateau.cuts.length).toBe(num(f.dead.cuts));
    expect(dead.plateau.learningRate).toBeLessThan(1e-7);
    const end = dead.plateau.losses[dead.plateau.losses.length - 1];
    expect(end).toBeGreaterThan(0.999);
    expect(Math.abs(dead.plateau.params[W5])).toBeLessThan(0.01);
    expect(f.dead.finalRate).toMatch(/^\d\.\d × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
  });

  it('weighs the write-up\'s recipe: more runs at the best fit, many more dead units, a worse median', () => {
    const r = f.recipe;
    expect(num(r.recipeAtBest)).toBeGreaterThan(num(r.fixedAtBest));
    expect(num(r.recipeDead)).toBeGreaterThan(2 * num(r.fixedDead));
    // and the intervals do not overlap
    expect(num(r.recipeDeadFact.match(/interval (\d+)/)![1])).toBeGreaterThan(num(r.fixedDeadFact.match(/–(\d+)/)![1]));
    expect(num(r.worse)).toBeGreaterThan(num(r.better));
    expect(exact.recipeVsFixed.medianPlateau).toBeGreaterThan(exact.recipeVsFixed.medianFixed);
    // The best level is a fit with two hinges, and a dead unit's parameters have zero gradient.
    const best = [...exact.heFixed005, ...exact.heRecipe03].find((run) => run.finalLoss === exact.bestLevel)!;
    expect(best.units).toEqual(['hinge', 'hinge']);
    const sum = Number(r.better) + Number(r.worse) + Number(r.same);
    expect(sum).toBe(EXPERIMENT_SEEDS);
  });

  it('never lets a cut revive a dead unit: its slopes are exactly zero at any rate', () => {
    const { dead } = exact;
    for (const run of [dead.fixed, dead.plateau]) {
      expect(unitActivity(run.params, dead.data).states[1]).toBe('dead');
      const { grad } = lossAndGradient(run.params, dead.data);
      // Unit 2's own parameters: W2, W4 (its inputs), W6 (its output), B2.
      for (const i of [1, 3, 5, 7]) expect(grad[i]).toBe(0);
    }
  });
});

describe('lesson 10: what the Try-this prompts lead to', () => {
  const final = (pair: ReturnType<typeof trainPair>) => pair.plateau.losses[pair.plateau.losses.length - 1];

  it('lets the dead-unit run escape only with a patience long enough for no cut at all', () => {
    const patient = trainPair({ ...DEAD_PLATEAU, patience: 1000 });
    expect(patient.plateau.cuts).toEqual([]);
    expect(final(patient)).toBe(patient.fixed.losses[patient.fixed.losses.length - 1]);
    for (const c of [{ cooldown: 3000 }, { minLr: 0.02 }, { patience: 500 }]) {
      expect(final(trainPair({ ...DEAD_PLATEAU, ...c })), JSON.stringify(c)).toBeGreaterThan(exact.plateauLevel - 0.05);
    }
  });

  it('cuts sooner with the libraries\' defaults on the bouncing run', () => {
    const pair = trainPair({ ...BOUNCING, factor: LIBRARY_DEFAULTS.factor, patience: LIBRARY_DEFAULTS.patience });
    expect(pair.plateau.cuts[0]).toBeLessThan(exact.bouncing.plateau.cuts[0]);
  });
});

describe('lesson 10: the prose', () => {

  it('links only to lessons and glossary entries that exist', () => {
    const links = [...lesson.matchAll(/\]\((\.\.\/[^)]+)\)/g)].map((m) => m[1]);
    for (const link of links) {
      if (link.startsWith('../../glossary/#')) continue;
      const slug = link.replace(/^\.\.\//, '').replace(/\/$/, '');
      expect(() => readFileSync(new URL(`../../../content/lessons/${slug}.mdx`, import.meta.url))).not.toThrow();
    }
  });

  it('describes reduceOnPlateau as the trainer implements it', () => {
    // The lesson's formula η ← max(factor·η, min_lr), with min_lr reached and held.
    const s = reduceOnPlateau({ patience: 0, factor: 0.5, minLr: 0.3 });
    let rate = 1;
    const rates = [1, 1, 1, 1].map((loss) => (rate = s.next(loss, rate)));
    expect(rates).toEqual([1, 0.5, 0.3, 0.3]);
  });
});
