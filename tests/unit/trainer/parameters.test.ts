// The hidden width is read from the parameter vector's length (4H + 1) the same way by every
// function that is given parameters and no width, and a length that fits no network is refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyEndState, curvature, finiteDifferenceGradient, forward, hiddenWidthOf, initParams, lossAlong, lossAndGradient,
  lossIfZeroed, lossWithoutUnit, makeDataset, meanSquaredError, parameterCount, predict, predictAll, train, TrainerInputError, unitActivity,
  unitsIdentical,
} from '../../../src/trainer';

const data = makeDataset({ n: 40 });

describe('hiddenWidthOf', () => {
  it('reads H from a vector of 4H + 1 numbers', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), (H) => hiddenWidthOf(new Float64Array(parameterCount(H))) === H));
  });

  it('refuses any other length with a message naming it', () => {
    for (const length of [0, 1, 2, 4, 8, 10, 16, 18]) {
      expect(() => hiddenWidthOf(new Float64Array(length))).toThrow(TrainerInputError);
      expect(() => hiddenWidthOf(new Float64Array(length))).toThrow(new RegExp(`${length} numbers fit no network`));
    }
  });
});

describe('every function given parameters and no width', () => {
  const params = initParams({ seed: 5, hidden: 4 }); // 17 values: H = 4

  it('treats a 17-value vector as H = 4, exactly as when told H = 4', () => {
    expect(meanSquaredError(params, data)).toBe(meanSquaredError(params, data, 4));
    expect(unitActivity(params, data)).toEqual(unitActivity(params, data, 4));
    expect(lossAndGradient(params, data)).toEqual(lossAndGradient(params, data, 4));
    expect(forward(params, 0.5, -1)).toEqual(forward(params, 0.5, -1, 4));
    expect(predict(params, 0.5, -1)).toBe(predict(params, 0.5, -1, 4));
    expect(predictAll(params, data)).toEqual(predictAll(params, data, 4));
    expect(curvature(params, data)).toEqual(curvature(params, data, 4));
    expect(classifyEndState(params, data)).toEqual(classifyEndState(params, data, 4));
    expect(finiteDifferenceGradient(params, data)).toEqual(finiteDifferenceGradient(params, data, undefined, 4));
    expect(lossAlong(params, data, 0, [0, 1])).toEqual(lossAlong(params, data, 0, [0, 1], 4));
    expect(unitsIdentical(params)).toBe(unitsIdentical(params, 0, 1, 4));
    expect(lossIfZeroed(params, data)).toEqual(lossIfZeroed(params, data, 4));
    expect(lossWithoutUnit(params, data)).toEqual(lossWithoutUnit(params, data, 4));
  });

  it('refuses a vector whose length fits no network with the same message', () => {
    const bad = new Float64Array(10);
    const calls = [
      () => meanSquaredError(bad, data), () => unitActivity(bad, data), () => lossAndGradient(bad, data), () => forward(bad, 0, 0),
      () => predictAll(bad, data), () => curvature(bad, data), () => classifyEndState(bad, data), () => train({ data, params: bad, learningRate: 0.1, epochs: 1 }),
    ];
    for (const call of calls) expect(call).toThrow(/4H \+ 1.*10 numbers fit no network/);
  });
});
