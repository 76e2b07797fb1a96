import { describe, expect, it } from 'vitest';
import { serviceWorkerSource, urlForFile } from '../../src/integrations/service-worker';

describe('the offline service worker', () => {
  it('maps built files to the URLs they are served at, under any base', () => {
    expect(urlForFile('/', 'index.html')).toBe('/');
    expect(urlForFile('/course/', 'lessons/01-the-data/index.html')).toBe('/course/lessons/01-the-data/');
    expect(urlForFile('/course/', '_astro/app.123.js')).toBe('/course/_astro/app.123.js');
    expect(urlForFile('/', '404.html')).toBe('/404.html');
  });

  it('is valid JavaScript that names its version, base and files', () => {
    const source = serviceWorkerSource({ version: 'abc', urls: ['/course/', '/course/x.js'], base: '/course/' });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("'nine-parameters-abc'");
    expect(source).toContain('["/course/","/course/x.js"]');
  });
});
