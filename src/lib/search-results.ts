// Pure helpers for the search page (src/components/search.ts): the parts of a Pagefind excerpt
// (plain text with <mark> around the matched words, its text HTML-escaped), so the page builds
// them as text nodes and <mark> elements instead of inserting markup from a string.

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
}

/** "a <mark>learning</mark> rate" → [a ], [learning (marked)], [ rate]; any other tag is dropped as text. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: unescape(piece.replace(/<[^>]*>/g, '')), marked });
  }
  return parts;
}

/** The query a search page address asks for (?q=…), trimmed; '' when none. */
export function queryOf(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim().slice(0, 200);
}
