/**
 * The teacher's guide: the page itself (every lesson's objectives, every experiment card, no
 * JavaScript needed, prints without its interactive parts), and the experiment links (those in
 * `opened` below): each opens lesson 7's console with the linked settings in its controls, no
 * notice of an ignored setting, locked controls disabled and hidden ones hidden, and the numbers
 * the guide says it will show.
 */
import { describe, expect, test } from 'vitest';
import { atRoot, e2eEnv, useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { experimentFacts } from '../../src/facts/experiments';
import { CONSOLE_CONTROLS, EXPERIMENTS } from '../../src/experiments/guide/links';
import { experimentHref } from '../../src/lib/experimentHref';
import { formatInteger } from '../../src/experiments/format';
import { trainingConsoleSettings } from '../../src/experiments/training-console/settings';
import { formatLoss } from '../../src/experiments/format';

const site = useSite();
const { base } = e2eEnv();
const PAGE = 'teachers/';
const W = 'np-training-console';
const KEYS = trainingConsoleSettings.keys as readonly string[];

const links = experimentFacts.flatMap(({ experiment, outcomes }) =>
  experiment.links.map((link, i) => ({
    name: `${experiment.id}: ${link.label}`,
    experiment,
    link,
    outcome: outcomes[i],
    href: experimentHref(experiment, link, base, KEYS),
  })),
);

/**
 * The links opened in the browser: the first of each experiment (each experiment has its own start,
 * lock and hide lists) and any link naming a setting no earlier opened link names (scaling, the
 * input ranges, N, the batch size), so every kind of setting a link carries is seen to reach the
 * console once. The rest differ only in values: that they parse back without a notice is
 * tests/unit/experiments.test.ts's, and that the browser's run equals Node's, which computed the
 * guide's numbers, is the training console's own e2e test (and the seed sweep's, bit for bit).
 */
const opened = (() => {
  const named = new Set<string>();
  return links.filter((l) => {
    const fresh = Object.keys(l.link.settings).filter((key) => !named.has(key));
    fresh.forEach((key) => named.add(key));
    return l.link === l.experiment.links[0] || fresh.length > 0;
  });
})();

/** A number as a control shows it ("3,000", "0.001", "−50"), as a number. */
const numeric = (text: string) => Number(text.replace(/[,\s]/g, '').replace('−', '-'));

describe('the page', () => {
  test('lists every lesson’s objectives and every experiment, each link pointing under the base', async () => {
    const p = await site.open(PAGE);
    try {
      const { page } = p;
      expect(await page.locator('h1').textContent()).toMatch(/Teacher’s guide/);
      expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toMatch(/teachers/i);
      const lessons = await page.locator('.lesson-objectives').count();
      expect(lessons).toBeGreaterThanOrEqual(7);
      expect(await page.locator('.lesson-objectives li').count()).toBeGreaterThan(lessons);
      for (const e of EXPERIMENTS) expect(await page.locator(`section#${e.id}`).count(), e.id).toBe(1);
      // Links are written relative to the page (the build works from any folder): compare where they lead.
      const hrefs = await page.locator('.experiment-links a').evaluateAll((as) =>
        as.map((a) => {
          const url = new URL((a as HTMLAnchorElement).href);
          return url.pathname + url.search + url.hash;
        }),
      );
      expect(hrefs).toEqual(links.map((l) => l.href));
      for (const href of hrefs) expect(href!.startsWith(base)).toBe(true);
      expect(await page.locator('main').innerText()).not.toMatch(/NaN|undefined|Infinity/);
      expect(await axeViolations(page)).toEqual([]);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test.runIf(atRoot())('works without JavaScript: links and text are there, the link builder stays hidden', async () => {
    const p = await site.open(PAGE, { javaScriptEnabled: false });
    try {
      expect(await p.page.locator('.experiment-links a').count()).toBe(links.length);
      expect(await p.page.locator('[data-link-builder]').isHidden()).toBe(true);
    } finally {
      await p.close();
    }
  });

  test.runIf(atRoot())('prints the guide without navigation or the link builder', async () => {
    const p = await site.open(PAGE);
    try {
      const { page } = p;
      await expect.poll(() => page.locator('[data-link-builder]').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('[data-link-builder]').isVisible()).toBe(false);
      expect(await page.locator('.site-nav').isVisible()).toBe(false);
      expect(await page.locator('section#learning-rate').isVisible()).toBe(true);
      expect(await page.locator('#hosting').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
    } finally {
      await p.close();
    }
  });

  test('the link builder adds lock and hide lists, and its link opens the console that way', async () => {
    const p = await site.open(PAGE);
    let link = '';
    try {
      const builder = p.page.locator('[data-link-builder]');
      await expect.poll(() => builder.isVisible()).toBe(true);
      const output = builder.locator('[data-role="link"]');
      // The first experiment's own policy is preselected: its start is locked.
      expect(await output.inputValue()).toMatch(/console\.lock=init%2CinitSeed/);
      await builder.locator('[data-control="speed"] input[value="hide"]').check();
      await builder.locator('[data-control="initSeed"] input[value="free"]').check();
      link = await output.inputValue();
      expect(link).toMatch(/console\.lock=init(&|#)/);
      expect(link).toMatch(/console\.hide=speed/);
      expect(await builder.locator('[data-role="open"]').getAttribute('href')).toBe(link);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
    const q = await site.open(link);
    try {
      const widget = q.page.locator(`${W}#widget-console`);
      await widget.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
      await expect.poll(() => widget.getAttribute('data-ready'), { timeout: 20_000 }).toBe('');
      expect(await widget.locator('[data-name="speed"]').isHidden()).toBe(true);
      expect(await widget.locator('[data-name="init"] select').isDisabled()).toBe(true);
      expect(await widget.locator('[data-name="initSeed"] input').first().isDisabled()).toBe(false);
      expect(await widget.locator('[data-action="new-seed"]').isDisabled()).toBe(false);
      expect(q.problems()).toEqual([]);
    } finally {
      await q.close();
    }
  });
});

// Each link's path is checked against the base above (and crawled by site.test.ts under every base);
// what the console then shows does not depend on the base, so the links are opened at '/' only.
describe.runIf(atRoot())('the experiment links', () => {
  test('open in the browser: at least one per experiment', () => {
    expect(new Set(opened.map((l) => l.experiment.id))).toEqual(new Set(EXPERIMENTS.map((e) => e.id)));
  });

  test.concurrent.for(opened.map((l) => [l.name, l] as const))('%s opens the console as the guide says', async ([, l], { expect }) => {
    const p = await site.open(site.server.origin + l.href);
    try {
      const widget = p.page.locator(`${W}#widget-${l.experiment.target.shareKey}`);
      await widget.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
      await expect.poll(() => widget.getAttribute('data-ready'), { timeout: 20_000 }).toBe('');
      const epoch = widget.locator('[data-number="epoch"]');
      // The console replays the link up to its epoch (or until the loss overflows).
      await expect.poll(() => epoch.textContent(), { timeout: 45_000 }).toBe(formatInteger(l.outcome.reached));
      const numbers = Object.fromEntries(
        await widget.locator('[data-number]').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.number, e.textContent])),
      );
      expect(numbers.loss).toBe(formatLoss(l.outcome.loss));
      const status = (await widget.locator('[data-status]').allTextContents()).join(' ');
      expect(status).not.toMatch(/ignored|not known|Ignored/);
      if (l.outcome.diverged) expect(status).toMatch(/too large to represent/);

      // The controls show the link's settings, not the lesson's.
      for (const [name, value] of Object.entries(l.link.settings)) {
        const wrapper = widget.locator(`[data-name="${name}"]`);
        if ((await wrapper.count()) === 0) continue; // a setting without a control in this console (input ranges)
        const select = wrapper.locator('select');
        if (await select.count()) expect(await select.inputValue(), name).toBe(value);
        else expect(numeric(await wrapper.locator('[data-role="field"]').inputValue()), name).toBe(Number(value));
      }
      // Settings without a control are still in the run: the element's data-* attributes hold its config.
      for (const [name, value] of Object.entries(l.link.settings)) {
        if (name === 'epoch') continue;
        expect(await widget.getAttribute(`data-${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`), name).toBe(value);
      }

      for (const name of l.experiment.lock ?? []) {
        const inputs = widget.locator(`[data-name="${name}"]`).locator('input, select');
        for (const input of await inputs.all()) expect(await input.isDisabled(), `${name} locked`).toBe(true);
      }
      if (l.experiment.lock?.includes('initSeed')) expect(await widget.locator('[data-action="new-seed"]').isDisabled()).toBe(true);
      for (const name of l.experiment.hide ?? []) expect(await widget.locator(`[data-name="${name}"]`).isHidden(), `${name} hidden`).toBe(true);
      expect(await widget.innerText()).not.toMatch(/NaN|undefined/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('every control the guide names can be locked or hidden in lesson 7’s console', async () => {
    const p = await site.open(`lessons/07-gradient-descent/`);
    try {
      const widget = p.page.locator(`${W}#widget-console`);
      for (const c of CONSOLE_CONTROLS) expect(await widget.locator(`[data-name="${c.name}"]`).count(), c.name).toBe(1);
    } finally {
      await p.close();
    }
  });
});
