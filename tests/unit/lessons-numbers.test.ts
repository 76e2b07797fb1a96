// Numbers in lesson prose are computed in src/facts/ and printed through `{f.…}`, never typed by
// hand: a typed result goes stale silently when the trainer, the data or a setting changes. One
// guard for every lesson (it replaced sixteen per-lesson copies whose `split('---')[2]` stopped at
// the first table rule `|---|`, so six lessons were only partly checked).
//
// What counts as hand-typed: a decimal number (`0.123`) left in the text once these are removed:
// the front matter (anchored: the first `---` line to the next), fenced code, template slots
// `${…}` (first, or their `$` pairs with a formula's), display and inline maths, `{f.…}` facts, and
// an exercise's `tolerance={…}` and a predict-then-run exercise's `when={{…}}` (settings the check
// uses, not printed numbers). Integers are not
// checked: counts like "two units" or "lesson 6" are words, not results.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LESSONS = new URL('../../content/lessons/', import.meta.url);
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const DECIMAL = /(?<![\w.])\d+\.\d+/g;

/** The decimal numbers typed by hand in a lesson's source, in order. */
function handTypedNumbers(source: string): string[] {
  if (!FRONT_MATTER.test(source)) throw new Error('the lesson does not start with front matter between two --- lines');
  const prose = source
    .replace(FRONT_MATTER, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\$\{[^}]*\}/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\$[^$]*\$/g, '')
    .replace(/\{f\.[^}]+\}/g, '')
    .replace(/tolerance=\{[^}]*\}/g, '')
    .replace(/^\s*when=\{\{.*\}\}\s*$/gm, '');
  return prose.match(DECIMAL) ?? [];
}

/**
 * Literals a lesson may type, each with its reason. Every one must still occur in its lesson (the
 * test below fails on an allowance nobody needs any more), so the list cannot grow stale.
 */
const ALLOWED: Record<string, Record<string, string>> = {
  '01-the-data': { '0.05': 'the write-up’s own “a loss around 0.05”, quoted and questioned' },
  '05-the-loss': { '0.05': 'the write-up’s “a loss of about 0.05”, the claim the lesson examines' },
  '13-dead-units': { '0.05': 'the write-up’s “around 0.05”, quoted' },
  '16-counting-the-work': { '2.1': 'the PyTorch version whose documented API the listing follows', '2.0': 'the PyTorch version that added std(correction=…)' },
  '07-gradient-descent': { '0.1': 'the console’s learning rate η = 0.1, the rate the worked table starts from (a setting)' },
  '09-local-minima': {
    '0.3': 'a learning rate the reader is asked to set in the gallery',
    '0.01': 'the gallery’s usual learning rate, named beside 0.3',
    '0.03': 'the largest of the measured learning rates below 0.3 (a setting of the experiment)',
  },
  '11-symmetry': { '0.000001': 'the nudge ε = 10⁻⁶ the reader is asked to type into the field' },
  '20-optimisers': {
    '0.9': 'β, PyTorch’s usual momentum (a setting, also in the SGD call it quotes)',
    '0.001': 'Adam’s default learning rate (a setting) and the rate an exercise offers',
    '0.01': 'the rates the experiments give RMSProp and Adam (settings), and the rate an exercise starts from',
    '0.99': 'a β the reader is asked to try',
    '0.1': 'a wrong answer’s rate in an exercise',
  },
  '21-curvature': { '0.25': 'a rate the reader is asked to set in the bowl widget' },
};

const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx')).sort();
const read = (file: string) => readFileSync(new URL(file, LESSONS), 'utf8');

describe('every lesson prints its numbers through the computed facts', () => {
  it('finds the lessons', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(16);
  });

  it.each(lessons)('%s has no hand-typed number outside formulas, facts and its listed allowances', (file) => {
    const allowed = ALLOWED[file.replace(/\.mdx$/, '')] ?? {};
    expect(handTypedNumbers(read(file)).filter((n) => !(n in allowed))).toEqual([]);
  });

  it('lists only allowances that a lesson still needs', () => {
    for (const [lesson, allowed] of Object.entries(ALLOWED)) {
      expect(lessons, `${lesson} is not a lesson`).toContain(`${lesson}.mdx`);
      const typed = new Set(handTypedNumbers(read(`${lesson}.mdx`)));
      for (const literal of Object.keys(allowed)) expect(typed.has(literal), `${lesson}: ${literal} is allowed but no longer typed`).toBe(true);
    }
  });
});

describe('the guard itself', () => {
  const lesson14 = read('14-ranges-and-data-size.mdx');

  it('finds a number typed after a table, which a split on --- used to miss', () => {
    expect(lesson14).toContain('|---|');
    expect(handTypedNumbers(`${lesson14}\nThe loss ends at 0.123.\n`)).toEqual(['0.123']);
  });

  it('finds a number planted at the end of every lesson', () => {
    for (const file of lessons) expect(handTypedNumbers(`${read(file)}\n0.123\n`), file).toContain('0.123');
  });

  it('finds a number after a horizontal rule and after a template slot beside a formula', () => {
    const lesson = '---\ntitle: t\n---\n\nText.\n\n---\n\nA loss of 0.25.\n';
    expect(handTypedNumbers(lesson)).toEqual(['0.25']);
    const slot = '---\ntitle: t\n---\n\nquestion={`After ${f.x} epochs`} and $x$ is 0.5.\n';
    expect(handTypedNumbers(slot)).toEqual(['0.5']);
  });

  it('ignores the front matter, formulas, facts, code and tolerances', () => {
    const lesson = [
      '---', 'title: t', 'minutes: 1.5', '---', '',
      'A loss of {f.loss} beside $\\eta = 0.1$ and', '$$', 'L = 0.5', '$$', '',
      '```python', 'lr = 0.01', '```', '', '<NumberAnswer answer={f.x} tolerance={0.002} />', '',
    ].join('\n');
    expect(handTypedNumbers(lesson)).toEqual([]);
  });

  it('refuses a lesson without front matter rather than check the wrong text', () => {
    expect(() => handTypedNumbers('title: t\n\n0.5\n')).toThrow(/front matter/);
  });
});
