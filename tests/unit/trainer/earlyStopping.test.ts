import { describe, expect, it } from 'vitest';
import { earlyStopping, initParams, makeDataset, splitDataset, train, TrainerInputError } from '../../../src/trainer';

describe('earlyStopping', () => {
  it('stops after `patience` epochs in a row without a new best, and keeps the best epoch', () => {
    //                  0    1    2    3    4    5    6
    const losses = [5, 4, 3, 3.5, 3.2, 3.1, 2.9];
    expect(earlyStopping(losses, { patience: 3 })).toEqual({ bestEpoch: 2, bestLoss: 3, stopEpoch: 5, stopped: true });
    expect(earlyStopping(losses, { patience: 4 })).toEqual({ bestEpoch: 6, bestLoss: 2.9, stopEpoch: 6, stopped: false });
    expect(earlyStopping(losses, { patience: 1 })).toMatchObject({ bestEpoch: 2, stopEpoch: 3 });
  });

  it('counts an improvement only when it beats the best by more than minDelta', () => {
    expect(earlyStopping([1, 0.95, 0.9, 0.85], { patience: 2, minDelta: 0.1 })).toMatchObject({ bestEpoch: 0, stopEpoch: 2, stopped: true });
    expect(earlyStopping([1, 0.95, 0.9, 0.85], { patience: 2, minDelta: 0.01 })).toMatchObject({ bestEpoch: 3, stopped: false });
  });

  it('finds the turn of an overfitting run: the held-out loss rises while the training loss still falls', () => {
    // Twenty training samples and sixteen hidden units: the network can fit their noise, and the held-out loss turns up.
    const split = splitDataset(makeDataset({ n: 40, seed: 5 }), { testFraction: 0.5, seed: 1 });
    const run = train({ data: split.train, params: initParams({ seed: 2, hidden: 16 }), hidden: 16, learningRate: 0.05, epochs: 4000, heldOut: split.test });
    const stop = earlyStopping(run.heldOutLosses!, { patience: 200 });
    expect(stop.stopped).toBe(true);
    expect(run.heldOutLosses![stop.stopEpoch]).toBeGreaterThan(stop.bestLoss);
    expect(run.losses[stop.stopEpoch]).toBeLessThan(run.losses[stop.bestEpoch]);
  });

  it('refuses a patience below 1 or a negative margin', () => {
    for (const patience of [0, -1, 1.5]) expect(() => earlyStopping([1], { patience })).toThrow(TrainerInputError);
    expect(() => earlyStopping([1], { minDelta: -0.1 })).toThrow(/improvement/);
  });
});
