// Makes the built site folder-independent (relative-urls.ts does the rewriting): every page,
// stylesheet and inline style gets page-relative URLs, so dist/ copied into any folder of any
// web server works without a rebuild. Runs before the CSP pass, which hashes the final inline
// styles, and before the service worker's, which hashes the final files.
//
// The one page left absolute is 404.html: a host serves it for any missing address, at any
// depth, so only URLs from the site's root (BASE_PATH, default '/') can reach its styles and
// links. Build with BASE_PATH for a host that serves it from a sub-folder (README, Deploying).
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderOf, remainingAbsolute, rewriteCss, rewriteHtml, type RewriteOptions } from './relative-urls';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Whether a site path names a built file or folder ('', 'lessons/01-the-data/', '_astro/a.css'). */
export function builtPaths(files: readonly string[]): (sitePath: string) => boolean {
  const known = new Set<string>(['']);
  for (const file of files) {
    known.add(file);
    for (let at = file.indexOf('/'); at >= 0; at = file.indexOf('/', at + 1)) known.add(file.slice(0, at + 1));
  }
  return (sitePath) => known.has(sitePath) || known.has(`${sitePath}/`);
}

export default function relativeUrls(): AstroIntegration {
  let base = '/';
  return {
    name: 'nine-parameters-relative-urls',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = listFiles(root).map((path) => relative(root, path).split(sep).join('/'));
        const options: RewriteOptions = { base, exists: builtPaths(files) };
        const left: string[] = [];
        let pages = 0;
        for (const file of files) {
          const path = join(root, file);
          if (file.endsWith('.css')) writeFileSync(path, rewriteCss(readFileSync(path, 'utf8'), folderOf(file), options));
          if (!file.endsWith('.html') || file === '404.html') continue;
          const html = rewriteHtml(readFileSync(path, 'utf8'), folderOf(file), options);
          writeFileSync(path, html);
          pages += 1;
          left.push(...remainingAbsolute(html, base).filter((url) => url !== '/').map((url) => `${file}: ${url}`));
        }
        logger.info(`relative URLs in ${pages} pages and their stylesheets`);
        // A root-absolute URL that names no built file is a broken link in any folder: say so.
        if (left.length) logger.warn(`root-absolute URLs to no built file:\n  ${[...new Set(left)].slice(0, 20).join('\n  ')}`);
      },
    },
  };
}
