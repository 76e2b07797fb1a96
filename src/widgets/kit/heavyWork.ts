// The question a widget asks before work a link asked for that would take long (a sweep of
// many seeds): what it is, how long it should take, and a button to start it. Until then the
// figure stays as the page drew it. Built with DOM methods; it goes away once the work starts,
// by the button or because the reader changed a setting (WidgetElement.refresh).
import { describeDuration, describeWork, type WorkEstimate } from '../../experiments/work';

const PROMPT = '[data-heavy-work]';

/** Shows the question above the widget's status line; `start` runs when the reader agrees. */
export function askBeforeHeavyWork(host: HTMLElement, work: WorkEstimate, start: () => void): void {
  const doc = host.ownerDocument;
  const box = doc.createElement('div');
  box.className = 'np-heavy-work';
  box.dataset.heavyWork = '';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Long computation');
  const text = doc.createElement('p');
  text.textContent = `This link asks for ${describeWork(work)}: ${describeDuration(work.seconds)} of computing on a typical computer. It has not started; the figure shows the page’s own settings until it has.`;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'np-button primary';
  button.dataset.action = 'start-heavy-work';
  button.textContent = `Start it (${describeDuration(work.seconds)})`;
  button.addEventListener('click', () => {
    dismissHeavyWork(host);
    start();
  });
  box.append(text, button);
  const status = host.querySelector('[data-status]');
  if (status?.parentNode) status.parentNode.insertBefore(box, status);
  else host.append(box);
  host.dataset.heavyWork = 'waiting';
  // The run buttons (Play, Step) would start the work without the question: they wait too.
  for (const toolbar of host.querySelectorAll<HTMLFieldSetElement>('fieldset.np-toolbar')) toolbar.disabled = true;
}

/** Removes the question (the work is starting). */
export function dismissHeavyWork(host: HTMLElement): void {
  if (host.dataset.heavyWork !== 'waiting') return;
  for (const box of host.querySelectorAll(PROMPT)) box.remove();
  for (const toolbar of host.querySelectorAll<HTMLFieldSetElement>('fieldset.np-toolbar')) toolbar.disabled = false;
  host.dataset.heavyWork = 'started';
}
