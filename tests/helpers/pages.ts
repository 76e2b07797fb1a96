// Finding a widget's page in the built site, and checking just that widget with axe, for the
// per-widget end-to-end tests: they look for their element in the built HTML, so a lesson's
// slug can change without breaking them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { AXE_TAGS, axeBuilder } from './checks.ts';

/** Site-relative paths ('lessons/x/') of the built pages under `dist` whose HTML contains `marker`. */
export function pagesContaining(dist: string, marker: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // embed/ holds each lesson again with only its widgets (for other sites' iframes): the
      // pages a test looks for are the lessons themselves; embed.test.ts covers the copies.
      if (entry.isDirectory()) {
        if (!(dir === dist && entry.name === 'embed')) walk(full);
      }
      else if (entry.name.endsWith('.html') && readFileSync(full, 'utf8').includes(marker)) {
        const rel = path.relative(dist, full).split(path.sep).join('/');
        found.push(rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
      }
    }
  };
  walk(dist);
  return found.sort();
}

/** axe (WCAG 2.1 A/AA) on the elements matching `selector` only; the page is site.test.ts's business. */
export async function violationsWithin(page: Page, selector: string): Promise<string[]> {
  const results = await axeBuilder(page).include(selector).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
