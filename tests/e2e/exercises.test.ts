/**
 * Exercises are checked in the page, and progress (lessons read, exercises done) is kept in
 * the browser's localStorage, shown on the course page, and can be reset.
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';

const site = useSite();
const LESSON = 'lessons/01-the-data/';

test('a multiple-choice exercise explains a wrong choice and accepts the right one', async () => {
  const p = await site.open(LESSON);
  try {
    const ex = p.page.locator('#ex-loss-without-baseline');
    await expect.poll(() => ex.getAttribute('data-ready')).toBe('');
    const feedback = ex.locator('[data-feedback]');
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => feedback.textContent()).toMatch(/Choose one/);
    await ex.locator('input[type=radio]').nth(0).check();
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => feedback.textContent()).toMatch(/Not quite/);
    expect(await ex.locator('details').getAttribute('open')).not.toBeNull();
    await ex.locator('input[type=radio]').nth(1).check();
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => feedback.textContent()).toMatch(/^Right/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('a numeric exercise refuses text, says too high or too low, and accepts the computed answer', async () => {
  const p = await site.open(LESSON);
  try {
    const ex = p.page.locator('#ex-z-score-by-hand');
    await expect.poll(() => ex.getAttribute('data-ready')).toBe('');
    const field = ex.locator('[data-field]');
    const feedback = ex.locator('[data-feedback]');
    for (const bad of ['', 'abc', 'NaN', '1e308']) {
      await field.fill(bad);
      await ex.locator('[data-action="check"]').click();
      await expect.poll(() => feedback.textContent()).not.toMatch(/^Right/);
      expect(await feedback.textContent()).not.toMatch(/undefined|NaN$/);
    }
    await field.fill('5');
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => feedback.textContent()).toMatch(/too high/);
    const answer = Number(await ex.getAttribute('data-answer-value'));
    await field.fill(answer.toFixed(2).replace('-', '−'));
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => feedback.textContent()).toBe('Right.');
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('progress is shown on the course page, survives navigation, and can be reset', async () => {
  const p = await site.open(LESSON);
  try {
    const ex = p.page.locator('#ex-loss-without-baseline');
    await expect.poll(() => ex.getAttribute('data-ready')).toBe('');
    await ex.locator('input[type=radio]').nth(1).check();
    await ex.locator('[data-action="check"]').click();
    await p.page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
    // The lesson counts as read once its end has been on screen: wait until that is stored.
    await expect
      .poll(() => p.page.evaluate(() => JSON.parse(localStorage.getItem('nine-parameters:progress') ?? '{}')?.read?.['01-the-data'] ?? false))
      .toBe(true);
    await p.page.goto(site.url(''));
    const line = p.page.locator('[data-progress-for="01-the-data"]');
    await expect.poll(() => line.textContent()).toMatch(/read · 1 of 3 exercises done/);
    await p.page.locator('[data-action="reset-progress"]').click();
    await expect.poll(() => line.textContent()).toMatch(/not started/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});
