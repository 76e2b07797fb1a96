import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInlineMath, renderMath } from '../../src/lib/inline-math';

describe('renderInlineMath', () => {
  it('leaves text without formulas as escaped text', () => {
    expect(renderInlineMath('Loss & <gradient>')).toBe('Loss &#38; &#60;gradient&#62;');
  });

  it('renders each $…$ span with KaTeX and keeps the text around it', () => {
    const html = renderInlineMath('Compute $z_1$ and then $h_1$.');
    expect(html.startsWith('Compute <span class="katex">')).toBe(true);
    expect(html.endsWith('</span>.')).toBe(true);
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });

  it('throws on an unmatched dollar sign instead of guessing', () => {
    expect(() => renderInlineMath('costs $5')).toThrow(/Unmatched \$/);
  });

  it('throws on TeX that KaTeX cannot parse', () => {
    expect(() => renderInlineMath('broken $\\frac{1}{$')).toThrow();
  });
});

describe('renderMath', () => {
  it('includes MathML so screen readers can read the formula', () => {
    expect(renderMath('\\hat{y}')).toContain('<math');
  });

  it('allows \\htmlData so widgets can find the numbers they fill in', () => {
    expect(renderMath('\\htmlData{slot=w1}{0}')).toContain('data-slot="w1"');
  });

  it('refuses \\href, which would point away from the site', () => {
    expect(() => renderMath('\\href{https://example.com}{x}')).toThrow(/\\href is not allowed/);
  });

  it('refuses Unicode letters typed straight into math, as LaTeX would', () => {
    expect(() => renderMath('ŷ')).toThrow();
  });
});

describe('escapeHtml', () => {
  it('escapes quotes so the result is safe inside attributes', () => {
    expect(escapeHtml(`"a" 'b'`)).toBe('&#34;a&#34; &#39;b&#39;');
  });
});
