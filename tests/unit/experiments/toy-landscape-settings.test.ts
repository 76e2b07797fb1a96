import { describe, expect, it } from 'vitest';
import { settledAfter, toyLandscapeSettings, toyRun } from '../../../src/experiments/toy-landscape/settings';

const settings = toyLandscapeSettings;

describe('the toy landscape’s settings', () => {
  it('starts on the right of the hump, at a small rate, for 300 steps', () => {
    expect(settings.defaults).toEqual({ start: 2, learningRate: 0.01, steps: 300 });
  });

  it('opens a link from before the schema at the same settings, and writes it the same way', () => {
    const old = 'start=-1.5&learningRate=0.2&steps=40';
    expect(settings.parse(new URLSearchParams(old))).toEqual({ config: { start: -1.5, learningRate: 0.2, steps: 40 }, notices: [] });
    expect(settings.serialise({ start: -1.5, learningRate: 0.2, steps: 40 }).toString()).toBe(old);
  });

  it('explains bad values (empty, words, NaN, ±1e308, Infinity, out of range) and keeps the defaults', () => {
    for (const bad of ['', 'abc', 'NaN', '1e308', '-1e308', 'Infinity', '-3']) {
      const { config, notices } = settings.parse({ start: bad, learningRate: bad, steps: bad });
      expect(config).toEqual(settings.defaults);
      expect(notices).toHaveLength(3);
      for (const n of notices) expect(n).not.toMatch(/NaN|undefined/);
    }
    expect(settings.parse({ steps: '2.5' }).notices[0]).toMatch(/whole number/);
    expect(settings.parse({ colour: 'red' }).notices[0]).toMatch(/colour/);
  });

  it('runs the descent it describes, and finds where it settles', () => {
    const run = toyRun({ start: 2, learningRate: 0.01, steps: 300 });
    expect(run.path).toHaveLength(301);
    expect(settledAfter([3, 2, 1, 1.0001, 1])).toBe(2);
    expect(settledAfter([1])).toBe(0);
  });
});
