/**
 * The release zip as a teacher uses it: `npm run release`'s archive (written here from the build
 * under test, E2E_DIST), unpacked with Python's zipfile into a nested folder of a plain web server,
 * opened there: every page answers, a widget comes alive, the licences are readable.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeRelease } from '../../scripts/release/archive.ts';
import { crawlSite } from '../helpers/crawl.ts';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { whenReady } from '../helpers/widget.ts';

const { dist } = e2eEnv();
const repository = process.cwd();
const { version } = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(path.join(tmpdir(), 'np-release-'));
const archive = writeRelease({ dist, repository, outDir: work, version });
const www = path.join(work, 'www');
const nested = path.join(www, 'school', 'courses', 'ml');
mkdirSync(nested, { recursive: true });
execFileSync('python3', ['-m', 'zipfile', '-e', archive, nested]);

const server = await startStaticServer({ root: www, base: '/' });
afterAll(() => server.close());
const folder = `${server.url}school/courses/ml/nine-parameters-${version}/`;
const site = useSite({ server });

test('the archive is named for package.json’s version', () => {
  expect(path.basename(archive)).toBe(`nine-parameters-${version}.zip`);
});

test('unpacked into a nested folder of a plain web server, every page of the course answers', async () => {
  const [inFolder, original] = await Promise.all([crawlSite(folder), startStaticServer({ root: dist, base: '/' }).then(async (s) => {
    const crawl = await crawlSite(s.url);
    await s.close();
    return crawl;
  })]);
  expect(inFolder.broken).toEqual([]);
  expect(inFolder.pages.map((p) => p.url.slice(folder.length))).toEqual(original.pages.map((p) => new URL(p.url).pathname.slice(1)));
});

test('a lesson’s widget works there, with no request outside the folder', async () => {
  const p = await site.open(`${folder}lessons/01-the-data/`);
  try {
    const widget = p.page.locator('np-data-explorer');
    await whenReady(p.page, 'np-data-explorer');
    const before = await widget.locator('[data-number="varY"]').textContent();
    await widget.locator('[data-name="scaling"] select').selectOption('minmax');
    await expect.poll(() => widget.locator('[data-number="varY"]').textContent(), { timeout: 15_000 }).not.toBe(before);
    await p.page.waitForLoadState('networkidle').catch(() => {});
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('the licences, the citation and a README come with it', async () => {
  for (const [file, text] of [['LICENSE', 'MIT License'], ['LICENSE-content', 'Creative Commons Attribution 4.0'], ['CITATION.cff', `version: "${version}"`], ['README.txt', 'python3 -m http.server']]) {
    const res = await fetch(folder + file);
    expect(res.status, file).toBe(200);
    expect(await res.text(), file).toContain(text);
  }
});
