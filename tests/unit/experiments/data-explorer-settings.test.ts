import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataExplorerSettings as schema, explorerDataset, type DataExplorerConfig } from '../../../src/experiments/data-explorer/settings';
import type { NumberField } from '../../../src/experiments/settings/fields';
import { expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the data explorer settings', () => {
  it('give the defaults, with no notices, for an empty source', () => {
    expect(parse({})).toEqual({ config: schema.defaults, notices: [] });
    expect(parse(new URLSearchParams())).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.defaults).toEqual({ n: 300, x1Low: -5, x1High: 5, x2Low: -10, x2High: 10, noiseLow: -1, noiseHigh: 1, scaling: 'zscore', seed: 1 });
  });

  it('read every setting from a query string', () => {
    const { config, notices } = parse(new URLSearchParams('n=1000&x1Low=-2&x1High=3.5&x2Low=0&x2High=1&noiseLow=0&noiseHigh=3&seed=42&scaling=minmax'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ n: 1000, x1Low: -2, x1High: 3.5, x2Low: 0, x2High: 1, noiseLow: 0, noiseHigh: 3, seed: 42, scaling: 'minmax' });
  });

  it('read data-* attributes the way the element exposes them (dataset keys)', () => {
    expect(parse({ n: '50', scaling: 'none' }).config).toMatchObject({ n: 50, scaling: 'none' });
  });

  it('ignore a garbled number with a notice naming the setting and the value used', () => {
    const { config, notices } = parse(new URLSearchParams('n=abc&seed=1.5'));
    expect(config.n).toBe(300);
    expect(config.seed).toBe(1);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/“abc”.*Number of samples n.*Using 300\.$/);
    expect(notices[1]).toMatch(/Data seed.*whole number.*Using 1\.$/);
  });

  it('refuse extremes: NaN, infinity, huge, negative and empty values', () => {
    for (const text of ['NaN', 'Infinity', '1e308', '-5', '', '  ']) {
      const { config, notices } = parse({ n: text });
      expect(config.n).toBe(300);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/Number of samples n/);
    }
  });

  it('accept the smallest and largest allowed values', () => {
    expect(parse({ n: '1', seed: '0' }).config).toMatchObject({ n: 1, seed: 0 });
    expect(parse({ n: '10000', x1Low: '-100', x1High: '100' }).config).toMatchObject({ n: 10_000, x1Low: -100, x1High: 100 });
  });

  it('reset a range whose ends are the wrong way round, and say so', () => {
    const { config, notices } = parse({ x1Low: '4', x1High: '-4' });
    expect([config.x1Low, config.x1High]).toEqual([-5, 5]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/x1 range.*4.*-4.*Using -5 to 5\.$/);
    expect(schema.problems({ ...schema.defaults, noiseLow: 2 })).toEqual([{ keys: ['noiseLow', 'noiseHigh'], message: expect.stringMatching(/noise range/) }]);
  });

  it('accept spellings of the scaling and ignore unknown ones', () => {
    expect(parse({ scaling: 'Z-Score' }).config.scaling).toBe('zscore');
    expect(parse({ scaling: 'min max' }).config.scaling).toBe('minmax');
    expect(parse({ scaling: 'min–max' }).config.scaling).toBe('minmax');
    const { config, notices } = parse({ scaling: 'log' });
    expect(config.scaling).toBe('zscore');
    expect(notices[0]).toMatch(/Scaling.*“log”.*Using z-score\.$/);
  });

  it('ignore unknown settings with a notice, but not the attributes Astro adds', () => {
    expectUnknownSettings(parse({ colour: 'red', astroCid4x: '' }).notices, ['colour']);
  });

  it('quote markup in a value as text, never as markup, and cut it short', () => {
    const { notices } = parse(new URLSearchParams('n=<img src=x onerror=alert(1)>'));
    expect(notices[0]).toMatch(/^“<img src=x onerror=al…” is not a number/);
  });

  it('write every setting under the key it is read from (links from before still open the same state)', () => {
    const old = 'n=300&x1Low=-5&x1High=5&x2Low=-10&x2High=10&noiseLow=-1&noiseHigh=1&seed=1&scaling=zscore';
    expect(parse(new URLSearchParams(old))).toEqual({ config: schema.defaults, notices: [] });
    expect(Object.fromEntries(schema.serialise(schema.defaults))).toEqual(Object.fromEntries(new URLSearchParams(old)));
  });

  it('round-trip every valid config exactly', () => {
    const number = (key: Exclude<keyof DataExplorerConfig, 'scaling'>) => {
      const f = schema.fields[key] as NumberField;
      return f.integer ? fc.integer({ min: f.min, max: f.max }) : fc.double({ min: f.min, max: f.max, noNaN: true });
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
        const { config: back, notices } = parse(schema.serialise(config));
        expect(notices).toEqual([]);
        expect(back).toEqual(config);
      }),
    );
  });

  it('make the default data set from the default settings', () => {
    expect(explorerDataset(schema.defaults).options).toEqual({ n: 300, x1Range: [-5, 5], x2Range: [-10, 10], noiseRange: [-1, 1], seed: 1, scaling: 'zscore' });
  });
});
