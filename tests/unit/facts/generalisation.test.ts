// Lesson 19's claims, each checked against the trainer or an independent computation: the noise
// floor by enumerating the noise, the widget's run as the lesson describes it, the penalty's
// partial by central differences, and the verdicts over 100 draws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXERCISE_NOISE, generalisationFacts as f, WIDGET_DEFAULTS, WORKED_LAMBDA } from '../../../src/facts/generalisation';
import generalisationCache from '../../../src/facts/cache/generalisation.json';
import { GENERALISATION_ARMS, OVERFIT_SETUP } from '../../../src/facts/cache/generalisation';
import type { CacheFile } from '../../../src/facts/cache/runs';
import { runGeneralisation, trueTargets } from '../../../src/experiments/generalisation/run';
import { l2Penalty, makeDataset, meanSquaredError, predictAll, presetParameters, W5, B1 } from '../../../src/trainer';

const lesson = readFileSync(new URL('../../../content/lessons/19-generalisation.mdx', import.meta.url), 'utf8');
const { exact } = f;

/** Var(b) for b uniform on the whole numbers lo … hi, by listing them. */
function enumeratedVariance([lo, hi]: readonly [number, number]): number {
  const values = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
}

describe('lesson 19: the noise floor', () => {
  it('is the noise variance over the square of the data’s scale, the variance found by listing the noise values', () => {
    const data = makeDataset();
    expect(exact.defaultFloor).toBeCloseTo(enumeratedVariance(data.options.noiseRange) / data.scaling.y.scale ** 2, 14);
    expect(exact.exerciseVariance).toBeCloseTo(enumeratedVariance(EXERCISE_NOISE), 14);
    expect(exact.widgetFloorRaw).toBeCloseTo(enumeratedVariance([WIDGET_DEFAULTS.noiseLow, WIDGET_DEFAULTS.noiseHigh]), 14);
  });

  it('lies far below the trained two-unit network’s loss, which is therefore limited by its shape', () => {
    expect(exact.trainedLoss / exact.defaultFloor).toBeGreaterThan(5);
  });
});

describe('lesson 19: the widget’s run', () => {
  const { run } = exact;

  it('is the first draw of the cached experiment (the widget’s defaults are its setup with seed 1)', () => {
    const records = (generalisationCache as CacheFile).records;
    const first = GENERALISATION_ARMS.overfit[0];
    expect(first.seed).toBe(1);
    expect(WIDGET_DEFAULTS).toMatchObject({ n: OVERFIT_SETUP.n, testFraction: OVERFIT_SETUP.testFraction, hidden: OVERFIT_SETUP.hidden, learningRate: OVERFIT_SETUP.learningRate, epochs: OVERFIT_SETUP.epochs, patience: OVERFIT_SETUP.patience, noiseLow: OVERFIT_SETUP.noiseRange[0], noiseHigh: OVERFIT_SETUP.noiseRange[1], dataSeed: 1, splitSeed: 1, initSeed: 1, weightDecay: 0 });
    const record = records[0].heldOut!;
    expect(record.testEnd).toBe(run.testEnd);
    expect(record.bestEpoch).toBe(run.bestEpoch);
    expect(record.floor).toBe(run.floor);
  });

  it('goes below the floor at the epoch the lesson names, and ends far below it', () => {
    const again = runGeneralisation(WIDGET_DEFAULTS);
    const first = again.trainLosses.findIndex((l) => l < again.floor);
    expect(first).toBe(run.belowFloorAt);
    expect(again.trainLosses[first - 1]).toBeGreaterThanOrEqual(again.floor);
    expect(run.trainEnd).toBeLessThan(run.floor / 10);
  });

  it('has its held-out loss lowest at the marked epoch, then climbing to nearly the mean’s baseline', () => {
    const again = runGeneralisation(WIDGET_DEFAULTS);
    const lowest = Math.min(...again.testLosses.subarray(0, again.stopEpoch + 1));
    expect(again.testLosses[run.bestEpoch]).toBe(lowest);
    expect(run.testEnd).toBeGreaterThan(2 * run.bestTest);
    expect(1 - run.testEnd / run.testBaseline).toBeLessThan(0.2);
  });

  it('is one of the worse draws: its held-out loss is above the median of the hundred', () => {
    expect(run.testEnd).toBeGreaterThan(exact.medianTestEnd.overfit);
  });

  it('at early stopping’s epoch predicts the noise-free truth more closely than after the last epoch, on both parts', () => {
    const again = runGeneralisation(WIDGET_DEFAULTS);
    const distance = (params: Float64Array, part: typeof again.split.train) => {
      const truth = trueTargets(part);
      const predicted = predictAll(params, part, WIDGET_DEFAULTS.hidden);
      return truth.reduce((sum, t, i) => sum + (predicted[i] - t) ** 2, 0) / truth.length;
    };
    for (const part of [again.split.train, again.split.test]) expect(distance(again.bestParams, part)).toBeLessThan(distance(again.params, part));
  });

  it('keeps, at early stopping’s epoch, parameters whose held-out loss is the one recorded for that epoch', () => {
    const again = runGeneralisation(WIDGET_DEFAULTS);
    const heldOut = again.split.test;
    expect(meanSquaredError(again.bestParams, heldOut, WIDGET_DEFAULTS.hidden)).toBe(again.bestTestLoss);
  });
});

describe('lesson 19: weight decay', () => {
  it('adds 2λW to a weight’s partial and nothing to a bias’s, as central differences of the penalty say', () => {
    const params = presetParameters('he');
    const h = 1e-6;
    const slope = (j: number) => {
      const up = Float64Array.from(params), down = Float64Array.from(params);
      up[j] += h;
      down[j] -= h;
      return (l2Penalty(up, WORKED_LAMBDA) - l2Penalty(down, WORKED_LAMBDA)) / (2 * h);
    };
    expect(exact.decayWorked.dW5Decayed - exact.decayWorked.dW5).toBeCloseTo(slope(W5), 8);
    expect(slope(B1)).toBe(0);
    expect(f.decayWorked.b1Unchanged).toBe(true);
  });
});

describe('lesson 19: over 100 draws', () => {
  it('the sixteen-unit network memorises in nearly every draw and early stopping beats training on', () => {
    expect(exact.belowFloor.overfit).toBeGreaterThanOrEqual(95);
    expect(exact.earlyBetter).toBeGreaterThanOrEqual(90);
  });

  it('early stopping and λ = 0.01 roughly halve the median held-out loss and do about as well as each other', () => {
    const m = exact.medianTestEnd;
    expect(m.early).toBeLessThan(0.6 * m.overfit);
    expect(m['0.01']).toBeLessThan(0.6 * m.overfit);
    expect(Math.abs(m['0.01'] / m.early - 1)).toBeLessThan(0.2);
  });

  it('a small penalty helps in most draws; λ = 0.1 keeps every training loss above the floor and helps in about half', () => {
    expect(exact.decayBetter['0.001']).toBeGreaterThan(75);
    expect(exact.decayBetter['0.01']).toBeGreaterThan(75);
    expect(exact.decayBetter['0.1']).toBeLessThan(60);
    expect(lesson).toContain('training loss stays above the floor in every draw');
    expect(f.draws.decay[2].belowFloor.startsWith('0 of')).toBe(true);
    expect(Math.abs(exact.medianTestEnd['0.1'] / exact.medianTestEnd.overfit - 1)).toBeLessThan(0.2);
  });

  it('ten times the samples leaves a held-out loss near the floor; two units rarely go below it', () => {
    expect(exact.moreSamplesOverFloor).toBeLessThan(1.5);
    expect(exact.belowFloor.twoUnits).toBeLessThan(exact.belowFloor.overfit);
  });
});
