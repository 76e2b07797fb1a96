/**
 * Issue 18, links that survive and locks that look locked, on lesson 7's training console:
 * a link cut short or with &amp; for &, a link asking for heavy work, a shared diverged run,
 * the lock mark in a control's accessible name, and the lock/hide panel beside "Copy link".
 */
import { describe, expect, test } from 'vitest';
import { shareUrl } from '../../src/experiments/link.ts';
import { useSite } from '../helpers/e2e.ts';
import { whenReady } from '../helpers/widget.ts';

const site = useSite();
const LESSON = 'lessons/07-gradient-descent/';
const W = 'np-training-console#widget-console';

/** A console link as "Copy link" writes it (checksum first, short names, locks). */
function consoleLink(settings: Record<string, string>, policy: { locked?: string[]; hidden?: string[] } = {}): string {
  const url = shareUrl(site.url(LESSON), 'console', new URLSearchParams(settings), policy, 'widget-console');
  return url;
}

type Opened = Awaited<ReturnType<typeof site.open>>;
const status = (p: Opened) => p.page.locator(`${W} [data-status]`).first();
/** The console has started (a loaded machine may take a while; this waits on the attribute, not a clock). */
const ready = (p: Opened) => whenReady(p.page, `${W}`, { timeout: 60_000 });
/** Waits until the status line's text matches `pattern` (polled by the browser, no fixed sleep; a
 *  function rather than a string, which the site's CSP would refuse to evaluate). */
const statusMatches = (p: Opened, pattern: RegExp) =>
  p.page.waitForFunction(
    ([selector, source, flags]) => new RegExp(source, flags).test(document.querySelector(selector)?.textContent ?? ''),
    [`${W} [data-status]`, pattern.source, pattern.flags] as const,
    { timeout: 60_000 },
  );

describe('a cut or mangled link', () => {
  test('a link cut short is named, and what is left still opens', async () => {
    const whole = consoleLink({ is: '4', lr: '0.03', h: '3', e: '300' }, { locked: ['initSeed', 'learningRate'] });
    // Cut inside the lock list: the seed and the rate arrive, the checksum no longer matches.
    const cut = whole.slice(0, whole.indexOf('initSeed') + 'initSeed,learn'.length);
    const p = await site.open(cut);
    try {
      const widget = p.page.locator(W);
      await ready(p);
      expect(await widget.getAttribute('data-link-integrity')).toBe('broken');
      await statusMatches(p, /incomplete/i);
      expect(await status(p).textContent()).toMatch(/whole link/i);
      expect(await widget.locator('[data-name="initSeed"] input[data-role="field"]').inputValue()).toBe('4');
      expect(await widget.locator('[data-name="initSeed"] input[data-role="field"]').isDisabled()).toBe(true);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('a link whose & became &amp; opens whole, locks and all', async () => {
    const whole = consoleLink({ is: '4', h: '3' }, { locked: ['initSeed'] });
    const mangled = whole.replaceAll('&', '&amp;');
    const p = await site.open(mangled);
    try {
      const widget = p.page.locator(W);
      await ready(p);
      expect(await widget.getAttribute('data-link-integrity')).toBe('whole');
      expect(await widget.locator('[data-name="hidden"] select').inputValue()).toBe('3');
      expect(await widget.locator('[data-name="initSeed"] input[data-role="field"]').isDisabled()).toBe(true);
      expect(await status(p).textContent()).not.toMatch(/incomplete/i);
    } finally {
      await p.close();
    }
  });

  test('an older link without a checksum, with long names, opens as before and says nothing about it', async () => {
    const p = await site.open(`${LESSON}?console.initSeed=4&console.hidden=3&console.lock=initSeed#widget-console`);
    try {
      const widget = p.page.locator(W);
      await ready(p);
      expect(await widget.getAttribute('data-link-integrity')).toBe('unchecked');
      expect(await widget.locator('[data-name="hidden"] select').inputValue()).toBe('3');
      expect(await status(p).textContent()).not.toMatch(/incomplete/i);
    } finally {
      await p.close();
    }
  });
});

describe('heavy work from a link', () => {
  test('a link asking for a long replay asks first, with an estimate, and starts only when told', async () => {
    const p = await site.open(consoleLink({ n: '3000', e: '200000' }));
    try {
      const widget = p.page.locator(W);
      await p.page.waitForSelector(`${W}[data-heavy-work="waiting"]`, { timeout: 60_000 });
      const prompt = widget.locator('[data-heavy-work]');
      expect(await prompt.textContent()).toMatch(/200,000 epochs over 3,000 samples/);
      expect(await prompt.textContent()).toMatch(/about \d+ (minutes|seconds|hours)/);
      // Nothing has run: the figure is still the page's, at its own epoch.
      expect(await widget.getAttribute('data-epoch')).toBe('200');
      expect(await widget.locator('[data-action="play"]').isDisabled()).toBe(true);
      await widget.locator('[data-action="start-heavy-work"]').click();
      await p.page.waitForSelector(`${W}[data-heavy-work="started"]`, { timeout: 60_000 });
      expect(await prompt.count()).toBe(0);
      await p.page.waitForSelector(`${W} [data-action="play"]:not([disabled])`, { timeout: 60_000 });
    } finally {
      await p.close();
    }
  });

  test('a link asking for the largest seed sweep (160 million epochs) asks first, and starts only when told', async () => {
    const S = 'np-seed-sweep#widget-widths';
    const link = shareUrl(site.url('lessons/15-seeds-and-width/'), 'widths', new URLSearchParams({ runs: '200', epochs: '100000' }), {}, 'widget-widths');
    const p = await site.open(link);
    try {
      const widget = p.page.locator(S);
      await p.page.waitForSelector(`${S}[data-heavy-work="waiting"]`, { timeout: 60_000 });
      expect(await widget.locator('[data-heavy-work]').textContent()).toMatch(/1,600 runs of 100,000 epochs \(160,000,000 epochs in all\) over 300 samples with 2 to 16 hidden units: about \d+ (hours|days)/);
      // Nothing has run: the figure is the page's own sweep, and Run waits too.
      expect(await widget.locator('[data-progress-text]').textContent()).toMatch(/computed when this page was built/);
      expect(await widget.locator('[data-action="run"]').isDisabled()).toBe(true);
      await widget.locator('[data-action="start-heavy-work"]').click();
      await p.page.waitForSelector(`${S} [data-action="cancel"]:not([disabled])`, { timeout: 60_000 });
      await widget.locator('[data-action="cancel"]').click();
      expect(await widget.getAttribute('data-heavy-work')).toBe('started');
    } finally {
      await p.close();
    }
  });

  test('an ordinary link opens at once', async () => {
    const p = await site.open(consoleLink({ is: '3', e: '500' }));
    try {
      const widget = p.page.locator(W);
      await p.page.waitForSelector(`${W}[data-epoch="500"]`, { timeout: 60_000 });
      expect(await widget.getAttribute('data-heavy-work')).toBeNull();
    } finally {
      await p.close();
    }
  });
});

describe('a shared diverged run', () => {
  test('shows the divergence marker and the explanation the teacher saw', async () => {
    const p = await site.open(consoleLink({ lr: '10', e: '50' }));
    try {
      const widget = p.page.locator(W);
      await p.page.waitForSelector(`${W} [data-panel="loss"] .tc-diverged`, { timeout: 60_000 });
      await statusMatches(p, /diverged/);
      expect(await status(p).textContent()).toMatch(/smaller learning rate/);
    } finally {
      await p.close();
    }
  });

  test('does not suggest a smaller rate when the teacher locked the rate', async () => {
    const p = await site.open(consoleLink({ lr: '10', e: '50' }, { locked: ['learningRate'] }));
    try {
      await statusMatches(p, /diverged/);
      expect(await status(p).textContent()).not.toMatch(/smaller learning rate/i);
    } finally {
      await p.close();
    }
  });
});

describe('locks that look locked', () => {
  test('a locked control carries a lock mark and “set by your teacher” in its accessible name', async () => {
    const p = await site.open(consoleLink({}, { locked: ['learningRate'] }));
    try {
      const widget = p.page.locator(W);
      await ready(p);
      const field = widget.getByRole('textbox', { name: /Learning rate.*set by your teacher/ });
      expect(await field.count()).toBe(1);
      expect(await field.isDisabled()).toBe(true);
      expect(await widget.locator('[data-name="learningRate"] .np-lock-note svg').count()).toBe(1);
      expect(await widget.getByRole('textbox', { name: /Starting seed.*set by your teacher/ }).count()).toBe(0);
    } finally {
      await p.close();
    }
  });

  test('the lock/hide panel beside Copy link writes a link that locks and hides what was ticked', async () => {
    const p = await site.open(LESSON);
    let link = '';
    try {
      const widget = p.page.locator(W);
      await ready(p);
      await widget.locator('[data-name="initSeed"] input[data-role="field"]').fill('5');
      await widget.locator('[data-action="share-policy"]').click();
      await widget.getByRole('checkbox', { name: 'Lock Starting seed' }).check();
      await widget.getByRole('checkbox', { name: 'Hide Hidden units H' }).check();
      await widget.locator('[data-action="share"]').click();
      link = await widget.locator('[data-share-link]').inputValue();
      expect(link).toMatch(/console\.c=/);
      expect(link.length).toBeLessThan(260);
    } finally {
      await p.close();
    }
    const q = await site.open(link);
    try {
      const widget = q.page.locator(W);
      await ready(q);
      expect(await widget.getAttribute('data-link-integrity')).toBe('whole');
      expect(await widget.locator('[data-name="initSeed"] input[data-role="field"]').inputValue()).toBe('5');
      expect(await widget.locator('[data-name="initSeed"] input[data-role="field"]').isDisabled()).toBe(true);
      expect(await widget.locator('[data-name="hidden"]').isHidden()).toBe(true);
      // The panel opens with the link's own lists ticked, so a teacher can pass it on changed.
      await widget.locator('[data-action="share-policy"]').click();
      expect(await widget.getByRole('checkbox', { name: 'Lock Starting seed' }).isChecked()).toBe(true);
    } finally {
      await q.close();
    }
  });
});
