// Reading the student's code before it runs: a syntax error with its line and column (the
// engine's own SyntaxError from compiling a function body carries no position), and the one
// construct the sandbox cannot take away at run time — import(), which loads code from a URL.
import { Parser, tokenizer, type Options } from 'acorn';
import type { CodeLocation } from './types';

const OPTIONS: Options = { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, locations: true };

export interface CodeProblem {
  kind: 'syntax' | 'forbidden';
  message: string;
  location?: CodeLocation;
}

/** acorn's messages end with "(line:column)"; the location is reported separately. */
function withoutPosition(message: string): string {
  return message.replace(/\s*\(\d+:\d+\)$/, '');
}

/** The first problem that stops the code from running, or null. */
export function codeProblem(code: string): CodeProblem | null {
  try {
    Parser.parse(code, OPTIONS);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    return {
      kind: 'syntax',
      message: `SyntaxError: ${withoutPosition((error as Error).message)}`,
      location: loc ? { line: loc.line, column: loc.column + 1 } : undefined,
    };
  }
  for (const token of tokenizer(code, OPTIONS)) {
    if (token.type.keyword === 'import') {
      return {
        kind: 'forbidden',
        message: 'import is not available in the lab: everything your functions need is in this editor or given.',
        location: token.loc ? { line: token.loc.start.line, column: token.loc.start.column + 1 } : undefined,
      };
    }
  }
  return null;
}
