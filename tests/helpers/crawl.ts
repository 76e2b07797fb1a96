/**
 * Breadth-first crawl of the built site over HTTP (node fetch, no browser), following every
 * same-origin `<a href>` under the base path. Used at collection time so each page gets its own test.
 */

export interface CrawledPage {
  /** Absolute URL without fragment. */
  url: string;
  status: number;
  contentType: string;
  html: string;
  /** Page that first linked here (undefined for the start page). */
  from?: string;
}

export interface CrawlResult {
  /** HTML pages answered with 200, in breadth-first order. */
  pages: CrawledPage[];
  /** Same-origin links under the base that did not answer 200 (first referrer given). */
  broken: { url: string; status: number; from?: string }[];
  /** True if the cap stopped the crawl. */
  capped: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Values of `attr` on every `<tag …>` in the HTML (good enough for Astro's well-formed output). */
export function attributeValues(html: string, tag: string, attr: string): string[] {
  const out: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const tagRe = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
  const attrRe = new RegExp(`\\s${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
  for (const m of withoutComments.matchAll(tagRe)) {
    const a = attrRe.exec(m[0]);
    if (a) out.push(decodeEntities(a[1] ?? a[2] ?? a[3] ?? ''));
  }
  return out;
}

export function stripHash(u: URL): string {
  const c = new URL(u.href);
  c.hash = '';
  return c.href;
}

export async function crawlSite(startUrl: string, options: { max?: number } = {}): Promise<CrawlResult> {
  const max = options.max ?? 200;
  const start = new URL(startUrl);
  const origin = start.origin;
  const basePath = start.pathname.endsWith('/') ? start.pathname : start.pathname.replace(/[^/]*$/, '');
  const seen = new Set<string>([stripHash(start)]);
  const queue: { url: string; from?: string }[] = [{ url: stripHash(start) }];
  const pages: CrawledPage[] = [];
  const broken: CrawlResult['broken'] = [];
  let capped = false;

  while (queue.length) {
    if (pages.length >= max) {
      capped = true;
      break;
    }
    const { url, from } = queue.shift()!;
    const res = await fetch(url, { redirect: 'manual' });
    const contentType = res.headers.get('content-type') ?? '';
    if (res.status !== 200) {
      broken.push({ url, status: res.status, from });
      await res.body?.cancel();
      continue;
    }
    if (!contentType.includes('text/html')) {
      await res.body?.cancel();
      continue;
    }
    const html = await res.text();
    pages.push({ url, status: res.status, contentType, html, from });
    for (const href of attributeValues(html, 'a', 'href')) {
      let target: URL;
      try {
        target = new URL(href, url);
      } catch {
        continue;
      }
      if (target.origin !== origin || !target.pathname.startsWith(basePath)) continue;
      target.search = '';
      const key = stripHash(target);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ url: key, from: url });
    }
  }
  return { pages, broken, capped };
}
