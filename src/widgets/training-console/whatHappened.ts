// The browser half of WhatHappened.astro: "Explain the run so far" retrains the console's run
// from its snapshot (in slices, so the page keeps answering) and lists what happened. When the
// console moves on, the list says it is out of date rather than silently describing another run.
import { accountSteps } from '../../experiments/run-account/account';
import { describeAccount } from '../../experiments/run-account/describe';
import { consoleAccountSetup } from '../../experiments/run-account/fromConsole';
import { formatInteger } from '../../experiments/format';
import { lessonPath } from '../../lib/course';
import { CONSOLE_CHANGE_EVENT, type ConsoleElement } from '../kit/events';
import { sliceScheduler } from '../kit/slices';

function wire(section: HTMLElement): void {
  if (section.dataset.wired !== undefined) return;
  section.dataset.wired = '';
  const console = section.closest<ConsoleElement>('np-training-console');
  const button = section.querySelector<HTMLButtonElement>('[data-action="explain"]');
  const summary = section.querySelector<HTMLElement>('[data-account-summary]');
  const list = section.querySelector<HTMLOListElement>('[data-account-list]');
  if (!console || !button || !summary || !list) return;
  const base = section.dataset.base ?? '/';
  const slices = sliceScheduler();
  // The server listed the run the page shows, at the epoch it was built at.
  let explainedEpoch: number | null = section.dataset.explained === undefined ? null : Number(section.dataset.explained);
  button.hidden = false;

  const explain = async () => {
    const snapshot = typeof console.snapshot === 'function' ? console.snapshot() : null;
    if (!snapshot) {
      summary.textContent = 'The console has not started yet; try again in a moment.';
      return;
    }
    const setup = consoleAccountSetup(snapshot.config, snapshot.data, snapshot.start);
    section.setAttribute('aria-busy', 'true');
    summary.textContent = `Going over ${formatInteger(setup.epochs)} epochs…`;
    try {
      const result = await slices.run(accountSteps(setup));
      if (!result.done) return;
      const { lines, summary: text } = describeAccount(result.value);
      list.replaceChildren(
        ...lines.map((line) => {
          const item = document.createElement('li');
          item.dataset.kind = line.kind;
          const link = document.createElement('a');
          link.href = `${base}${lessonPath(line.lesson)}`;
          link.textContent = 'Why?';
          item.append(`${line.text} `, link);
          return item;
        }),
      );
      summary.textContent = text;
      explainedEpoch = setup.epochs;
      section.dataset.explained = String(explainedEpoch);
    } finally {
      if (!slices.busy) section.removeAttribute('aria-busy');
    }
  };
  button.addEventListener('click', () => void explain());
  console.addEventListener(CONSOLE_CHANGE_EVENT, () => {
    const epoch = console.snapshot?.()?.config.epoch ?? null;
    if (explainedEpoch !== null && epoch !== explainedEpoch) {
      summary.textContent = `The run has moved on from epoch ${formatInteger(explainedEpoch)}; press the button to explain it again.`;
      explainedEpoch = null;
    }
  });
}

for (const section of document.querySelectorAll<HTMLElement>('[data-what-happened]')) wire(section);
