// The search index: Pagefind (npm 'pagefind') reads the built pages once the build is done and
// writes dist/pagefind/, which the search page (src/pages/search.astro) loads on first use. Only
// the pages whose <main> carries data-pagefind-body are indexed (BaseLayout sets it on lessons,
// the glossary, the cheat sheet and the teachers' guide), and only their text: widgets, formulas'
// markup and navigation are left out. Runs before the service worker's pass, so the index is
// precached with the rest and search works offline.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What the index leaves out of a page's text: figures and their controls, TeX's two copies of a formula. */
export const EXCLUDED_FROM_SEARCH = ['.widget', 'figure', '.katex', 'script', 'style', '.present-start', '.file-note'];

export default function searchIndex(): AstroIntegration {
  return {
    name: 'nine-parameters-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_SEARCH, forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: root });
        if (added.errors.length) throw new Error(`Pagefind could not read the pages: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // Pagefind also writes its ready-made search interfaces; the search page has its own, so
        // they would only be precached for nothing.
        const folder = join(root, 'pagefind');
        for (const file of readdirSync(folder)) {
          if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) rmSync(join(folder, file));
        }
        logger.info(`search index of ${added.page_count} pages in pagefind/`);
      },
    },
  };
}
