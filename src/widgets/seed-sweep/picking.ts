// The seed sweep's run picker: a focusable layer over the figure (role="slider") that picks
// the dot under the pointer, walks the runs with the arrow keys (along a row by final loss, up
// and down between rows, Home and End) and opens the picked run in the training console on
// Enter; and the panel under the figure that names the picked run and links to the console.
import type { SweepResults } from '../../experiments/seed-sweep/results';
import { consoleLink, type Selection } from '../../experiments/seed-sweep/consoleLink';
import { describeRun, layoutSweep, moveSelection, runAt, sweepHeight, SWEEP_WIDTH } from './scene';

const KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/** Wires the pick layer; `select` is called with the run the reader picked. */
export function wirePicking(host: HTMLElement, results: () => SweepResults, selection: () => Selection | null, select: (selection: Selection) => void): void {
  const pick = host.querySelector<HTMLElement>('[data-pick]');
  if (!pick) return;
  pick.hidden = false;
  pick.tabIndex = 0;
  pick.setAttribute('role', 'slider');
  pick.setAttribute('aria-label', 'Pick a run: left and right arrows move along a row by final loss, up and down change rows, Enter opens it in the training console');
  pick.setAttribute('aria-valuemin', '1');
  pick.addEventListener('pointerdown', (event) => {
    const box = pick.getBoundingClientRect();
    if (box.width === 0) return;
    const x = ((event.clientX - box.left) / box.width) * SWEEP_WIDTH;
    const y = ((event.clientY - box.top) / box.height) * sweepHeight(results().setups.length);
    const picked = runAt(layoutSweep(results()), x, y);
    if (picked) select(picked);
  });
  pick.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      host.querySelector<HTMLAnchorElement>('[data-console]')?.click();
      return;
    }
    if (!KEYS.includes(event.key)) return;
    event.preventDefault();
    const picked = moveSelection(results(), selection(), event.key);
    if (picked) select(picked);
  });
}

/** Names the picked run under the figure, points the console link at it and tells the pick layer. */
export function showPicked(host: HTMLElement, results: SweepResults, selection: Selection | null): void {
  const { text, digits } = describeRun(results, selection);
  const set = (selector: string, value: string) => {
    const el = host.querySelector(selector);
    if (el) el.textContent = value;
  };
  set('[data-picked]', text);
  set('[data-digits]', digits);
  const link = host.querySelector<HTMLAnchorElement>('[data-console]');
  if (link && selection) link.href = consoleLink(results, selection);
  const pick = host.querySelector<HTMLElement>('[data-pick]');
  if (!pick) return;
  pick.setAttribute('aria-valuetext', text);
  const total = results.setups.reduce((n, s) => n + s.points.length, 0);
  pick.setAttribute('aria-valuemax', String(Math.max(1, total)));
  const before = selection ? results.setups.slice(0, selection.setup).reduce((n, s) => n + s.points.length, 0) : 0;
  pick.setAttribute('aria-valuenow', String(selection ? before + selection.index + 1 : 1));
}
