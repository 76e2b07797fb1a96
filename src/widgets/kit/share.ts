// The DOM side of shareable experiments (the link format itself is src/experiments/link.ts):
// a teacher's lock/hide applied to the controls (and shown: a lock mark and "set by your
// teacher" in the control's name), "Copy link" with its lock/hide panel, and a widget's
// settings at start-up.
import { INCOMPLETE_LINK, readSharedState, shareUrl, type SharedState } from '../../experiments/link';
import { lockableSettings, wireSharePolicy } from './sharePolicy';
import { embedSnippet, embedUrl } from '../../lib/embed';

/** Said after a locked control's label, so its accessible name says it too. */
export const LOCKED_NOTE = 'set by your teacher';

/** A padlock, drawn (a font may lack the emoji), hidden from screen readers: the words say it. */
function lockMark(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 12 14');
  svg.setAttribute('width', '0.8em');
  svg.setAttribute('height', '0.9em');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', 'M3 6V4a3 3 0 0 1 6 0v2h1.5v7.5h-9V6Zm1.5 0h3V4a1.5 1.5 0 0 0-3 0Z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

/** Adds the lock mark and its words to a label (once). */
function markLocked(label: Element): void {
  if (label.querySelector('.np-lock-note')) return;
  const doc = label.ownerDocument;
  const note = doc.createElement('span');
  note.className = 'np-lock-note';
  note.append(lockMark(doc), ` ${LOCKED_NOTE}`);
  // Inside the label (before its hint), so "Learning rate η set by your teacher" is the field's name.
  const hint = label.querySelector(':scope > .hint');
  label.insertBefore(note, hint);
}

/**
 * Disables locked and hides hidden controls (any element with data-name inside `host`), and
 * marks each locked one. A button that changes a setting by itself (New seed) names it in
 * data-sets="seed"; it is disabled when that setting is locked or hidden, so a fixed seed stays fixed.
 */
export function applyControlPolicy(host: Element, state: Pick<SharedState, 'locked' | 'hidden'>): string[] {
  const affected: string[] = [];
  const fixed = (name: string) => state.locked.has(name) || state.hidden.has(name);
  for (const button of host.querySelectorAll<HTMLButtonElement>('button[data-sets]')) {
    const names = (button.dataset.sets ?? '').split(',').map((s) => s.trim());
    if (!names.some(fixed)) continue;
    button.disabled = true;
    button.dataset.locked = '';
    if (!button.querySelector('.np-lock-note')) {
      const note = host.ownerDocument.createElement('span');
      note.className = 'np-lock-note visually-hidden';
      note.textContent = ` (${LOCKED_NOTE})`;
      button.append(note);
    }
  }
  for (const wrapper of host.querySelectorAll<HTMLElement>('[data-name]')) {
    if (wrapper.closest('[data-share-policy]')) continue;
    const name = wrapper.dataset.name ?? '';
    if (state.hidden.has(name)) {
      wrapper.hidden = true;
      affected.push(name);
    } else if (state.locked.has(name)) {
      for (const input of wrapper.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement | HTMLTextAreaElement>('input, select, button, textarea')) input.disabled = true;
      wrapper.dataset.locked = '';
      const label = wrapper.querySelector('label, legend');
      if (label) markLocked(label);
      affected.push(name);
    }
  }
  return affected;
}

/** Shows `text` in a read-only field and copies it if the clipboard is available; says which. */
async function offer(field: HTMLInputElement | null, text: string, copied: string, byHand: string, say: (message: string) => void): Promise<void> {
  if (field) {
    field.value = text;
    field.hidden = false;
    field.select();
  }
  try {
    await navigator.clipboard.writeText(text);
    say(copied);
  } catch {
    say(byHand);
  }
}

export interface ShareButtonOptions {
  /** Labels for the lock/hide panel by setting name (default: each control's own label). */
  labels?: Readonly<Record<string, string>>;
  /** Which of the host's elements are its own (a widget nested inside owns the rest). */
  owned?: (element: Element) => boolean;
}

/**
 * Wires the widget's "Copy link to this experiment" button and its lock/hide panel: copies the
 * link if the clipboard is available and always shows it in a read-only field, so it can be
 * copied by hand. The link carries the lock/hide lists the panel has ticked (at first, the
 * page's own link's).
 */
export function wireShareButton(host: HTMLElement, key: string, current: () => URLSearchParams, state: Pick<SharedState, 'locked' | 'hidden'>, say: (message: string) => void, options: ShareButtonOptions = {}): void {
  const button = host.querySelector<HTMLButtonElement>('[data-action="share"]');
  const field = host.querySelector<HTMLInputElement>('[data-share-link]');
  if (!button) return;
  const link = () => shareUrl(host.ownerDocument.location.href, key, current(), { locked: policy.locked(), hidden: policy.hidden() }, host.id || undefined);
  const policy = wireSharePolicy(host, lockableSettings(host, options.labels, options.owned), state, () => {
    if (field && !field.hidden) field.value = link();
  });
  button.addEventListener('click', () =>
    offer(field, link(), 'Link to this experiment copied. Opening it shows exactly these settings.', 'Copy the link from the field below: opening it shows exactly these settings.', say),
  );
  // On a page that names its widget-only page (<meta name="np-embed-page">, lessons do), "Embed
  // in another page" offers an <iframe> of that page with the same settings and locks.
  const embed = host.querySelector<HTMLButtonElement>('[data-action="embed"]');
  const embedPage = host.ownerDocument.querySelector<HTMLMetaElement>('meta[name="np-embed-page"]')?.content;
  if (!embed || !embedPage) return;
  embed.hidden = false;
  embed.addEventListener('click', () => {
    const caption = host.querySelector('figcaption')?.textContent?.trim() || 'Nine Parameters experiment';
    const url = embedUrl(new URL(embedPage, host.ownerDocument.baseURI).href, link(), key);
    void offer(
      host.querySelector<HTMLInputElement>('[data-embed-snippet]'),
      embedSnippet(url, caption),
      'Embed code copied: paste it into your page’s HTML. It shows this widget alone, with these settings and locks.',
      'Copy the embed code from the field below into your page’s HTML: it shows this widget alone, with these settings and locks.',
      say,
    );
  });
}

/**
 * A widget's settings at start-up: its data-* attributes (only the known keys, matched without
 * regard to case, so data-w1 counts as W1) with a shared link's settings on top, parsed by the
 * widget's parse…Config(); settings the link gives that the widget does not know become a notice,
 * and so does a link that was cut or changed on the way (its checksum). `aliases` are the
 * settings' short link names ({ lr: 'learningRate' }). `page` is the settings of the page alone
 * (without the link): what a new link leaves out.
 */
export function readWidgetSettings<C>(
  host: HTMLElement,
  defaultKey: string,
  known: readonly string[],
  parse: (source: Record<string, string>) => { config: C; notices: string[] },
  aliases: Readonly<Record<string, string>> = {},
): { key: string; shared: SharedState; config: C; notices: string[]; page: C } {
  const key = host.dataset.shareKey ?? defaultKey;
  const shared = readSharedState(host.ownerDocument.location.search, key);
  // Each setting under its own spelling, whatever case the attribute or link used (data-w1 is W1).
  const canonical = new Map(known.map((k) => [k.toLowerCase(), k]));
  for (const [short, name] of Object.entries(aliases)) canonical.set(short.toLowerCase(), name);
  const canonicalNames = (names: Set<string>) => new Set([...names].map((name) => canonical.get(name.toLowerCase()) ?? name));
  shared.locked = canonicalNames(shared.locked);
  shared.hidden = canonicalNames(shared.hidden);
  const isKnown = (name: string) => canonical.has(name.toLowerCase());
  const source: Record<string, string> = {};
  for (const [name, value] of Object.entries(host.dataset)) if (value !== undefined && isKnown(name)) source[canonical.get(name.toLowerCase())!] = value;
  const page = parse({ ...source }).config;
  for (const [name, value] of shared.settings) if (isKnown(name)) source[canonical.get(name.toLowerCase())!] = value;
  const { config, notices } = parse(source);
  const unknown = [...shared.settings.keys()].filter((name) => !isKnown(name));
  if (unknown.length) notices.push(`The link's setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not known here and ignored.`);
  if (shared.integrity === 'broken') notices.unshift(INCOMPLETE_LINK);
  host.dataset.linkIntegrity = shared.integrity;
  return { key, shared, config, notices, page };
}
