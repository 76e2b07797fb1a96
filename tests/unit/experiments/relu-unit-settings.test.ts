import { describe, expect, it } from 'vitest';
import { RELU_UNIT_PRESETS, reluUnitSettings as schema } from '../../../src/experiments/relu-unit/settings';

describe('the ReLU unit settings', () => {
  it('start from the slanted default unit, with no notices', () => {
    expect(schema.parse({})).toEqual({ config: { W1: 1, W3: 0.5, B1: -0.5 }, notices: [] });
  });

  it('read W1, W3 and B1 as a link writes them', () => {
    expect(schema.parse(new URLSearchParams('W1=-1&B1=3')).config).toEqual({ W1: -1, W3: 0.5, B1: 3 });
  });

  it('start from a preset with given values winning over it', () => {
    const dead = schema.withDefaults(RELU_UNIT_PRESETS.dead.values);
    expect(dead.parse({}).config).toEqual(RELU_UNIT_PRESETS.dead.values);
    expect(dead.parse({ B1: '1' }).config).toEqual({ ...RELU_UNIT_PRESETS.dead.values, B1: 1 });
  });

  it('refuse bad values with a notice naming the parameter, keeping the value in force', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity', '-1e308', '11', '1,5']) {
      const { config, notices } = schema.parse({ W1: text });
      expect(config.W1).toBe(1);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/W1/);
    }
  });

  it('name the other unit’s parameters as unknown here', () => {
    expect(schema.parse({ W2: '1' }).notices[0]).toMatch(/unknown setting “W2”/);
  });

  it('round-trip through a link', () => {
    const config = { W1: -1.25, W3: 3, B1: 0 };
    expect(schema.parse(schema.serialise(config)).config).toEqual(config);
  });
});
