import { describe, expect, it } from 'vitest';
import { type TrainingConsoleConfig, trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { advance, currentLoss, lossHistory, runTo, startRun } from '../../../src/experiments/training-console/run';
import { initParams, makeDataset, train } from '../../../src/trainer';

const base: TrainingConsoleConfig = { ...trainingConsoleSettings.defaults, epoch: 0 };

describe('the console run', () => {
  it('trains exactly as the trainer does from the same seeds', () => {
    const run = runTo(base, 300);
    const direct = train({ data: makeDataset(), params: initParams({ preset: 'he', seed: 1 }), learningRate: 0.05, epochs: 300 });
    expect(Array.from(run.trainer.params)).toEqual(Array.from(direct.params));
    expect(Array.from(run.trainer.losses)).toEqual(Array.from(direct.losses));
  });

  it('replays to an earlier epoch exactly, so step back then step gives the identical loss', () => {
    const forward = runTo(base, 120);
    const back = runTo(base, 119);
    advance(back, 1);
    expect(currentLoss(back)).toBe(currentLoss(forward));
    expect(Array.from(back.trainer.params)).toEqual(Array.from(forward.trainer.params));
  });

  it('replays mini-batch runs exactly too: the shuffling follows the starting seed', () => {
    const config = { ...base, batchSize: 10 as const };
    const a = runTo(config, 7);
    const b = runTo(config, 6);
    advance(b, 1);
    expect(Array.from(b.trainer.params)).toEqual(Array.from(a.trainer.params));
  });

  it('switches the rate at the epochs of the rate changes, however the epochs are split into steps', () => {
    const config = { ...base, rateChanges: [{ epoch: 5, rate: 0.5 }, { epoch: 9, rate: 0.001 }] };
    const whole = runTo(config, 12);
    const pieces = startRun(config);
    for (const n of [1, 3, 2, 4, 2]) advance(pieces, n);
    expect(pieces.trainer.epoch).toBe(12);
    expect(Array.from(pieces.trainer.learningRates)).toEqual([0.05, 0.05, 0.05, 0.05, 0.05, 0.5, 0.5, 0.5, 0.5, 0.001, 0.001, 0.001]);
    expect(Array.from(pieces.trainer.params)).toEqual(Array.from(whole.trainer.params));
  });

  it('never runs past the epoch limit', () => {
    const run = startRun({ ...base, maxEpochs: 20 });
    expect(advance(run, 50)).toBe(20);
    expect(advance(run, 1)).toBe(0);
  });

  it('stops at a divergence and reports an infinite current loss rather than NaN', () => {
    const run = startRun({ ...base, learningRate: 1000 });
    advance(run, 100);
    expect(run.trainer.status).toBe('diverged');
    expect(Number.isNaN(currentLoss(run))).toBe(false);
    const history = lossHistory(run);
    expect(history.length).toBe(run.trainer.epoch + 1);
  });

  it('starts from exact values when the config gives them', () => {
    const run = startRun({ ...base, start: [0, 0, 0, 0, 0, 0, -1, -1, 2] });
    expect(Array.from(run.start)).toEqual([0, 0, 0, 0, 0, 0, -1, -1, 2]);
    expect(currentLoss(run)).toBeCloseTo(5, 10);
  });
});
