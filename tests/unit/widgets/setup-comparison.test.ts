// The setup comparison: its runs and what its scene shows (its settings: experiments/setup-comparison-settings.test.ts).
import { describe, expect, it } from 'vitest';
import { setupComparisonSettings, setupOf, withSetups, type Setup, type SetupComparisonConfig } from '../../../src/experiments/setup-comparison/settings';
import { isFullBatch, runBothSteps, runSetup, samplesPerUpdate, setupData } from '../../../src/experiments/setup-comparison/run';
import { runToEnd } from '../../../src/experiments/steps';
import { batchWords, comparisonScene, describeSetup, lossTableRows, setupNumbers } from '../../../src/widgets/setup-comparison/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { expectNotice } from '../../helpers/notice';

const SETUP_DEFAULTS = setupOf(setupComparisonSettings.defaults, 'a');
const make = (a: Partial<Setup>, b: Partial<Setup>, rest: Partial<SetupComparisonConfig> = {}): SetupComparisonConfig =>
  withSetups(setupComparisonSettings.defaults, { ...SETUP_DEFAULTS, ...a }, { ...SETUP_DEFAULTS, ...b }, rest);

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
    expect(samplesPerUpdate(setupOf(c, 'b'))).toBe(3000);
  });

  it('diverges on wide unscaled inputs at a rate the original ranges survive, with the reason in 2/λmax', () => {
    const c = make({ scaling: 'none' }, { scaling: 'none', range: 'wide' }, { learningRate: 1e-4, epochs: 100 });
    const a = runSetup(c, 'a'), b = runSetup(c, 'b');
    expect(a.status).toBe('ok');
    expect(b.status).toBe('diverged');
    expect(b.stableRate).toBeLessThan(1e-4);
    expect(a.stableRate).toBeGreaterThan(1e-4);
  });

  it('trains A then B, each as it trains alone', () => {
    const c = make({ n: 50 }, { n: 80, batchSize: 10 }, { epochs: 30 });
    const both = runToEnd(runBothSteps(c));
    expect(both.a.losses).toEqual(runSetup(c, 'a').losses);
    expect(both.b.losses).toEqual(runSetup(c, 'b').losses);
    expect(isFullBatch(setupOf(c, 'a'))).toBe(true);
  });

  it('builds the data of each range', () => {
    expect(Math.max(...setupData({ ...SETUP_DEFAULTS, range: 'wide', scaling: 'none' }).raw.x1)).toBeGreaterThan(40);
  });
});

describe('the comparison scene', () => {
  it('draws both curves, one Var(y) line when they agree and two when they differ', () => {
    const same = make({}, { range: 'wide' }, { epochs: 20 });
    const svg = toSvgString(comparisonScene(same, { a: runSetup(same, 'a'), b: runSetup(same, 'b') }).panels.chart);
    expect(svg.match(/class="np-series"/g)).toHaveLength(2);
    expect(svg).toContain('Var(y) = 1 (A and B)');
    const differ = make({ scaling: 'none' }, { scaling: 'none', range: 'wide' }, { epochs: 20, learningRate: 1e-6 });
    const svg2 = toSvgString(comparisonScene(differ, { a: runSetup(differ, 'a'), b: runSetup(differ, 'b') }).panels.chart);
    expect(svg2).toContain('Var(y) of A');
    expect(svg2).toContain('Var(y) of B');
  });

  it('stretches the x-axis by the updates per epoch on the updates axis', () => {
    const c = make({ n: 300, batchSize: 10 }, { n: 3000, batchSize: 10 }, { epochs: 5, xAxis: 'updates' });
    const svg = toSvgString(comparisonScene(c, { a: runSetup(c, 'a'), b: runSetup(c, 'b') }).panels.chart);
    expect(svg).toContain('updates (parameter steps)');
    expect(svg).toContain('>1,000<'); // 5 epochs of 300 updates: the axis runs to 1,500
  });

  it('names a divergence, its epoch and the step against 2/λmax, and never prints NaN', () => {
    const c = make({}, { lossForm: 'sum', n: 3000 }, { epochs: 50, learningRate: 0.05 });
    const runs = { a: runSetup(c, 'a'), b: runSetup(c, 'b') };
    const scene = comparisonScene(c, runs);
    expect(scene.divergence).toMatch(/^Setup B diverged at epoch \d+: .* above 2\/λmax = /);
    expect(scene.summary).toMatch(/A: .*loss .*B: .*loss too large to represent/);
    expect(scene.numbers['b.status']).toMatch(/^diverged at epoch/);
    expect(scene.numbers['b.effectiveRate']).toBe('η × 3,000 = 150');
    const text = JSON.stringify(scene.numbers) + toSvgString(scene.panels.chart) + JSON.stringify(lossTableRows(c, runs));
    expect(text).not.toMatch(/NaN|undefined/);
    expect(comparisonScene(make({}, {}, { epochs: 5 }), { a: runSetup(make({}, {}, { epochs: 5 }), 'a'), b: runSetup(make({}, {}, { epochs: 5 }), 'b') }).divergence).toBeNull();
  });

  it('trains and describes a batch as large as the data as the full batch', () => {
    const c = make({ n: 5, batchSize: 10 }, {}, { epochs: 3 });
    expect(runSetup(c, 'a').updates).toBe(3);
    expect(describeSetup(c, 'a')).toMatch(/full batch$/);
    expectNotice(batchWords(setupOf(c, 'a')), { says: /full batch/, uses: ['10', '5'] });
    expect(batchWords(setupOf(c, 'b'))).toBe('full batch');
    expect(batchWords({ ...setupOf(c, 'b'), batchSize: 32 })).toBe('32 per update');
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
