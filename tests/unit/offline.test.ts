import { describe, expect, it } from 'vitest';
import { serviceWorkerSource, urlForFile } from '../../src/integrations/service-worker';

describe('the offline service worker', () => {
  it('lists built files by their address relative to the site root: pages by folder, files as they are', () => {
    expect(urlForFile('index.html')).toBe('');
    expect(urlForFile('lessons/01-the-data/index.html')).toBe('lessons/01-the-data/');
    expect(urlForFile('_astro/app.123.js')).toBe('_astro/app.123.js');
    expect(urlForFile('404.html')).toBe('404.html');
  });

  it('is valid JavaScript that names its version and files and no fixed base', () => {
    const source = serviceWorkerSource({ version: 'abc', urls: ['', 'x.js'] });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("'nine-parameters-abc'");
    expect(source).toContain('["","x.js"]');
    expect(source).not.toMatch(/["']\/course\//);
  });

  it('resolves its files against its own folder, wherever the site was copied', () => {
    const source = serviceWorkerSource({ version: 'v', urls: ['', 'lessons/01/', '_astro/a.js'] });
    const listeners: Record<string, unknown> = {};
    const self = { location: { href: 'https://school.example/a/b/c/sw.js' }, addEventListener: (name: string, fn: unknown) => (listeners[name] = fn) };
    const urls = new Function('self', `${source}; return URLS;`)(self) as string[];
    expect(urls).toEqual(['https://school.example/a/b/c/', 'https://school.example/a/b/c/lessons/01/', 'https://school.example/a/b/c/_astro/a.js']);
    expect(Object.keys(listeners).sort()).toEqual(['activate', 'fetch', 'install']);
  });
});
