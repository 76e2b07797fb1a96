import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtPaths } from '../../src/integrations/relative';
import { folderOf, relativeUrl, rewriteCss, rewriteHtml } from '../../src/integrations/relative-urls';

const built = builtPaths(['index.html', 'glossary/index.html', 'lessons/01-the-data/index.html', '_astro/a.css', '_astro/K.woff2', 'favicon.svg', 'lab/relu.ipynb']);
const root = { base: '/', exists: built };
const course = { base: '/course/', exists: built };

describe('relativeUrl', () => {
  it('climbs out of a page folder as many levels as it is deep', () => {
    expect(relativeUrl('lessons/01-the-data/', '_astro/a.css')).toBe('../../_astro/a.css');
    expect(relativeUrl('glossary/', 'lessons/01-the-data/')).toBe('../lessons/01-the-data/');
    expect(relativeUrl('', 'glossary/')).toBe('glossary/');
  });

  it('names the home page and a page itself as folders', () => {
    expect(relativeUrl('', '')).toBe('./');
    expect(relativeUrl('lessons/01-the-data/', '')).toBe('../../');
    expect(relativeUrl('glossary/', 'glossary/#seed')).toBe('./#seed');
  });

  it('keeps the query and the fragment', () => {
    expect(relativeUrl('lessons/01-the-data/', 'lessons/07/?console.seed=2&x=1#widget-console')).toBe('../07/?console.seed=2&x=1#widget-console');
  });

  it('reaches a file named like the folder it is linked from (found by the property below)', () => {
    expect(relativeUrl('4-/', '4-')).toBe('../4-');
    expect(new URL(relativeUrl('a/b/', 'a/b'), 'https://h.example/a/b/').pathname).toBe('/a/b');
  });

  it('never produces something that reads as a scheme', () => {
    expect(relativeUrl('', 'a:b/')).toBe('./a:b/');
  });

  it('resolves back to the same address from any folder, in any host folder (property)', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    const folder = fc.array(segment, { maxLength: 4 }).map((parts) => parts.map((p) => `${p}/`).join(''));
    const target = fc.tuple(fc.array(segment, { maxLength: 4 }), fc.boolean()).map(([parts, isFolder]) => (isFolder ? parts.map((p) => `${p}/`).join('') : parts.join('/')));
    fc.assert(
      fc.property(folder, target, folder, (from, to, host) => {
        const page = new URL(`https://h.example/${host}${from}`);
        expect(new URL(relativeUrl(from, to), page).href).toBe(new URL(`https://h.example/${host}${to}`).href);
      }),
    );
  });
});

describe('rewriteHtml', () => {
  it('makes the URLs of links, scripts, styles, icons and data attributes page-relative', () => {
    const html = '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.css"></script><a href="/glossary/#seed">s</a><option value="/lessons/01-the-data/?a=1&amp;b=2">x</option><div data-page="/lab/relu.ipynb"></div>';
    expect(rewriteHtml(html, 'lessons/01-the-data/', root)).toBe(
      '<link rel="stylesheet" href="../../_astro/a.css"><script type="module" src="../../_astro/a.css"></script><a href="../../glossary/#seed">s</a><option value="./?a=1&amp;b=2">x</option><div data-page="../../lab/relu.ipynb"></div>',
    );
  });

  it('reads & written as Astro writes it (&#38;) or as &amp;, and writes it back as &amp;', () => {
    const html = '<a href="/lessons/01-the-data/?a=1&#38;b=2#w">x</a><a href="/glossary/?a=1&amp;b=2">y</a>';
    expect(rewriteHtml(html, 'teachers/', root)).toBe('<a href="../lessons/01-the-data/?a=1&amp;b=2#w">x</a><a href="../glossary/?a=1&amp;b=2">y</a>');
  });

  it('strips the base a site was built for', () => {
    expect(rewriteHtml('<a href="/course/glossary/">g</a>', '', course)).toBe('<a href="glossary/">g</a>');
  });

  it('leaves other sites, relative URLs, fragments and values that name no built file alone', () => {
    const html = '<a href="https://example.org/x">x</a><a href="//cdn.example/x">y</a><a href="../glossary/">z</a><a href="#top">t</a><meta name="x" content="/not-built/"><input value="/">';
    expect(rewriteHtml(html, 'glossary/', root)).toBe(html.replace('value="/"', 'value="../"'));
  });

  it('makes url(…) in inline styles relative to the page', () => {
    expect(rewriteHtml('<style>@font-face{src:url(/_astro/K.woff2)}</style>', 'glossary/', root)).toBe('<style>@font-face{src:url(../_astro/K.woff2)}</style>');
  });

  it('reads a page with a <base> from the base folder, and the base from the page', () => {
    const html = '<base href="/lessons/01-the-data/"><link href="/_astro/a.css"><a href="/lessons/01-the-data/">back</a>';
    expect(rewriteHtml(html, 'embed/data/', root)).toBe('<base href="../../lessons/01-the-data/"><link href="../../_astro/a.css"><a href="./">back</a>');
  });
});

describe('rewriteCss', () => {
  it('makes font URLs relative to the stylesheet, quoted or not', () => {
    expect(rewriteCss('a{src:url(/_astro/K.woff2) format("woff2"),url("/_astro/K.woff2")}', folderOf('_astro/a.css'), root)).toBe('a{src:url(K.woff2) format("woff2"),url("K.woff2")}');
  });

  it('leaves data: URLs alone', () => {
    expect(rewriteCss('a{b:url(data:image/svg+xml;x)}', '_astro/', root)).toBe('a{b:url(data:image/svg+xml;x)}');
  });
});
