import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, displayAttributes, parseDisplay } from '../../src/lib/display';
import { sectionStarts, slideFromParameter, slideKey } from '../../src/lib/slides';

describe('presentation slides', () => {
  it('start a slide at every section heading, with the prose before the first one as its own slide', () => {
    expect(sectionStarts(['P', 'P', 'H2', 'P', 'NP-WIDGET', 'H2', 'H3', 'P'])).toEqual([0, 2, 5]);
  });

  it('do not make an empty first slide when the lesson opens with a section', () => {
    expect(sectionStarts(['H2', 'P', 'H2'])).toEqual([0, 2]);
  });

  it('read ?present=N as the N-th slide, kept within the lesson', () => {
    expect(slideFromParameter('3', 9)).toBe(2);
    expect(slideFromParameter('', 9)).toBe(0);
    expect(slideFromParameter('0', 9)).toBe(0);
    expect(slideFromParameter('99', 9)).toBe(8);
    expect(slideFromParameter('abc', 9)).toBe(0);
  });

  it('move with the arrow and page keys, stop at the ends, leave with Escape and ignore other keys', () => {
    expect(slideKey('ArrowRight', 2, 5)).toBe(3);
    expect(slideKey('PageDown', 4, 5)).toBe(4);
    expect(slideKey('ArrowLeft', 0, 5)).toBe(0);
    expect(slideKey('End', 0, 5)).toBe(4);
    expect(slideKey('Home', 3, 5)).toBe(0);
    expect(slideKey('Escape', 3, 5)).toBe('exit');
    expect(slideKey('a', 3, 5)).toBeNull();
  });
});

describe('display choices', () => {
  it('read what was stored, field by field, and fall back to the defaults for anything else', () => {
    expect(parseDisplay('{"theme":"dark","text":"larger"}')).toEqual({ theme: 'dark', text: 'larger' });
    expect(parseDisplay('{"theme":"purple","text":"large"}')).toEqual({ theme: 'system', text: 'large' });
    expect(parseDisplay('not json')).toEqual(DEFAULT_DISPLAY);
    expect(parseDisplay(null)).toEqual(DEFAULT_DISPLAY);
    expect(parseDisplay('null')).toEqual(DEFAULT_DISPLAY);
  });

  it('put only chosen values on the page root', () => {
    expect(displayAttributes(DEFAULT_DISPLAY)).toEqual({});
    expect(displayAttributes({ theme: 'light', text: 'large' })).toEqual({ 'data-theme': 'light', 'data-text-size': 'large' });
  });
});
