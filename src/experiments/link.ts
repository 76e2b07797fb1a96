// Shareable experiments. A widget's settings live in the page's query string under its own
// prefix, so several widgets on one page never collide:
//   ?console.c=k3f9&console.lr=0.03&console.lock=initSeed&console.hide=learningRate
// `lock` and `hide` are a teacher's controls: listed settings are fixed (shown but disabled)
// or hidden. `c` is a short checksum over the widget's other entries, written first: a link a
// chat program cut short, or a form mangled, no longer matches it, so the page can say so
// instead of silently opening the defaults (links from before the checksum have none and open
// as they always did). Pure (no DOM): pages, facts and widgets build and read links with it.

export interface SharedState {
  /** The widget's own settings from the link, prefix removed (minus lock/hide/c). */
  settings: URLSearchParams;
  /** Setting names the link fixes (the control is disabled). */
  locked: Set<string>;
  /** Setting names the link hides. */
  hidden: Set<string>;
  /**
   * Whether the widget's part of the link is whole: 'whole' (its checksum matches), 'broken'
   * (cut or changed on the way: the checksum is missing a part or does not match), or
   * 'unchecked' (no checksum: an older link, or a link typed by hand).
   */
  integrity: 'whole' | 'broken' | 'unchecked';
}

export const POLICY_KEYS = new Set(['lock', 'hide']);
/** The checksum's entry. */
export const CHECK_KEY = 'c';
/** Setting names are short identifiers; anything else in a link is ignored. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const MAX_VALUE_LENGTH = 200;

function nameList(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter((s) => NAME.test(s)));
}

/**
 * A query string as a mail program or a web form may have mangled it, mended: `&amp;` (an
 * HTML-escaped ampersand, also doubly escaped as `&amp;amp;`) is read as `&`.
 */
export function mendedSearch(search: string): string {
  return search.replace(/&(?:amp;)+/gi, '&').replace(/%26amp%3B/gi, '&');
}

/**
 * Four base-36 characters (FNV-1a, 32 bits) over a widget's entries, in any order: a cut or
 * changed entry changes it (a chance of 1 in 1.7 million to miss one).
 */
export function linkChecksum(entries: Iterable<[string, string]>): string {
  const text = [...entries].map(([name, value]) => `${name}=${value}`).sort().join('&');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 4).toString(36).padStart(4, '0');
}

/** Reads the settings for the widget with prefix `key` from a query string. */
export function readSharedState(search: string, key: string): SharedState {
  const all = new URLSearchParams(mendedSearch(search));
  const settings = new URLSearchParams();
  const prefix = `${key}.`;
  const own: [string, string][] = [];
  let lock: string | null = null;
  let hide: string | null = null;
  let check: string | null = null;
  for (const [name, value] of all) {
    if (!name.startsWith(prefix)) continue;
    const setting = name.slice(prefix.length);
    if (setting === CHECK_KEY) {
      check = value;
      continue;
    }
    own.push([setting, value]);
    if (!NAME.test(setting) || value.length > MAX_VALUE_LENGTH) continue;
    if (setting === 'lock') lock = value;
    else if (setting === 'hide') hide = value;
    else settings.set(setting, value);
  }
  const integrity = check === null ? 'unchecked' : check.trim().toLowerCase() === linkChecksum(own) ? 'whole' : 'broken';
  return { settings, locked: nameList(lock), hidden: nameList(hide), integrity };
}

/** Settings the link gave that the widget does not know, for a notice. */
export function unknownSettings(state: SharedState, known: readonly string[]): string[] {
  return [...state.settings.keys()].filter((k) => !known.includes(k) && !POLICY_KEYS.has(k));
}

/** What a widget says when its part of the link was cut or changed on the way. */
export const INCOMPLETE_LINK = 'This link is incomplete: it was cut short or changed on the way. Ask for the whole link. Opened what it could.';

/**
 * The page's address with this widget's settings replaced by `settings` (other widgets'
 * settings kept), its checksum first, pointing at the widget's anchor.
 */
export function shareUrl(href: string, key: string, settings: URLSearchParams, policy?: { locked?: Iterable<string>; hidden?: Iterable<string> }, anchor?: string): string {
  const url = new URL(href);
  if (url.search) url.search = mendedSearch(url.search);
  const prefix = `${key}.`;
  for (const name of [...url.searchParams.keys()]) if (name.startsWith(prefix)) url.searchParams.delete(name);
  const own: [string, string][] = [...settings];
  const locked = [...(policy?.locked ?? [])];
  const hidden = [...(policy?.hidden ?? [])];
  if (locked.length) own.push(['lock', locked.join(',')]);
  if (hidden.length) own.push(['hide', hidden.join(',')]);
  if (own.length) url.searchParams.set(prefix + CHECK_KEY, linkChecksum(own));
  for (const [name, value] of own) url.searchParams.set(prefix + name, value);
  if (anchor) url.hash = anchor;
  return url.toString();
}
