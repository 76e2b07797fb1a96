// The page's side of the sandbox: one fresh worker per job, a time limit that starts when the
// student's code starts, and an end that always comes — a report, a timeout, or a crash — after
// which the worker is terminated. Messages are checked before they are used, and a worker that
// sends more than a job can need is stopped (a flood cannot reach the page's main thread for long).
import { CHECK_TIME_LIMIT_MS, stoppedReport, type SandboxMessage, type SandboxRequest, type TrainingOutcome, type TrainingProgress } from '../../experiments/code-lab/protocol';
import type { CheckReport } from '../../experiments/code-lab/types';

/** Loading the worker's module may take a while on a slow device; the student's time starts after. */
const START_LIMIT_MS = 20_000;
/** More messages than a training run sends (one per chunk) means something is wrong. */
const MAX_MESSAGES = 100;

export type SandboxResult =
  | { kind: 'report'; report: CheckReport }
  | { kind: 'trained'; outcome: TrainingOutcome }
  | { kind: 'stopped'; reason: 'timeout' | 'crash'; detail?: string };

export interface SandboxJob {
  result: Promise<SandboxResult>;
  cancel(): void;
}

function isMessage(data: unknown): data is SandboxMessage {
  if (!data || typeof data !== 'object') return false;
  const type = (data as { type?: unknown }).type;
  return type === 'started' || type === 'report' || type === 'progress' || type === 'trained';
}

export function runInSandbox(request: SandboxRequest, onProgress?: (progress: TrainingProgress) => void): SandboxJob {
  const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'code-lab-sandbox' });
  let settle: (result: SandboxResult) => void = () => {};
  let timer = 0;
  let messages = 0;
  let done = false;
  const finish = (result: SandboxResult) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    worker.terminate();
    settle(result);
  };
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = window.setTimeout(() => finish({ kind: 'stopped', reason: ms === START_LIMIT_MS ? 'crash' : 'timeout', detail: ms === START_LIMIT_MS ? 'the checker did not start' : undefined }), ms);
  };
  const result = new Promise<SandboxResult>((resolve) => {
    settle = resolve;
  });
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (done) return;
    messages += 1;
    const message = event.data;
    if (messages > MAX_MESSAGES || !isMessage(message)) return finish({ kind: 'stopped', reason: 'crash', detail: 'the sandbox sent unexpected messages' });
    if (message.type === 'started') arm(CHECK_TIME_LIMIT_MS);
    else if (message.type === 'progress') {
      // Each chunk of a training run gets its own time limit: a slow but steady run is fine.
      arm(CHECK_TIME_LIMIT_MS);
      onProgress?.(message.progress);
    } else if (message.type === 'report') finish({ kind: 'report', report: message.report });
    else finish({ kind: 'trained', outcome: message.outcome });
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    finish({ kind: 'stopped', reason: 'crash', detail: event.message || undefined });
  });
  worker.addEventListener('messageerror', () => finish({ kind: 'stopped', reason: 'crash', detail: 'a message could not be read' }));
  arm(START_LIMIT_MS);
  worker.postMessage(request);
  return { result, cancel: () => finish({ kind: 'stopped', reason: 'crash', detail: 'cancelled' }) };
}

/** A check as a report, whatever happened to the worker. */
export async function checkInSandbox(exercise: string, code: string, seed: string): Promise<CheckReport> {
  const outcome = await runInSandbox({ type: 'check', exercise, code, seed }).result;
  if (outcome.kind === 'report') return outcome.report;
  if (outcome.kind === 'stopped') return stoppedReport(exercise, seed, outcome.reason, outcome.detail);
  return stoppedReport(exercise, seed, 'crash', 'the sandbox answered a check with a training run');
}
