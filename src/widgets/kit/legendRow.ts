// A legend in a row above a plot: each entry a mark and its words, left to right, wrapping to a
// next row where the words at their size on a phone (kit/type.ts, where they are largest in
// viewBox units) would run past the right edge. Within a row an entry starts after the ones before
// it by their marks' room in viewBox units plus their words' width in em (a CSS transform, which
// resolves em at the size the words are drawn): placed in viewBox units at phone size, entries
// stood far apart on a desktop, where the words are smaller. The transform attribute keeps the
// phone-size place for a renderer without CSS.
import { h, round, type SvgNode } from './svg';
import { textClass } from './type';

export interface LegendEntry {
  /** The mark (a line sample or a point), drawn in a 22-unit slot whose left end is x, centred on y. */
  mark: (x: number, y: number) => SvgNode;
  text: string;
}

/** Width of a character of the legend's words, in em (generous: digits of a sans face are about 0.6 em). */
const CHAR_EM = 0.6;
/** Room for an entry's mark before its words, and the gap after them, in viewBox units. */
const MARK_ROOM = 26;
const GAP = 14;

/** The legend's nodes, starting at (left, y), and the height of the rows it took beyond the first. */
export function legendRow(entries: readonly LegendEntry[], left: number, right: number, y: number, size: number): { node: SvgNode; extra: number } {
  const items: SvgNode[] = [];
  let x = left, row = y, units = 0, ems = 0;
  for (const entry of entries) {
    const chars = [...entry.text].length;
    const width = MARK_ROOM + CHAR_EM * size * chars;
    if (x > left && x + width > right) [x, row, units, ems] = [left, round(row + 1.25 * size), 0, 0];
    items.push(
      h('g', { transform: `translate(${round(x)},${row})`, style: `transform: translate(calc(${round(left + units)}px + ${round(ems, 2)}em), ${row}px)` }, [
        entry.mark(0, 0),
        h('text', { x: MARK_ROOM, y: 0, dy: '0.32em' }, entry.text),
      ]),
    );
    x += width + GAP;
    units += MARK_ROOM + GAP;
    ems += CHAR_EM * chars;
  }
  return { node: h('g', { class: textClass('body', 'np-legend'), fill: 'currentColor' }, items), extra: row - y };
}
