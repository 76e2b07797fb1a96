// Short texts from frontmatter (summaries, objectives, glossary definitions) may contain
// $…$ math. This renders it at build time with the same options as the lessons, and
// throws on bad TeX so a broken formula fails the build instead of shipping red text.
import katex from 'katex';
import { katexOptions } from './katex-options';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One formula as HTML (KaTeX markup plus MathML for screen readers). */
export function renderMath(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
}

/** Plain text with $…$ formulas → HTML. Text outside the formulas is escaped. */
export function renderInlineMath(text: string): string {
  const pieces = text.split('$');
  if (pieces.length % 2 === 0) {
    throw new Error(`Unmatched $ in "${text}": every formula needs an opening and a closing $.`);
  }
  return pieces.map((piece, i) => (i % 2 === 1 ? renderMath(piece) : escapeHtml(piece))).join('');
}
