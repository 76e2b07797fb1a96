import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeChanges,
  parseLearningRate,
  parseRateChanges,
  parseTrainingConsoleConfig,
  rateAt,
  serializeTrainingConsoleConfig,
  TRAINING_CONSOLE_DEFAULTS,
  TRAINING_CONSOLE_KEYS,
  type TrainingConsoleConfig,
} from '../../../src/widgets/training-console/config';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

describe('parseTrainingConsoleConfig', () => {
  it('gives the defaults, with no notices, for an empty source', () => {
    expect(parseTrainingConsoleConfig({})).toEqual({ config: TRAINING_CONSOLE_DEFAULTS, notices: [] });
    expect(parseTrainingConsoleConfig(new URLSearchParams())).toEqual({ config: TRAINING_CONSOLE_DEFAULTS, notices: [] });
  });

  it('reads every setting from a query string, including the run state', () => {
    const { config, notices } = parseTrainingConsoleConfig(
      new URLSearchParams(
        'n=200&scaling=minmax&dataSeed=3&init=writeup&initSeed=9&hidden=4&learningRate=0.01&rateChanges=500:0.1,100:0.02' +
          '&batchSize=32&epoch=750&maxEpochs=5000&speed=100&yScale=linear&panels=fit,loss',
      ),
    );
    expect(notices).toEqual([]);
    expect(config).toMatchObject({
      n: 200, scaling: 'minmax', dataSeed: 3, init: 'writeup', initSeed: 9, hidden: 4, learningRate: 0.01,
      rateChanges: [{ epoch: 100, rate: 0.02 }, { epoch: 500, rate: 0.1 }],
      batchSize: 32, epoch: 750, maxEpochs: 5000, speed: 100, yScale: 'linear', panels: ['loss', 'fit'],
    });
  });

  it('reads exact starting values and checks their number against the hidden width', () => {
    expect(parseTrainingConsoleConfig({ start: '0,0,0,0,0,0,-1,-1,2' }).config.start).toEqual([0, 0, 0, 0, 0, 0, -1, -1, 2]);
    const wrong = parseTrainingConsoleConfig({ start: '1,2,3', hidden: '2' });
    expect(wrong.config.start).toBeNull();
    expect(wrong.notices[0]).toMatch(/2 hidden units has 9 parameters, but 3 starting values were given/);
    expect(parseTrainingConsoleConfig({ start: '1,abc' }).notices[0]).toMatch(/“abc” is not a number/);
  });

  it('round-trips every config through serialize and parse, so a link restores the run exactly', () => {
    const arbitrary = fc.record({
      learningRate: fc.constantFrom(0.0001, 0.05, 0.5, 1000),
      epoch: fc.integer({ min: 0, max: 5000 }),
      initSeed: fc.integer({ min: 0, max: 999_999_999 }),
      hidden: fc.integer({ min: 1, max: 16 }),
      yScale: fc.constantFrom('log' as const, 'linear' as const),
      batchSize: fc.constantFrom('full' as const, 1, 10, 300),
      changes: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arbitrary, (a) => {
        const config: TrainingConsoleConfig = {
          ...TRAINING_CONSOLE_DEFAULTS,
          ...a,
          maxEpochs: 5000,
          rateChanges: [...a.changes].sort((x, y) => x - y).map((epoch, i) => ({ epoch, rate: 0.01 * (i + 1) })),
          panels: ['loss', 'parity'],
        };
        delete (config as Partial<typeof a>).changes;
        const { config: back, notices } = parseTrainingConsoleConfig(serializeTrainingConsoleConfig(config));
        expect(notices).toEqual([]);
        expect(back).toEqual(config);
      }),
    );
  });

  it('writes every key once, in a fixed order', () => {
    expect([...serializeTrainingConsoleConfig(TRAINING_CONSOLE_DEFAULTS).keys()]).toEqual([...TRAINING_CONSOLE_KEYS]);
  });

  it('refuses bad numbers with a notice naming the setting, and keeps the default', () => {
    for (const text of ['abc', '', 'NaN', 'Infinity', '1e308', '-1']) {
      const { config, notices } = parseTrainingConsoleConfig({ learningRate: text });
      expect(config.learningRate).toBe(TRAINING_CONSOLE_DEFAULTS.learningRate);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/learning rate/i);
    }
    expect(parseTrainingConsoleConfig({ hidden: '17' }).notices[0]).toMatch(/Hidden units must be at most 16/);
    expect(parseTrainingConsoleConfig({ epoch: '1.5' }).notices[0]).toMatch(/whole number/);
  });

  it('ignores unknown settings, presets and panels with a notice', () => {
    expectUnknownSettings(parseTrainingConsoleConfig({ colour: 'red' }).notices, ['colour']);
    expectNotice(parseTrainingConsoleConfig({ init: 'magic' }).notices[0], { names: 'start', quotes: 'magic' });
    expectNotice(parseTrainingConsoleConfig({ panels: 'loss,pie' }).notices[0], { names: 'panel', quotes: 'pie' });
    expect(parseTrainingConsoleConfig({ yScale: 'cubic' }).config.yScale).toBe('log');
    expect(parseTrainingConsoleConfig({ 'astro-cid-x': '' }).notices).toEqual([]);
  });

  it('checks settings against each other', () => {
    const past = parseTrainingConsoleConfig({ epoch: '500', maxEpochs: '100' });
    expect(past.config.epoch).toBeLessThanOrEqual(past.config.maxEpochs);
    expect(past.notices[0]).toMatch(/past the epoch limit/);
    expect(parseTrainingConsoleConfig({ batchSize: '400', n: '300' }).config.batchSize).toBe('full');
    expect(parseTrainingConsoleConfig({ init: 'writeup-example', hidden: '3' }).config.init).toBe('he');
    expect(parseTrainingConsoleConfig({ x1Low: '6' }).notices[0]).toMatch(/x1 range runs from 6 to 5/);
    expect(parseTrainingConsoleConfig({ rateChanges: '900:0.1', maxEpochs: '500' }).config.rateChanges).toEqual([]);
  });
});

describe('parseLearningRate', () => {
  it('accepts positive rates in range, in plain or scientific notation', () => {
    expect(parseLearningRate('0.05')).toEqual({ ok: true, value: 0.05 });
    expect(parseLearningRate('1e3')).toEqual({ ok: true, value: 1000 });
  });

  it('explains each kind of bad input in words', () => {
    const message = (text: string) => {
      const r = parseLearningRate(text);
      return r.ok ? '' : r.message;
    };
    expect(message('abc')).toMatch(/“abc” is not a number/);
    expect(message('')).toMatch(/is empty/);
    expect(message('Infinity')).toMatch(/finite/);
    expect(message('1e308')).toMatch(/at most 10,000/);
    expect(message('-1')).toMatch(/must be positive: a negative η would step uphill/);
    expect(message('−0.5')).toMatch(/must be positive/);
    expect(message('0')).toMatch(/at least 0.0001/);
  });
});

describe('rate changes', () => {
  it('parses, sorts and lets a later change at the same epoch win', () => {
    expect(parseRateChanges('300:0.1, 100:0.5,300:0.2')).toEqual({ ok: true, value: [{ epoch: 100, rate: 0.5 }, { epoch: 300, rate: 0.2 }] });
    expect(parseRateChanges('')).toEqual({ ok: true, value: [] });
    expect(parseRateChanges('100')).toMatchObject({ ok: false });
    expect(parseRateChanges('0:0.1')).toMatchObject({ ok: false });
    expect(parseRateChanges('10:-1')).toMatchObject({ ok: false });
  });

  it('gives the rate in force at any epoch', () => {
    const c = { learningRate: 0.05, rateChanges: [{ epoch: 10, rate: 0.5 }, { epoch: 20, rate: 0.01 }] };
    expect([0, 9, 10, 19, 20, 1000].map((e) => rateAt(c, e))).toEqual([0.05, 0.05, 0.5, 0.5, 0.01, 0.01]);
  });
});

describe('describeChanges', () => {
  it('names the settings that changed, in words', () => {
    const d = TRAINING_CONSOLE_DEFAULTS;
    expectNotice(describeChanges(d, { ...d, batchSize: 32 }), { names: 'batch size', uses: '32' });
    expectNotice(describeChanges({ ...d, batchSize: 32 }, d), { names: 'batch size', uses: 'all samples' });
    expectNotice(describeChanges(d, { ...d, hidden: 1, init: 'zeros' }), { names: ['starting values', 'hidden units'], uses: ['zeros', '1'] });
    expect(describeChanges(d, { ...d, learningRate: 0.5 })).toBe('');
  });
});
