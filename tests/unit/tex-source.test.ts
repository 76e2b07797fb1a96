// Formulas whose backslashes a JavaScript string ate ('\mu' → "mu", '\frac' → form feed + "rac")
// still render, as italic letters, so nothing else catches them. This reads every lesson, every
// .astro frontmatter and every TypeScript string the site's pages are built from, as KaTeX will
// receive them, and fails on any formula that has lost a backslash. The built pages are checked
// the same way in tests/e2e/tex-built.test.ts.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { builtFormulas, lintInlineMath, lintTex } from '../helpers/tex-lint';
import { astroTexts, filesUnder, mdxTexts, typescriptTexts, type SourceText } from '../helpers/tex-sources';

/** Strings with $ signs that are not formulas, each with the reason. */
const NOT_MATH: Record<string, string> = {
  'src/lib/inline-math.ts': 'the error message for an unmatched $ names the sign itself',
};

function problemsIn(texts: readonly SourceText[]): string[] {
  return texts.flatMap((t) => {
    if (t.math) return lintTex(t.text).map((p) => `${t.where}: ${p.problem} in "${p.tex}"`);
    if (t.text.split('$').length % 2 === 0) return []; // not a $…$ text (renderInlineMath would refuse it)
    return lintInlineMath(t.text).map((p) => `${t.where}: ${p.problem} in "${p.tex}"`);
  });
}

describe('the TeX linter', () => {
  it('finds commands that lost their backslash, and the control characters JavaScript escapes leave', () => {
    const eaten = ['(x_1 - mu)/sigma', 'operatorname{Var}(y)', '\frac{2}{N}', 'a \times b', '\nabla L', '\beta_1', '\varepsilon', 'hat y'];
    for (const tex of eaten) expect(lintTex(tex), JSON.stringify(tex)).not.toEqual([]);
  });

  it('passes formulas written correctly, text arguments and the live-number tags', () => {
    const good = ['(x_1 - \\mu)/\\sigma', '\\operatorname{Var}(y)', '\\frac{2}{N}\\sum_i e_i', '\\text{min\\_lr} = 0.02', '\\htmlData{slot=w1}{0}', 'R^2 = 1 - L/\\operatorname{Var}(y)', 'xy + dx', '\\lambda_{\\max}', 'B_3^{\\text{new}}'];
    for (const tex of good) expect(lintTex(tex), tex).toEqual([]);
  });

  it('reads a planted lesson as the build does: escapes in expressions are processed, quoted attributes are raw', () => {
    const planted = [
      '<Choice question="Raw attribute: $\\eta = 0.5$" />',
      "<NumberAnswer explanation={`Eaten in a template: $x' = (x - \\mu)/\\sigma$`} />",
      "<Choice options={[{ text: 'Eaten in a string: $\\operatorname{Var}(y)$', why: 'kept: $\\\\operatorname{Var}(y)$' }]} />",
      '',
      'Prose math stays raw: $\\hat y$.',
    ].join('\n');
    const problems = problemsIn(mdxTexts('planted.mdx', planted));
    expect(problems.join('\n')).toMatch(/"mu"/);
    expect(problems.join('\n')).toMatch(/"sigma"/);
    expect(problems.join('\n')).toMatch(/"operatorname"/);
    expect(problems).toHaveLength(3);
  });

  it('reads a planted TypeScript string after its escapes, as KaTeX would get it', () => {
    const problems = problemsIn(typescriptTexts('planted.ts', "const a = 'loss $\\frac{1}{N}$'; const b = 'fine $\\\\frac{1}{N}$';"));
    expect(problems).toHaveLength(1);
  });

  it('reads the TeX back out of KaTeX output, so the built pages can be checked too', () => {
    const html = katex.renderToString('(x_1 - mu)/\\sigma') + katex.renderToString('a < b \\;\\&\\; c');
    const formulas = builtFormulas(html);
    expect(formulas).toEqual(['(x_1 - mu)/\\sigma', 'a < b \\;\\&\\; c']);
    expect(lintTex(formulas[0])).toHaveLength(1);
  });
});

describe('the site’s sources', () => {
  it('contain no formula that lost a backslash: lessons, .astro frontmatter, TypeScript', () => {
    const texts = [
      ...filesUnder('content/lessons', ['.mdx']).flatMap((f) => mdxTexts(f)),
      ...filesUnder('src', ['.ts']).filter((f) => !(f in NOT_MATH)).flatMap((f) => typescriptTexts(f, readFileSync(f, 'utf8'))),
      ...filesUnder('src', ['.astro']).flatMap((f) => astroTexts(f)),
    ];
    expect(texts.length).toBeGreaterThan(1000);
    expect(problemsIn(texts)).toEqual([]);
  }, 120_000);
});
