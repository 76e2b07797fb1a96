// Finds TeX that lost its backslashes on the way to KaTeX. Inside a JavaScript string a single
// backslash is an escape: '\mu' arrives as "mu", '\operatorname' as "operatorname", and '\frac',
// '\times', '\nabla', '\beta', '\varepsilon', '\rho' arrive as a control character followed by
// the rest of the name. KaTeX renders all of these without complaint, as a row of italic letters,
// so nothing fails unless we look: this module looks, and tests/unit/tex-source.test.ts (the
// sources) and tests/e2e/tex-built.test.ts (the TeX inside the built pages) use it.
import katex from 'katex';

export interface TexProblem {
  /** The formula as it reached KaTeX (one $…$ span, or a whole display). */
  tex: string;
  /** What is wrong, in words, e.g. `"mu" is \mu without its backslash`. */
  problem: string;
}

/** Commands whose brace argument is text, not math: letter runs inside are words, not commands. */
const TEXT_ARGUMENT = /\\(?:text(?:bf|it|rm|sf|tt|normal)?|mathrm|mathit|mathbf|mathsf|mathtt|operatorname\*?|htmlData|htmlId|htmlClass|textsf|mbox|hbox|label|tag)\s*$/;

/** The letter a JavaScript escape ate, for the control character it left behind. */
const EATEN: Record<string, string> = { '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' };

const commandCache = new Map<string, boolean>();
/** Is `\name` something KaTeX knows (a symbol, a function or a macro)? Asked of KaTeX itself. */
export function isTexCommand(name: string): boolean {
  let known = commandCache.get(name);
  if (known === undefined) {
    try {
      // Two dummy arguments satisfy commands that take some (\frac, \operatorname, \sqrt …);
      // an unknown name throws "Undefined control sequence".
      katex.renderToString(`\\${name}{a}{b}`, { throwOnError: true, strict: 'ignore', trust: true });
      known = true;
    } catch (error) {
      known = !/Undefined control sequence/.test(String(error));
    }
    commandCache.set(name, known);
  }
  return known;
}

/**
 * Removes what is legitimately made of letters: commands (`\sigma`), and the brace arguments of
 * text-like commands (`\text{min\_lr}`, `\operatorname{Var}`, `\htmlData{slot=w1}{…}`), so that
 * what remains is math whose letters are variables.
 */
function mathLetters(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const c = tex[i];
    if (c === '\\') {
      const m = /^\\(?:[a-zA-Z]+|.)/.exec(tex.slice(i));
      const token = m ? m[0] : '\\';
      out += ' '.repeat(token.length);
      i += token.length;
      continue;
    }
    if (c === '{' && TEXT_ARGUMENT.test(tex.slice(0, i))) {
      // Skip the whole balanced group (and, for \htmlData{…}{…}, the attribute group before it).
      let depth = 0, j = i;
      for (; j < tex.length; j++) {
        if (tex[j] === '\\') { j++; continue; }
        if (tex[j] === '{') depth++;
        else if (tex[j] === '}' && --depth === 0) break;
      }
      out += ' '.repeat(j + 1 - i);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Problems in one formula (the TeX between two $ signs, or a display formula). */
export function lintTex(tex: string): TexProblem[] {
  const problems: TexProblem[] = [];
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f]/.exec(tex);
  if (control) {
    const eaten = EATEN[control[0]];
    const rest = /^[a-zA-Z]*/.exec(tex.slice(control.index + 1))![0];
    problems.push({
      tex,
      problem: eaten
        ? `a control character where "\\${eaten}${rest}" lost its backslash to a JavaScript escape`
        : `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
    });
  }
  // A newline is harmless in TeX, unless it is what is left of \nabla, \neq, \nu …
  // (Runs of one letter are left alone: "\ne" + "e_i" on a new line is far likelier a real line break.)
  for (const m of tex.matchAll(/\n([a-zA-Z]{2,})/g)) {
    if (isTexCommand('n' + m[1]) && !isTexCommand(m[1])) {
      problems.push({ tex, problem: `a line break where "\\n${m[1]}" lost its backslash to a JavaScript escape` });
    }
  }
  // \t is a tab: '\times', '\text', '\theta' and '\tau' all begin with t.
  for (const m of tex.matchAll(/\t([a-zA-Z]+)/g)) {
    if (isTexCommand('t' + m[1])) problems.push({ tex, problem: `a tab where "\\t${m[1]}" lost its backslash to a JavaScript escape` });
  }
  for (const m of mathLetters(tex).matchAll(/[a-zA-Z]{2,}/g)) {
    const run = m[0];
    if (isTexCommand(run)) problems.push({ tex, problem: `"${run}" reads as italic letters: it looks like \\${run} without its backslash` });
  }
  return problems;
}

/**
 * The formulas in a text that will go through renderInlineMath (odd-numbered pieces between $
 * signs), each linted. `$$…$$` displays are treated as one formula.
 */
export function lintInlineMath(text: string): TexProblem[] {
  const pieces = text.replace(/\$\$/g, '$').split('$');
  return pieces.flatMap((piece, i) => (i % 2 === 1 ? lintTex(piece) : []));
}

/** The TeX of every formula in a page, read back from KaTeX's MathML annotations. */
export function builtFormulas(html: string): string[] {
  const decode = (s: string) =>
    s.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => decode(m[1]));
}
