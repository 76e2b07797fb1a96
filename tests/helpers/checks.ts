/**
 * Reusable page checks for the end-to-end tests. Each returns a list of human-readable problems
 * (empty = fine), so a test can do `expect.soft(await checkX(...), 'what').toEqual([])`.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The axe rules that depend on colours (re-run in the dark scheme). */
export const CONTRAST_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * An axe run that finds the same violations for a third of the time: axe.run in the page itself
 * ("legacy" mode: the default runs axe in parts, then opens a second page, injects axe again and
 * sends it every result to finish there; legacy mode skips only cross-origin frames, and the site
 * has none), gathering details for violations only (passes and incomplete results are not needed).
 * Measured on lesson 9: 12–14 s against 35–49 s on a busy machine, and the same violations found
 * on a page with planted ones.
 */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);
}

/** Run axe (WCAG 2.1 A/AA) and describe each violation readably. */
export async function axeViolations(page: Page, options: { exclude?: string[]; rules?: string[] } = {}): Promise<string[]> {
  // withRules and withTags both set axe's runOnly (keeping the options above); pass one or the other.
  let builder = options.rules ? axeBuilder(page).withRules(options.rules) : axeBuilder(page).withTags(AXE_TAGS);
  for (const sel of options.exclude ?? []) builder = builder.exclude(sel);
  const results = await builder.analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 6).map((n) => {
      const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' | ');
      return `      at ${n.target.join(' ')}\n         ${n.html.slice(0, 160)}\n         ${summary}`;
    });
    const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : '';
    return `[axe ${v.impact ?? ''}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n${nodes.join('\n')}${more}`;
  });
}

export interface Ref {
  tag: string;
  attr: string;
  raw: string;
  url: string;
}

/** Every a[href], link[href], script[src], img[src], img/source[srcset], use[href] on the page, resolved. */
export async function collectRefs(page: Page): Promise<Ref[]> {
  return page.evaluate(() => {
    const out: { tag: string; attr: string; raw: string; url: string }[] = [];
    const add = (el: Element, attr: string, raw: string) => {
      try {
        out.push({ tag: el.tagName.toLowerCase(), attr, raw, url: new URL(raw, document.baseURI).href });
      } catch {
        out.push({ tag: el.tagName.toLowerCase(), attr, raw, url: 'invalid:' + raw });
      }
    };
    for (const [sel, attr] of [
      ['a[href]', 'href'],
      ['link[href]', 'href'],
      ['script[src]', 'src'],
      ['img[src]', 'src'],
      ['source[src]', 'src'],
      ['iframe[src]', 'src'],
    ] as const) {
      for (const el of document.querySelectorAll(sel)) add(el, attr, el.getAttribute(attr) ?? '');
    }
    for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
      for (const part of (el.getAttribute('srcset') ?? '').split(',')) {
        const raw = part.trim().split(/\s+/)[0];
        if (raw) add(el, 'srcset', raw);
      }
    }
    // SVG <use href="…#id"> pointing at another file
    for (const el of document.querySelectorAll('use')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '';
      if (raw && !raw.startsWith('#')) add(el, 'href', raw);
    }
    return out;
  });
}

/** Fetches each URL at most once per test file; answers the status (no redirects followed). */
const statusCache = new Map<string, Promise<{ status: number; body?: string; type: string }>>();
export function fetchOnce(url: string, keepBody = false) {
  const key = url + (keepBody ? '#body' : '');
  let p = statusCache.get(key);
  if (!p) {
    p = fetch(url, { redirect: 'manual' }).then(async (res) => {
      const type = res.headers.get('content-type') ?? '';
      if (keepBody) return { status: res.status, type, body: await res.text() };
      await res.body?.cancel();
      return { status: res.status, type };
    });
    statusCache.set(key, p);
  }
  return p;
}

const IGNORED_SCHEMES = /^(mailto|tel|javascript|data|blob|about):/i;

/**
 * Same-origin references must (1) live under the base path and (2) answer 200 with no redirect.
 * Fragment links must point at an element id that exists on the target page.
 */
export async function checkRefs(page: Page, refs: Ref[], origin: string, base: string): Promise<string[]> {
  const problems: string[] = [];
  const pageUrl = new URL(page.url());
  pageUrl.hash = '';
  const ids = new Set(await page.evaluate(() => [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name') || '')));
  const checked = new Set<string>();
  for (const ref of refs) {
    if (IGNORED_SCHEMES.test(ref.raw) || ref.url.startsWith('invalid:')) {
      if (ref.url.startsWith('invalid:')) problems.push(`<${ref.tag} ${ref.attr}="${ref.raw}"> is not a valid URL`);
      continue;
    }
    const u = new URL(ref.url);
    if (u.origin !== origin) continue;
    const where = `<${ref.tag} ${ref.attr}="${ref.raw}">`;
    if (!u.pathname.startsWith(base)) {
      problems.push(`${where} resolves to ${u.pathname}, outside the base path ${base}`);
      continue;
    }
    const noHash = new URL(u.href);
    noHash.hash = '';
    const frag = u.hash ? decodeURIComponent(u.hash.slice(1)) : '';
    if (noHash.href === pageUrl.href) {
      if (frag && !ids.has(frag)) problems.push(`${where}: no element with id "${frag}" on this page`);
      continue;
    }
    const key = noHash.href + '#' + frag;
    if (checked.has(key)) continue;
    checked.add(key);
    const res = await fetchOnce(noHash.href, Boolean(frag));
    if (res.status !== 200) {
      problems.push(`${where} -> HTTP ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirect: link to the final URL, with its trailing slash)' : ''}`);
      continue;
    }
    if (frag && res.body !== undefined && res.type.includes('text/html')) {
      const esc = frag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (!new RegExp(`\\s(id|name)=["']?${esc}["'\\s>]`).test(res.body)) problems.push(`${where}: target page has no id "${frag}"`);
    }
  }
  return problems;
}

/** url(...) and @import references inside CSS text. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2] ?? '');
  return out.filter((s) => s && !s.startsWith('#'));
}

/**
 * Every url() in the page's same-origin stylesheets and inline <style> elements resolves to 200 under
 * the base (KaTeX fonts, mostly).
 */
export async function checkCssUrls(page: Page, origin: string, base: string): Promise<string[]> {
  const problems: string[] = [];
  const { sheets, inline } = await page.evaluate(() => ({
    sheets: [...document.querySelectorAll('link[rel~="stylesheet"][href]')].map((l) => (l as HTMLLinkElement).href),
    inline: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
  }));
  const sources: { css: string; baseUrl: string; label: string }[] = inline.map((css, i) => ({ css, baseUrl: page.url(), label: `inline <style> #${i + 1}` }));
  for (const href of sheets) {
    if (new URL(href).origin !== origin) continue;
    const res = await fetchOnce(href, true);
    if (res.status === 200) sources.push({ css: res.body ?? '', baseUrl: href, label: new URL(href).pathname });
  }
  for (const { css, baseUrl, label } of sources) {
    for (const raw of cssUrls(css)) {
      if (IGNORED_SCHEMES.test(raw)) continue;
      const u = new URL(raw, baseUrl);
      if (u.origin !== origin) {
        problems.push(`${label}: url(${raw}) points off-site (${u.href})`);
        continue;
      }
      if (!u.pathname.startsWith(base)) {
        problems.push(`${label}: url(${raw}) resolves to ${u.pathname}, outside the base path ${base}`);
        continue;
      }
      u.hash = '';
      u.search = '';
      const res = await fetchOnce(u.href);
      if (res.status !== 200) problems.push(`${label}: url(${raw}) -> HTTP ${res.status}`);
    }
  }
  return [...new Set(problems)];
}
