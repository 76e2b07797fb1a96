/**
 * Does a widget keep the page responsive while it works? Records the main thread's long tasks
 * (PerformanceObserver 'longtask': any task over 50 ms) and the widest gap between 10 ms timer
 * ticks, while the test makes the widget train; then checks that the page still scrolls.
 *
 *   const watch = await watchMainThread(page);
 *   await click(page, 'play'); await page.waitForTimeout(2000);
 *   const report = await watch.stop();
 *   expectResponsive(report, 'toy landscape');
 *   await expectScrollable(page);
 *
 * Thresholds follow the machine's load, as in training-console.test.ts: on an idle machine no
 * task may reach 50 ms (one stretched by a garbage collection is tolerated); a machine busy
 * with other jobs stretches every task while the browser waits for a core, so there only
 * blocking for whole seconds, which a loop that never yields would show, fails.
 */
import { availableParallelism, loadavg } from 'node:os';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface MainThreadReport {
  /** Durations (ms) of the long tasks seen while watching. */
  longTasks: number[];
  /** The widest gap (ms) between two 10 ms timer ticks: how long the page could not respond. */
  widestGap: number;
  /** Milliseconds watched. */
  watched: number;
  /** The machine's one-minute load per core when the report was taken. */
  load: number;
}

export interface MainThreadWatch {
  stop(): Promise<MainThreadReport>;
}

export async function watchMainThread(page: Page): Promise<MainThreadWatch> {
  await page.evaluate(() => {
    const w = window as unknown as { __mainThread?: { longTasks: number[]; ticks: number[]; timer: number; observer: PerformanceObserver; start: number } };
    const state = { longTasks: [] as number[], ticks: [performance.now()], timer: 0, observer: null as unknown as PerformanceObserver, start: performance.now() };
    state.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    });
    state.observer.observe({ type: 'longtask' });
    state.timer = window.setInterval(() => state.ticks.push(performance.now()), 10);
    w.__mainThread = state;
  });
  return {
    async stop() {
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __mainThread: { longTasks: number[]; ticks: number[]; timer: number; observer: PerformanceObserver; start: number } };
        const state = w.__mainThread;
        window.clearInterval(state.timer);
        state.observer.takeRecords().forEach((entry) => state.longTasks.push(entry.duration));
        state.observer.disconnect();
        const now = performance.now();
        const ticks = [...state.ticks, now];
        let widestGap = 0;
        for (let i = 1; i < ticks.length; i++) widestGap = Math.max(widestGap, ticks[i] - ticks[i - 1]);
        return { longTasks: state.longTasks, widestGap, watched: now - state.start };
      });
      return { ...seen, load: loadavg()[0] / availableParallelism() };
    },
  };
}

/** Formats a report for the test log. */
export function describeReport(label: string, report: MainThreadReport): string {
  return (
    `${label}: watched ${Math.round(report.watched)} ms; long tasks ${JSON.stringify(report.longTasks.map(Math.round))}; ` +
    `widest gap between timer ticks ${Math.round(report.widestGap)} ms; machine load ${report.load.toFixed(1)} per core`
  );
}

/** No main-thread task over 50 ms (or, on a busy machine, nothing near a blocking loop's seconds). */
export function expectResponsive(report: MainThreadReport, label: string): void {
  console.log(describeReport(label, report));
  expect(report.watched, `${label}: watched long enough`).toBeGreaterThan(500);
  if (report.load < 1.5) {
    expect(report.longTasks.filter((d) => d > 50).length, `${label}: tasks over 50 ms`).toBeLessThanOrEqual(1);
    expect(Math.max(0, ...report.longTasks), `${label}: longest task`).toBeLessThan(100);
  } else {
    expect(Math.max(0, ...report.longTasks), `${label}: longest task (busy machine)`).toBeLessThan(500);
    expect(report.widestGap, `${label}: widest gap (busy machine)`).toBeLessThan(1000);
  }
}

/** The mouse wheel still scrolls the page (and the page has room to scroll). */
export async function expectScrollable(page: Page): Promise<void> {
  const before = await page.evaluate(() => scrollY);
  const down = before + 400 < (await page.evaluate(() => document.documentElement.scrollHeight - innerHeight));
  await page.mouse.move(10, 10);
  await page.mouse.wheel(0, down ? 300 : -300);
  await expect.poll(() => page.evaluate(() => scrollY), { timeout: 5_000 }).not.toBe(before);
}
