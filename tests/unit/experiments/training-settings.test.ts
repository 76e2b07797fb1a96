import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initParams } from '../../../src/trainer/init';
import { defineSettings } from '../../../src/experiments/settings/schema';
import { numberField } from '../../../src/experiments/settings/fields';
import {
  batchRule,
  initField,
  initOptions,
  learningRateField,
  parseLearningRate,
  parseRateChanges,
  parseStart,
  rateAt,
  startingValues,
  startRules,
  TRAINING_FIELDS,
} from '../../../src/experiments/training/settings';

const schema = defineSettings({ ...TRAINING_FIELDS, n: numberField({ label: 'Samples', min: 1, max: 10_000, integer: true, default: 300 }) }, [
  ...startRules(),
  batchRule(),
]);

describe('the training settings group', () => {
  it('has the console’s defaults and reads every setting as a link writes it', () => {
    expect(schema.defaults).toMatchObject({ init: 'he', initSeed: 1, start: null, hidden: 2, learningRate: 0.05, rateChanges: [], batchSize: 'full' });
    const { config, notices } = schema.parse(new URLSearchParams('init=writeup&initSeed=7&hidden=3&learningRate=0.5&rateChanges=200:0.1,100:0.3&batchSize=32&start='));
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ init: 'writeup', initSeed: 7, hidden: 3, learningRate: 0.5, rateChanges: [{ epoch: 100, rate: 0.3 }, { epoch: 200, rate: 0.1 }], batchSize: 32, start: null });
  });

  it('writes what it reads back to the same settings', () => {
    fc.assert(
      fc.property(
        fc.record({
          initSeed: fc.integer({ min: 0, max: 999_999_999 }),
          hidden: fc.integer({ min: 1, max: 16 }),
          learningRate: fc.double({ min: 0.0001, max: 10_000, noNaN: true }),
          batchSize: fc.oneof(fc.constant<'full'>('full'), fc.integer({ min: 1, max: 300 })),
        }),
        (partial) => {
          const config = { ...schema.defaults, ...partial };
          expect(schema.parse(schema.serialise(config))).toEqual({ config, notices: [] });
        },
      ),
    );
  });

  it('accepts “all” for the full batch and refuses a batch larger than the data', () => {
    expect(schema.parse({ batchSize: 'ALL' }).config.batchSize).toBe('full');
    const { config, notices } = schema.parse({ batchSize: '500', n: '100' });
    expect(config.batchSize).toBe('full');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/batch of 500 samples is more than the 100/);
  });

  it('refuses exact starting values that do not fit the width, and the printed example at another width', () => {
    const wrong = schema.parse({ start: '1,2,3', hidden: '2' });
    expect(wrong.config.start).toBeNull();
    expect(wrong.notices[0]).toMatch(/2 hidden units has 9 parameters, but 3/);
    const example = schema.parse({ init: 'writeup-example', hidden: '3' });
    expect(example.config.init).toBe('he');
    expect(example.notices[0]).toMatch(/printed example/);
    expect(schema.parse({ start: Array(13).fill(0.5).join(','), hidden: '3' }).notices).toEqual([]);
  });

  it('explains a negative learning rate, at any range a widget gives it', () => {
    const narrow = learningRateField({ default: 0.1, max: 10 });
    expect(narrow.read('-1')).toMatchObject({ ok: false, message: expect.stringMatching(/must be positive.*from 0.0001 to 10\./) });
    expect(narrow.read('20')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 10/) });
    expect(parseLearningRate('−0.5')).toMatchObject({ ok: false, message: expect.stringMatching(/step uphill.*10,000/) });
    expect(parseLearningRate('0.05')).toEqual({ ok: true, value: 0.05 });
    expect(narrow.log).toBe(true);
  });

  it('offers a subset of the starting presets when a widget asks for it', () => {
    const field = initField<'he' | 'writeup'>({ default: 'writeup', options: initOptions(['he', 'writeup']) });
    expect(field.options.map((o) => o.value)).toEqual(['he', 'writeup']);
    expect(field.read('Writeup')).toEqual({ ok: true, value: 'writeup' });
    expect(field.read('zeros').ok).toBe(false);
  });

  it('starts from the exact values when given, else from the preset and its seed', () => {
    const config = { ...schema.defaults, init: 'writeup' as const, initSeed: 4 };
    expect(startingValues(config)).toEqual(initParams({ preset: 'writeup', seed: 4 }));
    expect(Array.from(startingValues({ ...config, start: [1, 2, 3, 4, 5, 6, 7, 8, 9] }))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parseStart(' none ')).toEqual({ ok: true, value: null });
    expect(parseStart('1, x')).toMatchObject({ ok: false, message: expect.stringMatching(/Starting value 2/) });
  });

  it('keeps the rate changes in epoch order and gives the rate in force at any epoch', () => {
    expect(parseRateChanges('300:0.1, 100:0.5,300:0.2')).toEqual({ ok: true, value: [{ epoch: 100, rate: 0.5 }, { epoch: 300, rate: 0.2 }] });
    for (const bad of ['100', '0:0.1', '10:-1', '5:1:2']) expect(parseRateChanges(bad).ok).toBe(false);
    const c = { learningRate: 0.05, rateChanges: [{ epoch: 10, rate: 0.5 }, { epoch: 20, rate: 0.01 }] };
    expect([0, 9, 10, 19, 20, 1000].map((e) => rateAt(c, e))).toEqual([0.05, 0.05, 0.5, 0.5, 0.01, 0.01]);
  });
});
