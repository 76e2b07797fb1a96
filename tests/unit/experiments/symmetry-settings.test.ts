import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { symmetrySettings as schema, type SymmetryConfig } from '../../../src/experiments/symmetry/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the symmetry settings', () => {
  it('give lesson 11’s defaults, with no notices, for an empty source', () => {
    expect(parse({})).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.defaults).toEqual({ start: 'weights0-biases2', nudge: 'W1', epsilon: 0, learningRate: 0.05, epochs: 3000 });
  });

  it('open a link written before the schema to the same config (same keys, same value formats)', () => {
    const old = 'start=weights0-biases2&nudge=W1&epsilon=0&learningRate=0.05&epochs=3000';
    expect(parse(new URLSearchParams(old))).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.serialise(schema.defaults).toString()).toBe(old);
    // The lesson's nudged run, as the e2e test's link gives it.
    expect(parse(new URLSearchParams('start=weights2-biases0&nudge=W3&epsilon=0.3')).config).toEqual({ ...schema.defaults, start: 'weights2-biases0', nudge: 'W3', epsilon: 0.3 });
  });

  it('read the nudged parameter in any case', () => {
    expect(parse({ nudge: 'w3' }).config.nudge).toBe('W3');
  });

  it('refuse a bad value with a notice naming the setting, keeping the default', () => {
    const cases: [keyof SymmetryConfig, string, RegExp][] = [
      ['start', 'zeros', /not one of/],
      ['nudge', 'W2', /not one of/],
      ['epsilon', '2', /at most/],
      ['epsilon', 'NaN', /actual number/],
      ['learningRate', '0.0001', /at least/],
      ['learningRate', '-0.1', /positive/],
      ['epochs', '1.5', /whole number/],
      ['epochs', '0', /at least/],
    ];
    for (const [key, text, says] of cases) {
      const { config, notices } = parse({ [key]: text });
      expect(config).toEqual(schema.defaults);
      expect(notices).toHaveLength(1);
      expectNotice(notices[0], { names: schema.fields[key].label, says, uses: schema.fields[key].show(schema.defaults[key] as never) });
    }
  });

  it('name unknown settings', () => {
    expectUnknownSettings(parse({ colour: 'red' }).notices, ['colour']);
  });

  it('round-trip every valid config through a link', () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.constantFrom('weights0-biases2' as const, 'weights2-biases0' as const),
          nudge: fc.constantFrom('W1' as const, 'W3' as const, 'W5' as const, 'B1' as const),
          epsilon: fc.double({ min: -1, max: 1, noNaN: true }).map((v) => v + 0),
          learningRate: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
          epochs: fc.integer({ min: 1, max: 20_000 }),
        }),
        (c) => {
          expect(parse(schema.serialise(c))).toEqual({ config: c, notices: [] });
        },
      ),
    );
  });
});
