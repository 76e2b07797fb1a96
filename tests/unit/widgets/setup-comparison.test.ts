import { describe, expect, it } from 'vitest';
import {
  MAX_WORK, parseBatchSize, parseSetupComparisonConfig, serializeSetupComparisonConfig, SETUP_COMPARISON_DEFAULTS,
  SETUP_COMPARISON_KEYS, SETUP_DEFAULTS, type SetupComparisonConfig,
} from '../../../src/widgets/setup-comparison/config';
import { isFullBatch, runSetup, samplesPerUpdate, setupData } from '../../../src/widgets/setup-comparison/run';
import { batchWords, comparisonScene, describeSetup, lossTableRows, setupNumbers } from '../../../src/widgets/setup-comparison/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { expectNotice } from '../../helpers/notice';

const make = (a: Partial<typeof SETUP_DEFAULTS>, b: Partial<typeof SETUP_DEFAULTS>, rest: Partial<SetupComparisonConfig> = {}): SetupComparisonConfig => ({
  ...SETUP_COMPARISON_DEFAULTS, ...rest, a: { ...SETUP_DEFAULTS, ...a }, b: { ...SETUP_DEFAULTS, ...b },
});

describe('parseSetupComparisonConfig', () => {
  it('defaults to the original against the wide ranges, z-scored, 300 samples, mean loss, full batch', () => {
    const { config, notices } = parseSetupComparisonConfig({});
    expect(notices).toEqual([]);
    expect(config).toEqual(SETUP_COMPARISON_DEFAULTS);
    expect(config.b.range).toBe('wide');
  });

  it('reads every flat setting and round-trips', () => {
    const source = {
      init: 'writeup', initSeed: '3', learningRate: '1e-4', epochs: '200', xAxis: 'updates',
      rangeA: 'wide', scalingA: 'none', nA: '1000', lossFormA: 'sum', batchSizeA: '32',
      rangeB: 'original', scalingB: 'min-max', nB: '50', lossFormB: 'mean', batchSizeB: 'full',
    };
    const { config, notices } = parseSetupComparisonConfig(source);
    expect(notices).toEqual([]);
    expect(config).toEqual({
      init: 'writeup', initSeed: 3, learningRate: 1e-4, epochs: 200, xAxis: 'updates',
      a: { range: 'wide', scaling: 'none', n: 1000, lossForm: 'sum', batchSize: 32 },
      b: { range: 'original', scaling: 'minmax', n: 50, lossForm: 'mean', batchSize: 'full' },
    });
    expect(parseSetupComparisonConfig(serializeSetupComparisonConfig(config)).config).toEqual(config);
    expect([...serializeSetupComparisonConfig(config).keys()]).toEqual(SETUP_COMPARISON_KEYS);
  });

  it('ignores garbled values with a notice each and keeps the defaults', () => {
    const { config, notices } = parseSetupComparisonConfig({ rangeA: 'huge', nB: 'NaN', batchSizeA: '-3', learningRate: 'Infinity', epochs: '0', xAxis: 'time', colour: 'red' });
    expect(config).toEqual(SETUP_COMPARISON_DEFAULTS);
    expect(notices).toHaveLength(7);
    expect(notices.join(' ')).toMatch(/setup A’s range “huge”/);
    expect(notices.join(' ')).toMatch(/unknown setting “colour”/);
  });

  it('refuses more work than a page runs at once, and takes a batch of N or more as the full batch', () => {
    const big = parseSetupComparisonConfig({ nA: '20', batchSizeA: '32' });
    expect(big.notices).toEqual([]);
    expect(isFullBatch(big.config.a)).toBe(true);
    const heavy = parseSetupComparisonConfig({ nB: '10000', epochs: '5000' });
    expect(heavy.config.epochs * 10_000).toBeLessThanOrEqual(MAX_WORK);
    expect(heavy.notices[0]).toMatch(/more training than this page runs at once/);
  });

  it('reads batch sizes', () => {
    expect(parseBatchSize('all')).toEqual({ ok: true, value: 'full' });
    expect(parseBatchSize('10')).toEqual({ ok: true, value: 10 });
    expect(parseBatchSize('2.5').ok).toBe(false);
  });
});

describe('runSetup', () => {
  it('gives the same curve shape for 300 and 3,000 samples with a mean loss, full batch', () => {
    const c = make({ n: 300 }, { n: 3000 }, { epochs: 50 });
    const a = runSetup(c, 'a'), b = runSetup(c, 'b');
    expect(a.losses).toHaveLength(51);
    expect(a.updates).toBe(50);
    expect(Math.abs(a.losses[50] - b.losses[50])).toBeLessThan(0.1);
  });

  it('counts updates per epoch for mini-batches and scales a summed loss’s step by the batch', () => {
    const c = make({ n: 300, batchSize: 10 }, { n: 3000, lossForm: 'sum' }, { epochs: 3, learningRate: 1e-4 });
    const a = runSetup(c, 'a'), b = runSetup(c, 'b');
    expect(a.updatesPerEpoch).toBe(30);
    expect(a.updates).toBe(90);
    expect(b.effectiveRate).toBeCloseTo(0.3, 12);
    expect(samplesPerUpdate(c.b)).toBe(3000);
  });

  it('diverges on wide unscaled inputs at a rate the original ranges survive, with the reason in 2/λmax', () => {
    const c = make({ scaling: 'none' }, { scaling: 'none', range: 'wide' }, { learningRate: 1e-4, epochs: 100 });
    const a = runSetup(c, 'a'), b = runSetup(c, 'b');
    expect(a.status).toBe('ok');
    expect(b.status).toBe('diverged');
    expect(b.stableRate).toBeLessThan(1e-4);
    expect(a.stableRate).toBeGreaterThan(1e-4);
  });

  it('builds the data of each range', () => {
    expect(Math.max(...setupData({ ...SETUP_DEFAULTS, range: 'wide', scaling: 'none' }).raw.x1)).toBeGreaterThan(40);
  });
});

describe('the comparison scene', () => {
  it('draws both curves, one Var(y) line when they agree and two when they differ', () => {
    const same = make({}, { range: 'wide' }, { epochs: 20 });
    const svg = toSvgString(comparisonScene(same, { a: runSetup(same, 'a'), b: runSetup(same, 'b') }).chart);
    expect(svg.match(/class="np-series"/g)).toHaveLength(2);
    expect(svg).toContain('Var(y) = 1 (A and B)');
    const differ = make({ scaling: 'none' }, { scaling: 'none', range: 'wide' }, { epochs: 20, learningRate: 1e-6 });
    const svg2 = toSvgString(comparisonScene(differ, { a: runSetup(differ, 'a'), b: runSetup(differ, 'b') }).chart);
    expect(svg2).toContain('Var(y) of A');
    expect(svg2).toContain('Var(y) of B');
  });

  it('stretches the x-axis by the updates per epoch on the updates axis', () => {
    const c = make({ n: 300, batchSize: 10 }, { n: 3000, batchSize: 10 }, { epochs: 5, xAxis: 'updates' });
    const svg = toSvgString(comparisonScene(c, { a: runSetup(c, 'a'), b: runSetup(c, 'b') }).chart);
    expect(svg).toContain('updates (parameter steps)');
    expect(svg).toContain('>1,000<'); // 5 epochs of 300 updates: the axis runs to 1,500
  });

  it('names a divergence, its epoch and the step against 2/λmax, and never prints NaN', () => {
    const c = make({}, { lossForm: 'sum', n: 3000 }, { epochs: 50, learningRate: 0.05 });
    const runs = { a: runSetup(c, 'a'), b: runSetup(c, 'b') };
    const scene = comparisonScene(c, runs);
    expect(scene.divergence).toMatch(/^Setup B diverged at epoch \d+: .* above 2\/λmax = .*Try a smaller learning rate\.$/);
    expect(scene.numbers['b.status']).toMatch(/^diverged at epoch/);
    expect(scene.numbers['b.effectiveRate']).toBe('η × 3,000 = 150');
    const text = JSON.stringify(scene.numbers) + toSvgString(scene.chart) + JSON.stringify(lossTableRows(c, runs));
    expect(text).not.toMatch(/NaN|undefined/);
    expect(comparisonScene(make({}, {}, { epochs: 5 }), { a: runSetup(make({}, {}, { epochs: 5 }), 'a'), b: runSetup(make({}, {}, { epochs: 5 }), 'b') }).divergence).toBeNull();
  });

  it('trains and describes a batch as large as the data as the full batch', () => {
    const c = make({ n: 5, batchSize: 10 }, {}, { epochs: 3 });
    expect(runSetup(c, 'a').updates).toBe(3);
    expect(describeSetup(c, 'a')).toMatch(/full batch$/);
    expectNotice(batchWords(c.a), { says: /full batch/, uses: ['10', '5'] });
    expect(batchWords(c.b)).toBe('full batch');
    expect(batchWords({ ...c.b, batchSize: 32 })).toBe('32 per update');
  });

  it('describes each setup and lists its numbers', () => {
    const c = make({}, { n: 3000, lossForm: 'sum', batchSize: 10 });
    expectNotice(describeSetup(c, 'a'), { names: ['A', 'original ranges', 'z-score'], uses: ['300', 'mean', 'full batch'] });
    expectNotice(describeSetup(c, 'b'), { names: ['B', 'original ranges', 'z-score'], uses: ['3,000', 'sum', '10'] });
    const numbers = setupNumbers(c, 'a', runSetup({ ...c, epochs: 5 }, 'a'));
    expect(numbers.data).toBe('original ranges, z-score, N = 300');
    expect(numbers.reached).toBe('not reached');
  });

  it('lists the loss table at checkpoint epochs, marking epochs after a divergence', () => {
    const c = make({}, { lossForm: 'sum', n: 3000 }, { epochs: 100, learningRate: 0.05 });
    const rows = lossTableRows(c, { a: runSetup(c, 'a'), b: runSetup(c, 'b') });
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '5', '10', '20', '50', '100']);
    expect(rows.at(-1)?.slice(4)).toEqual(['–', 'diverged', '–']);
  });
});
