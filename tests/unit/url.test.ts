import { describe, expect, it } from 'vitest';
import { joinBase, normaliseBase } from '../../src/lib/url';

describe('normaliseBase', () => {
  it('gives the root when no base path is set', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('/')).toBe('/');
  });

  it('adds the missing leading and trailing slashes', () => {
    expect(normaliseBase('course')).toBe('/course/');
    expect(normaliseBase('/course')).toBe('/course/');
    expect(normaliseBase('course/')).toBe('/course/');
  });

  it('collapses repeated slashes and ignores surrounding spaces', () => {
    expect(normaliseBase(' //course//v2/ ')).toBe('/course/v2/');
  });
});

describe('joinBase', () => {
  it('puts exactly one slash between the root base and the path', () => {
    expect(joinBase('/', 'glossary/')).toBe('/glossary/');
    expect(joinBase('/', '/glossary/')).toBe('/glossary/');
  });

  it('puts exactly one slash between a sub-path base and the path', () => {
    expect(joinBase('/course/', 'lessons/01-the-data/')).toBe('/course/lessons/01-the-data/');
    expect(joinBase('/course/', '/lessons/01-the-data/')).toBe('/course/lessons/01-the-data/');
    expect(joinBase('/course', 'favicon.svg')).toBe('/course/favicon.svg');
  });

  it('returns the base itself for an empty path, so the home link keeps its trailing slash', () => {
    expect(joinBase('/', '')).toBe('/');
    expect(joinBase('/course/', '')).toBe('/course/');
  });

  it('keeps fragments and query strings as written', () => {
    expect(joinBase('/course/', 'glossary/#dead-unit')).toBe('/course/glossary/#dead-unit');
    expect(joinBase('/', 'lessons/x/?seed=3#run')).toBe('/lessons/x/?seed=3#run');
  });

  it('refuses URLs that leave the site', () => {
    expect(() => joinBase('/', 'https://example.com/')).toThrow(/external URL/);
    expect(() => joinBase('/', '//cdn.example.com/katex.css')).toThrow(/external URL/);
  });
});
