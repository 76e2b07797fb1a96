// Page-relative URLs, so the built site works from any folder of any web server (and its pages
// from the disk) without a rebuild. Astro has no relative base: it writes every URL of its own
// (scripts, styles, fonts) and of ours (withBase) from the site's root ('/' or BASE_PATH). After
// the build, these pure functions turn each root-absolute URL into one relative to the file that
// holds it, depth-aware: in lessons/01-the-data/index.html, "/_astro/a.css" becomes
// "../../_astro/a.css" and "/glossary/#seed" "../../glossary/#seed". Client scripts need no pass:
// astro.config's renderBuiltUrl makes Vite write their URLs relative to import.meta.url.
import { posix } from 'node:path';

/**
 * The site path of the folder a built file is read from: the folder a page is served at
 * ('lessons/01-the-data/index.html' → 'lessons/01-the-data/'), a stylesheet's own folder.
 */
export function folderOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at < 0 ? '' : file.slice(0, at + 1);
}

/**
 * A site path ('lessons/01-the-data/?x=1#y', '' for the home page) as seen from a folder
 * ('glossary/'): '../lessons/01-the-data/?x=1#y'. The home page from itself is './'.
 */
export function relativeUrl(fromFolder: string, target: string): string {
  const cut = target.search(/[?#]/);
  const path = cut < 0 ? target : target.slice(0, cut);
  const rest = cut < 0 ? '' : target.slice(cut);
  const isFolder = path === '' || path.endsWith('/');
  let relative = posix.relative(`/${fromFolder}`, `/${path}`);
  if (isFolder && relative !== '') relative += '/';
  // Nothing between them: the target is this folder, or a file of the folder's own name one level up.
  if (relative === '') relative = isFolder ? './' : `../${posix.basename(path)}`;
  // A path whose first segment holds a colon would read as a scheme: keep it a path.
  else if (!relative.startsWith('.') && relative.split('/')[0].includes(':')) relative = `./${relative}`;
  return relative + rest;
}

export interface RewriteOptions {
  /** The base the site was built with ('/' or '/course/'): root-absolute URLs start with it. */
  base: string;
  /** Whether a site path names a built file or folder (query and fragment removed). */
  exists: (sitePath: string) => boolean;
}

/** The site path a root-absolute URL names, or null when it is not one of this site's. */
function sitePathOf(url: string, { base, exists }: RewriteOptions): string | null {
  if (!url.startsWith(base) || url.startsWith('//')) return null;
  const sitePath = url.slice(base.length);
  const path = sitePath.replace(/[?#].*$/, '');
  return exists(path) ? sitePath : null;
}

// Attributes that carry a URL, and data-*/value, which carry one where a script reads it (the link
// builder's options, a console page): only values that start with the base and name a built file
// or folder are touched, so a data attribute holding "/" for some other reason is left alone.
const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|content|value|data-[a-z0-9-]+)=")([^"]*)"/gi;
const CSS_URL = /url\(\s*(["']?)([^"')\s]+)\1\s*\)/g;
const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi;
const BASE_ELEMENT = /<base\s[^>]*href="([^"]*)"/i;

/** Every url(…) in a stylesheet, relative to `folder` (the stylesheet's, or the page's for a <style>). */
export function rewriteCss(css: string, folder: string, options: RewriteOptions): string {
  return css.replace(CSS_URL, (whole, quote: string, url: string) => {
    const sitePath = sitePathOf(url, options);
    return sitePath === null ? whole : `url(${quote}${relativeUrl(folder, sitePath)}${quote})`;
  });
}

/**
 * A built page with every root-absolute URL of the site made relative to `folder`, the folder
 * the page is served at. A page with a <base href> (an embedded widget reads its lesson's
 * links) has its other URLs made relative to the base's folder instead.
 */
export function rewriteHtml(html: string, folder: string, options: RewriteOptions): string {
  const baseElement = html.match(BASE_ELEMENT);
  const baseSitePath = baseElement ? sitePathOf(baseElement[1], options) : null;
  const resolveFrom = baseSitePath === null ? folder : folderOf(baseSitePath.replace(/[?#].*$/, ''));
  const rewritten = html
    .replace(URL_ATTRIBUTE, (whole, start: string, url: string) => {
      // Astro writes & in an attribute as &#38;, hand-written markup as &amp;: read both, write &amp;.
      const sitePath = sitePathOf(url.replace(/&(?:amp|#38|#x26);/gi, '&'), options);
      return sitePath === null ? whole : `${start}${relativeUrl(resolveFrom, sitePath).replaceAll('&', '&amp;')}"`;
    })
    .replace(STYLE_ELEMENT, (_whole, open: string, css: string, close: string) => open + rewriteCss(css, resolveFrom, options) + close);
  // The <base> itself is read from the page's own folder.
  if (baseSitePath === null) return rewritten;
  return rewritten.replace(/<base\s[^>]*>/i, (tag) => tag.replace(/href="[^"]*"/i, `href="${relativeUrl(folder, baseSitePath)}"`));
}

/** Root-absolute URLs of this site still in a page after rewriting (for the build's report). */
export function remainingAbsolute(html: string, base: string): string[] {
  return [...html.matchAll(URL_ATTRIBUTE)].map((m) => m[2]).filter((url) => url.startsWith(base) && !url.startsWith('//') && url.length > 0);
}
