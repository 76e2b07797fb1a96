// What a student has done, kept in their own browser (localStorage) and nowhere else.
// Pure functions over a small versioned record; a garbled or foreign record reads as empty.

export interface Progress {
  version: 1;
  /** Lessons read to the end, by lesson id. */
  read: Record<string, true>;
  /** Exercises by "lessonId/exerciseId": answered correctly at least once, or only tried. */
  exercises: Record<string, 'correct' | 'tried'>;
}

export const PROGRESS_KEY = 'nine-parameters:progress';

export function emptyProgress(): Progress {
  return { version: 1, read: {}, exercises: {} };
}

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
  if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1) return progress;
  const { read, exercises } = raw as { read?: unknown; exercises?: unknown };
  if (read && typeof read === 'object') {
    for (const [id, value] of Object.entries(read)) if (ID.test(id) && value === true) progress.read[id] = true;
  }
  if (exercises && typeof exercises === 'object') {
    for (const [id, value] of Object.entries(exercises)) {
      if (ID.test(id) && (value === 'correct' || value === 'tried')) progress.exercises[id] = value;
    }
  }
  return progress;
}

export function markRead(progress: Progress, lessonId: string): Progress {
  return { ...progress, read: { ...progress.read, [lessonId]: true } };
}

/** Records an answer; once correct, an exercise stays done even after a later wrong try. */
export function recordAnswer(progress: Progress, exerciseKey: string, correct: boolean): Progress {
  const before = progress.exercises[exerciseKey];
  const after = correct || before === 'correct' ? 'correct' : 'tried';
  return { ...progress, exercises: { ...progress.exercises, [exerciseKey]: after } };
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
