/**
 * Issue 18, assignments and collected work without a server: two simulated students open the
 * same assignment with different names and get different numbers (each answer computed here in
 * Node with the same model the page uses), answer, save their work from the course page, and a
 * teacher drops their files — with a damaged one and one from the older format — on the collect
 * page and gets the class table and its CSV.
 */
import { describe, expect, test } from 'vitest';
import { assignmentParams } from '../../src/experiments/assignment/assignment.ts';
import { assignmentExercise, shownAnswer } from '../../src/experiments/assignment/exercises.ts';
import { studentSeeds } from '../../src/experiments/assignment/student.ts';
import { downloaded, useSite } from '../helpers/e2e.ts';
import { whenReady } from '../helpers/widget.ts';

const site = useSite();
type Opened = Awaited<ReturnType<typeof site.open>>;

const ASSIGNMENT = assignmentParams({ title: 'Week 2: the loss', lessons: ['05-the-loss'], exercises: ['start-loss', 'start-r2'], experiments: [] });
const WAIT = { timeout: 60_000 };

/** A student opens the assignment, enters their name, answers start-loss right and start-r2 wrong once then right. */
async function doAssignment(p: Opened, name: string): Promise<string> {
  await p.page.goto(site.url(`assignment/?${ASSIGNMENT}`));
  const page = p.page.locator('np-assignment');
  await page.locator('[data-name-field]').fill(name);
  await page.locator('[data-name-form] button[type=submit]').click();
  await whenReady(p.page, `np-assignment[data-student="${name}"]`, WAIT);
  const seeds = studentSeeds(name);
  const question = (await page.locator('np-seeded-answer[data-exercise-id="start-loss"] [data-question]').textContent()) ?? '';
  expect(question).toContain(String(seeds.dataSeed));
  for (const [id, wrongFirst] of [['start-loss', false], ['start-r2', true]] as const) {
    const exercise = assignmentExercise(id)!;
    const box = page.locator(`np-seeded-answer[data-exercise-id="${id}"]`);
    if (wrongFirst) {
      await box.locator('[data-field]').fill('12345');
      await box.locator('[data-action="check"]').click();
      await p.page.waitForSelector(`np-seeded-answer[data-exercise-id="${id}"][data-result="wrong"]`, WAIT);
    }
    await box.locator('[data-field]').fill(shownAnswer(exercise, exercise.answer(seeds)));
    await box.locator('[data-action="check"]').click();
    await p.page.waitForSelector(`np-seeded-answer[data-exercise-id="${id}"][data-result="correct"]`, WAIT);
  }
  return question;
}

/** Saves the student's work from the course page; returns the downloaded file's name and text. */
async function saveWork(p: Opened, kind: 'json' | 'csv'): Promise<{ name: string; text: string }> {
  if (!p.page.url().endsWith(site.url(''))) await p.page.goto(site.url(''));
  await whenReady(p.page, '[data-save-work]', WAIT);
  const button = p.page.locator(kind === 'json' ? '[data-action="save-work-json"]' : '[data-action="save-work-csv"]');
  const [download] = await Promise.all([p.page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: (await downloaded(download)).toString('utf8') };
}

describe('an assignment with each student’s own numbers, saved and collected', () => {
  test('two students get different numbers, save their answers, and the teacher’s class table shows both', async () => {
    const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
    const questions: string[] = [];
    for (const name of ['Ada Lovelace', 'Student 17']) {
      const p = await site.open('');
      try {
        questions.push(await doAssignment(p, name));
        const json = await saveWork(p, 'json');
        expect(json.name).toMatch(/^nine-parameters-work-.+\.json$/);
        const saved = JSON.parse(json.text);
        expect(saved).toMatchObject({ format: 'nine-parameters-work', version: 2, student: name });
        expect(saved.note).toMatch(/honour-system/);
        const answers = saved.assignments[0].answers;
        expect(answers.map((a: { exercise: string; correct: boolean; tries: number }) => [a.exercise, a.correct, a.tries]).sort()).toEqual([['start-loss', true, 1], ['start-r2', true, 2]]);
        const csv = await saveWork(p, 'csv');
        expect(csv.text.split('\r\n')[0]).toBe('student,saved_at,kind,item,result,tries');
        expect(csv.text).toContain('Week 2: the loss / start-r2');
        files.push({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
        // Going from page to page may abort the favicon's request: that is the navigation, not the site.
        expect(p.problems().filter((problem) => !/favicon.*ERR_ABORTED|ERR_ABORTED.*favicon/.test(problem))).toEqual([]);
      } finally {
        await p.close();
      }
    }
    expect(questions[0]).not.toBe(questions[1]);

    files.push({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nine-parameters-work","vers') });
    files.push({
      name: 'older.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'nine-parameters-work', version: 1, student: 'Old Timer', savedAt: '2026-11-01T09:00:00Z', lessonsRead: ['05-the-loss'], exercises: { '05-the-loss/r2': 'tried' } })),
    });
    const t = await site.open('teachers/collect/');
    try {
      await whenReady(t.page, 'np-collect', WAIT);
      await t.page.locator('[data-files]').setInputFiles(files);
      await t.page.waitForSelector('np-collect[data-students="3"]', WAIT);
      const report = t.page.locator('[data-file-report]');
      expect(await report.locator('[data-kind="problem"]').allTextContents()).toEqual([expect.stringMatching(/damaged\.json.*damaged/)]);
      expect(await report.textContent()).toMatch(/older\.json.*older version/);
      const rows = await t.page.locator('[data-class-table] tbody tr').allInnerTexts();
      expect(rows.map((r) => r.split('\t')[0])).toEqual(['Ada Lovelace', 'Old Timer', 'Student 17']);
      expect(rows[0]).toContain('2 / 2');
      expect(await t.page.locator('[data-hardest]').getAttribute('data-hardest')).toBe('assignment/start-r2');
      const exerciseRows = await t.page.locator('[data-exercise-table] tbody tr').allInnerTexts();
      expect(exerciseRows.map((r) => r.split('\t')[0])).toContain('05-the-loss/r2');
      const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.locator('[data-action="download-class-csv"]').click()]);
      const csv = (await downloaded(download)).toString('utf8');
      expect(csv.trimEnd().split('\r\n')).toHaveLength(4);
      expect(t.problems()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
