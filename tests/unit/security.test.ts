// No code path in src/ turns a string into code or markup in the browser: no eval, no
// new Function, no string timers, no innerHTML / outerHTML assignment, no insertAdjacentHTML,
// no document.write. The CSP (src/integrations/csp.ts) forbids the first three anyway; the
// markup sinks are how user-typed text would become live HTML. Figures are built with DOM
// methods (src/widgets/kit/svg.ts) instead. Astro's build-time `set:html` (escaped SVG strings,
// KaTeX of the authors' own TeX) never runs in the browser and is not a sink here.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const SINKS: { name: string; pattern: RegExp }[] = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b/ },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'innerHTML/outerHTML assignment', pattern: /\.(?:inner|outer)HTML\s*(?:\+?=)(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\s*\(/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(/ },
];

/**
 * Justified exceptions, as `path: reason`. Adding one needs a reason a reviewer can check
 * against the code.
 */
const ALLOWED: Record<string, string> = {
  'src/widgets/code-lab/sandbox.worker.ts':
    'The code lab compiles a student\'s own code with new Function, by design, only inside this dedicated worker: ' +
    'a fresh worker per check with no DOM, network and code loading deleted from its scope before the code runs, ' +
    'import() refused by the parser, eval and the Function constructors shut after compiling, terminated after 2 s. ' +
    'Pages never compile strings and keep their CSP without unsafe-eval (README, security).',
};

const SOURCE = /\.(?:ts|tsx|js|mjs|astro|mdx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

/** Line comments and block comments removed (line numbers kept), so prose about a sink is no hit. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function findSinks(text: string): { sink: string; line: number; code: string }[] {
  const hits: { sink: string; line: number; code: string }[] = [];
  withoutComments(text)
    .split('\n')
    .forEach((code, i) => {
      for (const { name, pattern } of SINKS) if (pattern.test(code)) hits.push({ sink: name, line: i + 1, code: code.trim() });
    });
  return hits;
}

describe('code-injection sinks', () => {
  test('the scanner finds each sink (so the scan below can fail)', () => {
    const samples = [
      'eval(text)',
      'const f = new Function("a", body);',
      'setTimeout("go()", 10)',
      'el.innerHTML = name;',
      'el.outerHTML += name;',
      "el.insertAdjacentHTML('beforeend', name)",
      'document.write(name)',
      'document.writeln(name)',
    ];
    for (const sample of samples) expect(findSinks(sample), sample).toHaveLength(1);
    // Reading is not a sink; neither is a comment about one.
    expect(findSinks('const old = el.innerHTML;\nif (a.innerHTML === b) {}\n// never innerHTML = x\n/* eval(x) */')).toEqual([]);
  });

  test('src/ uses none outside the allow-list', () => {
    const root = path.resolve('src');
    const found: string[] = [];
    for (const file of sourceFiles(root)) {
      const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
      if (rel in ALLOWED) continue;
      for (const hit of findSinks(readFileSync(file, 'utf8'))) found.push(`${rel}:${hit.line} ${hit.sink}: ${hit.code}`);
    }
    expect(found).toEqual([]);
  });

  test('every allow-listed file exists and still needs its exception', () => {
    for (const [rel, reason] of Object.entries(ALLOWED)) {
      expect(reason.length, rel).toBeGreaterThan(20);
      expect(findSinks(readFileSync(rel, 'utf8')).length, `${rel} no longer uses a sink: drop it from ALLOWED`).toBeGreaterThan(0);
    }
  });
});
