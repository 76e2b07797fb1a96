// The JavaScript budget, checked on the build output (tests/helpers/page-weight.ts): every page
// — lessons, playground, course page, glossary, teachers' guide — fetches at most 60 KB (gzip)
// of script at start-up. Widgets below the fold start later (src/widgets/kit/hydrate.ts); what
// they load is listed as "lazy" and reported, not budgeted. Prints the table on every run.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { e2eEnv } from '../helpers/e2e.ts';
import { kb, measureSite, START_JS_BUDGET, type PageWeight } from '../helpers/page-weight.ts';

const { dist } = e2eEnv();

describe('page weight', () => {
  const pages: PageWeight[] = existsSync(dist) ? measureSite(dist) : [];

  test('the build has pages to weigh, and the measure sees the widgets’ scripts', () => {
    expect(pages.length).toBeGreaterThan(15);
    const lesson = pages.find((p) => p.page.startsWith('lessons/07-'));
    expect(lesson, 'lesson 7 is in the build').toBeDefined();
    // Lesson 7's widgets train the network: the trainer must show up somewhere in what it loads,
    // else the import graph was not followed and every number below would be too small.
    const all = [...lesson!.startModules, ...lesson!.lazyModules].map((m) => m.file);
    expect(all.some((f) => /TrainingConsole|training-console/.test(f))).toBe(true);
    expect(lesson!.startJsGzip + lesson!.lazyJsGzip).toBeGreaterThan(20 * 1024);
  });

  test(`every page starts with at most ${kb(START_JS_BUDGET)} of JavaScript (gzip)`, () => {
    const rows = pages.map((p) => `${('/' + p.page).padEnd(36)} start ${kb(p.startJsGzip).padStart(8)}   lazy ${kb(p.lazyJsGzip).padStart(8)}   html ${kb(p.htmlGzip).padStart(8)}`);
    console.log(`JavaScript per page (gzip), budget ${kb(START_JS_BUDGET)} at start-up:\n${rows.join('\n')}`);
    const over = pages
      .filter((p) => p.startJsGzip > START_JS_BUDGET)
      .map((p) => `/${p.page}: ${kb(p.startJsGzip)} — biggest: ${p.startModules.slice(0, 5).map((m) => `${m.file} ${kb(m.gzip)}`).join(', ')}`);
    expect(over).toEqual([]);
  });
});
