/**
 * Shareable experiments: a link carries a widget's settings (and a teacher's lock/hide lists),
 * garbled parts of it are ignored with a notice, and "Copy link" produces a link that
 * reproduces exactly what the student sees. Uses the data explorer on lesson 1.
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { settled, whenReady } from '../helpers/widget.ts';

const site = useSite();
const LESSON = 'lessons/01-the-data/';
const W = 'np-data-explorer';

const numbers = (p: Awaited<ReturnType<typeof site.open>>) =>
  p.page.$eval(W, (el) => Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((c) => [c.dataset.number, c.textContent])));

test('a link’s settings, locks and hidden controls are applied, and unknown ones are named', async () => {
  const p = await site.open(`${LESSON}?data.n=50&data.seed=7&data.lock=seed&data.hide=scaling&data.bogus=1&data.%3Cb%3E=2`);
  try {
    const widget = p.page.locator(W);
    await whenReady(p.page, `${W}`);
    await expect.poll(() => widget.locator('[data-name="n"] input[type=text]').inputValue()).toBe('50');
    expect(await widget.locator('[data-name="seed"] input[type=text]').inputValue()).toBe('7');
    expect(await widget.locator('[data-name="seed"] input[type=text]').isDisabled()).toBe(true);
    expect(await widget.locator('[data-name="scaling"]').isHidden()).toBe(true);
    await expect.poll(() => widget.locator('[role=status]').textContent()).toMatch(/bogus/);
    const text = await widget.innerText();
    expect(text).not.toMatch(/NaN|undefined|<b>/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('garbled values in a link are ignored with a notice and the widget still works', async () => {
  const p = await site.open(`${LESSON}?data.n=abc&data.seed=1e308&data.scaling=%3Cscript%3E&data.x1Low=NaN`);
  try {
    const widget = p.page.locator(W);
    await whenReady(p.page, `${W}`);
    await expect.poll(() => widget.locator('[role=status]').textContent()).not.toBe('');
    expect(await widget.locator('[data-name="n"] input[type=text]').inputValue()).toBe('300');
    expect(await widget.innerText()).not.toMatch(/NaN|undefined/);
    // The garbled value is quoted back as text in the notice, never turned into markup.
    expect(await widget.locator('[role=status]').textContent()).toMatch(/“<script>”/);
    expect(await p.page.locator('np-data-explorer script').count()).toBe(0);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('"Copy link to this experiment" gives a link that reproduces the same numbers', async () => {
  const p = await site.open(LESSON);
  let link = '';
  let before: Record<string, string | null> = {};
  try {
    const widget = p.page.locator(W);
    await whenReady(p.page, `${W}`);
    await widget.locator('[data-name="n"] input[type=text]').fill('123');
    await widget.locator('[data-action="new-seed"]').click();
    await expect.poll(() => widget.locator('[data-name="seed"] input[type=text]').inputValue()).toBe('2');
    before = await settled(p.page, () => numbers(p));
    await widget.locator('[data-action="share"]').click();
    const field = widget.locator('[data-share-link]');
    await expect.poll(() => field.isVisible()).toBe(true);
    link = await field.inputValue();
    expect(link).toMatch(/data\.n=123/);
    expect(link).toMatch(/data\.seed=2/);
    expect(link).toMatch(/#widget-data$/);
  } finally {
    await p.close();
  }
  const url = new URL(link);
  const q = await site.open(`${LESSON}${url.search}${url.hash}`);
  try {
    await whenReady(q.page, `${W}`);
    await expect.poll(() => numbers(q)).toEqual(before);
    expect(q.problems()).toEqual([]);
  } finally {
    await q.close();
  }
});
