// A student's own numbers, from their name or number: a stable hash of the name (trimmed, case
// and spacing ignored, so "Ada Lovelace" and " ada  lovelace" are one student) gives a data seed
// and a starting seed. The same name gives the same seeds on every computer and at every visit,
// so the teacher's page can regenerate any student's answer key from the name alone; different
// names give different data, so students' numeric answers differ. Not a secret: anyone who
// knows a name can compute its seeds (the whole course is honour-system).

export interface StudentSeeds {
  /** The name as the student typed it (trimmed). */
  name: string;
  /** The seed of the student's data set (300 samples, the course's ranges). */
  dataSeed: number;
  /** The seed of the student's starting values. */
  initSeed: number;
}

/** The name as it counts: trimmed, inner spaces collapsed, lower case (Unicode-normalised). */
export function canonicalName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** cyrb53 (a public-domain 53-bit string hash): well mixed, and the same in every JavaScript engine. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Seeds run from 1 to this (six digits: easy to type into a widget by hand). */
export const STUDENT_SEED_MAX = 999_999;

/** A name is usable if it has a letter or digit; at most 80 characters. */
export function nameProblem(name: string): string | null {
  const t = name.trim();
  if (!t) return 'Enter your name or your number in the class list.';
  if (t.length > 80) return 'That is longer than 80 characters: a shorter name or a number will do.';
  if (!/[\p{L}\p{N}]/u.test(t)) return 'A name or number needs at least one letter or digit.';
  return null;
}

/** The seeds of the student with this name (two independent hashes, so the two seeds are unrelated). */
export function studentSeeds(name: string): StudentSeeds {
  const key = canonicalName(name);
  return {
    name: name.trim(),
    dataSeed: (hash53(key, 1) % STUDENT_SEED_MAX) + 1,
    initSeed: (hash53(key, 2) % STUDENT_SEED_MAX) + 1,
  };
}
