// How a student's code becomes functions, as text: the sandbox worker compiles exactly this body
// (and is the only place that does), the unit tests compile it the same way. The student's code
// sits in a block of its own inside a strict-mode function, after the given functions: a
// student may redefine a given function (const relu = …) without a clash, and every function
// the exercise asks for is returned by name.
import type { CodeLocation } from './types';

/** The compiled function's one parameter: the given functions, by name. */
export const GIVEN_PARAMETER = 'lab$given';
/** The name stack traces give the student's code, so locations can be found in them. */
export const SOURCE_NAME = 'student.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The function body that defines the student's code and returns the functions `defines` names. */
export function assembleBody(code: string, defines: readonly string[], given: readonly string[]): string {
  for (const name of [...defines, ...given]) if (!IDENTIFIER.test(name)) throw new Error(`Not a function name: ${name}`);
  const unpack = given.length ? `const { ${given.join(', ')} } = ${GIVEN_PARAMETER};` : '';
  const found = defines.map((name) => `${name}: typeof ${name} === 'function' ? ${name} : undefined`).join(', ');
  // Line 1 of the body holds everything before the student's code, so the student's line n is
  // the body's line n + 1 (the offset is measured once more in the worker, per engine).
  return `'use strict'; ${unpack} {\n${code}\n;return { ${found} };\n}\n//# sourceURL=${SOURCE_NAME}`;
}

/** The first "student.js:line:column" in an error's stack, as written by V8 and Firefox. */
export function stackLocation(stack: string | undefined, lineOffset: number): CodeLocation | undefined {
  const match = stack?.match(new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):(\\d+)`));
  if (!match) return undefined;
  const line = Number(match[1]) - lineOffset;
  return line >= 1 ? { line, column: Number(match[2]) } : undefined;
}
