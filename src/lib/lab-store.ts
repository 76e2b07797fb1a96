// A student's work in the code lab, per exercise, kept in their own browser (localStorage)
// like the rest of their progress: the code as last typed, how many hints they opened, whether
// they made a real attempt (checked code that is not the starting code: the solution opens
// only after one), and their last check. Parsing is pure and forgiving: a garbled record reads
// as a fresh start. That an exercise passed is also recorded in the course progress
// (progress.ts) as "lab/<id>", so the course page counts it.
import { recordAnswer } from './progress';
import { loadProgress, saveProgress } from './progress-store';

export interface LabWork {
  version: 1;
  /** The editor's text, or null for the starting code. */
  code: string | null;
  hints: number;
  attempted: boolean;
  /** The code of the last check that passed (the training run uses it), or null. */
  passedCode: string | null;
  checks: number;
}

const KEY_PREFIX = 'nine-parameters:lab:';
const MAX_CODE = 50_000;

export function freshWork(): LabWork {
  return { version: 1, code: null, hints: 0, attempted: false, passedCode: null, checks: 0 };
}

export function parseWork(text: string | null | undefined): LabWork {
  const work = freshWork();
  if (!text) return work;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return work;
  }
  if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1) return work;
  const r = raw as Record<string, unknown>;
  const code = (v: unknown) => (typeof v === 'string' && v.length <= MAX_CODE ? v : null);
  const count = (v: unknown, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? Math.min(v, max) : 0);
  return {
    version: 1,
    code: code(r.code),
    hints: count(r.hints, 3),
    attempted: r.attempted === true,
    passedCode: code(r.passedCode),
    checks: count(r.checks, 1e9),
  };
}

/** The progress key of a lab exercise. */
export const labProgressKey = (id: string) => `lab/${id}`;

export function loadWork(id: string): LabWork {
  try {
    return parseWork(globalThis.localStorage?.getItem(KEY_PREFIX + id));
  } catch {
    return freshWork();
  }
}

export function saveWork(id: string, work: LabWork): void {
  try {
    globalThis.localStorage?.setItem(KEY_PREFIX + id, JSON.stringify(work));
  } catch {
    // Storage refused (private window, full): the work simply is not kept.
  }
}

/** Records a check's result in the course progress. */
export function recordLabCheck(id: string, passed: boolean): void {
  saveProgress(recordAnswer(loadProgress(), labProgressKey(id), passed));
}

/** The ids of the lab exercises passed, from the course progress. */
export function passedLabExercises(ids: readonly string[]): string[] {
  const progress = loadProgress();
  return ids.filter((id) => progress.exercises[labProgressKey(id)] === 'correct');
}
