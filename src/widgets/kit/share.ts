// The DOM side of shareable experiments (the link format itself is src/experiments/link.ts):
// a teacher's lock/hide applied to the controls, "Copy link", and a widget's settings at start-up.
import { readSharedState, shareUrl, type SharedState } from '../../experiments/link';

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
  // Each setting under its own spelling, whatever case the attribute or link used (data-w1 is W1).
  const canonical = new Map(known.map((k) => [k.toLowerCase(), k]));
  const isKnown = (name: string) => canonical.has(name.toLowerCase());
  const source: Record<string, string> = {};
  for (const [name, value] of Object.entries(host.dataset)) if (value !== undefined && isKnown(name)) source[canonical.get(name.toLowerCase())!] = value;
  for (const [name, value] of shared.settings) if (isKnown(name)) source[canonical.get(name.toLowerCase())!] = value;
  const { config, notices } = parse(source);
  const unknown = [...shared.settings.keys()].filter((name) => !isKnown(name));
  if (unknown.length) notices.push(`The link's setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not known here and ignored.`);
  return { key, shared, config, notices };
}
