// Shareable experiments. A widget's settings live in the page's query string under its own
// prefix, so several widgets on one page never collide:
//   ?data.n=3000&data.seed=4&console.lr=0.03&console.lock=seed&console.hide=learningRate
// `lock` and `hide` are a teacher's controls: listed settings are fixed (shown but disabled)
// or hidden. Everything here is pure except the two small DOM helpers at the end.

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

/**
 * Disables locked and hides hidden controls (any element with data-name inside `host`). A button
 * that changes a setting by itself (New seed) names it in data-sets="seed"; it is disabled when
 * that setting is locked or hidden, so a fixed seed stays fixed.
 */
export function applyControlPolicy(host: Element, state: Pick<SharedState, 'locked' | 'hidden'>): string[] {
  const affected: string[] = [];
  for (const button of host.querySelectorAll<HTMLButtonElement>('button[data-sets]')) {
    const names = (button.dataset.sets ?? '').split(',').map((s) => s.trim());
    if (names.some((name) => state.locked.has(name) || state.hidden.has(name))) {
      button.disabled = true;
      button.dataset.locked = '';
    }
  }
  for (const wrapper of host.querySelectorAll<HTMLElement>('[data-name]')) {
    const name = wrapper.dataset.name ?? '';
    if (state.hidden.has(name)) {
      wrapper.hidden = true;
      affected.push(name);
    } else if (state.locked.has(name)) {
      for (const input of wrapper.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) input.disabled = true;
      wrapper.dataset.locked = '';
      affected.push(name);
    }
  }
  return affected;
}

/**
 * Wires the widget's "Copy link to this experiment" button: copies the link if the clipboard
 * is available and always shows it in a read-only field, so it can be copied by hand.
 */
export function wireShareButton(host: HTMLElement, key: string, current: () => URLSearchParams, state: Pick<SharedState, 'locked' | 'hidden'>, say: (message: string) => void): void {
  const button = host.querySelector<HTMLButtonElement>('[data-action="share"]');
  const field = host.querySelector<HTMLInputElement>('[data-share-link]');
  if (!button) return;
  button.addEventListener('click', async () => {
    const link = shareUrl(host.ownerDocument.location.href, key, current(), state, host.id || undefined);
    if (field) {
      field.value = link;
      field.hidden = false;
      field.select();
    }
    try {
      await navigator.clipboard.writeText(link);
      say('Link to this experiment copied. Opening it shows exactly these settings.');
    } catch {
      say('Copy the link from the field below: opening it shows exactly these settings.');
    }
  });
}

/**
 * A widget's settings at start-up: its data-* attributes (only the known keys, matched without
 * regard to case, so data-w1 counts as W1) with a shared link's settings on top, parsed by the
 * widget's parse…Config(); settings the link gives that the widget does not know become a notice.
 */
export function readWidgetSettings<C>(
  host: HTMLElement,
  defaultKey: string,
  known: readonly string[],
  parse: (source: Record<string, string>) => { config: C; notices: string[] },
): { key: string; shared: SharedState; config: C; notices: string[] } {
  const key = host.dataset.shareKey ?? defaultKey;
  const shared = readSharedState(host.ownerDocument.location.search, key);
  const lower = known.map((k) => k.toLowerCase());
  const isKnown = (name: string) => lower.includes(name.toLowerCase());
  const source: Record<string, string> = {};
  for (const [name, value] of Object.entries(host.dataset)) if (value !== undefined && isKnown(name)) source[name] = value;
  for (const [name, value] of shared.settings) if (isKnown(name)) source[name] = value;
  const { config, notices } = parse(source);
  const unknown = [...shared.settings.keys()].filter((name) => !isKnown(name));
  if (unknown.length) notices.push(`The link's setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not known here and ignored.`);
  return { key, shared, config, notices };
}
