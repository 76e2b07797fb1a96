import { describe, expect, it } from 'vitest';
import { forwardPassSettings as schema } from '../../../src/experiments/forward-pass/settings';
import { startValues } from '../../../src/experiments/parameters/start';

describe('the forward-pass settings', () => {
  it('start from the write-up’s example, sample 1, every step taken', () => {
    expect(schema.parse({})).toEqual({ config: { start: 'writeup-example', ...startValues('writeup-example'), sample: 1, step: 6 }, notices: [] });
  });

  it('open a link from before (a named start, one value on top, sample and step) to the same state', () => {
    const { config, notices } = schema.parse(new URLSearchParams('start=he&W5=0.5&sample=42&step=3'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...startValues('he'), start: 'he', W5: 0.5, sample: 42, step: 3 });
    expect(schema.parse(schema.serialise(config)).config).toEqual(config);
  });

  it('explain bad values, naming each, and keep the values in force', () => {
    const { config, notices } = schema.parse(new URLSearchParams('sample=0&step=abc&W2=1e308&colour=red'));
    expect(config).toEqual(schema.defaults);
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).toMatch(/Sample number must be at least 1/);
    expect(notices.join(' ')).toMatch(/“abc” is not a number/);
    expect(notices.join(' ')).toMatch(/W2 must be at most 10/);
    expect(notices.join(' ')).toMatch(/unknown setting “colour”/);
    expect(schema.parse({ sample: '301' }).notices[0]).toMatch(/at most 300/);
    expect(schema.parse({ step: '2.5' }).notices[0]).toMatch(/whole number/);
  });
});
