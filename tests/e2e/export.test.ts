/**
 * Saving a widget's figure (SVG, PNG) and a training run's numbers (CSV, JSON) through the
 * browser's real download: the files are read back and checked against what the widget shows.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { downloaded, e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining } from '../helpers/pages.ts';
import { formatNumber } from '../../src/experiments/format.ts';
import { formatAnyLoss } from '../../src/widgets/extreme-starts/scene.ts';
import { whenReady } from '../helpers/widget.ts';

const { dist } = e2eEnv();
const site = useSite();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Presses a save button (folding out the "Save…" box first) and returns the file saved. */
async function save(page: Page, widget: Locator, action: string): Promise<{ name: string; bytes: Buffer }> {
  const box = widget.locator('[data-save]').first();
  await expect.poll(() => box.isVisible()).toBe(true);
  const toggle = box.locator('[data-action="save-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const button = box.locator(`[data-action="${action}"]`);
  await expect.poll(() => button.isEnabled()).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: await downloaded(download) };
}

/** The SVG text parsed by the browser's XML parser: whether it parsed, and a few facts about it. */
function parseSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      title: root.querySelector(':scope > title')?.textContent ?? '',
      width: Number(root.getAttribute('width')),
      lossPath: root.querySelector('path.tc-loss')?.getAttribute('d') ?? '',
      lossStroke: (root.querySelector('path.tc-loss') as SVGElement | null)?.getAttribute('style') ?? '',
      shapes: root.querySelectorAll('path, circle, rect, line, polyline, text').length,
    };
  }, text);
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe('saving figures and runs', () => {
  test('the training console on lesson 7 saves its figure and its run, matching what it shows', async () => {
    const [lesson] = pagesContaining(dist, 'id="widget-console"').filter((p) => p.includes('07-'));
    expect(lesson, 'lesson 7 with the main training console').toBeTruthy();
    const p = await site.open(lesson);
    const { page } = p;
    try {
      const widget = page.locator('#widget-console');
      await widget.scrollIntoViewIfNeeded();
      await whenReady(page, '#widget-console');
      // One step past the page's epoch, so the files must follow the live run, not the server's.
      await widget.locator('[data-action="step"]').click();
      await expect.poll(() => widget.locator('[data-number="epoch"]').textContent()).toBe('201');
      const status = widget.locator('[role="status"]');

      const svg = await save(page, widget, 'save-svg');
      expect(svg.name).toBe('nine-parameters-console-epoch-201.svg');
      await expect.poll(() => status.textContent()).toContain('Saved the figure as nine-parameters-console-epoch-201.svg');
      const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      expect(parsed).toMatchObject({ root: 'svg', namespace: 'http://www.w3.org/2000/svg' });
      expect(parsed.title).toMatch(/^Nine Parameters: /);
      expect(parsed.lossPath).toMatch(/^M[\d.]+,[\d.]+L/);
      // The colour came from CSS on the page; in the file it is written on the element.
      expect(parsed.lossStroke).toMatch(/stroke:\s*rgb/);
      const livePath = await widget.locator('[data-panel="loss"] svg path.tc-loss').getAttribute('d');
      expect(parsed.lossPath).toBe(livePath);

      const png = await save(page, widget, 'save-png');
      expect(png.name).toBe('nine-parameters-console-epoch-201.png');
      expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.bytes.length).toBeGreaterThan(20_000);
      expect(pngSize(png.bytes).width).toBe(Math.round(parsed.width * 2));

      const data = await save(page, widget, 'save-data-csv');
      expect(data.name).toBe('nine-parameters-console-epoch-201-data-zscore-scaled.csv');
      const rows = data.bytes.toString('utf8').trimEnd().split('\r\n');
      expect(rows[0]).toBe('sample,x1_raw,x2_raw,noise,y_raw,x1_scaled,x2_scaled,y_scaled,yhat_scaled');
      expect(rows).toHaveLength(1 + 300);
      expect(rows.slice(1).every((r) => r.split(',').length === 9 && r.split(',').every((f) => f !== '' && Number.isFinite(Number(f))))).toBe(true);

      const json = await save(page, widget, 'save-run-json');
      expect(json.name).toBe('nine-parameters-console-epoch-201-run.json');
      const run = JSON.parse(json.bytes.toString('utf8'));
      const shown = await widget.evaluate((el) => ({
        params: Array.from((el as unknown as { snapshot(): { params: Float64Array } }).snapshot().params),
        table: [...el.querySelectorAll('[data-parameters] tbody tr')].map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''),
      }));
      expect(run.parameters.now).toEqual(shown.params);
      expect(run.parameters.now.map(formatNumber)).toEqual(shown.table);
      expect(run.parameters.names).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
      expect(run.epoch).toBe(201);
      expect(run.lossHistory.loss).toHaveLength(201 + 1);
      expect(run.lossHistory.learningRate).toHaveLength(201 + 1);
      expect(run.data.n).toBe(300);
      expect(run.data.scaling.method).toBe('zscore');
      expect(run.settings).toMatchObject({ epoch: 201, initSeed: 1, dataSeed: 1, learningRate: 0.05 });
      // The link opens this run.
      const link = new URL(run.link);
      expect(link.searchParams.get('console.epoch')).toBe('201');
      expect(link.hash).toBe('#widget-console');

      const loss = await save(page, widget, 'save-loss-csv');
      expect(loss.name).toBe('nine-parameters-console-epoch-201-loss-history.csv');
      const lossRows = loss.bytes.toString('utf8').trimEnd().split('\r\n');
      expect(lossRows[0]).toBe('epoch,loss,learning_rate');
      expect(lossRows).toHaveLength(1 + 202);
      expect(lossRows.slice(1).map((r) => Number(r.split(',')[1]))).toEqual(run.lossHistory.loss);

      const parameters = await save(page, widget, 'save-parameters-csv');
      expect(parameters.bytes.toString('utf8').trimEnd().split('\r\n').map((r) => r.split(','))).toEqual([
        ['parameter', 'start', 'epoch_201'],
        ...run.parameters.names.map((name: string, i: number) => [name, String(run.parameters.start[i]), String(run.parameters.now[i])]),
      ]);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('another widget (the data explorer) saves its figure, in the dark scheme too', async () => {
    const [page1] = pagesContaining(dist, '<np-data-explorer');
    const p = await site.open(page1, { colorScheme: 'dark' });
    const { page } = p;
    try {
      const widget = page.locator('np-data-explorer').first();
      await widget.scrollIntoViewIfNeeded();
      await whenReady(page, 'np-data-explorer');
      const svg = await save(page, widget, 'save-svg');
      expect(svg.name).toMatch(/^nine-parameters-data(-[a-z0-9-]+)?\.svg$/);
      const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      expect(parsed.shapes).toBeGreaterThan(50);
      // The dark surface is the file's background, so the light text stays readable.
      const text = svg.bytes.toString('utf8');
      const background = await widget.evaluate((el) => getComputedStyle(el.querySelector('figure.widget')!).backgroundColor);
      expect(text).toContain(`fill="${background}"`);
      const png = await save(page, widget, 'save-png');
      expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.bytes.length).toBeGreaterThan(10_000);
      await expect.poll(() => widget.locator('[role="status"]').textContent()).toContain(`Saved the figure as ${png.name}`);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the extreme-starts widget saves the run it shows, after a change of start', async () => {
    const [lesson] = pagesContaining(dist, '<np-extreme-starts');
    const p = await site.open(lesson);
    const { page } = p;
    try {
      const widget = page.locator('np-extreme-starts').first();
      await widget.scrollIntoViewIfNeeded();
      await whenReady(page, 'np-extreme-starts');
      await widget.locator('input[type=radio][value="large-biases"]').check();
      await expect.poll(() => widget.getAttribute('data-start')).toBe('large-biases');
      const json = await save(page, widget, 'save-run-json');
      expect(json.name).toMatch(/^nine-parameters-extremes-large-biases-epoch-\d+-run\.json$/);
      const run = JSON.parse(json.bytes.toString('utf8'));
      expect(run.widget).toBe('extreme-starts');
      expect(run.settings.start).toBe('large-biases');
      expect(run.lossHistory.loss).toHaveLength(run.epoch + 1);
      const shownLoss = await widget.locator('[data-number="loss"]').first().textContent();
      expect(formatAnyLoss(run.lossHistory.loss[run.epoch] ?? Infinity)).toBe(shownLoss);
      await expect.poll(() => widget.locator('[role="status"]').textContent()).toContain(`Saved the run’s settings, data, parameters and loss history as ${json.name}`);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('a widget without a figure offers no figure to save', async () => {
    const [inspector] = pagesContaining(dist, '<np-gradient-inspector');
    const p = await site.open(inspector);
    try {
      await p.page.locator('np-gradient-inspector').first().scrollIntoViewIfNeeded();
      await whenReady(p.page, 'np-gradient-inspector');
      expect(await p.page.locator('np-gradient-inspector [data-save-figure]').first().isVisible()).toBe(false);
    } finally {
      await p.close();
    }
  });
});
