/**
 * Issue 18, the teacher's edition: the printable answer key holds every lesson exercise with the
 * answer the lesson itself checks against; the worksheets print as PDF, leave out what is true,
 * and every QR code decodes back to the link printed beside it (rendered to PNG, read by jsQR);
 * the scheme of work has four weeks with working assignment links; and the assignment builder
 * regenerates two students' different answer keys, as Node computes them.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { assignmentExercise, shownAnswer } from '../../src/experiments/assignment/exercises.ts';
import { studentSeeds } from '../../src/experiments/assignment/student.ts';
import { useSite } from '../helpers/e2e.ts';
import { whenReady } from '../helpers/widget.ts';

const site = useSite();
const WAIT = { timeout: 60_000 };

describe('the teacher’s edition', () => {
  test('the answer key lists a lesson’s exercises with the answers the lesson checks against, and prints', async () => {
    const lesson = await site.open('lessons/05-the-loss/');
    let inLesson: { id: string; value: string | null }[] = [];
    try {
      inLesson = await lesson.page.locator('np-exercise[data-exercise]').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-exercise') ?? '', value: el.getAttribute('data-answer-value') })));
    } finally {
      await lesson.close();
    }
    expect(inLesson.length).toBeGreaterThan(1);
    const p = await site.open('teachers/answer-key/');
    try {
      const ids = await p.page.locator('[data-key-lesson="05-the-loss"] [data-key-exercise]').evaluateAll((els) => els.map((el) => el.getAttribute('data-key-exercise')));
      expect(ids).toEqual(inLesson.map((e) => e.id));
      for (const exercise of inLesson.filter((e) => e.value !== null)) {
        const shown = (await p.page.locator(`[data-key-exercise="${exercise.id}"] [data-key-answer]`).textContent()) ?? '';
        expect(Math.abs(Number(shown.replace('−', '-')) - Number(exercise.value))).toBeLessThan(0.01);
      }
      // Every lesson with exercises is in the key.
      expect(await p.page.locator('[data-key-lesson]').count()).toBeGreaterThanOrEqual(10);
      const pdf = await p.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the worksheets leave out what is true, print, and every QR code decodes to its printed link', async () => {
    const p = await site.open('teachers/worksheets/');
    try {
      expect(await p.page.locator('main').innerText()).not.toMatch(/What is true:/);
      const links = p.page.locator('[data-worksheet] .worksheet-link');
      const count = await links.count();
      expect(count).toBeGreaterThan(5);
      // Read at a decoder-friendly size (a print is sharper than the screen's 8rem).
      await p.page.evaluate(() => document.querySelectorAll<HTMLElement>('.qr').forEach((el) => (el.style.width = '400px')));
      for (let i = 0; i < count; i++) {
        const item = links.nth(i);
        // What is printed under the code (data-link is rewritten page-relative by the build, like
        // every data-* address, so it is compared by where it leads).
        const printed = (await item.locator('[data-printed-link]').innerText()).trim();
        const dataLink = (await item.getAttribute('data-link')) ?? '';
        expect(new URL(dataLink, p.page.url()).href).toBe(new URL(printed, p.page.url()).href);
        const png = PNG.sync.read(await item.locator('.qr').screenshot());
        const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        expect(code?.data, `QR code ${i + 1}`).toBe(printed);
        expect(printed).toMatch(/^\/.*\?.+#widget-/);
        expect(printed.length).toBeLessThan(300);
      }
      const pdf = await p.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the scheme of work covers every part in four weeks, and a week’s assignment link opens', async () => {
    const p = await site.open('teachers/scheme-of-work/');
    try {
      const parts = await p.page.locator('[data-week]').evaluateAll((els) => els.map((el) => el.getAttribute('data-parts')));
      expect(parts).toEqual(['I', 'II', 'III', 'IV,V']);
      const link = p.page.locator('[data-week="2"] [data-assignment-link]');
      await link.click();
      await p.page.waitForSelector('np-assignment [data-identity]:not([hidden])', WAIT);
      expect(await p.page.locator('np-assignment [data-title]').textContent()).toBe('Week 2: learning');
      expect(await p.page.locator('np-assignment [data-problems]').isHidden()).toBe(true);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the teachers’ page makes an assignment link and regenerates each student’s own answer key', async () => {
    const p = await site.open('teachers/');
    try {
      const builder = p.page.locator('np-assignment-builder');
      await whenReady(p.page, '[data-assignment-builder]', WAIT);
      await builder.locator('[data-role="title"]').fill('Loss homework');
      for (const id of ['start-loss', 'b3-slope']) await builder.locator(`input[data-exercise="${id}"]`).check();
      await builder.locator('input[data-lesson="05-the-loss"]').check();
      const link = await builder.locator('[data-role="link"]').inputValue();
      expect(new URL(link).pathname).toMatch(/\/assignment\/$/);
      expect(new URL(link).searchParams.get('x')).toBe('start-loss,b3-slope');
      const keys: string[][] = [];
      for (const name of ['Ada Lovelace', 'Student 17']) {
        await builder.locator('[data-role="student"]').fill(name);
        await builder.locator('[data-key-form] button[type=submit]').click();
        await p.page.waitForSelector(`[data-role="key"][data-student="${name}"]`, WAIT);
        const shown = await builder.locator('[data-role="key"] [data-role="answer"]').allTextContents();
        const seeds = studentSeeds(name);
        expect(shown).toEqual(['start-loss', 'b3-slope'].map((id) => shownAnswer(assignmentExercise(id)!, assignmentExercise(id)!.answer(seeds))));
        keys.push(shown);
      }
      expect(keys[0]).not.toEqual(keys[1]);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
