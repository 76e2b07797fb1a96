import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { operationCounterSettings as schema } from '../../../src/experiments/operation-counter/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the operation counter settings', () => {
  it('give lesson 16’s defaults, with no notices, for an empty source', () => {
    expect(parse({})).toEqual({ config: { hidden: 2, n: 300, mask: false, epochs: 1 }, notices: [] });
  });

  it('open a link written before the schema to the same config, mask written on or off as it always was', () => {
    expect(parse(new URLSearchParams('hidden=4&mask=on&epochs=3'))).toEqual({ config: { hidden: 4, n: 300, mask: true, epochs: 3 }, notices: [] });
    expect(schema.serialise(schema.defaults).toString()).toBe('hidden=2&n=300&mask=off&epochs=1');
    expect(parse({ mask: ' ON ' }).config.mask).toBe(true);
  });

  it('refuse bad values with a notice naming the setting, keeping the default', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity', '-5', '0', '1e308', '2.5', '17']) {
      const { config, notices } = parse({ hidden: text });
      expect(config.hidden).toBe(2);
      expect(notices).toHaveLength(1);
      expectNotice(notices[0], { names: 'Hidden units H', uses: '2' });
    }
    expectNotice(parse({ mask: 'maybe' }).notices[0], { names: 'mask', quotes: 'maybe', uses: 'off' });
    expectNotice(parse({ epochs: '101' }).notices[0], { names: 'Epochs', says: /at most/, uses: '100' });
    expectUnknownSettings(parse({ width: '3' }).notices, ['width']);
  });

  it('round-trip every config through a link', () => {
    const arbitrary = fc.record({
      hidden: fc.integer({ min: 1, max: 16 }),
      n: fc.integer({ min: 1, max: 10_000 }),
      mask: fc.boolean(),
      epochs: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(arbitrary, (config) => {
        expect(parse(schema.serialise(config))).toEqual({ config, notices: [] });
      }),
    );
  });
});
