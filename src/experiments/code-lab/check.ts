// One check: run the student's functions on the seeded cases, compare every number with the
// trainer's, and when something differs, name the likely bug by finding the deliberately wrong
// version that produces exactly the student's numbers. Runs wherever the student's functions
// live (the sandbox worker in the browser, Node in the tests); it never compiles code itself.
import { compareResult, formatNumber, sameValues, type Comparison } from './compare';
import { copy } from './values';
import type { CaseReport, CheckCase, CheckError, CheckReport, CodeLocation, Diagnosis, Exercise, LabFunctions, LabValue } from './types';

/** The most cases a report lists (failing ones first), and rows per case. */
export const MAX_CASES_SHOWN = 4;
export const MAX_ROWS_SHOWN = 12;

export interface CheckOptions {
  /** Where an exception was thrown in the student's code, if the runner can tell. */
  locate?: (error: unknown) => CodeLocation | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A short, readable form of a case's arguments (numbers rounded, long arrays cut). */
export function describeArgs(args: readonly LabValue[]): string {
  const show = (value: LabValue, depth: number): string => {
    if (typeof value === 'number') return formatNumber(value);
    if (Array.isArray(value)) {
      const items = value.slice(0, 4).map((v) => show(v, depth + 1));
      return `[${items.join(', ')}${value.length > 4 ? `, … ${value.length} in all` : ''}]`;
    }
    if (depth > 1) return '{…}';
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v, depth + 1)}`).join(', ')} }`;
  };
  return args.map((a) => show(a, 0)).join(', ');
}

function errorMessage(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
    return `The code threw ${String(error).slice(0, 200)}`;
  } catch {
    return 'The code threw something that cannot be shown.';
  }
}

function call(fn: unknown, args: readonly LabValue[]): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: (fn as (...a: unknown[]) => unknown)(...copy(args)) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The functions the student was asked for but did not define, as a message (or null). */
export function missingFunctions(exercise: Exercise, student: LabFunctions): string | null {
  const missing = exercise.defines.filter((name) => typeof student[name] !== 'function');
  if (missing.length === 0) return null;
  const list = missing.map((n) => `${n}`).join(' and ');
  return `Define ${missing.length === 1 ? 'a function' : 'functions'} named ${list} (names are case-sensitive).`;
}

/** Does wrong version `functions` produce exactly the student's numbers on every case? */
function explains(exercise: Exercise, functions: LabFunctions, cases: CheckCase[], received: unknown[]): boolean {
  return cases.every((c, i) => {
    const fn = functions[c.fn] ?? exercise.reference[c.fn];
    const result = call(fn, c.args);
    return result.ok && sameValues(result.value as LabValue, received[i]);
  });
}

/** The first wrong version that explains all the student's results. */
export function diagnose(exercise: Exercise, cases: CheckCase[], received: unknown[]): Diagnosis | undefined {
  for (const wrong of exercise.wrongVersions) {
    if (explains(exercise, wrong.functions, cases, received)) return { id: wrong.id, message: wrong.message };
  }
  return undefined;
}

/** Observations that help when no wrong version fits: which outputs are right, a constant factor. */
function notesOn(comparisons: Comparison[], cases: CheckCase[]): string[] {
  const notes: string[] = [];
  const right = new Map<string, boolean>();
  const ratios: number[] = [];
  comparisons.forEach((comparison, i) => {
    for (const row of comparison.rows) {
      const key = row.path.replace(/\[\d+\]/g, '[]');
      right.set(key, (right.get(key) ?? true) && row.ok);
    }
    // Compare against the expected numbers of the same case for the ratio.
    const want = flattenCase(cases[i]);
    for (const [path, value] of comparison.received) {
      const e = want.get(path);
      if (e !== undefined && Math.abs(e) > 1e-9) ratios.push(value / e);
    }
  });
  const keys = [...right.keys()].filter((k) => k !== '');
  const good = keys.filter((k) => right.get(k));
  const bad = keys.filter((k) => !right.get(k));
  const shapesOk = comparisons.every((c) => c.shapeOk);
  if (shapesOk && good.length > 0 && bad.length > 0) notes.push(`Right in every case: ${good.join(', ')}. Wrong somewhere: ${bad.join(', ')}.`);
  if (ratios.length >= 3) {
    const k = ratios[0];
    if (Number.isFinite(k) && Math.abs(k - 1) > 1e-6 && ratios.every((r) => Math.abs(r - k) <= 1e-9 * Math.max(1, Math.abs(k)))) {
      notes.push(`Every number you return is ${formatNumber(k)} times the expected one: look for a constant factor or a sign.`);
    }
  }
  return notes;
}

function flattenCase(c: CheckCase): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (value: LabValue, path: string) => {
    if (typeof value === 'number') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
  };
  visit(c.expected, '');
  return out;
}

function caseReport(c: CheckCase, comparison: Comparison): CaseReport {
  const rows = [...comparison.rows.filter((r) => !r.ok), ...comparison.rows.filter((r) => r.ok)].slice(0, MAX_ROWS_SHOWN);
  return { fn: c.fn, label: c.label, input: describeArgs(c.args), ok: comparison.ok, problems: comparison.problems, rows };
}

/** Runs a full check of `student` (the functions the student's code defined) on the cases of `seed`. */
export function checkExercise(exercise: Exercise, student: LabFunctions, seed: number | string, options: CheckOptions = {}): CheckReport {
  const base = { exercise: exercise.id, seed: String(seed), notes: [] as string[], cases: [] as CaseReport[] };
  const missing = missingFunctions(exercise, student);
  if (missing) {
    return { ...base, status: 'error', summary: missing, passedCases: 0, totalCases: 0, largestDifference: null, error: { kind: 'missing', message: missing } };
  }
  const cases = exercise.cases(seed);
  const received: unknown[] = [];
  const comparisons: Comparison[] = [];
  for (const c of cases) {
    const result = call(student[c.fn], c.args);
    if (!result.ok) {
      const error: CheckError = {
        kind: 'runtime',
        message: errorMessage(result.error),
        location: options.locate?.(result.error),
        during: `${c.fn} on the case “${c.label}”`,
      };
      const where = error.location ? ` (line ${error.location.line}, column ${error.location.column})` : '';
      return {
        ...base, status: 'error', summary: `Your code threw an error while running ${error.during}${where}: ${error.message}`,
        passedCases: comparisons.filter((x) => x.ok).length, totalCases: cases.length, largestDifference: null, error,
        cases: [{ fn: c.fn, label: c.label, input: describeArgs(c.args), ok: false, problems: [error.message], rows: [] }],
      };
    }
    received.push(result.value);
    comparisons.push(compareResult(c.fn, c.shape, c.expected, result.value));
  }
  const passedCases = comparisons.filter((x) => x.ok).length;
  const largestDifference = comparisons.reduce((m, x) => Math.max(m, x.largestDifference), 0);
  const order = cases.map((c, i) => ({ c, x: comparisons[i] })).sort((a, b) => Number(a.x.ok) - Number(b.x.ok));
  const shown = order.slice(0, MAX_CASES_SHOWN).map(({ c, x }) => caseReport(c, x));
  if (passedCases === cases.length) {
    return {
      ...base, status: 'passed', cases: shown, passedCases, totalCases: cases.length, largestDifference,
      summary: `All ${plural(cases.length, 'case')} pass: ${exercise.defines.join(' and ')} agree${exercise.defines.length === 1 ? 's' : ''} with the trainer (largest difference ${formatNumber(largestDifference)}).`,
    };
  }
  const diagnosis = diagnose(exercise, cases, received);
  return {
    ...base, status: 'failed', cases: shown, passedCases, totalCases: cases.length, largestDifference, diagnosis,
    notes: diagnosis ? [] : notesOn(comparisons, cases),
    summary: `${cases.length - passedCases} of ${plural(cases.length, 'case')} differ from the trainer.`,
  };
}
