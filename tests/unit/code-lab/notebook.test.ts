// The generated notebooks are run with python3 (NumPy needed): the reference solution must pass
// every case the trainer wrote in, and the starting code must not.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXERCISES } from '../../../src/experiments/code-lab/exercises';
import { notebookFor, notebookScript, pythonName } from '../../../src/experiments/code-lab/notebook';

function hasPythonWithNumpy(): boolean {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  return probe.status === 0;
}

const python = hasPythonWithNumpy();
const dir = mkdtempSync(path.join(tmpdir(), 'lab-notebooks-'));

function run(script: string, name: string): string {
  const file = path.join(dir, `${name}.py`);
  writeFileSync(file, script);
  return execFileSync('python3', [file], { encoding: 'utf8', timeout: 60_000 });
}

describe('notebooks', () => {
  test('function names become Python names', () => {
    expect(pythonName('reluPrime')).toBe('relu_prime');
    expect(pythonName('outputPartials')).toBe('output_partials');
    expect(pythonName('backwardH')).toBe('backward_h');
  });

  test('each notebook is nbformat 4 with the stub, every hint, and the cases', () => {
    for (const exercise of EXERCISES) {
      const notebook = notebookFor(exercise);
      expect(notebook.nbformat).toBe(4);
      const text = JSON.stringify(notebook);
      for (const hint of exercise.hints) expect(text).toContain(JSON.stringify(hint).slice(1, 40));
      expect(notebookScript(notebook)).toContain(exercise.python.stub.split('\n')[0]);
      expect(notebookScript(notebook)).toContain('CASES = json.loads');
    }
  });

  // Skipped only where python3 with NumPy is missing (CI and the development machines have both).
  test.runIf(python).each(EXERCISES.map((e) => [e.id, e] as const))('%s: the reference solution passes in Python and the stub does not', (id, exercise) => {
    const solved = run(notebookScript(notebookFor(exercise, { withSolution: true })), `${id}-solution`);
    expect(solved).toMatch(/All \d+ cases pass\./);
    const stub = run(notebookScript(notebookFor(exercise)), `${id}-stub`);
    expect(stub).toMatch(/cases differ from the trainer/);
  });
});
