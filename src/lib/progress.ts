// What a student has done, kept in their own browser (localStorage) and nowhere else.
// Pure functions over a small versioned record; a garbled or foreign record reads as empty.

export interface Progress {
  /** 2 counts tries; a stored version 1 record (no counts) is read with none. */
  version: 2;
  /** Lessons read to the end, by lesson id. */
  read: Record<string, true>;
  /** Exercises by "lessonId/exerciseId": answered correctly at least once, or only tried. */
  exercises: Record<string, 'correct' | 'tried'>;
  /** How many times each exercise was checked (a teacher's "which one did most get wrong"). */
  tries: Record<string, number>;
  /** The try on which each exercise was first answered correctly. */
  solvedOnTry: Record<string, number>;
}

export const PROGRESS_KEY = 'nine-parameters:progress';

export function emptyProgress(): Progress {
  return { version: 2, read: {}, exercises: {}, tries: {}, solvedOnTry: {} };
}

const COUNT_MAX = 1e6;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= COUNT_MAX;

const ID = /^[a-z0-9][a-z0-9/_-]{0,120}$/i;

/** Reads a stored record, keeping only well-formed entries. */
export function parseProgress(text: string | null | undefined): Progress {
  const progress = emptyProgress();
  if (!text) return progress;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return progress;
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (!raw || typeof raw !== 'object' || (version !== 1 && version !== 2)) return progress;
  const { read, exercises, tries, solvedOnTry } = raw as { read?: unknown; exercises?: unknown; tries?: unknown; solvedOnTry?: unknown };
  if (read && typeof read === 'object') {
    for (const [id, value] of Object.entries(read)) if (ID.test(id) && value === true) progress.read[id] = true;
  }
  if (exercises && typeof exercises === 'object') {
    for (const [id, value] of Object.entries(exercises)) {
      if (ID.test(id) && (value === 'correct' || value === 'tried')) progress.exercises[id] = value;
    }
  }
  // Counts only for exercises the record has (a count without an answer is garbage).
  for (const [from, to] of [[tries, progress.tries], [solvedOnTry, progress.solvedOnTry]] as const) {
    if (!from || typeof from !== 'object') continue;
    for (const [id, value] of Object.entries(from)) if (id in progress.exercises && isCount(value)) to[id] = value;
  }
  return progress;
}

export function markRead(progress: Progress, lessonId: string): Progress {
  return { ...progress, read: { ...progress.read, [lessonId]: true } };
}

/** Records an answer and counts the try; once correct, an exercise stays done even after a later wrong try. */
export function recordAnswer(progress: Progress, exerciseKey: string, correct: boolean): Progress {
  const before = progress.exercises[exerciseKey];
  const after = correct || before === 'correct' ? 'correct' : 'tried';
  const tries = Math.min(COUNT_MAX, (progress.tries[exerciseKey] ?? 0) + 1);
  const solved = progress.solvedOnTry[exerciseKey] ?? (correct ? tries : undefined);
  return {
    ...progress,
    exercises: { ...progress.exercises, [exerciseKey]: after },
    tries: { ...progress.tries, [exerciseKey]: tries },
    solvedOnTry: solved === undefined ? progress.solvedOnTry : { ...progress.solvedOnTry, [exerciseKey]: solved },
  };
}

export interface LessonProgress {
  read: boolean;
  done: number;
  total: number;
}

export function lessonProgress(progress: Progress, lessonId: string, exerciseIds: readonly string[]): LessonProgress {
  const done = exerciseIds.filter((id) => progress.exercises[`${lessonId}/${id}`] === 'correct').length;
  return { read: progress.read[lessonId] === true, done, total: exerciseIds.length };
}

/** A short sentence for the course page. */
export function describeLessonProgress(p: LessonProgress): string {
  if (!p.read && p.done === 0) return 'not started';
  const parts: string[] = [];
  if (p.read) parts.push('read');
  if (p.total > 0) parts.push(`${p.done} of ${p.total} exercises done`);
  return parts.length ? parts.join(' · ') : 'not started';
}

/** The exercise ids written in a lesson's MDX source (<Choice id="…"> and <NumberAnswer id="…">). */
export function exerciseIdsIn(source: string): string[] {
  return [...source.matchAll(/<(?:Choice|NumberAnswer)\b[^>]*?\bid="([^"]+)"/g)].map((m) => m[1]);
}

/** The code-lab exercises a lesson embeds (<CodeExercise id="…">); their progress key is "lab/<id>". */
export function codeExerciseIdsIn(source: string): string[] {
  return [...source.matchAll(/<CodeExercise\b[^>]*?\bid="([^"]+)"/g)].map((m) => m[1]);
}

/** "code lab: 1 of 2 passed", or '' for a lesson without code exercises. */
export function describeLabProgress(progress: Progress, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const passed = ids.filter((id) => progress.exercises[`lab/${id}`] === 'correct').length;
  return `code lab: ${passed} of ${ids.length} passed`;
}
