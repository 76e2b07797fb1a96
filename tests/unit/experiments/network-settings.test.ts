import { describe, expect, it } from 'vitest';
import { initParams, WRITEUP_EXAMPLE } from '../../../src/trainer/init';
import { HAND_MADE_V } from '../../../src/trainer/presets';
import { networkSettings as schema, presetSettings } from '../../../src/experiments/network/settings';

const DEFAULTS = { ...HAND_MADE_V, seed: 1, sliceX2: 0, sliceX1: 0 };

describe('the network settings', () => {
  it('start from the hand-made V with both slices through 0', () => {
    expect(schema.parse({})).toEqual({ config: DEFAULTS, notices: [] });
  });

  it('read single parameters, the He seed and the slices as a link writes them', () => {
    const { config, notices } = schema.parse(new URLSearchParams('W5=2&sliceX2=-1.5&sliceX1=0.5&seed=7'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...DEFAULTS, W5: 2, sliceX2: -1.5, sliceX1: 0.5, seed: 7 });
  });

  it('start from a preset with given values winning over it', () => {
    const writeup = schema.withDefaults(presetSettings('writeup-example', 1));
    expect(writeup.parse({ W5: '2' }).config).toEqual({ ...DEFAULTS, ...WRITEUP_EXAMPLE, W5: 2 });
    const he = presetSettings('he', 7);
    expect(he.W1).toBeCloseTo(initParams({ preset: 'he', seed: 7 })[0], 4);
    // Rounded to the 4 decimals a parameter field shows, so the fields, the figure and the link agree.
    for (const value of Object.values(he)) expect(Math.round(value * 1e4) / 1e4).toBe(value);
    expect(presetSettings('hand-v', 3)).toEqual(HAND_MADE_V);
  });

  it('refuse bad input with a notice naming the setting and keep the value in force', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity', '1e308', '-11']) {
      const { config, notices } = schema.parse({ W5: text });
      expect(config.W5).toBe(HAND_MADE_V.W5);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/W5/);
    }
    expect(schema.parse({ sliceX2: '3' }).notices[0]).toMatch(/x2 held at must be at most 2/);
    expect(schema.parse({ seed: '1.5' }).notices[0]).toMatch(/whole number/);
    expect(schema.parse({ W7: '1' }).notices[0]).toMatch(/unknown setting “W7”/);
  });

  it('open the page as it wrote its data-* attributes before it had a link (w1 … b3, slicex2, seed)', () => {
    // Network.astro wrote every key in lower case; the kit reads an attribute in any case by its setting's name.
    const old = 'w1=1.6&w2=-1.6&w3=0.6&w4=0.6&w5=1&w6=1&b1=0&b2=0&b3=-1.4&seed=1&slicex2=0&slicex1=0';
    const canonical = new Map(schema.keys.map((k) => [k.toLowerCase(), k]));
    const source = Object.fromEntries([...new URLSearchParams(old)].map(([k, v]) => [canonical.get(k) ?? k, v]));
    expect(schema.parse(source)).toEqual({ config: DEFAULTS, notices: [] });
  });

  it('round-trip through a link', () => {
    const config = { ...DEFAULTS, ...WRITEUP_EXAMPLE, seed: 3, sliceX2: -1, sliceX1: 1.25 };
    expect(schema.parse(schema.serialise(config))).toEqual({ config, notices: [] });
  });
});
