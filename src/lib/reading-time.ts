// A lesson's reading times, computed at build time from its MDX source: the core line, and the
// full lesson with its deep dives (<DeepDive>…</DeepDive>, which a beginner may skip). Prose is
// read at 200 words a minute (a careful pace for technical text; the usual adult figure of about
// 240 is for easy prose); a formula counts as a few words; a widget, an exercise and a code lab
// add the time they take to use, not to read.

export interface ReadingTimes {
  /** Minutes for the core line: prose outside the deep dives, widgets and exercises. */
  core: number;
  /** Minutes with every deep dive read as well. */
  full: number;
}

const WORDS_PER_MINUTE = 200;
/** Minutes to use one thing on the page (a rough allowance, not measured). */
const MINUTES_PER = { widget: 2, exercise: 1, codeLab: 4 } as const;
const EXERCISES = new Set(['Choice', 'NumberAnswer', 'SeededAnswer']);
/** Components that are part of the text, not things to use. */
const TEXT_COMPONENTS = new Set(['DeepDive', 'Fragment']);

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Words of prose, with formulas and code counted by size and markup dropped. */
function proseWords(source: string): number {
  let words = 0;
  let text = source
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, (block) => {
      words += 2 * block.split('\n').length;
      return ' ';
    })
    .replace(/\$\$[\s\S]*?\$\$/g, (block) => {
      words += 4 + 2 * block.split('\\\\').length;
      return ' ';
    })
    .replace(/\$[^$\n]+\$/g, () => {
      words += 1;
      return ' ';
    });
  // Links keep their words and lose their addresses; tags and expressions go.
  text = text.replace(/\]\([^)]*\)/g, ' ').replace(/<[^>]*>/g, ' ').replace(/\{[^{}]*\}/g, ' x ');
  return words + countWords(text);
}

/** The self-closing or opening components of a piece of MDX, by name. */
function componentsIn(source: string): string[] {
  return [...source.matchAll(/^\s*<([A-Z][A-Za-z]*)[\s/>]/gm)].map((m) => m[1]);
}

function usingMinutes(source: string): number {
  let minutes = 0;
  for (const name of componentsIn(source)) {
    if (TEXT_COMPONENTS.has(name)) continue;
    if (EXERCISES.has(name)) minutes += MINUTES_PER.exercise;
    else if (name === 'CodeExercise') minutes += MINUTES_PER.codeLab;
    else minutes += MINUTES_PER.widget;
  }
  return minutes;
}

/** Splits a lesson's body into its core text and its deep dives (an unclosed deep dive runs to the end). */
export function splitDeepDives(body: string): { core: string; deep: string } {
  let core = '';
  let deep = '';
  let rest = body;
  for (;;) {
    const open = /<DeepDive[\s>]/.exec(rest);
    if (!open) break;
    core += rest.slice(0, open.index);
    const after = rest.slice(open.index);
    const close = after.indexOf('</DeepDive>');
    if (close < 0) {
      deep += after;
      rest = '';
      break;
    }
    deep += after.slice(0, close);
    rest = after.slice(close + '</DeepDive>'.length);
  }
  return { core: core + rest, deep };
}

/** Reading times of a lesson body (MDX without its frontmatter), in whole minutes, at least 1. */
export function readingTimes(body: string): ReadingTimes {
  // The exercises' and widgets' props are not prose: their time is the allowance for using them.
  const withoutProps = (text: string) => text.replace(/^\s*<([A-Z][A-Za-z]*)\b[\s\S]*?\/>[ \t]*$/gm, (_block, name: string) => `<${name} />`);
  const { core, deep } = splitDeepDives(body);
  const coreMinutes = proseWords(withoutProps(core)) / WORDS_PER_MINUTE + usingMinutes(core);
  const deepMinutes = proseWords(withoutProps(deep)) / WORDS_PER_MINUTE + usingMinutes(deep);
  const round = (m: number) => Math.max(1, Math.round(m));
  return { core: round(coreMinutes), full: round(coreMinutes + deepMinutes) };
}
