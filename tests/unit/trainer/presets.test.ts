import { describe, expect, it } from 'vitest';
import {
  B1, DEAD_UNIT_B1, HAND_MADE_V, HE_SEED, initParams, makeDataset, meanSquaredError, PARAMETER_NAMES, presetParameters,
  toNamed, TRAINED_RUN, train, trainedParameters, TrainerInputError, unitActivity, W1, WRITEUP_EXAMPLE, type StartingPreset,
} from '../../../src/trainer';

const data = makeDataset();

describe('presetParameters', () => {
  it('loads the write-up’s printed values, all zeros and the He start of seed 1', () => {
    expect(toNamed(presetParameters('writeup-example'))).toEqual(WRITEUP_EXAMPLE);
    expect(Array.from(presetParameters('zeros'))).toEqual(new Array(9).fill(0));
    expect(HE_SEED).toBe(1);
    expect(presetParameters('he')).toEqual(initParams({ preset: 'he', seed: 1 }));
    expect(presetParameters('he', { seed: 2 })).toEqual(initParams({ preset: 'he', seed: 2 }));
  });

  it('has a dead-unit start whose h1 is off on every sample of the default data, and only B1 differs from He', () => {
    const dead = presetParameters('dead-unit');
    expect(unitActivity(dead, data).states[0]).toBe('dead');
    const he = presetParameters('he');
    PARAMETER_NAMES.forEach((_, j) => expect(dead[j]).toBe(j === B1 ? DEAD_UNIT_B1 : he[j]));
  });

  it('gives the hand-made V as two mirror-image hinges with a shared x2 weight', () => {
    const v = toNamed(presetParameters('hand-v'));
    expect(v).toEqual(HAND_MADE_V);
    expect(v.W2).toBe(-v.W1);
    expect(v.W3).toBe(v.W4);
    expect([v.W5, v.W6, v.B1, v.B2]).toEqual([1, 1, 0, 0]);
  });

  it('trains the He start (seed 1) on the data it is given, to well below both baselines', () => {
    const trained = trainedParameters(data);
    const run = train({ data, params: initParams({ preset: 'he', seed: TRAINED_RUN.seed }), learningRate: TRAINED_RUN.learningRate, epochs: TRAINED_RUN.epochs });
    expect(trained).toEqual(run.params);
    expect(meanSquaredError(trained, data)).toBeLessThan(0.1);
    expect(trainedParameters(data, { decimals: 4 })).toEqual(trained.map((v) => Math.round(v * 1e4) / 1e4 || 0));
  });

  it('rounds to the decimals asked for (the 4 a parameter field shows), with no negative zero', () => {
    const exact = presetParameters('he');
    const rounded = presetParameters('he', { decimals: 4 });
    rounded.forEach((v, i) => expect(v).toBe(Math.round(exact[i] * 1e4) / 1e4 || 0));
    expect(rounded).not.toEqual(exact);
    expect(presetParameters('writeup-example', { decimals: 4 })[W1]).toBe(-0.46);
    expect(Array.from(presetParameters('zeros', { decimals: 4 }), (v) => Object.is(v, -0))).not.toContain(true);
  });

  it('returns a fresh copy each time', () => {
    for (const preset of ['he', 'hand-v', 'writeup-example'] as StartingPreset[]) {
      const a = presetParameters(preset);
      a[0] = 99;
      expect(presetParameters(preset)[0]).not.toBe(99);
    }
  });

  it('refuses a start it does not know with a message', () => {
    expect(() => presetParameters('nonsense' as StartingPreset)).toThrow(TrainerInputError);
  });
});
