import { describe, expect, it } from 'vitest';
import { initParams, WRITEUP_EXAMPLE } from '../../../src/trainer/init';
import { HAND_MADE_V } from '../../../src/trainer/presets';
import { NETWORK_DEFAULTS, parseNetworkConfig, serializeNetworkConfig } from '../../../src/widgets/network/config';
import { expectNotice } from '../../helpers/notice';

describe('parseNetworkConfig', () => {
  it('starts from the hand-made V with both slices through 0', () => {
    expect(parseNetworkConfig({})).toEqual({ config: { params: HAND_MADE_V, seed: 1, sliceX2: 0, sliceX1: 0 }, notices: [] });
  });

  it('reads presets, the He seed, the slices and single parameters, given values winning over the preset', () => {
    const { config, notices } = parseNetworkConfig(new URLSearchParams('preset=writeup-example&W5=2&sliceX2=-1.5&slicex1=0.5'));
    expect(notices).toEqual([]);
    expect(config.params).toEqual({ ...WRITEUP_EXAMPLE, W5: 2 });
    expect([config.sliceX2, config.sliceX1]).toEqual([-1.5, 0.5]);
    const he = parseNetworkConfig({ preset: 'he', seed: '7' }).config;
    expect(he.seed).toBe(7);
    expect(he.params.W1).toBeCloseTo(initParams({ preset: 'he', seed: 7 })[0], 4);
  });

  it('reads data-* attributes in lower case, as the element shows them', () => {
    expect(parseNetworkConfig({ w5: '3', b3: '-1', slicex2: '1' }).config).toMatchObject({ params: { ...HAND_MADE_V, W5: 3, B3: -1 }, sliceX2: 1 });
  });

  it('refuses bad input with a notice and keeps the starting value', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity', '1e308', '-11']) {
      const { config, notices } = parseNetworkConfig({ W5: text });
      expect(config.params.W5).toBe(HAND_MADE_V.W5);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/W5/);
    }
    expect(parseNetworkConfig({ sliceX2: '3' }).notices[0]).toMatch(/x2 held at must be at most 2/);
    expect(parseNetworkConfig({ seed: '1.5' }).notices[0]).toMatch(/whole number/);
    expectNotice(parseNetworkConfig({ preset: 'best' }).notices[0], { names: 'preset', quotes: '“best”' });
    expect(parseNetworkConfig({ W7: '1' }).notices[0]).toMatch(/unknown setting “W7”/);
  });

  it('round-trips through its query string', () => {
    const config = { ...NETWORK_DEFAULTS, params: { ...WRITEUP_EXAMPLE }, seed: 3, sliceX2: -1, sliceX1: 1.25 };
    expect(parseNetworkConfig(serializeNetworkConfig(config)).config).toEqual(config);
  });
});
