import { describe, expect, it } from 'vitest';
import { MAX_WORK, setupComparisonSettings as schema, setupOf, withSetups } from '../../../src/experiments/setup-comparison/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the setup comparison settings', () => {
  it('default to the original against the wide ranges, z-scored, 300 samples, mean loss, full batch', () => {
    const { config, notices } = parse({});
    expect(notices).toEqual([]);
    expect(setupOf(config, 'a')).toEqual({ range: 'original', scaling: 'zscore', n: 300, lossForm: 'mean', batchSize: 'full' });
    expect(setupOf(config, 'b')).toEqual({ range: 'wide', scaling: 'zscore', n: 300, lossForm: 'mean', batchSize: 'full' });
    expect(config).toMatchObject({ init: 'he', initSeed: 1, learningRate: 0.05, epochs: 1000, xAxis: 'epochs' });
  });

  it('open a link written before the schema to the same config, and write the same keys in the same order', () => {
    const old =
      'init=writeup&initSeed=3&learningRate=0.0001&epochs=200&xAxis=updates' +
      '&rangeA=wide&scalingA=none&nA=1000&lossFormA=sum&batchSizeA=32' +
      '&rangeB=original&scalingB=minmax&nB=50&lossFormB=mean&batchSizeB=full';
    const { config, notices } = parse(new URLSearchParams(old));
    expect(notices).toEqual([]);
    expect(setupOf(config, 'a')).toEqual({ range: 'wide', scaling: 'none', n: 1000, lossForm: 'sum', batchSize: 32 });
    expect(setupOf(config, 'b')).toEqual({ range: 'original', scaling: 'minmax', n: 50, lossForm: 'mean', batchSize: 'full' });
    expect(config).toMatchObject({ init: 'writeup', initSeed: 3, learningRate: 1e-4, epochs: 200, xAxis: 'updates' });
    expect(schema.serialise(config).toString()).toBe(old);
    // A lesson-14 link from the e2e test: one setup's loss and the shared rate.
    expect(parse(new URLSearchParams('lossFormB=sum&learningRate=0.0001&epochs=300')).config).toMatchObject({ lossFormB: 'sum', learningRate: 1e-4, epochs: 300 });
  });

  it('read spellings of the scaling and the full batch', () => {
    expect(parse({ scalingB: 'min-max', batchSizeA: 'all' }).config).toMatchObject({ scalingB: 'minmax', batchSizeA: 'full' });
  });

  it('ignore garbled values with a notice each that names the setting, keeping the defaults', () => {
    const { config, notices } = parse({ rangeA: 'huge', nB: 'NaN', batchSizeA: '-3', learningRate: 'Infinity', epochs: '0', xAxis: 'time' });
    expect(config).toEqual(schema.defaults);
    expect(notices).toHaveLength(6);
    expectNotice(notices[0], { names: 'Input ranges', quotes: 'huge', uses: 'original' });
    expectNotice(notices[1], { names: 'Samples N (B)', says: /actual number/, uses: '300' });
    expectNotice(notices[2], { names: 'batch size', says: /at least/ });
    expectNotice(notices[3], { names: 'Learning rate η', says: /finite/ });
    expectNotice(notices[4], { names: 'Epochs', says: /at least/ });
    expectNotice(notices[5], { names: 'Horizontal axis', quotes: 'time' });
    expectUnknownSettings(parse({ colour: 'red' }).notices, ['colour']);
  });

  it('refuse more work than a page runs at once: a link gets the most epochs it may have, with a notice', () => {
    const heavy = parse({ nB: '10000', epochs: '5000' });
    expect(heavy.config.epochs).toBe(MAX_WORK / 10_000);
    expect(heavy.notices).toHaveLength(1);
    expectNotice(heavy.notices[0], { says: /more training than this page runs at once/, uses: '2,000 epochs' });
    expect(schema.problems({ ...schema.defaults, nA: 10_000, epochs: 5000 })).toHaveLength(1);
    expect(schema.problems(schema.defaults)).toEqual([]);
  });

  it('build a comparison from the changes to each setup', () => {
    const c = withSetups(schema.defaults, { n: 3000 }, { lossForm: 'sum' }, { epochs: 10 });
    expect(c).toMatchObject({ nA: 3000, lossFormB: 'sum', rangeB: 'wide', epochs: 10 });
  });
});
