// `npm run lighthouse`: Lighthouse 12.2.3 (the last line for Node 20) in Debian's Chromium on the
// course page and three lessons of the built site, served compressed as a real host would.
// Fetched with npx on first use (from the npm registry), so it is not a dependency of the tests.
// Targets: accessibility, best practices and SEO 100; performance ≥ 95 (mobile profile).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../tests/helpers/static-server';

const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['', 'lessons/01-the-data/', 'lessons/03-the-network/', 'lessons/07-gradient-descent/'];
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
// LIGHTHOUSE_DIST serves another build (e.g. a private one) instead of dist/.
const server = await startStaticServer({ root: process.env.LIGHTHOUSE_DIST || 'dist', gzip: true });
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run';
let failed = false;
try {
  for (const page of pages) {
    const report = join(out, `${page.replace(/\W+/g, '_') || 'home'}.json`);
    // Asynchronous on purpose: the static server runs in this process and must keep answering.
    await promisify(execFile)('npx', ['--yes', 'lighthouse@12.2.3', server.url + page, `--chrome-flags=${flags}`, '--output=json', `--output-path=${report}`, '--quiet'], {
      env: { ...process.env, CHROME_PATH: chrome },
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(readFileSync(report, 'utf8'));
    const score = (id: string) => Math.round(result.categories[id].score * 100);
    const scores = { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') };
    const ok = scores.performance >= 95 && scores.accessibility === 100 && scores['best-practices'] === 100 && scores.seo === 100;
    if (!ok) failed = true;
    const a = result.audits;
    console.log(`${ok ? 'ok  ' : 'LOW '} /${page.padEnd(32)} ${JSON.stringify(scores)}  FCP ${a['first-contentful-paint'].displayValue}, LCP ${a['largest-contentful-paint'].displayValue}, TBT ${a['total-blocking-time'].displayValue}, CLS ${a['cumulative-layout-shift'].displayValue}`);
  }
} finally {
  await server.close();
}
process.exitCode = failed ? 1 : 0;
