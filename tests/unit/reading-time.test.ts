import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readingTimes, splitDeepDives } from '../../src/lib/reading-time';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading times from a lesson’s text', () => {
  test('prose reads at 200 words a minute, and a deep dive adds to the full time only', () => {
    const body = `${words(400)}\n\n<DeepDive title="Why">\n${words(600)}\n</DeepDive>\n\n${words(200)}\n`;
    expect(readingTimes(body)).toEqual({ core: 3, full: 6 });
  });

  test('a widget and an exercise add the time to use them, whatever their props say', () => {
    const exercise = `<Choice\n  id="a"\n  question="${words(300)}"\n  options={[]}\n/>\n`;
    expect(readingTimes(`${words(200)}\n\n<Widget />\n\n${exercise}`)).toEqual({ core: 4, full: 4 });
  });

  test('imports, tags and link addresses are not read', () => {
    const body = `import X from '../../src/widgets/x/X.astro';\n\n[a link](../../glossary/#a-very-long-anchor-name) ${words(199)}`;
    expect(readingTimes(body).core).toBe(1);
  });

  test('the deep dives are split from the core, an unclosed one running to the end', () => {
    expect(splitDeepDives('a <DeepDive title="t">b</DeepDive> c <DeepDive title="u">d')).toEqual({ core: 'a  c ', deep: '<DeepDive title="t">b<DeepDive title="u">d' });
  });

  test('every lesson has a core time of at least 5 minutes and a full time no shorter', () => {
    const dir = new URL('../../content/lessons/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const body = readFileSync(new URL(file, dir), 'utf8').replace(/^---[\s\S]*?---/, '');
      const { core, full } = readingTimes(body);
      expect(core, file).toBeGreaterThanOrEqual(5);
      expect(full, file).toBeGreaterThanOrEqual(core);
    }
  });
});
