import { describe, expect, it } from 'vitest';
import type { ConfigSource } from '../../../src/experiments/settings/source';
import { rateComparisonSettings } from '../../../src/experiments/learning-rate/comparison-settings';
import { sliceStepsSettings } from '../../../src/experiments/learning-rate/slice-settings';
import { rateSweepSettings, rateSweepWork, sweepSeeds } from '../../../src/experiments/learning-rate/sweep-settings';
import { estimateWork, HEAVY_WORK_SECONDS } from '../../../src/experiments/work';
import { formatRateList, MAX_RATES, parseRateList, startParameters } from '../../../src/experiments/learning-rate/settings';

const parseRateComparisonConfig = (source: ConfigSource) => rateComparisonSettings.parse(source);
const parseSliceStepsConfig = (source: ConfigSource) => sliceStepsSettings.parse(source);
const parseRateSweepConfig = (source: ConfigSource) => rateSweepSettings.parse(source);
const RATE_COMPARISON_DEFAULTS = rateComparisonSettings.defaults;
const SLICE_STEPS_DEFAULTS = sliceStepsSettings.defaults;
const RATE_SWEEP_DEFAULTS = rateSweepSettings.defaults;
import { initParams } from '../../../src/trainer';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

describe('parseRateList', () => {
  it('reads rates separated by commas, semicolons or spaces, sorted, repeats dropped', () => {
    expect(parseRateList('0.1, 0.001;0.01  0.01')).toEqual({ ok: true, value: [0.001, 0.01, 0.1] });
    expect(parseRateList('1e-3')).toEqual({ ok: true, value: [0.001] });
    expect(parseRateList(formatRateList([0.003, 0.03]))).toEqual({ ok: true, value: [0.003, 0.03] });
  });

  it('explains every kind of bad list in words', () => {
    const bad: [string, RegExp][] = [
      ['', /empty/],
      ['   ', /empty/],
      ['abc', /“abc” is not a number/],
      ['0.01, NaN', /must be an actual number/],
      ['Infinity', /must be a finite number/],
      ['-0.01', /must be positive/],
      ['0', /at least 0.0001/],
      ['1e308', /at most 10,000/],
      ['-1e308', /positive|at least/],
      ['<img src=x onerror=alert(1)>', /is not a number/],
      [Array.from({ length: MAX_RATES + 1 }, (_, i) => 0.001 * (i + 1)).join(','), /At most 6 learning rates/],
    ];
    for (const [text, message] of bad) {
      const r = parseRateList(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(message);
        expect(r.message).not.toMatch(/NaN|undefined/);
      }
    }
  });
});

describe('the three configs', () => {
  const cases = [
    { name: 'comparison', parse: parseRateComparisonConfig, serialize: (c: never) => rateComparisonSettings.serialise(c), defaults: RATE_COMPARISON_DEFAULTS },
    { name: 'slice', parse: parseSliceStepsConfig, serialize: (c: never) => sliceStepsSettings.serialise(c), defaults: SLICE_STEPS_DEFAULTS },
    { name: 'sweep', parse: parseRateSweepConfig, serialize: (c: never) => rateSweepSettings.serialise(c), defaults: RATE_SWEEP_DEFAULTS },
  ] as const;

  for (const c of cases) {
    it(`${c.name}: gives the defaults for nothing, and survives a round trip through a link`, () => {
      expect(c.parse({})).toEqual({ config: c.defaults, notices: [] });
      const again = c.parse(c.serialize(c.defaults as never));
      expect(again).toEqual({ config: c.defaults, notices: [] });
    });

    it(`${c.name}: ignores Astro's own attributes and names unknown settings`, () => {
      const { config, notices } = c.parse({ astroCid123: 'x', colour: 'blue' });
      expect(config).toEqual(c.defaults);
      expectUnknownSettings(notices, ['colour']);
    });

    it(`${c.name}: keeps the default for every garbled value and says so`, () => {
      for (const key of Object.keys(c.defaults)) {
        for (const text of ['', 'abc', 'NaN', '-1e308', '1e308', 'Infinity', '<b>x</b>']) {
          const { config, notices } = c.parse({ [key]: text });
          expect(config, `${key}=${text}`).toEqual(c.defaults);
          expect(notices).toHaveLength(1);
          expect(notices[0]).toMatch(/Using/);
          // Quoting what was typed is fine; a value of our own must never read NaN or undefined.
          expect(notices[0].replace(/“[^”]*”/g, '')).not.toMatch(/NaN|undefined/);
        }
      }
    });
  }

  it('reads the comparison’s settings from data-* attributes and links', () => {
    const { config, notices } = parseRateComparisonConfig(new URLSearchParams('init=he&initSeed=4&rates=0.5,0.05&epochs=200'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ init: 'he', initSeed: 4, rates: [0.05, 0.5], epochs: 200 });
    expect(parseRateComparisonConfig({ epochs: '20000' }).notices[0]).toMatch(/at most 10,000/);
    expect(parseRateComparisonConfig({ epochs: '2.5' }).notices[0]).toMatch(/whole number/);
  });

  it('reads the slice’s parameter by name in any case, and explains a negative rate', () => {
    expect(parseSliceStepsConfig({ parameter: ' w5 ' }).config.parameter).toBe('W5');
    expectNotice(parseSliceStepsConfig({ parameter: 'W7' }).notices[0], { names: 'parameter', quotes: 'W7', uses: ['W1', 'W2'] });
    expect(parseSliceStepsConfig({ learningRate: '-0.5' }).notices[0]).toMatch(/must be positive/);
    expect(parseSliceStepsConfig({ steps: '51' }).notices[0]).toMatch(/at most 50/);
  });

  it('limits the sweep to 1,000 starts and 20,000 epochs, seeds 1 … n', () => {
    expect(parseRateSweepConfig({ seeds: '1001' }).notices[0]).toMatch(/at most 1,000/);
    expect(parseRateSweepConfig({ epochs: '0' }).notices[0]).toMatch(/at least 1/);
    expect(parseRateSweepConfig({ seeds: '8', epochs: '300' }).config).toMatchObject({ seeds: 8, epochs: 300 });
    expect(sweepSeeds(3)).toEqual([1, 2, 3]);
  });

  it('open links written before the schema at the same settings, and write them the same way', () => {
    // As the old serialize…Config wrote them: every key, in its order, a rate list with ", ".
    const links = [
      [rateComparisonSettings, 'init=writeup&initSeed=97&rates=0.001%2C+0.003%2C+0.01%2C+0.03%2C+0.1&epochs=3000'],
      [sliceStepsSettings, 'init=writeup&initSeed=97&parameter=B3&learningRate=0.9&steps=12'],
      [rateSweepSettings, 'init=writeup&seeds=100&epochs=3000&rates=0.001%2C+0.003%2C+0.01%2C+0.03%2C+0.1'],
    ] as const;
    for (const [schema, link] of links) {
      const { config, notices } = schema.parse(new URLSearchParams(link));
      expect(notices).toEqual([]);
      expect(config).toEqual(schema.defaults);
      expect(schema.serialise(config as never).toString()).toBe(link);
    }
    expect(rateComparisonSettings.parse(new URLSearchParams('rates=0.02,0.2&initSeed=5&epochs=100')).config).toMatchObject({ rates: [0.02, 0.2], initSeed: 5, epochs: 100 });
  });

  it('starts from the trainer’s presets', () => {
    expect(Array.from(startParameters('writeup', 97))).toEqual(Array.from(initParams({ preset: 'writeup', seed: 97 })));
    expect(Array.from(startParameters('writeup-example', 5))).toEqual(Array.from(initParams({ preset: 'writeup-example' })));
  });
});

describe('the work a rate sweep asks for', () => {
  const base = rateSweepSettings.defaults;

  it('counts every start at every rate, each a full run over the course’s 300 samples', () => {
    const work = rateSweepWork({ ...base, rates: [0.01, 0.1], seeds: 4, epochs: 200 });
    expect([work.runs, work.epochs, work.samples, work.hidden]).toEqual([8, 200, 300, 2]);
    expect(work.seconds).toBe(estimateWork({ runs: 8, epochs: 200, samples: 300 }).seconds);
  });

  it('a link’s small sweep starts at once; the largest one a link can ask for waits for the reader', () => {
    expect(rateSweepWork({ ...base, rates: [0.01, 0.5], seeds: 4, epochs: 200 }).seconds).toBeLessThan(HEAVY_WORK_SECONDS);
    const largest = rateSweepWork({ ...base, rates: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], seeds: 1000, epochs: 20_000 });
    expect(largest.runs * largest.epochs).toBe(120_000_000);
    expect(largest.seconds).toBeGreaterThan(3600);
  });

  it('doubles with the starts, the epochs or the rates', () => {
    const one = rateSweepWork({ ...base, rates: [0.01], seeds: 10, epochs: 100 }).seconds;
    expect(rateSweepWork({ ...base, rates: [0.01], seeds: 20, epochs: 100 }).seconds).toBeCloseTo(2 * one, 12);
    expect(rateSweepWork({ ...base, rates: [0.01], seeds: 10, epochs: 200 }).seconds).toBeCloseTo(2 * one, 12);
    expect(rateSweepWork({ ...base, rates: [0.01, 0.1], seeds: 10, epochs: 100 }).seconds).toBeCloseTo(2 * one, 12);
  });
});
