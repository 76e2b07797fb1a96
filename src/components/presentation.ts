// Presentation mode for a projector: larger type, one section per screen, widgets at the full
// width, arrow keys (and Page Up/Down, Home, End) between sections, Escape or the bar's button to
// leave. Reached from the lesson's "Present this lesson" link or by an address with ?present
// (?present=3 opens the third slide); widget settings in the address are kept. Nothing is moved:
// slides are shown and hidden in place, so widgets keep their state between slides.
import { sectionStarts, slideFromParameter, slideKey } from '../lib/slides';

const FORM_FIELD = 'input, select, textarea, [contenteditable], [role="slider"], .cm-editor';

function button(label: string, onClick: () => void, className = 'np-button'): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

export function wirePresentation(article: HTMLElement): void {
  const prose = article.querySelector<HTMLElement>('.prose');
  const title = article.querySelector<HTMLElement>('.lesson-header');
  if (!prose || !title) return;
  const body = [...prose.children] as HTMLElement[];
  const starts = sectionStarts(body.map((e) => e.tagName));
  const slides: HTMLElement[][] = [[title, ...([article.querySelector<HTMLElement>('.objectives')].filter(Boolean) as HTMLElement[])]];
  starts.forEach((start, i) => slides.push(body.slice(start, starts[i + 1] ?? body.length)));
  const all = slides.flat();
  let current = 0;
  let bar: HTMLElement | null = null;
  let label: HTMLElement | null = null;

  const heading = (n: number) => slides[n].find((e) => /^H[12]$/.test(e.tagName)) ?? slides[n][0];
  const setAddress = (n: number | null) => {
    const url = new URL(location.href);
    if (n === null) url.searchParams.delete('present');
    else url.searchParams.set('present', String(n + 1));
    history.replaceState(history.state, '', url);
  };

  const show = (n: number, focus = true) => {
    current = n;
    for (const element of all) element.classList.toggle('present-off', !slides[n].includes(element));
    if (label) label.textContent = `${n + 1} of ${slides.length}: ${heading(n).textContent?.trim() ?? ''}`;
    setAddress(n);
    scrollTo({ top: 0 });
    if (focus) {
      const h = heading(n);
      if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
      h.focus({ preventScroll: true });
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'Escape' && (event.target as Element | null)?.closest?.(FORM_FIELD)) return;
    const next = slideKey(event.key, current, slides.length);
    if (next === null) return;
    event.preventDefault();
    if (next === 'exit') stop();
    else if (next !== current) show(next);
  };

  function start(n: number): void {
    document.documentElement.setAttribute('data-present', '');
    bar = document.createElement('nav');
    bar.className = 'present-bar';
    bar.setAttribute('aria-label', 'Presentation');
    label = document.createElement('p');
    label.className = 'present-label';
    label.setAttribute('aria-live', 'polite');
    bar.append(
      button('← Previous', () => show(Math.max(current - 1, 0))),
      label,
      button('Next →', () => show(Math.min(current + 1, slides.length - 1))),
      button('Exit presentation', stop, 'np-button present-exit'),
    );
    document.body.append(bar);
    addEventListener('keydown', onKey);
    show(n);
  }

  function stop(): void {
    document.documentElement.removeAttribute('data-present');
    for (const element of all) element.classList.remove('present-off');
    bar?.remove();
    bar = label = null;
    removeEventListener('keydown', onKey);
    setAddress(null);
    heading(current).scrollIntoView({ block: 'start' });
  }

  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-present-link]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (!document.documentElement.hasAttribute('data-present')) start(0);
    });
  }
  const asked = new URL(location.href).searchParams.get('present');
  if (asked !== null) start(slideFromParameter(asked, slides.length));
}
