// Presentation mode's slides: the lesson's title block, then one slide per section (an <h2> and
// everything up to the next one); prose before the first section is a slide of its own. Pure, so
// the grouping is tested without a browser.

/** Where each slide starts among a lesson body's top-level elements (by tag name), after the title slide. */
export function sectionStarts(tags: readonly string[]): number[] {
  const starts: number[] = [];
  tags.forEach((tag, index) => {
    if (index === 0 || tag.toUpperCase() === 'H2') starts.push(index);
  });
  return starts;
}

/** The slide a `?present=N` value asks for (1-based in the address), within 0…count−1. */
export function slideFromParameter(value: string | null, count: number): number {
  const n = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(n) || count <= 0) return 0;
  return Math.min(Math.max(n, 1), count) - 1;
}

/** Keys that move between slides, and where to. */
export function slideKey(key: string, current: number, count: number): number | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowLeft':
    case 'PageUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}
