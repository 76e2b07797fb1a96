// The rate comparison's panels, one cell per rate: the server drew one per rate of the page's
// list, and a list of another length adds copies of the first cell or drops the last ones.
import { replaceRows } from '../kit/dom';
import { renderInto } from '../kit/svg';
import type { ComparisonScene } from './comparison-scene';

export function drawCells(host: HTMLElement, scene: ComparisonScene): void {
  const holder = host.querySelector('[data-cells]');
  if (holder) {
    const cells = [...holder.querySelectorAll<HTMLElement>('[data-cell]')];
    // A list has at least one rate, so the server drew at least one cell to copy.
    while (cells.length < scene.panels.length) {
      const cell = cells[0].cloneNode(true) as HTMLElement;
      holder.append(cell);
      cells.push(cell);
    }
    cells.slice(scene.panels.length).forEach((c) => c.remove());
    scene.panels.forEach((panel, i) => {
      const cell = cells[i];
      const svg = cell.querySelector('[data-panel="rate"] svg');
      if (svg) renderInto(svg, panel);
      cell.classList.toggle('lr-above', scene.texts[i].above);
      for (const part of ['relation', 'outcome', 'detail'] as const) {
        const el = cell.querySelector(`[data-text="${part}"]`);
        if (el) el.textContent = scene.texts[i][part];
      }
    });
  }
  replaceRows(host.querySelector('[data-rate-table] tbody'), scene.rows, '');
}
