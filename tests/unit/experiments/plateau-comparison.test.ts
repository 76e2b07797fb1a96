import { describe, expect, it } from 'vitest';
import { initParams, makeDataset, reduceOnPlateau, train, type SweepRun } from '../../../src/trainer';
import { pairKey, plateauComparisonSettings } from '../../../src/experiments/plateau/comparison-settings';
import { advancePair, pairDone, pairSteps, pairView, runState, startPair, trainPair, type RunView } from '../../../src/experiments/plateau/pair';
import { median, pairRuns, summarise, verdict, type PairedOutcome } from '../../../src/experiments/plateau/paired';
import { plateauOptions } from '../../../src/experiments/plateau/settings';

const defaults = plateauComparisonSettings.defaults;
const short = { ...defaults, epochs: 600, patience: 20 };

describe('the plateau widget’s settings', () => {
  it('opens a link from before the schema at the same settings', () => {
    // Written by the old serializePlateauConfig: every key, in its order.
    const old = 'init=writeup&initSeed=62&learningRate=0.03&epochs=5000&factor=0.25&patience=7&threshold=0.001&thresholdMode=abs&cooldown=3&minLr=0.0001&flavour=keras&seeds=12';
    const { config, notices } = plateauComparisonSettings.parse(new URLSearchParams(old));
    expect(notices).toEqual([]);
    expect(config).toEqual({ init: 'writeup', initSeed: 62, learningRate: 0.03, epochs: 5000, factor: 0.25, patience: 7, threshold: 0.001, thresholdMode: 'abs', cooldown: 3, minLr: 0.0001, flavour: 'keras', seeds: 12 });
    expect(plateauComparisonSettings.serialise(config).toString()).toBe(old);
  });

  it('starts where lesson 10’s first widget starts', () => {
    expect(defaults).toEqual({ init: 'he', initSeed: 2, learningRate: 0.1, epochs: 5000, factor: 0.5, patience: 200, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, flavour: 'pytorch', seeds: 30 });
  });

  it('refuses garbled values with the field’s own message and ignores unknown settings', () => {
    const { config, notices } = plateauComparisonSettings.parse({ patience: '2.5', seeds: '1000', colour: 'red', epochs: '1e308', init: 'zeros', factor: '0' });
    expect(config).toEqual(defaults);
    expect(notices).toHaveLength(6);
    expect(notices.join(' ')).toMatch(/unknown setting “colour”/);
    expect(notices.join(' ')).toMatch(/factor must be above 0/);
  });

  it('keys the pair by everything but the comparison’s size', () => {
    expect(pairKey({ ...defaults, seeds: 100 })).toBe(pairKey(defaults));
    expect(pairKey({ ...defaults, patience: 7 })).not.toBe(pairKey(defaults));
  });
});

describe('the pair of runs', () => {
  it('trains both from the same start, the fixed one exactly as train() would, the other with the schedule', () => {
    const pair = trainPair(short);
    const data = makeDataset();
    const params = initParams({ preset: short.init, seed: short.initSeed });
    const fixed = train({ data, params, learningRate: short.learningRate, epochs: short.epochs });
    const plateau = train({ data, params, learningRate: short.learningRate, epochs: short.epochs, schedule: reduceOnPlateau(plateauOptions(short)) });
    expect(Array.from(pair.fixed.losses)).toEqual(Array.from(fixed.losses));
    expect(Array.from(pair.plateau.losses)).toEqual(Array.from(plateau.losses));
    expect(pair.plateau.cuts).toEqual(plateau.cuts);
    expect(pair.plateau.cuts.length).toBeGreaterThan(0);
  });

  it('advances in slices to exactly the same state as in one go, and stops at the planned length', () => {
    const pair = startPair(short);
    while (!pairDone(pair)) advancePair(pair, 37);
    const sliced = startPair(short);
    const steps = pairSteps(sliced, 41);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toBe(sliced);
    expect(Array.from(sliced.plateau.losses)).toEqual(Array.from(pair.plateau.losses));
    expect(pair.fixed.epoch).toBe(short.epochs);
    expect(Array.from(pair.plateau.losses)).toEqual(Array.from(trainPair(short).plateau.losses));
    advancePair(pair, 100);
    expect(pair.plateau.epoch).toBe(short.epochs);
  });

  it('stops a diverged run early and still counts the pair as done', () => {
    const pair = trainPair({ ...short, init: 'writeup', initSeed: 12, learningRate: 0.03 });
    expect(pair.fixed.status).toBe('diverged');
    expect(pairDone(pair)).toBe(true);
    const view = pairView(pair);
    expect(view.fixed.divergedAt).toBeGreaterThan(0);
    expect(runState(view.fixed, view.varY, 0.03)).toEqual({ kind: 'diverged', epoch: view.fixed.divergedAt });
  });
});

describe('how a run stands', () => {
  const run = (losses: number[], rate = 0.1, cuts: number[] = []): RunView => ({ losses: losses.slice(0, -1), current: losses[losses.length - 1], rates: losses.slice(0, -1).map(() => rate), rate, divergedAt: -1, cuts });
  const flat = (level: number, n = 200) => Array.from({ length: n }, () => level);

  it('calls a run frozen on the mean’s loss stuck, not training normally (lesson 10’s dead-unit plateau)', () => {
    const dead = pairView(trainPair({ ...defaults, init: 'writeup', initSeed: 62, learningRate: 0.03 }));
    expect(runState(dead.plateau, dead.varY, 0.03)).toMatchObject({ kind: 'stuck', rate: dead.plateau.rate });
    expect(dead.plateau.rate).toBeLessThan(1e-7);
    // The fixed run from the same start is still (slowly) escaping.
    expect(runState(dead.fixed, dead.varY, 0.03).kind).toBe('improving');
    expect(runState(run(flat(1)), 1, 0.1).kind).toBe('stuck');
  });

  it('tells a settled run, a bouncing one and one still improving apart', () => {
    expect(runState(run(flat(0.05)), 1, 0.1).kind).toBe('settled');
    expect(runState(run(Array.from({ length: 200 }, (_, e) => (e % 2 ? 0.3 : 0.2))), 1, 0.1)).toMatchObject({ kind: 'bouncing' });
    expect(runState(run(Array.from({ length: 200 }, (_, e) => 1 / (e + 2))), 1, 0.1).kind).toBe('improving');
    expect(runState(run([0.5]), 1, 0.1).kind).toBe('starting');
    // Rounding wobbles of a part in 10¹⁶ are not rises.
    expect(runState(run(Array.from({ length: 200 }, (_, e) => 0.05 * (1 + (e % 2) * 1e-15))), 1, 0.1).kind).toBe('settled');
  });
});

describe('the paired comparison', () => {
  const run = (seed: number, status: 'ok' | 'diverged', finalLoss: number, cuts: number[] = []): SweepRun => ({ seed, status, finalLoss, rSquared: 1 - finalLoss, epochs: 10, units: ['hinge', 'hinge'], cuts, finalRate: 0.1 });

  it('judges each seed: better or worse beyond a hundredth of Var(y), the same within it, divergences apart', () => {
    const o = (f: number, p: number, fd = false, pd = false): PairedOutcome => ({ seed: 1, fixed: { diverged: fd, loss: f }, plateau: { diverged: pd, loss: p, cuts: 0, finalRate: 0.1 } });
    expect(verdict(o(0.1, 0.05), 1)).toBe('better');
    expect(verdict(o(0.05, 0.1), 1)).toBe('worse');
    expect(verdict(o(0.05, 0.055), 1)).toBe('same');
    // The margin scales with the baseline: on data with Var(y) = 0.1 the same gap is a real difference.
    expect(verdict(o(0.05, 0.055), 0.1)).toBe('worse');
    expect(verdict(o(1, 1, true, true), 1)).toBe('both diverged');
    expect(verdict(o(1, 0.5, true, false), 1)).toBe('only fixed diverged');
    expect(verdict(o(0.5, 1, false, true), 1)).toBe('only schedule diverged');
  });

  it('pairs the two halves of a sweep seed by seed, leaving out seeds that have not finished both ways', () => {
    const fixed = [run(1, 'ok', 0.2), run(2, 'diverged', 9), undefined, run(4, 'ok', 0.5)];
    const plateau = [run(1, 'ok', 0.1, [300]), run(2, 'diverged', 9), run(3, 'ok', 0.3), undefined];
    const pairs = pairRuns(fixed, plateau);
    expect(pairs.map((p) => p.seed)).toEqual([1, 2]);
    expect(pairs[0].plateau.cuts).toBe(1);
    const s = summarise(pairs, 1);
    expect(s.counts).toMatchObject({ better: 1, 'both diverged': 1 });
    expect(s.medianFixed).toBe(0.2);
    expect(s.compared).toBe(1);
  });

  it('takes medians of odd and even counts, and of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

});
