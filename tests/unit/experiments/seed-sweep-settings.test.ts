import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInits, parseWidths, seedsOf, seedSweepSettings, setupsOf, sweepWork, SWEEP_INITS, SWEEP_WIDTHS } from '../../../src/experiments/seed-sweep/settings';
import { describeWork, estimateWork, HEAVY_WORK_SECONDS } from '../../../src/experiments/work';
import { readSharedState } from '../../../src/experiments/link';
import { expectNotice } from '../../helpers/notice';

const SEED_SWEEP_DEFAULTS = seedSweepSettings.defaults;
const parseSeedSweepConfig = seedSweepSettings.parse;
const serializeSeedSweepConfig = (config: typeof SEED_SWEEP_DEFAULTS) => seedSweepSettings.serialise(config);

describe('the seed sweep’s settings', () => {
  it('gives the defaults for an empty source, with no notices', () => {
    expect(parseSeedSweepConfig({})).toEqual({ config: SEED_SWEEP_DEFAULTS, notices: [] });
  });

  it('reads every setting from a link’s text', () => {
    const { config, notices } = parseSeedSweepConfig(new URLSearchParams('widths=16,2&inits=he&runs=20&firstSeed=7&epochs=500&learningRate=0.01&dataSeed=3'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ widths: [2, 16], inits: ['he'], runs: 20, firstSeed: 7, epochs: 500, learningRate: 0.01, dataSeed: 3 });
  });

  it('round-trips every config through serialize and parse, so a link restores the sweep', () => {
    const arbitrary = fc.record({
      widths: fc.subarray([...SWEEP_WIDTHS], { minLength: 1 }),
      inits: fc.subarray([...SWEEP_INITS], { minLength: 1 }),
      runs: fc.integer({ min: 1, max: 200 }),
      firstSeed: fc.integer({ min: 0, max: 999_999_000 }),
      epochs: fc.integer({ min: 1, max: 100_000 }),
      learningRate: fc.constantFrom(0.0001, 0.003, 0.01, 1),
      dataSeed: fc.integer({ min: 0, max: 999_999_999 }),
    });
    fc.assert(
      fc.property(arbitrary, (config) => {
        expect(parseSeedSweepConfig(serializeSeedSweepConfig(config))).toEqual({ config, notices: [] });
      }),
    );
  });

  it('ignores bad values with a notice naming what is used instead, and never throws', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity', '-5', '1e308', '0', '2.5']) {
      const { config, notices } = parseSeedSweepConfig({ runs: text });
      expect(config.runs).toBe(SEED_SWEEP_DEFAULTS.runs);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/Seeds per setup/);
      expect(notices[0]).toMatch(/Using 100\./);
    }
    expect(parseSeedSweepConfig({ learningRate: '-0.01' }).notices[0]).toMatch(/at least 0.0001/);
    expect(parseSeedSweepConfig({ epochs: '1e308' }).notices[0]).toMatch(/at most 100,000/);
    expect(parseSeedSweepConfig({ bogus: '1' }).notices[0]).toMatch(/unknown setting “bogus”/);
  });

  it('keeps the default setups when a link names none or unknown ones', () => {
    const none = parseSeedSweepConfig({ widths: ' ', inits: '' });
    expect(none.config.widths).toEqual(SEED_SWEEP_DEFAULTS.widths);
    expect(none.config.inits).toEqual(SEED_SWEEP_DEFAULTS.inits);
    expect(none.notices).toHaveLength(2);
    expectNotice(parseSeedSweepConfig({ widths: '2,3' }).notices[0], { names: 'width', quotes: '“3”', uses: ['2', '4', '8', '16'] });
    expectNotice(parseSeedSweepConfig({ inits: 'he,<b>' }).notices[0], { names: 'start', quotes: '“<b>”' });
  });
});

describe('widths, starts, setups and seeds', () => {
  it('reads widths and starts in any order and spelling, each once, in the figure’s order', () => {
    expect(parseWidths('16 4,4')).toEqual({ ok: true, value: [4, 16] });
    expect(parseInits('He, write-up')).toEqual({ ok: true, value: ['writeup', 'he'] });
  });

  it('lists the setups width by width, each width’s two starts side by side', () => {
    expect(setupsOf({ widths: [2, 8], inits: ['writeup', 'he'] })).toEqual([
      { init: 'writeup', hidden: 2 },
      { init: 'he', hidden: 2 },
      { init: 'writeup', hidden: 8 },
      { init: 'he', hidden: 8 },
    ]);
  });

  it('gives each setup the seeds firstSeed, firstSeed + 1, …', () => {
    expect(seedsOf({ runs: 3, firstSeed: 10 })).toEqual([10, 11, 12]);
  });
});

describe('links from before the schema', () => {
  it('an old link, every setting under its long name, opens the same sweep', () => {
    // As the widget's "Copy link" wrote them before: every key, the lists joined by commas.
    const old = '?widths.widths=2%2C4%2C8%2C16&widths.inits=writeup%2Che&widths.runs=30&widths.firstSeed=11&widths.epochs=5000&widths.learningRate=0.01&widths.dataSeed=2';
    const { settings } = readSharedState(old, 'widths');
    expect(parseSeedSweepConfig(settings)).toEqual({
      config: { widths: [2, 4, 8, 16], inits: ['writeup', 'he'], runs: 30, firstSeed: 11, epochs: 5000, learningRate: 0.01, dataSeed: 2 },
      notices: [],
    });
    // The e2e test's link: one width, one start, a tiny budget.
    expect(parseSeedSweepConfig(readSharedState('?widths.runs=2&widths.epochs=40&widths.widths=8&widths.inits=he', 'widths').settings).config).toMatchObject({ widths: [8], inits: ['he'], runs: 2, epochs: 40 });
  });

  it('writes the lists as before, so the server’s data-* attributes keep their form', () => {
    const written = serializeSeedSweepConfig({ ...SEED_SWEEP_DEFAULTS, widths: [2, 16], inits: ['he'] });
    expect(written.get('widths')).toBe('2,16');
    expect(written.get('inits')).toBe('he');
    expect([...written.keys()]).toEqual(['widths', 'inits', 'runs', 'firstSeed', 'epochs', 'learningRate', 'dataSeed']);
  });
});

describe('the work a sweep asks for', () => {
  it('adds every setup’s runs, a wider network costing more, as separate estimates would', () => {
    const config = { ...SEED_SWEEP_DEFAULTS, widths: [2, 16], inits: ['he' as const], runs: 10, epochs: 1000 };
    const work = sweepWork(config);
    const alone = (hidden: number) => estimateWork({ runs: 10, epochs: 1000, samples: 300, hidden }).seconds;
    expect(work.runs).toBe(20);
    expect(work.seconds).toBeCloseTo(alone(2) + alone(16), 12);
    expect(alone(16)).toBeGreaterThan(alone(2));
    expect(describeWork(work)).toMatch(/20 runs of 1,000 epochs.*2 to 16 hidden units/);
  });

  it('the largest sweep a link can ask for (160 million epochs) is heavy; the e2e link’s tiny one is not', () => {
    const largest = sweepWork({ ...SEED_SWEEP_DEFAULTS, runs: 200, epochs: 100_000 });
    expect(largest.runs * largest.epochs).toBe(160_000_000);
    expect(largest.seconds).toBeGreaterThan(3600);
    expect(sweepWork({ ...SEED_SWEEP_DEFAULTS, widths: [8], inits: ['he'], runs: 2, epochs: 40 }).seconds).toBeLessThan(HEAVY_WORK_SECONDS);
  });

  it('grows with every part of the budget: more runs, epochs or setups never cost less', () => {
    fc.assert(
      fc.property(fc.subarray([...SWEEP_WIDTHS], { minLength: 1 }), fc.integer({ min: 1, max: 199 }), fc.integer({ min: 1, max: 99_999 }), (widths, runs, epochs) => {
        const base = { ...SEED_SWEEP_DEFAULTS, widths, runs, epochs };
        const cost = sweepWork(base).seconds;
        expect(sweepWork({ ...base, runs: runs + 1 }).seconds).toBeGreaterThan(cost);
        expect(sweepWork({ ...base, epochs: epochs + 1 }).seconds).toBeGreaterThan(cost);
        expect(sweepWork({ ...base, inits: ['writeup', 'he'] }).seconds).toBeGreaterThanOrEqual(cost);
      }),
    );
  });
});
