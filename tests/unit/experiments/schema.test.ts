import { describe, expect, it } from 'vitest';
import { choiceField, customField, flagField, numberField } from '../../../src/experiments/settings/fields';
import { defineSettings, differentPair, orderedPair } from '../../../src/experiments/settings/schema';

const rates = customField<number[]>({
  label: 'Rates',
  default: [0.01, 0.1],
  read: (text) => {
    const values = text.split(',').map(Number);
    return values.every((v) => Number.isFinite(v) && v > 0) ? { ok: true, value: values } : { ok: false, message: `Rates: “${text}” is not a list of positive numbers.` };
  },
  write: (value) => value.join(','),
});

const settings = defineSettings(
  {
    low: numberField({ label: 'Low', min: 0, max: 10, default: 1 }),
    high: numberField({ label: 'High', min: 0, max: 10, default: 5 }),
    count: numberField({ label: 'Count', min: 1, max: 100, integer: true, default: 10 }),
    mode: choiceField<'fast' | 'slow'>({ label: 'Mode', default: 'fast', options: [{ value: 'fast', label: 'Fast' }, { value: 'slow', label: 'Slow' }] }),
    trace: flagField({ label: 'Trace', default: false }),
    rates,
  },
  [orderedPair('low', 'high', 'range')],
);

describe('a settings schema', () => {
  it('takes every default from its field', () => {
    expect(settings.defaults).toEqual({ low: 1, high: 5, count: 10, mode: 'fast', trace: false, rates: [0.01, 0.1] });
    expect(settings.keys).toEqual(['low', 'high', 'count', 'mode', 'trace', 'rates']);
  });

  it('reads each kind of field from text', () => {
    const { config, notices } = settings.parse({ low: '2', count: '7', mode: 'SLOW', trace: 'yes', rates: '0.5,1' });
    expect(notices).toEqual([]);
    expect(config).toEqual({ low: 2, high: 5, count: 7, mode: 'slow', trace: true, rates: [0.5, 1] });
  });

  it('keeps the value in force and names the setting when a value is bad', () => {
    const { config, notices } = settings.parse({ count: '2.5', mode: 'medium', trace: 'maybe', rates: 'x' });
    expect(config).toEqual(settings.defaults);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/^Count .*Using 10\.$/);
    expect(notices[1]).toMatch(/^Mode: “medium”.*Using Fast\.$/);
    expect(notices[2]).toMatch(/^Trace: “maybe”.*Using off\.$/);
    expect(notices[3]).toMatch(/^Rates: “x”.*Using 0\.01,0\.1\.$/);
  });

  it('puts a broken rule’s settings back and says so', () => {
    const { config, notices } = settings.parse({ low: '9', high: '3' });
    expect([config.low, config.high]).toEqual([1, 5]);
    expect(notices).toEqual([expect.stringMatching(/range runs from 9 to 3.*Using 1 to 5\.$/)]);
    expect(settings.problems({ ...settings.defaults, low: 8 })).toHaveLength(1);
    expect(settings.problems(settings.defaults)).toEqual([]);
  });

  it('applies controls’ values silently, without enforcing rules, on top of a base', () => {
    const base = { ...settings.defaults, count: 42 };
    expect(settings.apply({ low: '9', high: '3', count: 'bad' }, base)).toEqual({ ...base, low: 9, high: 3 });
  });

  it('writes a link that reads back to the same settings, or only what differs from a base', () => {
    const config = { ...settings.defaults, mode: 'slow' as const, rates: [0.3] };
    expect(settings.parse(settings.serialise(config)).config).toEqual(config);
    expect(settings.serialise(config, settings.defaults).toString()).toBe('mode=slow&rates=0.3');
  });

  it('describes settings in words, with choices by their labels', () => {
    expect(settings.describe(settings.defaults, ['count', 'mode', 'trace'])).toBe('Count 10, Mode Fast, Trace off');
  });

  it('gives a lesson its own defaults without changing the fields', () => {
    const lesson = settings.withDefaults({ count: 3 });
    expect(lesson.defaults.count).toBe(3);
    expect(lesson.parse({}).config.count).toBe(3);
    expect(lesson.fields).toBe(settings.fields);
    expect(settings.defaults.count).toBe(10);
  });
});

describe('a rule with a repair', () => {
  type Pair = { kind: 'strict' | 'loose'; mode: 'a' | 'b' };
  const schema = defineSettings(
    {
      kind: choiceField<'strict' | 'loose'>({ label: 'Kind', default: 'loose', options: [{ value: 'strict', label: 'strict' }, { value: 'loose', label: 'loose' }] }),
      mode: choiceField<'a' | 'b'>({ label: 'Mode', default: 'a', options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }] }),
    },
    [{ keys: ['mode'], problem: (c: Pair) => (c.kind === 'strict' && c.mode === 'a' ? 'Strict needs b.' : null), repair: () => ({ mode: 'b' as const }) }],
  );

  it('mends with its own values where the base’s would break the rule again, and says so when the value was asked for', () => {
    expect(schema.parse({ kind: 'strict', mode: 'a' })).toEqual({ config: { kind: 'strict', mode: 'b' }, notices: ['Strict needs b. Using b.'] });
  });

  it('mends silently when the source gave none of the settings it changes', () => {
    expect(schema.parse({ kind: 'strict' })).toEqual({ config: { kind: 'strict', mode: 'b' }, notices: [] });
  });
});

describe('a schema given names that objects already have', () => {
  it('treats "constructor", "toString" and "__proto__" as unknown settings, not as fields', () => {
    const { config, notices } = settings.parse({ constructor: '1', toString: 'x', __proto__: 'y' } as Record<string, string>);
    expect(config).toEqual(settings.defaults);
    expect(notices.length).toBeGreaterThanOrEqual(2);
    expect(settings.apply({ constructor: '1' }, settings.defaults)).toEqual(settings.defaults);
  });
});

describe('rules that say how the other settings follow a reader’s change', () => {
  const pair = orderedPair<{ low: number; high: number }>('low', 'high', 'range');
  const axes = differentPair<{ x: string; y: string }>('x', 'y', 'The axes must differ.');

  it('leaves a range whose ends cross to be named, not mended: the other end following would make a range of one value', () => {
    expect(pair.follow).toBeUndefined();
    expect(pair.problem({ low: 7, high: 5 })).toMatch(/lowest value must not be above its highest/);
  });

  it('swaps two settings that must differ when one is set to the other’s value', () => {
    const previous = { x: 'W5', y: 'W6' };
    expect(axes.problem({ x: 'W5', y: 'W5' })).toBe('The axes must differ.');
    expect(axes.follow!({ x: 'W5', y: 'W5' }, previous)).toEqual({ x: 'W6' });
    expect(axes.follow!({ x: 'W6', y: 'W6' }, previous)).toEqual({ y: 'W5' });
    expect(axes.problem({ x: 'W2', y: 'W1' })).toBeNull();
  });
});
