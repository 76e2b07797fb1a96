import { describe, expect, it } from 'vitest';
import { clipText, configEntries, oneOf } from '../../../src/experiments/settings/source';

describe('configEntries', () => {
  it('reads a query string and a dataset alike, in order, without Astro’s own keys', () => {
    expect(configEntries(new URLSearchParams('a=1&b=two'))).toEqual([['a', '1'], ['b', 'two']]);
    expect(configEntries({ a: '1', astroCid123: '', b: undefined, c: 'x' })).toEqual([['a', '1'], ['c', 'x']]);
  });
});

describe('clipText', () => {
  it('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(clipText('short')).toBe('short');
    expect(clipText('x'.repeat(40))).toBe(`${'x'.repeat(27)}…`);
    expect(clipText('abcdef', 5)).toBe('ab…');
  });
});

describe('oneOf', () => {
  const options = [{ value: 'hand-v' }, { value: 'he' }] as const;
  it('finds the option a text names, ignoring case and spaces, or null', () => {
    expect(oneOf(' HE ', options)).toBe('he');
    expect(oneOf('Hand-V', options)).toBe('hand-v');
    expect(oneOf('hen', options)).toBeNull();
  });
});
