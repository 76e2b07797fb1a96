// "Save my work": what a student did, as a file they choose to save and hand in — lessons read,
// exercises tried and got right (with tries), code-lab results, assignment answers, their name
// and the time. It is written by the student's own browser from what that browser remembers, so
// it is an honour-system record, not proof: the file says so itself. The collect page reads many
// of these files into a class table. Pure (no DOM); versioned, and every reader is forgiving: a
// damaged file is named, an older version is read with what it has, nothing throws.
import type { Progress } from './progress';

export const WORK_FORMAT = 'nine-parameters-work';
/** Version 2 counts tries; version 1 files (answers only) are still read. */
export const WORK_VERSION = 2;

export const HONOUR_NOTE =
  'Written by the student’s own browser from what it remembers on this computer. It is an honour-system record of work done, not proof: anyone can edit this file.';

export interface ExerciseRecord {
  /** "lessonId/exerciseId", or "lab/<id>" for the code lab. */
  id: string;
  correct: boolean;
  /** Checks made (0 when the version did not count them). */
  tries: number;
  /** The try that first got it right, if counted. */
  solvedOnTry?: number;
}

export interface LabRecord {
  id: string;
  passed: boolean;
  checks: number;
  hints: number;
}

export interface AssignmentAnswer {
  exercise: string;
  /** The value the student last checked. */
  value: number;
  correct: boolean;
  tries: number;
  /** The check that first got it right (absent if never, or in files that did not count it). */
  solvedOnTry?: number;
}

export interface AssignmentRecord {
  title: string;
  /** The assignment's short key (its link's checksum). */
  key: string;
  student: string;
  dataSeed: number;
  initSeed: number;
  answers: AssignmentAnswer[];
}

export interface WorkFile {
  format: typeof WORK_FORMAT;
  version: typeof WORK_VERSION;
  note: string;
  student: string;
  /** ISO 8601, the student's clock. */
  savedAt: string;
  lessonsRead: string[];
  exercises: ExerciseRecord[];
  lab: LabRecord[];
  assignments: AssignmentRecord[];
}

/** The file from what the browser holds. */
export function makeWorkFile(input: { student: string; savedAt: Date; progress: Progress; lab: LabRecord[]; assignments: AssignmentRecord[] }): WorkFile {
  const { progress } = input;
  return {
    format: WORK_FORMAT,
    version: WORK_VERSION,
    note: HONOUR_NOTE,
    student: input.student.trim(),
    savedAt: input.savedAt.toISOString(),
    lessonsRead: Object.keys(progress.read).sort(),
    exercises: Object.entries(progress.exercises)
      .filter(([id]) => !id.startsWith('lab/'))
      .map(([id, state]) => ({ id, correct: state === 'correct', tries: progress.tries[id] ?? 0, ...(progress.solvedOnTry[id] ? { solvedOnTry: progress.solvedOnTry[id] } : {}) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    lab: input.lab,
    assignments: input.assignments,
  };
}

/** "nine-parameters-work-ada-lovelace-2026-12-07.json" */
export function workFileName(file: WorkFile, extension: 'json' | 'csv'): string {
  const name = file.student.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'student';
  return `nine-parameters-work-${name}-${file.savedAt.slice(0, 10)}.${extension}`;
}

/** One CSV field (RFC 4180: quoted only when it must be). */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRows = (rows: readonly (readonly (string | number | boolean)[])[]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** The same file as a table, one row per thing done: student, saved at, kind, item, result, tries. */
export function workCsv(file: WorkFile): string {
  const rows: (string | number | boolean)[][] = [['student', 'saved_at', 'kind', 'item', 'result', 'tries']];
  const row = (kind: string, item: string, result: string, tries: number | string) => rows.push([file.student, file.savedAt, kind, item, result, tries]);
  for (const id of file.lessonsRead) row('lesson', id, 'read', '');
  for (const e of file.exercises) row('exercise', e.id, e.correct ? 'correct' : 'tried', e.tries || '');
  for (const l of file.lab) row('code lab', l.id, l.passed ? 'passed' : 'not passed', l.checks);
  for (const a of file.assignments) for (const answer of a.answers) row('assignment', `${a.title} / ${answer.exercise}`, `${answer.value} (${answer.correct ? 'correct' : 'wrong'})`, answer.tries);
  return csvRows(rows);
}

export type ReadWork =
  | { ok: true; file: WorkFile; notes: string[] }
  | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e6 ? v : 0);
const ID = /^[a-z0-9][a-z0-9/_-]{0,120}$/i;

/** Reads a saved file: what it holds, with notes on anything left out; or why it cannot be read. */
export function readWorkFile(content: string, fileName = 'the file'): ReadWork {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return { ok: false, problem: `${fileName} is damaged or is not a saved-work file (it is not valid JSON).` };
  }
  if (!isObject(raw) || raw.format !== WORK_FORMAT) return { ok: false, problem: `${fileName} is not a Nine Parameters saved-work file.` };
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: `${fileName} has no version number: it is damaged.` };
  const notes: string[] = [];
  if (version > WORK_VERSION) notes.push(`${fileName} was saved by a newer version of the course (format ${version}); what this page understands is shown.`);
  let dropped = 0;
  const exercises: ExerciseRecord[] = [];
  if (version === 1) {
    // Version 1 kept each exercise as "correct" or "tried", without counting tries.
    notes.push(`${fileName} was saved by an older version of the course (format 1): it does not count tries.`);
    const answers = isObject(raw.exercises) ? raw.exercises : {};
    for (const [id, state] of Object.entries(answers)) {
      if (ID.test(id) && (state === 'correct' || state === 'tried') && !id.startsWith('lab/')) exercises.push({ id, correct: state === 'correct', tries: 0 });
      else dropped++;
    }
  } else {
    for (const e of Array.isArray(raw.exercises) ? raw.exercises : []) {
      if (isObject(e) && typeof e.id === 'string' && ID.test(e.id) && typeof e.correct === 'boolean') {
        const solved = count(e.solvedOnTry);
        exercises.push({ id: e.id, correct: e.correct, tries: count(e.tries), ...(solved ? { solvedOnTry: solved } : {}) });
      } else dropped++;
    }
  }
  const lessonsRead = (Array.isArray(raw.lessonsRead) ? raw.lessonsRead : []).filter((id): id is string => typeof id === 'string' && ID.test(id));
  const lab: LabRecord[] = (Array.isArray(raw.lab) ? raw.lab : []).filter(isObject).filter((l) => typeof l.id === 'string' && ID.test(l.id)).map((l) => ({ id: l.id as string, passed: l.passed === true, checks: count(l.checks), hints: count(l.hints) }));
  const assignments: AssignmentRecord[] = (Array.isArray(raw.assignments) ? raw.assignments : []).filter(isObject).map((a) => ({
    title: text(a.title, 120) || 'Assignment',
    key: text(a.key, 12),
    student: text(a.student, 80),
    dataSeed: count(a.dataSeed),
    initSeed: count(a.initSeed),
    answers: (Array.isArray(a.answers) ? a.answers : []).filter(isObject).filter((x) => typeof x.exercise === 'string' && typeof x.value === 'number' && Number.isFinite(x.value)).map((x) => ({ exercise: text(x.exercise, 60), value: x.value as number, correct: x.correct === true, tries: count(x.tries), ...(count(x.solvedOnTry) ? { solvedOnTry: count(x.solvedOnTry) } : {}) })),
  }));
  if (dropped) notes.push(`${fileName}: ${dropped} damaged ${dropped === 1 ? 'entry was' : 'entries were'} left out.`);
  const student = text(raw.student, 80).trim();
  if (!student) notes.push(`${fileName} has no student name.`);
  const savedAt = text(raw.savedAt, 40);
  return {
    ok: true,
    file: { format: WORK_FORMAT, version: WORK_VERSION, note: HONOUR_NOTE, student: student || `(no name: ${fileName})`, savedAt: Number.isNaN(Date.parse(savedAt)) ? '' : savedAt, lessonsRead, exercises, lab, assignments },
    notes,
  };
}
