import { describe, expect, test } from 'vitest';
import { EXERCISES, exerciseById } from '../../../src/experiments/code-lab/exercises';
import { checkExercise } from '../../../src/experiments/code-lab/check';
import type { Exercise } from '../../../src/experiments/code-lab/types';
import { compile, edit } from './compile';

const SEEDS = [1, 2, 'x7'];

const exercise = (id: string): Exercise => {
  const found = exerciseById(id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
};

describe('every exercise', () => {
  test.each(EXERCISES.map((e) => [e.id, e] as const))('%s: the reference solution passes every case on several seeds', (_, ex) => {
    for (const seed of SEEDS) {
      const report = checkExercise(ex, compile(ex, ex.solution), seed);
      expect(report.status, `${ex.id} seed ${seed}: ${report.summary} ${JSON.stringify(report.cases[0])}`).toBe('passed');
      expect(report.totalCases).toBeGreaterThanOrEqual(7);
    }
  });

  test.each(EXERCISES.map((e) => [e.id, e] as const))('%s: the starting code does not pass', (_, ex) => {
    const report = checkExercise(ex, compile(ex, ex.stub), 1);
    expect(report.status).not.toBe('passed');
  });

  test.each(EXERCISES.map((e) => [e.id, e] as const))('%s: each deliberately wrong version fails and is named by its own diagnosis', (_, ex) => {
    for (const wrong of ex.wrongVersions) {
      const report = checkExercise(ex, { ...ex.reference, ...wrong.functions }, 3);
      expect(report.status, wrong.id).toBe('failed');
      expect(report.diagnosis?.id, wrong.id).toBe(wrong.id);
    }
  });

  test.each(EXERCISES.map((e) => [e.id, e] as const))('%s: has a goal, one to three hints, and cases that include the special situations', (_, ex) => {
    expect(ex.goal.length).toBeGreaterThan(20);
    expect(ex.hints.length).toBeGreaterThanOrEqual(1);
    expect(ex.hints.length).toBeLessThanOrEqual(3);
    const labels = ex.cases(1).map((c) => c.label).join(' | ');
    if (ex.id === 'relu') expect(labels).toMatch(/z = 0 exactly/);
    else {
      expect(labels).toMatch(/dead/);
      expect(labels).toMatch(/every parameter 0/);
      if (ex.id !== 'train') expect(labels).toMatch(/z1 is exactly 0/);
    }
  });

  test('the same seed gives the same cases; another seed gives others', () => {
    for (const ex of EXERCISES) {
      expect(JSON.stringify(ex.cases(5))).toBe(JSON.stringify(ex.cases(5)));
      expect(JSON.stringify(ex.cases(5))).not.toBe(JSON.stringify(ex.cases(6)));
    }
  });

  test('the general form is checked at several widths', () => {
    const widths = new Set(exercise('any-width').cases(1).map((c) => c.label.match(/^H = (\d+)/)?.[1]));
    expect(widths.size).toBeGreaterThanOrEqual(3);
  });
});

/** Mistakes typed the way a student would make them, each with the diagnosis it must get. */
const MISTAKES: { exercise: string; diagnosis: string; code: (solution: string) => string }[] = [
  { exercise: 'relu', diagnosis: 'relu-prime-at-zero', code: (s) => edit(s, ['return z > 0 ? 1 : 0;', 'return z >= 0 ? 1 : 0;']) },
  { exercise: 'relu', diagnosis: 'relu-min', code: (s) => edit(s, ['return z > 0 ? z : 0;', 'return Math.min(0, z);']) },
  { exercise: 'forward', diagnosis: 'swap-w2-w3', code: (s) => edit(s, ['W1 * x1 + W3 * x2', 'W1 * x1 + W2 * x2'], ['W2 * x1 + W4 * x2', 'W3 * x1 + W4 * x2']) },
  { exercise: 'forward', diagnosis: 'no-relu', code: (s) => edit(s, ['relu(z1)', 'z1'], ['relu(z2)', 'z2']) },
  { exercise: 'forward', diagnosis: 'no-output-bias', code: (s) => edit(s, ['W6 * h2 + B3', 'W6 * h2']) },
  { exercise: 'loss', diagnosis: 'sum-not-mean', code: (s) => edit(s, ['return sum / N;', 'return sum;']) },
  { exercise: 'loss', diagnosis: 'half-mean', code: (s) => edit(s, ['return sum / N;', 'return sum / (2 * N);']) },
  { exercise: 'loss', diagnosis: 'last-sample-only', code: (s) => edit(s, ['sum += e * e;', 'sum = e * e;']) },
  { exercise: 'loss', diagnosis: 'square-root', code: (s) => edit(s, ['return sum / N;', 'return Math.sqrt(sum / N);']) },
  { exercise: 'output-partials', diagnosis: 'missing-2', code: (s) => edit(s, ['(2 / N)', '(1 / N)']) },
  { exercise: 'output-partials', diagnosis: 'missing-2-over-n', code: (s) => edit(s, ['(2 / N) * ', '']) },
  { exercise: 'output-partials', diagnosis: 'flipped-sign', code: (s) => edit(s, ['(yhat - data.y[i])', '(data.y[i] - yhat)']) },
  { exercise: 'backward', diagnosis: 'missing-mask', code: (s) => edit(s, [' * reluPrime(z1)', ''], [' * reluPrime(z2)', '']) },
  { exercise: 'backward', diagnosis: 'missing-mask-h1', code: (s) => edit(s, [' * reluPrime(z1)', '']) },
  { exercise: 'backward', diagnosis: 'relu-prime-at-zero', code: (s) => edit(s, ['reluPrime(z1)', '(z1 >= 0 ? 1 : 0)'], ['reluPrime(z2)', '(z2 >= 0 ? 1 : 0)']) },
  { exercise: 'backward', diagnosis: 'swap-w2-w3', code: (s) => edit(s, ['g.W3 += dL_dz1 * x2', 'g.TMP += dL_dz1 * x2'], ['g.W2 += dL_dz2 * x1', 'g.W3 += dL_dz2 * x1'], ['g.TMP', 'g.W2']) },
  { exercise: 'backward', diagnosis: 'missing-1-over-n', code: (s) => edit(s, ['(2 / N)', '2']) },
  { exercise: 'backward', diagnosis: 'missing-2', code: (s) => edit(s, ['(2 / N)', '(1 / N)']) },
  { exercise: 'backward', diagnosis: 'last-sample-only', code: (s) => edit(s, [' += ', ' = ']) },
  { exercise: 'backward', diagnosis: 'cross-output-weights', code: (s) => edit(s, ['dL_dyhat * W5 * reluPrime(z1)', 'dL_dyhat * W6 * reluPrime(z1)'], ['dL_dyhat * W6 * reluPrime(z2)', 'dL_dyhat * W5 * reluPrime(z2)']) },
  { exercise: 'backward', diagnosis: 'flipped-sign', code: (s) => edit(s, ['(yhat - data.y[i])', '(data.y[i] - yhat)']) },
  { exercise: 'step', diagnosis: 'uphill', code: (s) => edit(s, ['params[name] - learningRate', 'params[name] + learningRate']) },
  { exercise: 'step', diagnosis: 'no-rate', code: (s) => edit(s, ['learningRate * grad[name]', 'grad[name]']) },
  {
    exercise: 'train',
    diagnosis: 'updated-parameters',
    code: (s) => edit(s, [
      `    const grad = backward(params, data);
    params = step(params, grad, learningRate);`,
      `    for (const name of Object.keys(params)) {
      const grad = backward(params, data);
      params = { ...params, [name]: params[name] - learningRate * grad[name] };
    }`,
    ]),
  },
  {
    exercise: 'train',
    diagnosis: 'loss-after-update',
    code: (s) => edit(s, ['    losses.push(loss(params, data));\n', ''], ['params = step(params, grad, learningRate);', 'params = step(params, grad, learningRate);\n    losses.push(loss(params, data));']),
  },
  { exercise: 'train', diagnosis: 'update-not-kept', code: (s) => edit(s, ['params = step(', 'const next = step(']) },
  { exercise: 'any-width', diagnosis: 'missing-mask', code: (s) => edit(s, [' * reluPrime(z[k])', '']) },
  { exercise: 'any-width', diagnosis: 'two-units-only', code: (s) => edit(s, ['k < H; k++', 'k < 2; k++']) },
  { exercise: 'any-width', diagnosis: 'first-output-weight', code: (s) => edit(s, ['params.wout[k] * reluPrime', 'params.wout[0] * reluPrime']) },
];

describe('the diagnosis of typical mistakes', () => {
  test.each(MISTAKES.map((m) => [m.exercise, m.diagnosis, m] as const))('%s with the mistake %s is named as such', (_, __, m) => {
    const ex = exercise(m.exercise);
    for (const seed of SEEDS) {
      const report = checkExercise(ex, compile(ex, m.code(ex.solution)), seed);
      expect(report.status).toBe('failed');
      expect(report.diagnosis?.id, `seed ${seed}: ${report.summary} ${report.notes.join(' ')}`).toBe(m.diagnosis);
    }
  });

  test('two mistakes at once get no single diagnosis but say which outputs are right', () => {
    const ex = exercise('backward');
    const code = edit(ex.solution, [' * reluPrime(z1)', ''], ['g.W6 += dL_dyhat * h2', 'g.W6 += dL_dyhat * h1']);
    const report = checkExercise(ex, compile(ex, code), 1);
    expect(report.status).toBe('failed');
    expect(report.diagnosis).toBeUndefined();
    expect(report.notes.join(' ')).toMatch(/Right in every case: .*W5.*Wrong somewhere: .*W1/);
  });
});

describe('results of the wrong shape', () => {
  const ex = exercise('forward');
  const run = (code: string) => checkExercise(ex, compile(ex, code), 1);

  test('no return value asks whether a return statement is missing', () => {
    const report = run('function forward(p, x1, x2) { const yhat = 1; }');
    expect(report.status).toBe('failed');
    expect(report.cases[0].problems.join(' ')).toMatch(/return/);
  });

  test('a misspelt key is named, and a key in the wrong case is pointed out', () => {
    const report = run(edit(ex.solution, ['return { z1, z2, h1, h2, yhat };', 'return { z1, z2, h1, h2: h2, yHat: yhat };']));
    expect(report.cases[0].problems.join(' ')).toMatch(/"yHat".*case-sensitive/);
  });

  test('a string is reported as text, not a number', () => {
    const report = run(edit(ex.solution, ['return { z1, z2, h1, h2, yhat };', 'return { z1, z2, h1, h2, yhat: String(yhat) };']));
    expect(report.cases[0].problems.join(' ')).toMatch(/text/);
  });

  test('NaN is reported with a likely cause', () => {
    const report = run(edit(ex.solution, ['const yhat = W5 * h1', 'const yhat = params.w5 * h1']));
    expect(report.status).toBe('failed');
    expect(report.cases[0].problems.join(' ')).toMatch(/NaN/);
  });

  test('a short array is counted', () => {
    const gen = exercise('any-width');
    const code = edit(gen.solution, ['return { z, h, yhat };', 'return { z: z.slice(1), h, yhat };']);
    const report = checkExercise(gen, compile(gen, code), 1);
    expect(report.cases.flatMap((c) => c.problems).join(' ')).toMatch(/"z" has \d+ entr(y|ies); it should have \d+/);
  });

  test('a getter that throws and a Proxy do not break the check', () => {
    const report = run(`function forward() { return new Proxy({}, { has() { throw new Error('no'); }, get() { throw new Error('no'); } }); }`);
    expect(report.status).toBe('failed');
  });

  test('a missing function is named', () => {
    const report = run('function forwards() {}');
    expect(report.status).toBe('error');
    expect(report.error?.kind).toBe('missing');
    expect(report.summary).toMatch(/forward/);
  });

  test('an exception names the function and case it happened in', () => {
    const report = run('function forward() { throw new RangeError("too big"); }');
    expect(report.status).toBe('error');
    expect(report.error?.message).toMatch(/RangeError: too big/);
    expect(report.error?.during).toMatch(/forward/);
  });
});

describe('reading the code before it runs', () => {
  test('a syntax error is reported with its line and column', async () => {
    const { codeProblem } = await import('../../../src/experiments/code-lab/syntax');
    const problem = codeProblem('function relu(z) {\n  return z > 0 ? z : ;\n}');
    expect(problem?.kind).toBe('syntax');
    expect(problem?.location).toEqual({ line: 2, column: 22 });
  });

  test('import() is refused with its position, in code and not in a comment', async () => {
    const { codeProblem } = await import('../../../src/experiments/code-lab/syntax');
    expect(codeProblem('// import is mentioned here\nconst s = "import";')).toBeNull();
    const problem = codeProblem('function relu(z) {\n  import("https://example.org/x.js");\n}');
    expect(problem?.kind).toBe('forbidden');
    expect(problem?.location).toEqual({ line: 2, column: 3 });
  });

  test('a runtime error is located in the student’s own lines', async () => {
    const { stackLocation } = await import('../../../src/experiments/code-lab/source');
    const ex = exercise('relu');
    const fns = compile(ex, 'function relu(z) {\n  return z.toFixed(-1);\n}\nfunction reluPrime(z) { return 0; }');
    const report = checkExercise(ex, fns, 1, { locate: (e) => stackLocation((e as Error).stack, 3) });
    expect(report.error?.location).toEqual({ line: 2, column: 12 });
  });
});
