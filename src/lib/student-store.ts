// The browser side of a student's identity and assignment answers (and of "Save my work"):
// the name or number they entered once, and their answers per assignment, kept in their own
// browser's localStorage like the rest of their progress. Storage may be missing or refuse
// writes (private windows, strict school settings): then nothing is kept, and nothing breaks.
import type { AssignmentAnswer, AssignmentRecord } from './work-file';

const NAME_KEY = 'nine-parameters:student';
const ASSIGNMENT_PREFIX = 'nine-parameters:assignment:';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage refused: the answer simply is not kept.
  }
}

export function loadStudentName(): string {
  return (read(NAME_KEY) ?? '').slice(0, 80);
}

export function saveStudentName(name: string): void {
  write(NAME_KEY, name.trim().slice(0, 80));
}

/** One assignment's stored record, or null (garbled records read as none). */
export function loadAssignment(key: string): AssignmentRecord | null {
  const text = read(ASSIGNMENT_PREFIX + key);
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<AssignmentRecord>;
    if (typeof raw.title !== 'string' || !Array.isArray(raw.answers)) return null;
    return {
      title: raw.title,
      key,
      student: typeof raw.student === 'string' ? raw.student : '',
      dataSeed: Number(raw.dataSeed) || 0,
      initSeed: Number(raw.initSeed) || 0,
      answers: raw.answers.filter((a): a is AssignmentAnswer => typeof a?.exercise === 'string' && Number.isFinite(a.value)),
    };
  } catch {
    return null;
  }
}

/** Records a checked answer (the latest value, whether it was right, and the try count). */
export function recordAssignmentAnswer(base: Omit<AssignmentRecord, 'answers'>, exercise: string, value: number, correct: boolean): AssignmentRecord {
  const before = loadAssignment(base.key);
  // A new name starts the assignment's answers afresh: they were another student's numbers.
  const answers = before && before.student === base.student ? before.answers : [];
  const old = answers.find((a) => a.exercise === exercise);
  const tries = (old?.tries ?? 0) + 1;
  const solvedOnTry = old?.solvedOnTry ?? (correct ? tries : undefined);
  const answer: AssignmentAnswer = { exercise, value, correct, tries, ...(solvedOnTry ? { solvedOnTry } : {}) };
  const record = { ...base, answers: [...answers.filter((a) => a !== old), answer] };
  write(ASSIGNMENT_PREFIX + base.key, JSON.stringify(record));
  return record;
}

/** Every assignment this browser has answers for. */
export function loadAllAssignments(): AssignmentRecord[] {
  const out: AssignmentRecord[] = [];
  try {
    const storage = globalThis.localStorage;
    if (!storage) return out;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(ASSIGNMENT_PREFIX)) continue;
      const record = loadAssignment(key.slice(ASSIGNMENT_PREFIX.length));
      if (record) out.push(record);
    }
  } catch {
    // Storage refused: no assignments to list.
  }
  return out;
}
