import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LOSS_EXPLORER_DEFAULTS,
  PARAMETER_LIMIT,
  parseLossExplorerConfig,
  resolveParameters,
  serializeLossExplorerConfig,
} from '../../../src/widgets/loss-explorer/config';
import { expectNotice } from '../../helpers/notice';

describe('parseLossExplorerConfig', () => {
  it('gives the defaults, with no notices, for an empty source', () => {
    expect(parseLossExplorerConfig({})).toEqual({ config: LOSS_EXPLORER_DEFAULTS, notices: [] });
    expect(parseLossExplorerConfig(new URLSearchParams())).toEqual({ config: LOSS_EXPLORER_DEFAULTS, notices: [] });
  });

  it('reads the start, the sliced parameter, the axis and parameter values from a query string', () => {
    const { config, notices } = parseLossExplorerConfig(new URLSearchParams('start=zeros&parameter=w5&axis=log&W5=1&B3=-0.25'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ start: 'zeros', parameter: 'W5', axis: 'log', values: { W5: 1, B3: -0.25 } });
  });

  it('reads data-* attributes the way the element exposes them (lower-case dataset keys)', () => {
    const { config } = parseLossExplorerConfig({ w1: '1.5', b2: '−2', start: 'trained' });
    expect(config.values).toEqual({ W1: 1.5, B2: -2 });
    expect(config.start).toBe('trained');
  });

  it('ignores Astro’s own data-astro-* attributes', () => {
    expect(parseLossExplorerConfig({ astroCid: 'x' }).notices).toEqual([]);
  });

  it('explains every garbled setting and keeps the default instead', () => {
    const { config, notices } = parseLossExplorerConfig({ start: 'random', parameter: 'W7', axis: 'cubic', W1: 'abc', W2: '1e308', B1: 'NaN', colour: 'red' });
    expect(config).toEqual(LOSS_EXPLORER_DEFAULTS);
    expect(notices).toHaveLength(7);
    expectNotice(notices.join(' '), { names: ['start', 'parameter', 'axis'], quotes: '“random”' });
    expectNotice(notices.join(' '), { quotes: '“W7”' });
    expectNotice(notices.join(' '), { quotes: '“cubic”' });
    expect(notices.join(' ')).toMatch(/“abc” is not a number/);
    expect(notices.join(' ')).toMatch(/W2 must be at most 10/);
    expect(notices.join(' ')).toMatch(/B1 must be an actual number/);
    expect(notices.join(' ')).toMatch(/unknown setting “colour”/);
  });

  it('never throws and always returns finite values within the limits, whatever it is given', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (source) => {
        const { config } = parseLossExplorerConfig(source);
        for (const v of Object.values(config.values)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(Math.abs(v!)).toBeLessThanOrEqual(PARAMETER_LIMIT);
        }
      }),
    );
  });

  it('round-trips through its query string', () => {
    const config = { start: 'writeup-example' as const, parameter: 'B1' as const, axis: 'linear' as const, values: { W3: 8.47, B3: -2.5 } };
    expect(parseLossExplorerConfig(serializeLossExplorerConfig(config)).config).toEqual(config);
  });
});

describe('resolveParameters', () => {
  it('takes the preset’s values and puts the given ones on top, in layout order', () => {
    const preset = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const params = resolveParameters({ ...LOSS_EXPLORER_DEFAULTS, values: { W2: -1, B3: 0 } }, preset);
    expect(Array.from(params)).toEqual([1, -1, 3, 4, 5, 6, 7, 8, 0]);
  });
});
