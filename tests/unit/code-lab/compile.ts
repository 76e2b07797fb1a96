// Compiles exercise code the way the sandbox worker does (same body from source.ts), for tests
// in Node. Tests may build functions from strings; src/ may not, outside the worker.
import { assembleBody, GIVEN_PARAMETER } from '../../../src/experiments/code-lab/source';
import type { Exercise, LabFunctions } from '../../../src/experiments/code-lab/types';

export function compile(exercise: Exercise, code: string, given: LabFunctions = exercise.reference): LabFunctions {
  const body = assembleBody(code, exercise.defines, exercise.given);
  const givenFunctions = Object.fromEntries(exercise.given.map((name) => [name, given[name]]));
  return new Function(GIVEN_PARAMETER, body)(givenFunctions) as LabFunctions;
}

/** The solution with `from` replaced by `to` (every occurrence); fails loudly if `from` is not there. */
export function edit(code: string, ...pairs: [string, string][]): string {
  let out = code;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`The solution no longer contains ${JSON.stringify(from)}`);
    out = out.split(from).join(to);
  }
  return out;
}
