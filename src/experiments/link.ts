// Shareable experiments. A widget's settings live in the page's query string under its own
// prefix, so several widgets on one page never collide:
//   ?data.n=3000&data.seed=4&console.lr=0.03&console.lock=seed&console.hide=learningRate
// `lock` and `hide` are a teacher's controls: listed settings are fixed (shown but disabled)
// or hidden. Pure (no DOM): pages, facts and widgets build and read links with it.

export interface SharedState {
  /** The widget's own settings from the link, prefix removed (minus lock/hide). */
  settings: URLSearchParams;
  /** Setting names the link fixes (the control is disabled). */
  locked: Set<string>;
  /** Setting names the link hides. */
  hidden: Set<string>;
}

const POLICY_KEYS = new Set(['lock', 'hide']);
/** Setting names are short identifiers; anything else in a link is ignored. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const MAX_VALUE_LENGTH = 200;

function nameList(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter((s) => NAME.test(s)));
}

/** Reads the settings for the widget with prefix `key` from a query string. */
export function readSharedState(search: string, key: string): SharedState {
  const all = new URLSearchParams(search);
  const settings = new URLSearchParams();
  const prefix = `${key}.`;
  let lock: string | null = null;
  let hide: string | null = null;
  for (const [name, value] of all) {
    if (!name.startsWith(prefix)) continue;
    const setting = name.slice(prefix.length);
    if (!NAME.test(setting) || value.length > MAX_VALUE_LENGTH) continue;
    if (setting === 'lock') lock = value;
    else if (setting === 'hide') hide = value;
    else settings.set(setting, value);
  }
  return { settings, locked: nameList(lock), hidden: nameList(hide) };
}

/** Settings the link gave that the widget does not know, for a notice. */
export function unknownSettings(state: SharedState, known: readonly string[]): string[] {
  return [...state.settings.keys()].filter((k) => !known.includes(k) && !POLICY_KEYS.has(k));
}

/**
 * The page's address with this widget's settings replaced by `settings` (other widgets'
 * settings kept), pointing at the widget's anchor.
 */
export function shareUrl(href: string, key: string, settings: URLSearchParams, policy?: { locked?: Iterable<string>; hidden?: Iterable<string> }, anchor?: string): string {
  const url = new URL(href);
  const prefix = `${key}.`;
  for (const name of [...url.searchParams.keys()]) if (name.startsWith(prefix)) url.searchParams.delete(name);
  for (const [name, value] of settings) url.searchParams.set(prefix + name, value);
  const locked = [...(policy?.locked ?? [])];
  const hidden = [...(policy?.hidden ?? [])];
  if (locked.length) url.searchParams.set(`${prefix}lock`, locked.join(','));
  if (hidden.length) url.searchParams.set(`${prefix}hide`, hidden.join(','));
  if (anchor) url.hash = anchor;
  return url.toString();
}
