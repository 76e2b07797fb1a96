// A legend in a row above a plot: each entry a mark and its words, left to right, wrapping to a
// next row where the words at their size on a phone (kit/type.ts, where they are largest in
// viewBox units) would run past the right edge.
import { h, round, type SvgNode } from './svg';
import { textClass } from './type';

export interface LegendEntry {
  /** The mark (a line sample or a point), drawn in a 22-unit slot whose left end is x, centred on y. */
  mark: (x: number, y: number) => SvgNode;
  text: string;
}

/** The legend's nodes, starting at (left, y), and the height of the rows it took beyond the first. */
export function legendRow(entries: readonly LegendEntry[], left: number, right: number, y: number, size: number): { node: SvgNode; extra: number } {
  const items: SvgNode[] = [];
  let x = left, row = y;
  for (const entry of entries) {
    const width = 26 + 0.6 * size * [...entry.text].length;
    if (x > left && x + width > right) [x, row] = [left, round(row + 1.25 * size)];
    items.push(entry.mark(x, row), h('text', { x: round(x + 26), y: row, dy: '0.32em' }, entry.text));
    x += width + 14;
  }
  return { node: h('g', { class: textClass('body', 'np-legend'), fill: 'currentColor' }, items), extra: row - y };
}
