// Every hand-written URL goes through here. Astro prefixes its own bundled CSS, JS and
// fonts with `base`, but not links we write or files in public/, so a site served from
// a sub-path (e.g. /course/) would otherwise link to the domain root and 404.

/**
 * Turns whatever BASE_PATH holds ('', 'course', '/course', 'course/', '//course//')
 * into the form Astro's `base` wants: one leading and one trailing slash.
 */
export function normaliseBase(base: string | undefined): string {
  const inner = (base ?? '').trim().split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

/**
 * Joins a site-relative path ('lessons/01-the-data/', '/glossary/#seed', '') onto a base,
 * with exactly one slash between them. URLs with a scheme or '//' are refused: they are
 * not pages of this site, and the site must not point the browser elsewhere by accident.
 */
export function joinBase(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    throw new Error(`joinBase expects a path inside the site, got the external URL "${path}".`);
  }
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** A path inside the site, prefixed with the base the site was built for. */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
