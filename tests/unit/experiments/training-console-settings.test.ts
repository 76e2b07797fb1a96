import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeChanges, type TrainingConsoleConfig, trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { parseLearningRate, parseRateChanges, rateAt } from '../../../src/experiments/training/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

describe('the training console settings', () => {
  it('gives the defaults, with no notices, for an empty source', () => {
    expect(trainingConsoleSettings.parse({})).toEqual({ config: trainingConsoleSettings.defaults, notices: [] });
    expect(trainingConsoleSettings.parse(new URLSearchParams())).toEqual({ config: trainingConsoleSettings.defaults, notices: [] });
  });

  it('reads every setting from a query string, including the run state', () => {
    const { config, notices } = trainingConsoleSettings.parse(
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
    expect(trainingConsoleSettings.parse({ start: '0,0,0,0,0,0,-1,-1,2' }).config.start).toEqual([0, 0, 0, 0, 0, 0, -1, -1, 2]);
    const wrong = trainingConsoleSettings.parse({ start: '1,2,3', hidden: '2' });
    expect(wrong.config.start).toBeNull();
    expect(wrong.notices[0]).toMatch(/2 hidden units has 9 parameters, but 3 starting values were given/);
    expect(trainingConsoleSettings.parse({ start: '1,abc' }).notices[0]).toMatch(/“abc” is not a number/);
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
          ...trainingConsoleSettings.defaults,
          ...a,
          maxEpochs: 5000,
          rateChanges: [...a.changes].sort((x, y) => x - y).map((epoch, i) => ({ epoch, rate: 0.01 * (i + 1) })),
          panels: ['loss', 'parity'],
        };
        delete (config as Partial<typeof a>).changes;
        const { config: back, notices } = trainingConsoleSettings.parse(trainingConsoleSettings.serialise(config));
        expect(notices).toEqual([]);
        expect(back).toEqual(config);
      }),
    );
  });

  it('writes every key once, in a fixed order', () => {
    expect([...trainingConsoleSettings.serialise(trainingConsoleSettings.defaults).keys()]).toEqual([...trainingConsoleSettings.keys]);
  });

  it('refuses bad numbers with a notice naming the setting, and keeps the default', () => {
    for (const text of ['abc', '', 'NaN', 'Infinity', '1e308', '-1']) {
      const { config, notices } = trainingConsoleSettings.parse({ learningRate: text });
      expect(config.learningRate).toBe(trainingConsoleSettings.defaults.learningRate);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/learning rate/i);
    }
    expect(trainingConsoleSettings.parse({ hidden: '17' }).notices[0]).toMatch(/Hidden units H must be at most 16/);
    expect(trainingConsoleSettings.parse({ epoch: '1.5' }).notices[0]).toMatch(/whole number/);
  });

  it('ignores unknown settings, presets and panels with a notice', () => {
    expectUnknownSettings(trainingConsoleSettings.parse({ colour: 'red' }).notices, ['colour']);
    expectNotice(trainingConsoleSettings.parse({ init: 'magic' }).notices[0], { names: 'start', quotes: 'magic' });
    expectNotice(trainingConsoleSettings.parse({ panels: 'loss,pie' }).notices[0], { names: 'panel', quotes: 'pie' });
    expect(trainingConsoleSettings.parse({ yScale: 'cubic' }).config.yScale).toBe('log');
    expect(trainingConsoleSettings.parse({ 'astro-cid-x': '' }).notices).toEqual([]);
  });

  it('checks settings against each other', () => {
    const past = trainingConsoleSettings.parse({ epoch: '500', maxEpochs: '100' });
    expect(past.config.epoch).toBeLessThanOrEqual(past.config.maxEpochs);
    expect(past.notices[0]).toMatch(/past the epoch limit/);
    expect(trainingConsoleSettings.parse({ batchSize: '400', n: '300' }).config.batchSize).toBe('full');
    expect(trainingConsoleSettings.parse({ init: 'writeup-example', hidden: '3' }).config.init).toBe('he');
    expect(trainingConsoleSettings.parse({ x1Low: '6' }).notices[0]).toMatch(/x1 range runs from 6 to 5/);
    expect(trainingConsoleSettings.parse({ rateChanges: '900:0.1', maxEpochs: '500' }).config.rateChanges).toEqual([]);
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
    const d = trainingConsoleSettings.defaults;
    expectNotice(describeChanges(d, { ...d, batchSize: 32 }), { names: 'batch size', uses: '32' });
    expectNotice(describeChanges({ ...d, batchSize: 32 }, d), { names: 'batch size', uses: 'all samples' });
    expectNotice(describeChanges(d, { ...d, hidden: 1, init: 'zeros' }), { names: ['starting values', 'hidden units'], uses: ['zeros', '1'] });
    expect(describeChanges(d, { ...d, learningRate: 0.5 })).toBe('');
  });
});

describe('links written before the settings schema', () => {
  // What the console's hand-written serialiser wrote for its defaults, key for key: the format is unchanged.
  const OLD_DEFAULTS =
    'n=300&x1Low=-5&x1High=5&x2Low=-10&x2High=10&noiseLow=-1&noiseHigh=1&scaling=zscore&dataSeed=1&init=he&initSeed=1&start=&hidden=2' +
    '&learningRate=0.05&rateChanges=&schedule=constant&factor=0.5&patience=200&threshold=0.0001&thresholdMode=rel&cooldown=0&minLr=0' +
    '&flavour=pytorch&batchSize=full&epoch=200&maxEpochs=200000&speed=10&yScale=log&panels=loss%2Cparameters%2Cfit%2Csettings';

  it('are written the same way today, and read back to the same run', () => {
    expect(trainingConsoleSettings.serialise(trainingConsoleSettings.defaults).toString()).toBe(OLD_DEFAULTS);
    expect(trainingConsoleSettings.parse(new URLSearchParams(OLD_DEFAULTS))).toEqual({ config: trainingConsoleSettings.defaults, notices: [] });
  });

  it('open a shared run, a playground experiment and a gallery card as before', () => {
    const shared = trainingConsoleSettings.parse(new URLSearchParams('epoch=450&rateChanges=300:0.2&initSeed=3'));
    expect(shared).toEqual({ config: { ...trainingConsoleSettings.defaults, epoch: 450, rateChanges: [{ epoch: 300, rate: 0.2 }], initSeed: 3 }, notices: [] });
    const playground = trainingConsoleSettings.parse(
      new URLSearchParams('hidden=1&start=0.5,-1,2,0.1,0&schedule=plateau&flavour=keras&thresholdMode=abs&batchSize=32&panels=loss,parameters,fit,parity,settings,data,schedule,start&maxEpochs=1000000&epoch=0'),
    );
    expect(playground.notices).toEqual([]);
    expect(playground.config).toMatchObject({ hidden: 1, start: [0.5, -1, 2, 0.1, 0], schedule: 'plateau', flavour: 'keras', thresholdMode: 'abs', batchSize: 32, maxEpochs: 1_000_000, epoch: 0 });
    const card = trainingConsoleSettings.parse({ init: 'writeup', initSeed: '97', learningRate: '0.03', epoch: '3000' });
    expect(card).toEqual({ config: { ...trainingConsoleSettings.defaults, init: 'writeup', initSeed: 97, learningRate: 0.03, epoch: 3000 }, notices: [] });
  });
});
