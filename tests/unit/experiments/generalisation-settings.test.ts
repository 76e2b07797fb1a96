import { describe, expect, it } from 'vitest';
import { generalisationSettings as schema, MAX_GENERALISATION_WORK, trainCount, trainingWork } from '../../../src/experiments/generalisation/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the generalisation widget’s settings', () => {
  it('default to the lesson’s overfitting setup, with no notices', () => {
    expect(parse({})).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.defaults).toMatchObject({ n: 40, testFraction: 0.5, hidden: 16, noiseLow: -5, noiseHigh: 5, weightDecay: 0, epochs: 20_000, fitAt: 'end' });
  });

  it('read every setting from a link and write them back the same', () => {
    const text = 'n=400&testFraction=0.25&splitSeed=3&noiseLow=-2&noiseHigh=2&dataSeed=4&hidden=8&initSeed=5&learningRate=0.02&weightDecay=0.01&epochs=5000&patience=100&fitAt=best';
    const { config, notices } = parse(new URLSearchParams(text));
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ n: 400, testFraction: 0.25, hidden: 8, weightDecay: 0.01, fitAt: 'best' });
    expect(parse(schema.serialise(config)).config).toEqual(config);
  });

  it('refuse bad numbers with a notice naming the setting and the value used', () => {
    for (const [key, text] of [['n', 'abc'], ['testFraction', '1.5'], ['weightDecay', '-1'], ['hidden', '0'], ['epochs', 'NaN'], ['learningRate', '']] as const) {
      const { config, notices } = parse({ [key]: text });
      expect(config[key]).toBe(schema.defaults[key]);
      expect(notices).toHaveLength(1);
      expectNotice(notices[0], { names: schema.fields[key].label, uses: String(schema.defaults[key]) });
    }
  });

  it('refuse a split that leaves one part empty, and say which', () => {
    const { config, notices } = parse({ n: '4', testFraction: '0.05' });
    expect(config.testFraction).toBe(schema.defaults.testFraction);
    expectNotice(notices[0], { names: 'test fraction', says: /none to test on/ });
    expect(schema.problems({ ...schema.defaults, n: 4, testFraction: 0.95 })[0].message).toMatch(/none to train on/);
  });

  it('refuse more work than the page trains at once', () => {
    const heavy = { ...schema.defaults, n: 2000, testFraction: 0.05, hidden: 16, epochs: 50_000 };
    expect(trainingWork(heavy)).toBeGreaterThan(MAX_GENERALISATION_WORK);
    expect(schema.problems(heavy)[0].keys).toEqual(['epochs']);
    expect(trainingWork(schema.defaults)).toBeLessThan(MAX_GENERALISATION_WORK);
  });

  it('count the training samples as N minus the rounded held-out share', () => {
    expect(trainCount({ n: 40, testFraction: 0.5 })).toBe(20);
    expect(trainCount({ n: 7, testFraction: 0.25 })).toBe(5);
  });

  it('name settings it does not know', () => {
    expectUnknownSettings(parse({ colour: 'red' }).notices, ['colour']);
  });

  it('reset a noise range whose ends are the wrong way round', () => {
    const { config, notices } = parse({ noiseLow: '3', noiseHigh: '-3' });
    expect([config.noiseLow, config.noiseHigh]).toEqual([-5, 5]);
    expectNotice(notices[0], { names: 'noise range' });
  });
});
