// The vocabulary of the code lab: what an exercise is, what one check case is, and what a
// check reports. Plain data only, so a report crosses from the sandbox worker to the page
// with postMessage and a notebook can be written from the same cases.

/** The values a student's function receives and returns: numbers, arrays of numbers, records of those. */
export type LabValue = number | LabValue[] | { [key: string]: LabValue };

/** The shape a result must have: checked before any number is compared. */
export type Shape =
  | { kind: 'number' }
  | { kind: 'array'; length: number }
  | { kind: 'record'; fields: Record<string, Shape> };

/** One call of one student function, with the trainer's answer. */
export interface CheckCase {
  /** Which function of the exercise is called. */
  fn: string;
  /** What is special about the case, in a few words ("unit h2 is dead"). */
  label: string;
  /** The arguments, as plain JSON-able data (each call gets its own copy). */
  args: LabValue[];
  /** What the trainer computes for these arguments. */
  expected: LabValue;
  shape: Shape;
}

/** A plain JavaScript function of the lab's API (a student's, a reference's or a wrong version's). */
export type LabFunction = (...args: never[]) => unknown;
export type LabFunctions = Record<string, LabFunction>;

/** A deliberately wrong version of an exercise's functions and the mistake it stands for. */
export interface WrongVersion {
  id: string;
  /** The likely bug, said to the student (one or two sentences). */
  message: string;
  /** Replacements for some of the exercise's functions; the others stay correct. */
  functions: LabFunctions;
}

export interface Exercise {
  id: string;
  title: string;
  /** The goal in one sentence. */
  goal: string;
  /** The lesson that teaches the idea (content/lessons id). */
  lesson: string;
  /** The function names the student defines, in the order they appear. */
  defines: readonly string[];
  /** Functions the course provides (reference versions), named in the stub's comments. */
  given: readonly string[];
  /** The editor's starting code, with TODOs. */
  stub: string;
  /** Up to three hints, revealed one at a time. */
  hints: readonly string[];
  /** The reference solution (JavaScript). */
  solution: string;
  /** The same exercise in Python with NumPy, for the notebook. */
  python: { stub: string; solution: string; defines: readonly string[] };
  /** Correct versions of `defines` and `given` in the lab's plain API (the diagnosis builds on them). */
  reference: LabFunctions;
  /** Seeded check cases; expected values come from the trainer. */
  cases(seed: number | string): CheckCase[];
  wrongVersions: readonly WrongVersion[];
}

/** One compared number: where it sits in the result, what was expected and what came back. */
export interface ValueRow {
  /** Path in the result, e.g. "yhat", "losses[3]", "params.W1"; "" for a plain number. */
  path: string;
  expected: string;
  received: string;
  /** |received − expected| as text, or "" when there is no number to subtract. */
  difference: string;
  ok: boolean;
}

export interface CaseReport {
  fn: string;
  label: string;
  /** The arguments in short form, for reading. */
  input: string;
  ok: boolean;
  /** What is wrong with the result's shape (missing key, a string, a short array), if anything. */
  problems: string[];
  rows: ValueRow[];
}

export type CheckStatus = 'passed' | 'failed' | 'error';

/** Where in the student's code something went wrong (1-based, as editors count). */
export interface CodeLocation {
  line: number;
  column: number;
}

export interface CheckError {
  kind: 'syntax' | 'runtime' | 'missing' | 'forbidden' | 'timeout' | 'crash';
  message: string;
  location?: CodeLocation;
  /** The function and case being run when it happened. */
  during?: string;
}

export interface Diagnosis {
  id: string;
  message: string;
}

export interface CheckReport {
  exercise: string;
  status: CheckStatus;
  /** One sentence: passed, how many cases failed, or what stopped the check. */
  summary: string;
  seed: string;
  passedCases: number;
  totalCases: number;
  /** The largest |received − expected| over every compared number (null: nothing compared). */
  largestDifference: number | null;
  /** The named likely bug, when a deliberately wrong version explains every result. */
  diagnosis?: Diagnosis;
  /** Softer observations when no wrong version explains the results ("only W1, W3, B1 are wrong"). */
  notes: string[];
  /** Failing cases first, at most MAX_CASES_SHOWN. */
  cases: CaseReport[];
  error?: CheckError;
}
