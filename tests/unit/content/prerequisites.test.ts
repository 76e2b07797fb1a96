// Nothing used before it is taught (issue 13). Each lesson declares the glossary terms it teaches
// (frontmatter `introduces`); a glossary term lists the words that mean it in a text (`matches`).
// A lesson that uses such a word before the lesson that teaches it must link the term to the
// glossary (glossary/#id, where the reader gets its definition on hover and a link to the page)
// in that paragraph or an earlier one, so a beginner is never left with a word nobody explained.
// The text checked is what a student reads: prose, exercise questions and options, deep dives;
// not code, formulas, imports, props that are settings, or link addresses.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
interface Term { id: string; name: string; matches?: string[] }
const terms = parse(readFileSync(path.join(root, 'content/glossary.yaml'), 'utf8')) as Term[];
const dir = path.join(root, 'content/lessons');

interface LessonText { file: string; order: number; introduces: string[]; body: string }

const lessons: LessonText[] = readdirSync(dir)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
    if (!front) throw new Error(`${file}: no front matter`);
    const meta = parse(front[1]!) as { order: number; introduces?: string[] };
    return { file, order: meta.order, introduces: meta.introduces ?? [], body: source.slice(front[0].length) };
  })
  .sort((a, b) => a.order - b.order);

/** What a student reads, paragraph by paragraph, with each paragraph's glossary links kept aside. */
export function readableParagraphs(body: string): { text: string; links: string[] }[] {
  const cleaned = body
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    // Computed numbers: template slots and facts ({f.…}).
    .replace(/\$\{[^}]*\}/g, ' ')
    .replace(/\{f\.[^}]*\}/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ')
    // Props that are settings or names, not text: ids, share keys, widgets, asked settings.
    .replace(/\b(id|shareKey|widget|consoleKey|start|init|panels|hide|when)=("[^"]*"|\{\{[^\n]*\}\}|\{[^}\n]*\})/g, ' ');
  return cleaned.split(/\n\s*\n/).map((paragraph) => ({
    links: [...paragraph.matchAll(/glossary\/#([a-z0-9-]+)/g)].map((m) => m[1]!),
    text: paragraph.replace(/\]\([^)]*\)/g, ']').replace(/<[^>]*>/g, ' ').toLowerCase(),
  }));
}

function mentions(text: string, word: string): boolean {
  const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** Uses of terms before the lesson that teaches them, with no glossary link up to that paragraph. */
export function unexplainedUses(all: readonly LessonText[], glossary: readonly Term[]): string[] {
  const taughtIn = new Map<string, number>();
  for (const lesson of all) for (const id of lesson.introduces) taughtIn.set(id, lesson.order);
  const found: string[] = [];
  for (const lesson of all) {
    const paragraphs = readableParagraphs(lesson.body);
    for (const term of glossary) {
      const taught = taughtIn.get(term.id);
      if (!term.matches || taught === undefined || lesson.order >= taught) continue;
      const first = paragraphs.findIndex((p) => term.matches!.some((word) => mentions(p.text, word)));
      if (first < 0) continue;
      const linked = paragraphs.slice(0, first + 1).some((p) => p.links.includes(term.id));
      if (!linked) {
        const word = term.matches.find((w) => mentions(paragraphs[first]!.text, w));
        found.push(`${lesson.file} uses “${word}” (taught in lesson ${taught}) without a glossary link: …${paragraphs[first]!.text.slice(0, 80).trim()}…`);
      }
    }
  }
  return found;
}

describe('nothing is used before it is taught', () => {
  it('has every glossary term taught by exactly one lesson, and every declared term in the glossary', () => {
    const declared = lessons.flatMap((l) => l.introduces);
    const ids = terms.map((t) => t.id);
    expect(declared.filter((id) => !ids.includes(id)), 'declared but not in the glossary').toEqual([]);
    expect(declared.filter((id, i) => declared.indexOf(id) !== i), 'taught twice').toEqual([]);
    expect(ids.filter((id) => !declared.includes(id)), 'taught nowhere').toEqual([]);
  });

  it('finds no lesson using a term before the lesson that teaches it without a glossary link', () => {
    expect(unexplainedUses(lessons, terms)).toEqual([]);
  });

  it('catches an early use and accepts it once linked (planted in lesson 2)', () => {
    const planted = lessons.map((l) => (l.order === 2 ? { ...l, body: `${l.body}\n\nThe optimiser decides.\n` } : l));
    expect(unexplainedUses(planted, terms).some((line) => line.includes('“optimiser”'))).toBe(true);
    const linked = lessons.map((l) => (l.order === 2 ? { ...l, body: `${l.body}\n\nThe [optimiser](../../glossary/#optimiser) decides.\n` } : l));
    expect(unexplainedUses(linked, terms).some((line) => line.includes('“optimiser”'))).toBe(false);
  });

  it('reads prose and exercise text, not code, formulas, ids or link addresses', () => {
    const body = "import X from 'x';\n\n```ts\nconst loss = 1;\n```\n\n$loss$ <Choice id=\"loss-x\" /> [a](../../glossary/#loss)\n\nquestion=\"Which loss?\"";
    const paragraphs = readableParagraphs(body);
    const using = paragraphs.filter((p) => mentions(p.text, 'loss'));
    expect(using.map((p) => p.text.trim())).toEqual(['question="which loss?"']);
    expect(paragraphs.flatMap((p) => p.links)).toEqual(['loss']);
  });
});
