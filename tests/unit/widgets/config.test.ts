import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DATA_EXPLORER_DEFAULTS,
  DATA_EXPLORER_RULES,
  parseDataExplorerConfig,
  serializeDataExplorerConfig,
  toDatasetOptions,
  type DataExplorerConfig,
} from '../../../src/widgets/data-explorer/config';
import { makeDataset } from '../../../src/trainer/data';

describe('parseDataExplorerConfig', () => {
  it('gives the defaults, with no notices, for an empty source', () => {
    expect(parseDataExplorerConfig({})).toEqual({ config: DATA_EXPLORER_DEFAULTS, notices: [] });
    expect(parseDataExplorerConfig(new URLSearchParams())).toEqual({ config: DATA_EXPLORER_DEFAULTS, notices: [] });
  });

  it('reads every setting from a query string', () => {
    const { config, notices } = parseDataExplorerConfig(
      new URLSearchParams('n=1000&x1Low=-2&x1High=3.5&x2Low=0&x2High=1&noiseLow=0&noiseHigh=3&seed=42&scaling=minmax'),
    );
    expect(notices).toEqual([]);
    expect(config).toEqual({ n: 1000, x1Low: -2, x1High: 3.5, x2Low: 0, x2High: 1, noiseLow: 0, noiseHigh: 3, seed: 42, scaling: 'minmax' });
  });

  it('reads data-* attributes the way the element exposes them (dataset keys)', () => {
    expect(parseDataExplorerConfig({ n: '50', scaling: 'none' }).config).toMatchObject({ n: 50, scaling: 'none' });
  });

  it('ignores a garbled number with a notice and keeps the default', () => {
    const { config, notices } = parseDataExplorerConfig(new URLSearchParams('n=abc&seed=1.5'));
    expect(config.n).toBe(300);
    expect(config.seed).toBe(1);
    expect(notices).toEqual([
      '“abc” is not a number. Number of samples n needs a whole number from 1 to 10,000. Using 300.',
      'Data seed must be a whole number (no decimals). Type a whole number from 0 to 999,999,999. Using 1.',
    ]);
  });

  it('refuses extremes: NaN, infinity, huge, negative and empty values', () => {
    for (const text of ['NaN', 'Infinity', '1e308', '-5', '', '  ']) {
      const { config, notices } = parseDataExplorerConfig({ n: text });
      expect(config.n).toBe(300);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/Number of samples n/);
    }
  });

  it('accepts the smallest and largest allowed values', () => {
    expect(parseDataExplorerConfig({ n: '1', seed: '0' }).config).toMatchObject({ n: 1, seed: 0 });
    expect(parseDataExplorerConfig({ n: '10000', x1Low: '-100', x1High: '100' }).config).toMatchObject({ n: 10_000, x1Low: -100, x1High: 100 });
  });

  it('resets a range whose ends are the wrong way round, and says so', () => {
    const { config, notices } = parseDataExplorerConfig({ x1Low: '4', x1High: '-4' });
    expect([config.x1Low, config.x1High]).toEqual([-5, 5]);
    expect(notices).toEqual(['The x1 range runs from 4 to -4: its lowest value must not be above its highest. Using -5 to 5.']);
  });

  it('accepts spellings of the scaling and ignores unknown ones', () => {
    expect(parseDataExplorerConfig({ scaling: 'Z-Score' }).config.scaling).toBe('zscore');
    expect(parseDataExplorerConfig({ scaling: 'min max' }).config.scaling).toBe('minmax');
    const { config, notices } = parseDataExplorerConfig({ scaling: 'log' });
    expect(config.scaling).toBe('zscore');
    expect(notices[0]).toMatch(/Ignored scaling “log”/);
  });

  it('ignores unknown settings with a notice, but not the attributes Astro adds', () => {
    expect(parseDataExplorerConfig({ colour: 'red', astroCid4x: '' }).notices).toEqual(['Ignored the unknown setting “colour”.']);
  });

  it('treats markup in a value as text to quote, never as markup', () => {
    const { notices } = parseDataExplorerConfig(new URLSearchParams('n=<img src=x onerror=alert(1)>'));
    expect(notices[0]).toMatch(/^“<img src=x onerror=al…” is not a number/);
  });
});

describe('serializeDataExplorerConfig', () => {
  it('writes every setting under the key it is read from', () => {
    expect(serializeDataExplorerConfig(DATA_EXPLORER_DEFAULTS).toString()).toBe(
      'n=300&x1Low=-5&x1High=5&x2Low=-10&x2High=10&noiseLow=-1&noiseHigh=1&seed=1&scaling=zscore',
    );
  });

  it('round-trips every valid config exactly', () => {
    const number = (key: keyof typeof DATA_EXPLORER_RULES) => {
      const r = DATA_EXPLORER_RULES[key];
      return r.integer ? fc.integer({ min: r.min, max: r.max }) : fc.double({ min: r.min, max: r.max, noNaN: true });
    };
    const configs = fc
      .record({
        n: number('n'),
        x1Low: number('x1Low'),
        x1High: number('x1High'),
        x2Low: number('x2Low'),
        x2High: number('x2High'),
        noiseLow: number('noiseLow'),
        noiseHigh: number('noiseHigh'),
        seed: number('seed'),
        scaling: fc.constantFrom('zscore' as const, 'minmax' as const, 'none' as const),
      })
      .map((c): DataExplorerConfig => ({
        ...c,
        x1Low: Math.min(c.x1Low, c.x1High) + 0,
        x1High: Math.max(c.x1Low, c.x1High) + 0,
        x2Low: Math.min(c.x2Low, c.x2High) + 0,
        x2High: Math.max(c.x2Low, c.x2High) + 0,
        noiseLow: Math.min(c.noiseLow, c.noiseHigh) + 0,
        noiseHigh: Math.max(c.noiseLow, c.noiseHigh) + 0,
      }));
    fc.assert(
      fc.property(configs, (config) => {
        const { config: back, notices } = parseDataExplorerConfig(serializeDataExplorerConfig(config));
        expect(notices).toEqual([]);
        expect(back).toEqual(config);
      }),
    );
  });
});

describe('toDatasetOptions', () => {
  it('gives the trainer the default data set for the default config', () => {
    const data = makeDataset(toDatasetOptions(DATA_EXPLORER_DEFAULTS));
    expect(data.options).toEqual({ n: 300, x1Range: [-5, 5], x2Range: [-10, 10], noiseRange: [-1, 1], seed: 1, scaling: 'zscore' });
  });
});
