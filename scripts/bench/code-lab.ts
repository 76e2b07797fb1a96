// How long a code-lab check takes: the checker itself in Node (CPU time per check, each
// exercise's reference solution: cases, the student's functions, the comparison — a failing
// check adds the diagnosis, timed with a typical mistake), and, where a built site and Chromium
// are at hand, the whole round trip a student waits for in the browser (a fresh sandbox worker,
// its module, the check, the report drawn). Printed, never asserted: `npm test` has no clocks.
import { existsSync } from 'node:fs';
import { EXERCISES } from '../../src/experiments/code-lab/exercises';
import { checkExercise } from '../../src/experiments/code-lab/check';
import { assembleBody, GIVEN_PARAMETER } from '../../src/experiments/code-lab/source';
import type { Exercise, LabFunctions } from '../../src/experiments/code-lab/types';
import { launchChromium } from '../../tests/helpers/browser';
import { startStaticServer } from '../../tests/helpers/static-server';

// Scripts are not site code: the bench compiles solutions the way the sandbox worker does.
function compile(exercise: Exercise, code: string): LabFunctions {
  const given = Object.fromEntries(exercise.given.map((name) => [name, exercise.reference[name]]));
  return new Function(GIVEN_PARAMETER, assembleBody(code, exercise.defines, exercise.given))(given) as LabFunctions;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function nodeRows(): string[][] {
  return EXERCISES.map((exercise) => {
    const right = compile(exercise, exercise.solution);
    const wrong = { ...exercise.reference, ...exercise.wrongVersions[0].functions };
    const time = (functions: LabFunctions) => {
      const runs: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = cpuMs();
        checkExercise(exercise, functions, i + 1);
        runs.push(cpuMs() - start);
      }
      return median(runs);
    };
    return [exercise.id, `${exercise.cases(1).length}`, `${time(right).toFixed(1)} ms`, `${time(wrong).toFixed(1)} ms`];
  });
}

async function browserRows(dist: string): Promise<string[][] | string> {
  if (!existsSync(`${dist}/lab/index.html`)) return 'no built /lab/ page: run `npm run build` first';
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return `no Chromium (${(error as Error).message.split('\n')[0]})`;
  }
  const server = await startStaticServer({ root: dist, base: process.env.BASE_PATH ?? '/' });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}lab/`);
    const rows: string[][] = [];
    for (const id of ['relu', 'backward', 'train', 'any-width']) {
      const exercise = EXERCISES.find((e) => e.id === id)!;
      const host = page.locator(`np-code-exercise[data-exercise="${id}"]`);
      await host.scrollIntoViewIfNeeded();
      await host.locator('.cm-content').waitFor();
      await host.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(exercise.solution);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        times.push(await host.evaluate((el) => new Promise<number>((resolve) => {
          const before = el.getAttribute('data-checks');
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (el.getAttribute('data-checks') === before) return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(el, { attributes: true, attributeFilter: ['data-checks'] });
          el.querySelector<HTMLButtonElement>('[data-action="check"]')?.click();
        })));
      }
      rows.push([id, `${median(times).toFixed(0)} ms`, `${Math.min(...times).toFixed(0)} ms`, `${Math.max(...times).toFixed(0)} ms`]);
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchCodeLab(dist: string, table: (header: string[], body: string[][]) => string): Promise<void> {
  console.log('\nCode lab: one check in Node (CPU time, median of 15; the diagnosis runs only when a check fails)\n');
  console.log(table(['exercise', 'cases', 'passing check', 'failing check + diagnosis'], nodeRows()));
  const browser = await browserRows(dist);
  if (typeof browser === 'string') {
    console.log(`\n(code lab in the browser skipped: ${browser})`);
    return;
  }
  console.log('\nCode lab: Check pressed → report shown, in Chromium (wall time, 5 checks each: fresh worker, module, check, report)\n');
  console.log(table(['exercise', 'median', 'fastest', 'slowest'], browser));
}
