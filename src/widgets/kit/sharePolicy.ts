// The teacher's half of "Copy link": a small panel beside the button, folded away, listing the
// widget's settings that have a control, each with a box to lock it (shown, but fixed) and one
// to hide it. The link the button writes carries the ticked lists (share.ts), so any widget's
// link can lock or hide, not only the training console's builder on the teachers' page.
// The panel is built with DOM methods (never markup from strings) from the names it is given.

export interface PolicySetting {
  /** The setting's name, as lock/hide lists and the controls' data-name use it. */
  name: string;
  /** What the reader sees: the control's label. */
  label: string;
}

export interface SharePolicy {
  locked(): string[];
  hidden(): string[];
}

/**
 * The settings a teacher can lock or hide in `host`: every control with a data-name (its label
 * from `labels`, else from the control's own label or legend) and every button that sets one
 * (data-sets), each once, in page order. Controls of a widget nested inside (a console inside
 * the playground) belong to that widget.
 */
export function lockableSettings(host: Element, labels: Readonly<Record<string, string>> = {}, owned: (el: Element) => boolean = () => true): PolicySetting[] {
  const found = new Map<string, string>();
  for (const el of host.querySelectorAll<HTMLElement>('[data-name], button[data-sets]')) {
    if (!owned(el) || el.closest('[data-share-policy]')) continue;
    const names = el.dataset.name !== undefined ? [el.dataset.name] : (el.dataset.sets ?? '').split(',').map((s) => s.trim());
    for (const name of names) {
      if (!name || found.has(name)) continue;
      const own = el.dataset.name !== undefined ? el.querySelector('label, legend')?.childNodes[0]?.textContent?.trim() : undefined;
      found.set(name, labels[name] ?? el.dataset.label ?? (own || name));
    }
  }
  return [...found].map(([name, label]) => ({ name, label }));
}

/**
 * Fills the frame's [data-share-policy] box with a row per setting (lock / hide boxes, ticked as
 * the page's own link has them) and wires its fold-out button. `changed` runs on every tick.
 */
export function wireSharePolicy(host: Element, settings: readonly PolicySetting[], start: { locked: ReadonlySet<string>; hidden: ReadonlySet<string> }, changed: () => void): SharePolicy {
  const box = host.querySelector<HTMLElement>('[data-share-policy]');
  const toggle = host.querySelector<HTMLButtonElement>('[data-action="share-policy"]');
  const rows = new Map<string, { lock: HTMLInputElement; hide: HTMLInputElement }>();
  if (box && toggle && settings.length && !box.dataset.wired) {
    box.dataset.wired = '';
    const doc = host.ownerDocument;
    const table = doc.createElement('table');
    const caption = table.createCaption();
    caption.textContent = 'Tick what the link fixes (Lock) or leaves out (Hide) for the students who open it.';
    const head = table.createTHead().insertRow();
    for (const text of ['Setting', 'Lock', 'Hide']) {
      const th = doc.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    }
    const body = table.createTBody();
    for (const { name, label } of settings) {
      const row = body.insertRow();
      row.dataset.setting = name;
      const th = doc.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      row.append(th);
      const box = (what: 'lock' | 'hide', ticked: boolean) => {
        const input = doc.createElement('input');
        input.type = 'checkbox';
        input.checked = ticked;
        input.dataset.policy = what;
        // Ticking changes only the link the button writes, nothing on screen (tests/e2e/widgets.test.ts).
        input.dataset.testInert = '';
        input.setAttribute('aria-label', `${what === 'lock' ? 'Lock' : 'Hide'} ${label}`);
        input.addEventListener('change', changed);
        row.insertCell().append(input);
        return input;
      };
      rows.set(name, { lock: box('lock', start.locked.has(name)), hide: box('hide', start.hidden.has(name)) });
    }
    box.append(table);
    toggle.hidden = false;
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      box.hidden = !open;
    });
  }
  // Names the panel does not list (a link's lock on a setting without a control) are kept as they came.
  const listed = (names: ReadonlySet<string>, what: 'lock' | 'hide') => [
    ...[...names].filter((name) => !rows.has(name)),
    ...[...rows].filter(([, r]) => r[what].checked && (what === 'hide' || !r.hide.checked)).map(([name]) => name),
  ];
  return { locked: () => listed(start.locked, 'lock'), hidden: () => listed(start.hidden, 'hide') };
}
