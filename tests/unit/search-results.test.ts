import { describe, expect, it } from 'vitest';
import { excerptParts, queryOf } from '../../src/lib/search-results';

describe('a search excerpt', () => {
  it('splits into plain and marked parts, with the text’s entities read back', () => {
    expect(excerptParts('the <mark>learning</mark> rate &amp; the &lt;b&gt; tag')).toEqual([
      { text: 'the ', marked: false },
      { text: 'learning', marked: true },
      { text: ' rate & the <b> tag', marked: false },
    ]);
  });

  it('drops any other tag rather than passing markup on', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>a <mark><i>b</i></mark>')).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
    ]);
  });

  it('is empty for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('the query in a search address', () => {
  it('is ?q=, trimmed, and empty when absent', () => {
    expect(queryOf('?q=+learning+rate+')).toBe('learning rate');
    expect(queryOf('?x=1')).toBe('');
    expect(queryOf('')).toBe('');
  });
});
