import { describe, expect, it } from 'vitest';
import { gradientInspectorSettings as schema } from '../../../src/experiments/gradient-inspector/settings';
import { isNamedStart, startValues } from '../../../src/experiments/parameters/start';
import { PARAMETER_NAMES } from '../../../src/trainer/parameters';

describe('the gradient inspector settings', () => {
  it('start from the write-up’s example at η = 0.01', () => {
    const { config, notices } = schema.parse({});
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ start: 'writeup-example', learningRate: 0.01, ...startValues('writeup-example') });
    expect(isNamedStart(config)).toBe(true);
  });

  it('open a link from before (a named start with some values on top) to the same parameters', () => {
    const { config, notices } = schema.parse(new URLSearchParams('start=dead-unit&W6=-42&learningRate=0.003'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...startValues('dead-unit'), start: 'dead-unit', W6: -42, learningRate: 0.003 });
    expect(isNamedStart(config)).toBe(false);
  });

  it('round-trip exact values through a link (a training step is not rounded)', () => {
    const config = { ...schema.defaults, start: 'custom' as const, W1: 0.123456789012345, B3: -2.000000000001 };
    expect(schema.parse(schema.serialise(config)).config).toEqual(config);
  });

  it('refuse a learning rate of 1e308, text, zero or Infinity, naming the setting', () => {
    for (const text of ['1e308', 'abc', '0', 'Infinity', '']) {
      const { config, notices } = schema.parse({ learningRate: text });
      expect(config.learningRate).toBe(0.01);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/Learning rate η/);
    }
  });

  it('let parameters reach ±100, not beyond', () => {
    expect(schema.parse({ W3: '-99.5' }).config.W3).toBe(-99.5);
    expect(schema.parse({ W3: '101' }).notices[0]).toMatch(/W3.*at most 100/);
  });

  it('offer "Your own values" only as what the select shows, every named start by its values', () => {
    for (const start of ['writeup-example', 'he', 'dead-unit'] as const) {
      const values = startValues(start);
      expect(PARAMETER_NAMES.every((name) => Number.isFinite(values[name]))).toBe(true);
      expect(schema.parse({ start }).config).toMatchObject(values);
    }
    const custom = schema.fields.start.options.find((o) => o.value === 'custom');
    expect(custom?.disabled).toBe(true);
  });
});
