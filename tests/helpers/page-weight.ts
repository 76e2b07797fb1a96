// The JavaScript each built page makes the browser fetch and run at start-up, measured from the
// build output alone (no browser): the module scripts the HTML names, inline module scripts, and
// every module they import statically — those are fetched before anything runs. Modules reached
// only through `import()` or started as workers are counted apart ("lazy"): they cost nothing
// until a reader asks for them. Sizes are gzip (level 9), roughly what a server sends.
// Used by tests/e2e/page-weight.test.ts (the budget) and scripts/bench.ts (the table).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Start-up JavaScript per page, gzip bytes. Lessons, the playground, glossary, course page, teachers. */
export const START_JS_BUDGET = 60 * 1024;

export interface PageWeight {
  /** Site-relative path of the page ('' = the course page, 'lessons/x/'). */
  page: string;
  htmlGzip: number;
  /** Start-up JS: external module scripts, their static imports, and inline scripts (gzip). */
  startJsGzip: number;
  /** The modules that make up startJsGzip, with their gzip sizes, biggest first. */
  startModules: { file: string; gzip: number }[];
  /** JS reachable only through dynamic import() or a worker, fetched after an interaction (gzip). */
  lazyJsGzip: number;
  lazyModules: { file: string; gzip: number }[];
  cssGzip: number;
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

function htmlPages(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) found.push(full);
    }
  };
  walk(dist);
  return found.sort();
}

/** A URL from the HTML (with whatever base the site was built for) as a file in dist. */
function fileOfUrl(dist: string, url: string): string {
  const astro = url.indexOf('/_astro/');
  return astro >= 0 ? path.join(dist, url.slice(astro + 1)) : path.join(dist, url.replace(/^\/+/, ''));
}

// Minified Vite output: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;
const WORKER_URL = /new URL\(\s*["']([^"']+\.js)["']\s*,\s*import\.meta\.url\s*\)/g;

function resolveImport(dist: string, from: string, specifier: string): string {
  return specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : fileOfUrl(dist, specifier);
}

/** Static closure of `entries`; modules found only via import()/workers go to `lazyEntries`. */
function closure(dist: string, entries: string[], lazyEntries: Set<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(DYNAMIC_IMPORT)) lazyEntries.add(resolveImport(dist, file, m[1]));
    for (const m of source.matchAll(WORKER_URL)) lazyEntries.add(resolveImport(dist, file, m[1]));
    // Dynamic imports also match the static pattern's `import"…"` form only with a parenthesis,
    // which STATIC_IMPORT does not allow, so the two sets do not overlap.
    for (const m of source.matchAll(STATIC_IMPORT)) visit(resolveImport(dist, file, m[1]));
  };
  entries.forEach(visit);
  return seen;
}

export function measurePage(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const entries: string[] = [];
  let inlineGzip = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attrs, body] = m;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) {
      entries.push(fileOfUrl(dist, src));
    } else if (!/type="(?:application\/(?:ld\+)?json|importmap)"/.test(attrs) && body.trim()) {
      inlineGzip += gzipSync(body, { level: 9 }).length;
      for (const i of body.matchAll(STATIC_IMPORT)) entries.push(fileOfUrl(dist, i[1]));
    }
  }
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) entries.push(fileOfUrl(dist, m[1]));

  const lazyEntries = new Set<string>();
  const start = closure(dist, entries, lazyEntries);
  const lazy = [...closure(dist, [...lazyEntries], new Set())].filter((f) => !start.has(f));
  const sized = (files: Iterable<string>) =>
    [...files].map((file) => ({ file: path.relative(dist, file), gzip: gzipSize(file) })).sort((a, b) => b.gzip - a.gzip);
  const startModules = sized(start);
  const lazyModules = sized(lazy);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => fileOfUrl(dist, m[1]));
  const rel = path.relative(dist, htmlFile).split(path.sep).join('/');
  return {
    page: rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'),
    htmlGzip: gzipSync(readFileSync(htmlFile), { level: 9 }).length,
    startJsGzip: startModules.reduce((s, m) => s + m.gzip, 0) + inlineGzip,
    startModules,
    lazyJsGzip: lazyModules.reduce((s, m) => s + m.gzip, 0),
    lazyModules,
    cssGzip: css.filter(existsSync).reduce((s, f) => s + gzipSize(f), 0),
  };
}

/** Every HTML page of a build. */
export function measureSite(dist: string): PageWeight[] {
  return htmlPages(dist).map((file) => measurePage(dist, file));
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
