// The messages between the page and the sandbox worker. Plain data: the student's code goes
// in as text, only reports (built by the checker, bounded in size) come out.
import type { CheckReport } from './types';
import type { HistoryComparison } from './training';

/** The longest code the lab accepts (a solution is well under 2,000 characters). */
export const MAX_CODE_LENGTH = 50_000;

/** Each check must finish within this after the student's code starts. */
export const CHECK_TIME_LIMIT_MS = 2000;

export type SandboxRequest =
  | { type: 'check'; exercise: string; code: string; seed: string }
  | {
      type: 'train';
      /** Student code by exercise id: backward, step and train required; forward and loss optional. */
      codes: Record<string, string>;
    };

export interface TrainingProgress {
  /** Losses of the epochs just run (finite numbers or null). */
  losses: (number | null)[];
  /** Epochs done so far. */
  epoch: number;
}

export interface TrainingOutcome {
  ok: boolean;
  /** What stopped the run, for the student, when not ok. */
  message: string;
  losses: (number | null)[];
  reference: number[];
  varianceOfY: number;
  comparison: HistoryComparison | null;
}

export type SandboxMessage =
  | { type: 'started' }
  | { type: 'report'; report: CheckReport }
  | { type: 'progress'; progress: TrainingProgress }
  | { type: 'trained'; outcome: TrainingOutcome };

/** The report the page writes itself when the worker had to be stopped or died. */
export function stoppedReport(exercise: string, seed: string, kind: 'timeout' | 'crash', detail?: string): CheckReport {
  const message = kind === 'timeout'
    ? `Your code did not finish within ${CHECK_TIME_LIMIT_MS / 1000} seconds — is there a loop that never ends? It was stopped; the page is fine.`
    : `The check stopped unexpectedly${detail ? ` (${detail})` : ''}: perhaps your code used too much memory. It was stopped; the page is fine.`;
  return {
    exercise, seed, status: 'error', summary: message, passedCases: 0, totalCases: 0, largestDifference: null,
    notes: [], cases: [], error: { kind, message },
  };
}
