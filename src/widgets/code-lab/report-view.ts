// A check's report as DOM (never markup from strings: every value the student's code produced
// is set as text). Failing cases first, each as a small table: what was expected, what came
// back, and the difference.
import type { CheckReport } from '../../experiments/code-lab/types';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export interface ReportActions {
  goTo(line: number, column: number): void;
}

export function renderReport(target: HTMLElement, report: CheckReport, actions: ReportActions): void {
  target.replaceChildren();
  const summary = el('p', report.summary, `lab-summary lab-${report.status}`);
  target.append(summary);
  if (report.diagnosis) {
    const p = el('p', undefined, 'lab-diagnosis');
    p.dataset.diagnosis = report.diagnosis.id;
    p.append(el('strong', 'Likely bug: '), document.createTextNode(report.diagnosis.message));
    target.append(p);
  }
  for (const note of report.notes) target.append(el('p', note, 'lab-note'));
  const location = report.error?.location;
  if (location) {
    const button = el('button', `Go to line ${location.line}, column ${location.column}`, 'np-button');
    button.type = 'button';
    button.dataset.action = 'go-to-error';
    button.addEventListener('click', () => actions.goTo(location.line, location.column));
    target.append(button);
  }
  if (report.cases.length === 0) return;
  const details = el('details', undefined, 'lab-cases');
  details.open = report.status !== 'passed';
  const shown = report.cases.length < report.totalCases ? ` (${report.cases.length} shown, failing ones first)` : '';
  details.append(el('summary', `Cases: ${report.passedCases} of ${report.totalCases} pass${shown}; seed ${report.seed}`));
  for (const c of report.cases) {
    const box = el('div', undefined, `lab-case ${c.ok ? 'lab-case-ok' : 'lab-case-bad'}`);
    box.append(el('p', `${c.ok ? '✓' : '✗'} ${c.fn}(${c.input})`, 'lab-case-call'));
    box.append(el('p', c.label, 'lab-case-label'));
    for (const problem of c.problems) box.append(el('p', problem, 'lab-problem'));
    if (c.rows.length) {
      const scroll = el('div', undefined, 'table-scroll');
      const table = el('table');
      const head = el('tr');
      for (const title of ['', 'expected', 'yours', 'difference']) head.append(el('th', title));
      head.firstElementChild?.setAttribute('aria-label', 'value');
      table.append(el('thead'));
      table.tHead?.append(head);
      const body = el('tbody');
      for (const row of c.rows) {
        const tr = el('tr', undefined, row.ok ? '' : 'lab-row-bad');
        const name = el('th', row.path || 'result');
        name.scope = 'row';
        tr.append(name, el('td', row.expected), el('td', row.received), el('td', row.difference || '—'));
        body.append(tr);
      }
      table.append(body);
      scroll.append(table);
      box.append(scroll);
    }
    details.append(box);
  }
  target.append(details);
}
