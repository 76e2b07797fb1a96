/**
 * Unit tests pin what a message for a student carries, not its wording, so a copy edit does not
 * break them: the setting it names, the entry it quotes back, the kind of problem, the value used.
 *
 *   expectNotice(message(''), { names: 'number of samples', says: /empty/, uses: ['1', '10,000'] });
 */
import { expect } from 'vitest';

export interface NoticeParts {
  /** Words that identify the setting or the thing described (each must appear, any case). */
  names?: string | string[];
  /** What the student typed, shown back to them. */
  quotes?: string;
  /** The kind of problem or statement, as a short pattern (/empty/, /at most|too large/). */
  says?: RegExp;
  /** Values the message gives: the value kept or used, a limit, the choices (each must appear). */
  uses?: string | string[];
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function expectNotice(message: unknown, parts: NoticeParts): void {
  expect(message, 'a message').toBeTypeOf('string');
  const text = message as string;
  for (const name of list(parts.names)) expect(text.toLowerCase(), `names ${name}`).toContain(name.toLowerCase());
  if (parts.quotes !== undefined) expect(text, `quotes ${parts.quotes}`).toContain(parts.quotes);
  if (parts.says) expect(text, `says ${parts.says}`).toMatch(parts.says);
  for (const value of list(parts.uses)) expect(text, `gives ${value}`).toContain(value);
  expect(text).not.toMatch(/\bNaN\b|\bundefined\b|\[object /);
}

/** Exactly one notice per setting given, each naming its setting as unknown. */
export function expectUnknownSettings(notices: readonly string[], names: string[]): void {
  expect(notices).toHaveLength(names.length);
  names.forEach((name, i) => expectNotice(notices[i], { quotes: name, says: /unknown|not known/i }));
}
