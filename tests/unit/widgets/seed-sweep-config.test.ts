import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseInits,
  parseSeedSweepConfig,
  parseWidths,
  SEED_SWEEP_DEFAULTS,
  seedsOf,
  serializeSeedSweepConfig,
  setupsOf,
  SWEEP_INITS,
  SWEEP_WIDTHS,
} from '../../../src/widgets/seed-sweep/config';
import { expectNotice } from '../../helpers/notice';

describe('parseSeedSweepConfig', () => {
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
