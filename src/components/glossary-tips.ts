// Glossary links with their definition on hover, keyboard focus and tap. The definitions are
// rendered by GlossaryTips.astro in a hidden container; each link gets its definition as its
// accessible description (aria-describedby works on hidden text), and a single overlay shows the
// definition of the link being pointed at, focused or tapped, positioned over the page (absolute,
// so nothing below moves). Esc closes it. On touch, the first tap on a link shows the definition
// with a link to the full entry, and a second tap on the same link follows it.

const TIP_CLASS = 'gloss-popup';

function termOf(link: HTMLAnchorElement): string | null {
  const match = /glossary\/(?:index\.html)?#([a-z0-9-]+)$/.exec(link.getAttribute('href') ?? '');
  return match ? match[1]! : null;
}

export function wireGlossaryTips(doc: Document): void {
  const tips = new Map<string, HTMLElement>();
  for (const tip of doc.querySelectorAll<HTMLElement>('[data-gloss-tip]')) tips.set(tip.dataset.glossTip ?? '', tip);
  if (tips.size === 0) return;

  const popup = doc.createElement('div');
  popup.className = TIP_CLASS;
  popup.setAttribute('role', 'tooltip');
  popup.id = 'gloss-popup';
  popup.hidden = true;
  doc.body.append(popup);
  let shownFor: HTMLAnchorElement | null = null;
  /** The link whose definition a tap opened (the next tap on it follows it). */
  let tapped: HTMLAnchorElement | null = null;
  /** Whether the pointer that is clicking is a finger. */
  let touched = false;

  const hide = (): void => {
    popup.hidden = true;
    shownFor = null;
    tapped = null;
  };

  const show = (link: HTMLAnchorElement, withLink: boolean): void => {
    const tip = tips.get(termOf(link) ?? '');
    if (!tip) return;
    popup.replaceChildren(...Array.from(tip.childNodes, (node) => node.cloneNode(true)));
    if (withLink) {
      const more = doc.createElement('a');
      more.href = link.href;
      more.className = 'gloss-popup-more';
      more.textContent = 'Open in the glossary';
      popup.append(' ', more);
    }
    popup.hidden = false;
    shownFor = link;
    // Below the link, kept inside the viewport's width; above it when there is no room below.
    const box = link.getBoundingClientRect();
    const view = doc.documentElement.clientWidth;
    const width = Math.min(popup.offsetWidth, view - 16);
    const left = Math.max(8, Math.min(box.left, view - width - 8));
    const below = box.bottom + 6;
    const above = box.top - popup.offsetHeight - 6;
    const top = below + popup.offsetHeight > innerHeight && above > 0 ? above : below;
    popup.style.left = `${left + scrollX}px`;
    popup.style.top = `${top + scrollY}px`;
  };

  for (const link of doc.querySelectorAll<HTMLAnchorElement>('main a[href*="glossary/"]')) {
    const term = termOf(link);
    if (!term || !tips.has(term)) continue;
    link.setAttribute('aria-describedby', `gloss-tip-${term}`);
    link.dataset.glossary = term;
    link.addEventListener('mouseenter', () => show(link, false));
    link.addEventListener('mouseleave', () => {
      if (shownFor === link && tapped !== link) hide();
    });
    link.addEventListener('focus', () => show(link, false));
    link.addEventListener('blur', () => {
      if (shownFor === link && tapped !== link) hide();
    });
    link.addEventListener('pointerdown', (event) => {
      touched = event.pointerType === 'touch';
    });
    link.addEventListener('click', (event) => {
      // A tap shows the definition first; a second tap on the same link follows it.
      if (!touched || tapped === link) return;
      event.preventDefault();
      show(link, true);
      tapped = link;
    });
  }
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popup.hidden) hide();
  });
  doc.addEventListener('pointerdown', (event) => {
    const target = event.target as Node | null;
    if (!popup.hidden && target && !popup.contains(target) && !(shownFor && shownFor.contains(target))) hide();
  });
}
