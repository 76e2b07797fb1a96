// The code lab's sandbox: a dedicated Web Worker, created fresh for every check and terminated
// after it, in which — and only in which — a student's code is compiled and run.
//
// Why a worker, and what holds inside it:
// - It has no DOM: the student's code cannot touch the page, its storage or its cookies.
// - It is terminated by the page after CHECK_TIME_LIMIT_MS (an endless loop), on any crash
//   (memory), and after each job, so nothing a student's code leaves behind outlives one check.
// - Networking and code loading are removed from its global scope *before* any student code
//   runs (lockDownNetwork). This matters because a static site cannot send headers: the page's
//   Content-Security-Policy is a <meta> tag, and a worker does not inherit its document's policy
//   — a dedicated worker's policy comes from its own script response, which a static host serves
//   with no CSP header at all. So in here `connect-src` protects nothing, and the removal is the
//   defence: fetch, XMLHttpRequest, WebSocket, WebSocketStream, EventSource, WebTransport,
//   importScripts, nested workers, BroadcastChannel, caches, indexedDB, FontFace/fonts (which load
//   URLs), navigator, Notification, timers (which compile strings), postMessage and close are
//   deleted from the global object (Web IDL puts a [Global]'s members on the object itself, and
//   they are configurable), and the worker refuses to run the code if any is still reachable.
//   import() is syntax, not a property: syntax.ts refuses code containing the `import` keyword
//   before compiling. After compiling the student's code, the string-to-code doors are shut too
//   (eval, the Function constructors and their `constructor` links), so no code built from a
//   string at run time can reach import() either.
// - Compiling with `new Function` here needs no 'unsafe-eval' on any page: this worker's
//   response carries no CSP, and pages keep `script-src 'self'` plus hashes (README, security).
import { checkExercise } from '../../experiments/code-lab/check';
import { compareResult } from '../../experiments/code-lab/compare';
import { exerciseById } from '../../experiments/code-lab/exercises';
import { MAX_CODE_LENGTH, type SandboxMessage, type SandboxRequest, type TrainingOutcome } from '../../experiments/code-lab/protocol';
import { assembleBody, GIVEN_PARAMETER, stackLocation } from '../../experiments/code-lab/source';
import { codeProblem } from '../../experiments/code-lab/syntax';
import { compareHistories, trainingSetup } from '../../experiments/code-lab/training';
import { trainShape } from '../../experiments/code-lab/exercises/train';
import { copy } from '../../experiments/code-lab/values';
import type { CheckReport, Exercise, LabFunctions } from '../../experiments/code-lab/types';

// Captured before the lock-down removes them from the global scope, where student code looks.
const post: (message: SandboxMessage) => void = self.postMessage.bind(self);
const compile = (body: string) => new Function(GIVEN_PARAMETER, body) as (given: LabFunctions) => LabFunctions;

const NETWORK_AND_LOADING = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
  'Worker', 'SharedWorker', 'BroadcastChannel', 'caches', 'indexedDB', 'FontFace', 'fonts', 'navigator',
  'Notification', 'setTimeout', 'setInterval', 'postMessage', 'close', 'webkitRequestFileSystem',
  'webkitRequestFileSystemSync', 'webkitResolveLocalFileSystemURL', 'webkitResolveLocalFileSystemSyncURL',
] as const;

/** Deletes `name` from the global object and its prototypes; true if it is gone. */
function remove(name: string): boolean {
  for (let o: object | null = self; o; o = Object.getPrototypeOf(o)) {
    if (Object.getOwnPropertyDescriptor(o, name)) {
      try {
        delete (o as Record<string, unknown>)[name];
      } catch {
        return false;
      }
    }
  }
  return !(name in self);
}

function lockDownNetwork(): string[] {
  return NETWORK_AND_LOADING.filter((name) => !remove(name));
}

/** After compiling: no more code from strings (eval, Function and its async/generator kin). */
function lockDownCodeFromStrings(): void {
  const refuse = function () {
    throw new EvalError('Building code from text is not available in the lab.');
  };
  const constructors = [
    Function,
    Object.getPrototypeOf(async function () {}).constructor,
    Object.getPrototypeOf(function* () {}).constructor,
    Object.getPrototypeOf(async function* () {}).constructor,
  ];
  for (const C of constructors) Object.defineProperty(C.prototype, 'constructor', { value: refuse, writable: false, configurable: false });
  remove('eval');
  Object.defineProperty(self, 'Function', { value: refuse, writable: false, configurable: false });
}

/** How many lines the generated function puts before the student's first line, in this engine. */
function measureLineOffset(): number {
  try {
    compile(assembleBody('throw new Error();', [], []))({});
  } catch (error) {
    const at = stackLocation((error as Error).stack, 0);
    if (at) return at.line - 1;
  }
  return 3;
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Bounds every string of a report, so nothing large ever crosses back to the page. */
function bounded(report: CheckReport): CheckReport {
  const json = JSON.stringify(report, (_, v) => (typeof v === 'string' ? clip(v) : v));
  return JSON.parse(json) as CheckReport;
}

function errorReport(exercise: string, seed: string, kind: 'syntax' | 'forbidden' | 'runtime' | 'crash', message: string, location?: { line: number; column: number }): CheckReport {
  const where = location ? ` (line ${location.line}, column ${location.column})` : '';
  return {
    exercise, seed, status: 'error', summary: `${message}${where}`, passedCases: 0, totalCases: 0, largestDifference: null,
    notes: [], cases: [], error: { kind, message, location },
  };
}

interface Compiled {
  ok: true;
  functions: LabFunctions;
}
interface NotCompiled {
  ok: false;
  kind: 'syntax' | 'forbidden' | 'runtime' | 'crash';
  message: string;
  location?: { line: number; column: number };
}

let lineOffset = 3;
const locate = (error: unknown) => stackLocation(error instanceof Error ? error.stack : undefined, lineOffset);

/** Reads and compiles one exercise's code with the given functions; runs its top level. */
function build(exercise: Exercise, code: string, given: LabFunctions): Compiled | NotCompiled {
  if (typeof code !== 'string' || code.length > MAX_CODE_LENGTH) {
    return { ok: false, kind: 'forbidden', message: `The code is longer than ${MAX_CODE_LENGTH} characters.` };
  }
  const problem = codeProblem(code);
  if (problem) return { ok: false, kind: problem.kind, message: problem.message, location: problem.location };
  let make: (given: LabFunctions) => LabFunctions;
  try {
    make = compile(assembleBody(code, exercise.defines, exercise.given));
  } catch (error) {
    return { ok: false, kind: 'syntax', message: String(error).slice(0, 300), location: locate(error) };
  }
  try {
    return { ok: true, functions: make(Object.fromEntries(exercise.given.map((name) => [name, given[name]]))) };
  } catch (error) {
    return { ok: false, kind: 'runtime', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), location: locate(error) };
  }
}

/** Prepares the worker for student code; null if it cannot be made safe (then nothing runs). */
function prepare(): string | null {
  lineOffset = measureLineOffset();
  const left = lockDownNetwork();
  return left.length ? `This browser keeps ${left.join(', ')} reachable in the sandbox, so the lab will not run code here.` : null;
}

function check(request: Extract<SandboxRequest, { type: 'check' }>): void {
  const seed = String(request.seed).slice(0, 40);
  const exercise = exerciseById(request.exercise);
  if (!exercise) return post({ type: 'report', report: errorReport(String(request.exercise), seed, 'crash', 'There is no such exercise.') });
  const refused = prepare();
  if (refused) return post({ type: 'report', report: errorReport(exercise.id, seed, 'crash', refused) });
  post({ type: 'started' });
  const built = build(exercise, request.code, exercise.reference);
  lockDownCodeFromStrings();
  if (!built.ok) return post({ type: 'report', report: errorReport(exercise.id, seed, built.kind, built.message, built.location) });
  const report = checkExercise(exercise, built.functions, seed, { locate });
  post({ type: 'report', report: bounded(report) });
}

function trainOnStudentCode(request: Extract<SandboxRequest, { type: 'train' }>): void {
  const setup = trainingSetup();
  const fail = (message: string, losses: (number | null)[] = []): void => post({
    type: 'trained', outcome: { ok: false, message: clip(message), losses, reference: setup.reference, varianceOfY: setup.varianceOfY, comparison: null },
  });
  const refused = prepare();
  if (refused) return fail(refused);
  post({ type: 'started' });
  // Each exercise's given functions are the student's own where they wrote them.
  const functions: LabFunctions = {};
  for (const id of ['relu', 'forward', 'loss', 'backward', 'step', 'train']) {
    const exercise = exerciseById(id)!;
    const code = request.codes[id];
    if (code === undefined) {
      if (['backward', 'step', 'train'].includes(id)) return fail(`Your ${id} is needed: pass its check first.`);
      continue;
    }
    const given = { ...exercise.reference, ...functions };
    const built = build(exercise, code, given);
    if (!built.ok) return fail(`Your ${exercise.title.toLowerCase()} code could not run: ${built.message}`);
    Object.assign(functions, built.functions);
  }
  lockDownCodeFromStrings();
  const losses: (number | null)[] = [];
  let params = setup.start;
  try {
    for (let epoch = 0; epoch < setup.epochs; epoch += setup.chunk) {
      const epochs = Math.min(setup.chunk, setup.epochs - epoch);
      const result = (functions.train as (...a: unknown[]) => unknown)(copy(params), copy(setup.data), setup.learningRate, epochs);
      // Reuses the check's expectations only for the shape: numbers are compared with the trainer's history below.
      const shape = compareResult('train', trainShape(epochs), { params: params, losses: new Array<number>(epochs).fill(0) }, result);
      if (!shape.shapeOk) return fail(`Your train returned something of the wrong shape: ${shape.problems[0] ?? ''}`, losses);
      const chunk = (result as { losses: number[] }).losses.map((v) => (Number.isFinite(v) ? v : null));
      losses.push(...chunk);
      params = copy((result as { params: typeof params }).params);
      post({ type: 'progress', progress: { losses: chunk, epoch: epoch + epochs } });
    }
  } catch (error) {
    const at = locate(error);
    return fail(`Your code threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${at ? ` (line ${at.line}, column ${at.column})` : ''}`, losses);
  }
  const finite = losses.map((v) => (v === null ? Number.NaN : v));
  const outcome: TrainingOutcome = {
    ok: true, message: '', losses, reference: setup.reference, varianceOfY: setup.varianceOfY,
    comparison: compareHistories(finite, setup.reference),
  };
  post({ type: 'trained', outcome });
}

addEventListener('message', (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  try {
    if (request?.type === 'check') check(request);
    else if (request?.type === 'train') trainOnStudentCode(request);
  } catch (error) {
    post({ type: 'report', report: errorReport('', '', 'crash', `The checker failed: ${String(error).slice(0, 200)}`) });
  }
});
