import { describe, expect, it } from 'vitest';
import {
  checkPlateauOptions, checkStepDecayOptions, constantSchedule, reduceOnPlateau, stepDecay, makeSchedule, train, makeDataset, initParams,
  type Schedule, type ScheduleSpec,
} from '../../../src/trainer';

/** Feeds a loss sequence to a schedule and returns the rate after each epoch. */
function rates(schedule: Schedule, losses: number[], start = 1): number[] {
  let rate = start;
  return losses.map((loss) => (rate = schedule.next(loss, rate)));
}

describe('reduceOnPlateau', () => {
  it('cuts once bad epochs exceed patience, as PyTorch counts them', () => {
    const s = reduceOnPlateau({ patience: 2, factor: 0.5 });
    // epoch 1 improves on +∞; epochs 2, 3, 4 are bad; the third bad one (> 2) cuts.
    expect(rates(s, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25]);
    expect(s.cuts).toEqual([4, 7]);
  });

  it('cuts once bad epochs reach patience, as Keras counts them', () => {
    const s = reduceOnPlateau({ patience: 2, factor: 0.5, flavour: 'keras' });
    expect(rates(s, [1, 1, 1, 1, 1])).toEqual([1, 1, 0.5, 0.5, 0.25]);
  });

  it('resets the count whenever the loss improves by more than the threshold', () => {
    const s = reduceOnPlateau({ patience: 2, factor: 0.5 });
    expect(rates(s, [1, 1, 1, 0.5, 0.5, 0.5, 0.25])).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('treats a relative improvement smaller than the threshold as no improvement', () => {
    const rel = reduceOnPlateau({ patience: 1, factor: 0.5, threshold: 0.01 });
    // 0.995 is only 0.5% better than 1: bad.
    expect(rates(rel, [1, 0.995, 0.99])).toEqual([1, 1, 0.5]);
    const abs = reduceOnPlateau({ patience: 1, factor: 0.5, threshold: 0.01, thresholdMode: 'abs' });
    expect(rates(abs, [1, 0.995, 0.985])).toEqual([1, 1, 1]);
  });

  it('waits out the cooldown before counting bad epochs again', () => {
    const s = reduceOnPlateau({ patience: 0, factor: 0.5, cooldown: 2 });
    // patience 0: every bad epoch cuts, except during the two cooldown epochs after a cut.
    expect(rates(s, [1, 1, 1, 1, 1, 1])).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it('counts the epoch that ends a Keras cooldown, so Keras skips one bad epoch fewer than PyTorch', () => {
    // Keras decrements the cooldown counter and only then asks whether it is still cooling down.
    const keras = reduceOnPlateau({ patience: 1, factor: 0.5, cooldown: 2, flavour: 'keras' });
    expect(rates(keras, [1, 1, 1, 1, 1, 1])).toEqual([1, 0.5, 0.5, 0.25, 0.25, 0.125]);
    expect(keras.cuts).toEqual([2, 4, 6]);
    // Cooldown 1 in Keras changes nothing: the one cooldown epoch is counted anyway.
    const one = reduceOnPlateau({ patience: 1, factor: 0.5, cooldown: 1, flavour: 'keras' });
    const none = reduceOnPlateau({ patience: 1, factor: 0.5, cooldown: 0, flavour: 'keras' });
    expect(rates(one, [1, 1, 1, 1, 1, 1])).toEqual(rates(none, [1, 1, 1, 1, 1, 1]));
    const torch = reduceOnPlateau({ patience: 1, factor: 0.5, cooldown: 2 });
    expect(rates(torch, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
    expect(torch.cuts).toEqual([3, 7]);
  });

  it('never cuts below min_lr', () => {
    const s = reduceOnPlateau({ patience: 0, factor: 0.1, minLr: 0.05 });
    expect(rates(s, [1, 1, 1, 1])).toEqual([1, 0.1, 0.05, 0.05]);
    expect(s.cuts).toEqual([2, 3]);
  });

  it('lowers the trainer’s rate on a plateau and marks the cut', () => {
    const run = train({
      data: makeDataset(), params: initParams({ preset: 'zeros' }), learningRate: 0.1, epochs: 40,
      schedule: reduceOnPlateau({ patience: 5, factor: 0.5 }),
    });
    // All-zero start: only B3 moves and it is already optimal on standardised data — a perfect plateau.
    expect(run.cuts.length).toBeGreaterThan(0);
    expect(run.learningRates[run.learningRates.length - 1]).toBeLessThan(0.1);
  });

  it('keeps the rate fixed with the constant schedule', () => {
    const s = constantSchedule();
    expect(s.next(1, 0.3)).toBe(0.3);
  });

  it('refuses options neither library would take, saying which', () => {
    for (const factor of [0, 1, 1.5, -1, NaN, Infinity]) expect(() => reduceOnPlateau({ factor }), `factor ${factor}`).toThrow(/factor/);
    expect(() => reduceOnPlateau({ patience: 2.5 })).toThrow(/patience/);
    expect(() => reduceOnPlateau({ patience: -1 })).toThrow(/patience/);
    expect(() => reduceOnPlateau({ threshold: -1e-4 })).toThrow(/threshold/);
    expect(() => reduceOnPlateau({ cooldown: 1e308 })).toThrow(/cooldown/);
    expect(() => reduceOnPlateau({ minLr: -1 })).toThrow(/min_lr/);
    expect(checkPlateauOptions({ factor: 0.5, patience: 0, threshold: 0, cooldown: 0, minLr: 0 })).toEqual([]);
  });
});

describe('stepDecay', () => {
  it('multiplies the rate by γ after every k epochs, as StepLR does', () => {
    const s = stepDecay({ stepSize: 3, gamma: 0.5 });
    expect(rates(s, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
    expect(s.cuts).toEqual([3, 6]);
  });

  it('never looks at the loss: falling, flat or rising, the cuts come at the same epochs', () => {
    const falling = rates(stepDecay({ stepSize: 2 }), [5, 4, 3, 2, 1]);
    const rising = rates(stepDecay({ stepSize: 2 }), [1, 2, 3, 4, 5]);
    expect(falling).toEqual(rising);
    expect(falling).toEqual([1, 0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1]);
  });

  it('gives the trainer η₀·γ^⌊e/k⌋ in epoch e, and marks each cut', () => {
    const run = train({
      data: makeDataset({ n: 40 }), params: initParams(), learningRate: 0.2, epochs: 25,
      schedule: makeSchedule({ kind: 'step-decay', stepSize: 10, gamma: 0.3 }),
    });
    expect(Array.from(run.learningRates)).toEqual(Array.from({ length: 25 }, (_, e) => (e < 10 ? 0.2 : e < 20 ? 0.2 * 0.3 : 0.2 * 0.3 * 0.3)));
    expect(run.cuts).toEqual([10, 20]);
    expect(run.finalLearningRate).toBe(0.2 * 0.3 * 0.3);
  });

  it('survives structured cloning as plain data', () => {
    const spec = structuredClone({ kind: 'step-decay', stepSize: 4 }) as ScheduleSpec;
    expect(rates(makeSchedule(spec), [1, 1, 1, 1])).toEqual([1, 1, 1, 0.1]);
  });

  it('refuses a step size or γ that would not decay, in words', () => {
    for (const stepSize of [0, -1, 2.5, NaN, Infinity]) expect(() => stepDecay({ stepSize }), `k = ${stepSize}`).toThrow(/step size/);
    for (const gamma of [0, 1, 2, -0.5, NaN]) expect(() => stepDecay({ stepSize: 5, gamma }), `γ = ${gamma}`).toThrow(/γ/);
    expect(() => makeSchedule({ kind: 'step-decay' } as unknown as ScheduleSpec)).toThrow(/step size/);
    expect(checkStepDecayOptions({ stepSize: 1, gamma: 0.5 })).toEqual([]);
  });
});
