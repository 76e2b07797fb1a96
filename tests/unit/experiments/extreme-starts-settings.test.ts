import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extremeStartsSettings as schema, type ExtremeStartsConfig } from '../../../src/experiments/extreme-starts/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the extreme-starts settings', () => {
  it('give lesson 12’s defaults, with no notices, for an empty source', () => {
    expect(parse({})).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.defaults).toEqual({ start: 'zeros', seed: 1, learningRate: 0.01, epochs: 3000, scaling: 'zscore' });
  });

  it('open a link written before the schema to the same config (same keys, same value formats)', () => {
    const old = 'start=zeros&seed=1&learningRate=0.01&epochs=3000&scaling=zscore';
    expect(parse(new URLSearchParams(old))).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.serialise(schema.defaults).toString()).toBe(old);
    const { config, notices } = parse(new URLSearchParams('start=huge-weights&seed=7&learningRate=1e-16&epochs=20000&scaling=min-max'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ start: 'huge-weights', seed: 7, learningRate: 1e-16, epochs: 20000, scaling: 'minmax' });
  });

  it('refuse a bad value with a notice naming the setting, keeping the default', () => {
    const cases: [keyof ExtremeStartsConfig, string, RegExp][] = [
      ['start', 'ones', /not one of/],
      ['seed', '-1', /at least/],
      ['learningRate', '0', /at least/],
      ['learningRate', '-1', /positive/],
      ['learningRate', '11', /at most/],
      ['epochs', 'lots', /not a number/],
      ['epochs', '20001', /at most/],
      ['scaling', 'none', /not one of/],
    ];
    for (const [key, text, says] of cases) {
      const { config, notices } = parse({ [key]: text });
      expect(config).toEqual(schema.defaults);
      expect(notices).toHaveLength(1);
      expectNotice(notices[0], { names: schema.fields[key].label, says });
    }
    expect(parse({ learningRate: '0' }).notices[0]).toContain('1e-16');
  });

  it('name unknown settings', () => {
    expectUnknownSettings(parse({ x: '1' }).notices, ['x']);
  });

  it('round-trip every valid config through a link', () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.constantFrom('zeros' as const, 'huge-weights' as const, 'large-biases' as const, 'he' as const),
          seed: fc.integer({ min: 0, max: 999_999_999 }),
          learningRate: fc.double({ min: 1e-16, max: 10, noNaN: true }),
          epochs: fc.integer({ min: 1, max: 20_000 }),
          scaling: fc.constantFrom('zscore' as const, 'minmax' as const),
        }),
        (c) => {
          expect(parse(schema.serialise(c))).toEqual({ config: c, notices: [] });
        },
      ),
    );
  });
});
