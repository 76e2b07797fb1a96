// The TeX of every formula on every built page, read back from KaTeX's MathML annotations, must
// not contain a command that lost its backslash (it would render as a row of italic letters:
// "operatornameVar(y)") or a control character left by a JavaScript escape ('\frac' → form feed).
// The sources are checked the same way in tests/unit/tex-source.test.ts; this also sees the
// formulas that facts and components assemble at build time.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { e2eEnv } from '../helpers/e2e.ts';
import { builtFormulas, lintTex } from '../helpers/tex-lint.ts';
import { filesUnder } from '../helpers/tex-sources.ts';

const { dist } = e2eEnv();

describe('formulas in the built site', () => {
  const pages = existsSync(dist) ? filesUnder(dist, ['.html']) : [];

  test('every formula on every page kept its backslashes', () => {
    expect(pages.length).toBeGreaterThan(15);
    let count = 0;
    const problems = pages.flatMap((page) =>
      builtFormulas(readFileSync(page, 'utf8')).flatMap((tex) => {
        count++;
        return lintTex(tex).map((p) => `${page.slice(dist.length)}: ${p.problem} in "${p.tex}"`);
      }),
    );
    expect(count, 'formulas found (KaTeX annotations)').toBeGreaterThan(1000);
    expect([...new Set(problems)]).toEqual([]);
  });
});
