// One set of KaTeX options for the Markdown pipeline (astro.config.mjs) and for the
// formulas rendered in .astro files (glossary, summaries), so macros and rules never drift.
import type { KatexOptions } from 'katex';

/** Commands a lesson may use to tag parts of an equation for a widget to fill in. */
const TRUSTED_COMMANDS = new Set(['\\htmlData', '\\htmlId', '\\htmlClass']);

export const katexOptions = {
  // Everything LaTeX would reject is an error, except the \html… extension itself: strict
  // mode refuses \htmlData even when `trust` allows it, and lessons need it for live numbers.
  strict: (errorCode: string) => (errorCode === 'htmlExtension' ? 'ignore' : 'error'),
  // KaTeX quietly prints an untrusted command as red text. Throwing instead makes \href,
  // \url, \includegraphics or \htmlStyle fail loudly: in .astro files the build stops, in
  // Markdown rehype-katex emits .katex-error, which the end-to-end test looks for.
  trust: (context: { command: string }) => {
    if (TRUSTED_COMMANDS.has(context.command)) return true;
    throw new Error(`${context.command} is not allowed: only ${[...TRUSTED_COMMANDS].join(', ')} are.`);
  },
  macros: {},
} satisfies KatexOptions;
