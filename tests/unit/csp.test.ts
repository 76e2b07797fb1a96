import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { policyFor, withPolicy } from '../../src/integrations/content-security-policy';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('the content security policy', () => {
  const page = '<html><head><meta charset="utf-8"><script type="module">run()</script><style>p{}</style>' +
    '<script type="module" src="/_astro/a.js"></script></head><body></body></html>';

  it('allows only our own origin and the exact inline scripts and styles of the page', () => {
    const policy = policyFor(page);
    expect(policy).toContain(`script-src 'self' ${hash('run()')}`);
    expect(policy).toContain(`style-src 'self' ${hash('p{}')}`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
  });

  it('goes right after <meta charset>, before any script, and only once', () => {
    const out = withPolicy(page);
    expect(out.indexOf('content-security-policy')).toBeLessThan(out.indexOf('<script'));
    expect(out.indexOf('<meta charset')).toBeLessThan(out.indexOf('content-security-policy'));
    expect(withPolicy(out)).toBe(out);
  });

  it('lets only the search page compile WebAssembly (Pagefind), never evaluate strings', () => {
    const search = page.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="np-search-page" content="">');
    expect(policyFor(search)).toMatch(/script-src 'self'[^;]*'wasm-unsafe-eval'/);
    expect(policyFor(search)).not.toMatch(/'unsafe-eval'/);
    expect(policyFor(page)).not.toContain('wasm-unsafe-eval');
  });
});
