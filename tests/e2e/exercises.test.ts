/**
 * Exercises are checked in the page (issue 13: one explanation per wrong pick, predictions that
 * wait for the widget's run, numeric answers judged within their shown decimals), and progress (lessons read, exercises done) is kept in
 * the browser's localStorage, shown on the course page, and can be reset.
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { startEvery } from '../helpers/widget.ts';

const site = useSite();
const LESSON = 'lessons/01-the-data/';

test('a wrong pick shows only that option’s explanation and its own hint, the student retries, and a right pick shows them all; a numeric answer is judged within its shown decimals, with the student’s number, and a percentage is refused with a word about the format', async () => {
  const p = await site.open(LESSON);
  try {
    const ex = p.page.locator('#ex-loss-without-baseline');
    await ex.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
    await expect.poll(() => ex.getAttribute('data-ready')).toBe('');
    const feedback = ex.locator('[data-feedback]');
    const answer = ex.locator('[data-answer]');
    // Before any pick the full answer is out of reach in the page.
    expect(await answer.isVisible()).toBe(false);
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => feedback.textContent()).toMatch(/Choose one/);
    await ex.locator('input[type=radio]').nth(0).check();
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => ex.getAttribute('data-state')).toBe('wrong');
    expect(await ex.locator('[data-why="0"]').isVisible()).toBe(true);
    expect(await ex.locator('[data-why="1"]').isVisible()).toBe(false);
    expect(await ex.locator('[data-why="2"]').isVisible()).toBe(false);
    // The hint is the picked option's own.
    expect(await ex.locator('[data-why="0"] [data-hint]').isVisible()).toBe(true);
    expect(await answer.isVisible()).toBe(false);
    // Another wrong pick swaps the explanation; the right one shows every explanation.
    await ex.locator('input[type=radio]').nth(2).check();
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => ex.locator('[data-why="2"]').isVisible()).toBe(true);
    expect(await ex.locator('[data-why="2"] [data-hint]').isVisible()).toBe(true);
    expect(await ex.locator('[data-why="0"]').isVisible()).toBe(false);
    await ex.locator('input[type=radio]').nth(1).check();
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => ex.getAttribute('data-state')).toBe('solved');
    expect(await feedback.textContent()).toMatch(/^Right/);
    expect(await answer.isVisible()).toBe(true);
    expect(await answer.locator('li').count()).toBe(3);
    expect(await ex.locator('[data-why-box]').isVisible()).toBe(false);

    const num = p.page.locator('#ex-z-score-by-hand');
    await num.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
    await expect.poll(() => num.getAttribute('data-ready')).toBe('');
    const field = num.locator('[data-field]');
    const said = num.locator('[data-feedback]');
    const check = num.locator('[data-action="check"]');
    for (const bad of ['', 'abc', 'NaN', '1e308']) {
      await field.fill(bad);
      await check.click();
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await said.textContent()).not.toMatch(/^Right|undefined|NaN$/);
    }
    await field.fill('75%');
    await check.click();
    await expect.poll(() => said.textContent()).toMatch(/percentage/);
    const value = Number(await num.getAttribute('data-answer-value'));
    const shown = Number(value.toFixed(2));
    // One unit off in the last shown decimal is refused, with the student's number in the message.
    const off = (shown + 0.01).toFixed(2);
    await field.fill(off);
    await check.click();
    await expect.poll(() => num.getAttribute('data-state')).toBe('wrong');
    expect(await said.textContent()).toContain(off.replace('-', '−'));
    expect(await said.textContent()).toMatch(/too high/);
    await field.fill(shown.toFixed(2).replace('-', '−'));
    await check.click();
    await expect.poll(() => num.getAttribute('data-state')).toBe('solved');
    expect(await said.textContent()).toMatch(/^Right/);

    // A glossary link is a plain link that shows its term's definition on hover and on keyboard
    // focus, over the page (nothing below it moves), named as the link's description; Esc closes it.
    const term = p.page.locator('main a[data-glossary="standardisation"]').first();
    await expect.poll(() => term.getAttribute('aria-describedby')).toBe('gloss-tip-standardisation');
    expect(await term.getAttribute('href')).toMatch(/glossary\/(index\.html)?#standardisation$/);
    const popup = p.page.locator('#gloss-popup');
    const below = p.page.locator('#ex-z-score-by-hand');
    // Every widget started first: one that starts meanwhile (kit/hydrate.ts) may change its own height.
    await startEvery(p.page, '.widget, .exercise');
    await term.scrollIntoViewIfNeeded();
    const before = await below.boundingBox();
    await term.hover();
    await expect.poll(() => popup.isVisible()).toBe(true);
    expect(await popup.textContent()).toMatch(/^Standardisation/);
    expect(await below.boundingBox()).toEqual(before);
    await p.page.mouse.move(0, 0);
    await expect.poll(() => popup.isVisible()).toBe(false);
    await term.focus();
    await expect.poll(() => popup.isVisible()).toBe(true);
    await p.page.keyboard.press('Escape');
    await expect.poll(() => popup.isVisible()).toBe(false);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('a prediction locks, and what happens shows only once the widget has run with the asked settings; a deep dive folds and prints open; a tapped glossary link shows its definition first', async () => {
  const p = await site.open('lessons/16-counting-the-work/', { hasTouch: true });
  try {
    const ex = p.page.locator('#ex-double-the-width');
    await ex.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
    await expect.poll(() => ex.getAttribute('data-ready')).toBe('');
    const answer = ex.locator('[data-answer]');
    const radios = ex.locator('input[type=radio]');
    await radios.nth(1).check();
    await ex.locator('[data-action="check"]').click();
    await expect.poll(() => ex.getAttribute('data-state')).toBe('locked');
    for (let i = 0; i < 3; i++) expect(await radios.nth(i).isDisabled()).toBe(true);
    expect(await ex.locator('[data-action="check"]').isDisabled()).toBe(true);
    expect(await answer.isVisible()).toBe(false);
    // A run with other settings is not the asked one.
    const counter = p.page.locator('#widget-count');
    await counter.scrollIntoViewIfNeeded();
    await expect.poll(() => counter.getAttribute('data-ready'), { timeout: 30_000 }).toBe('');
    const hidden = counter.locator('[data-name="hidden"] input[data-role="field"]');
    await hidden.fill('8');
    await expect.poll(() => counter.getAttribute('data-hidden')).toBe('8');
    expect(await ex.getAttribute('data-state')).toBe('locked');
    expect(await answer.isVisible()).toBe(false);
    await hidden.fill('16');
    await expect.poll(() => ex.getAttribute('data-state')).toBe('revealed');
    expect(await answer.isVisible()).toBe(true);
    expect(await ex.locator('[data-feedback]').textContent()).toMatch(/not what happened/);
    // The prediction stays as it was locked.
    expect(await radios.nth(1).isChecked()).toBe(true);
    for (let i = 0; i < 3; i++) expect(await radios.nth(i).isDisabled()).toBe(true);

    // The same page's deep dive: a section a screen reader lists by its heading, its text folded
    // away on screen and printed open; the lesson's header gives its core and full reading times.
    const dive = p.page.getByRole('region', { name: /Deep dive Where the counter lives/ });
    expect(await dive.count()).toBe(1);
    const diveText = dive.locator('.deep-dive-body');
    expect(await diveText.isVisible()).toBe(false);
    await p.page.emulateMedia({ media: 'print' });
    expect(await diveText.isVisible()).toBe(true);
    await p.page.emulateMedia({ media: 'screen' });
    expect(await diveText.isVisible()).toBe(false);
    await dive.locator('summary').click();
    expect(await diveText.isVisible()).toBe(true);
    expect(await p.page.locator('.lesson-header [data-reading-time]').textContent()).toMatch(/^~\d+ min( core · ~\d+ min with deep dives)?$/);
    expect(await p.page.locator('[data-cheat-sheet-link]').count()).toBe(1);

    // On touch, the first tap on a glossary link shows the definition with a way to the entry; the second follows the link.
    const term = p.page.locator('main a[data-glossary="flops"]').first();
    await term.scrollIntoViewIfNeeded();
    const here = p.page.url();
    await term.tap();
    const popup = p.page.locator('#gloss-popup');
    await expect.poll(() => popup.isVisible()).toBe(true);
    expect(await popup.locator('.gloss-popup-more').count()).toBe(1);
    expect(p.page.url()).toBe(here);
    await term.tap();
    await p.page.waitForURL(/glossary\/(index\.html)?#flops$/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('progress is shown on the course page, survives navigation, and can be reset', async () => {
  const p = await site.open(LESSON);
  try {
    const ex = p.page.locator('#ex-loss-without-baseline');
    await ex.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
    await expect.poll(() => ex.getAttribute('data-ready')).toBe('');
    await ex.locator('input[type=radio]').nth(1).check();
    await ex.locator('[data-action="check"]').click();
    await p.page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
    // The lesson counts as read once its end has been on screen: wait until that is stored.
    await expect
      .poll(() => p.page.evaluate(() => JSON.parse(localStorage.getItem('nine-parameters:progress') ?? '{}')?.read?.['01-the-data'] ?? false))
      .toBe(true);
    await p.page.goto(site.url(''));
    // Every lesson's reading time is on the course page, computed from its text.
    expect(await p.page.locator('.lesson-list [data-reading-time]').count()).toBeGreaterThanOrEqual(21);
    const line = p.page.locator('[data-progress-for="01-the-data"]');
    await expect.poll(() => line.textContent()).toMatch(/read · 1 of 4 exercises done/);
    await p.page.locator('[data-action="reset-progress"]').click();
    await expect.poll(() => line.textContent()).toMatch(/not started/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('the cheat sheet prints on exactly one A4 page', async () => {
  const p = await site.open('cheat-sheet/');
  try {
    const pdf = (await p.page.pdf({ format: 'A4' })).toString('latin1');
    // One page object per printed page ("/Type /Pages" is the page tree, not a page).
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});
