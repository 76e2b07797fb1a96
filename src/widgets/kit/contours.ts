// Contour lines of a grid of values: where the surface crosses a level, one SVG path per level.
// They give a heat map a second cue besides colour, so valleys and ridges read in greyscale too.
// The marching squares are d3-contour's; two things differ from what a heat map wants, and are
// undone here (pure):
//  - d3-contour returns filled regions, so a region that reaches the edge of the grid is closed
//    by edges half a cell outside it. Those edges are not crossings of the level: dropped.
//  - it treats a missing value (NaN) as lower than every level, so a hole in the data would be
//    outlined as if it were a valley. A segment through a cell with a value that is not finite
//    is dropped instead (as the course's own marching squares did before).
import { contours } from 'd3-contour';
import { round } from './svg';

type Point = [number, number];

/**
 * The lines where the grid crosses `level`, as a path string. The grid is stored row by row,
 * values[r * columns + c]; `toX(c)` and `toY(r)` map (fractional) column and row indices to
 * drawing coordinates. A line that closes on itself inside the grid ends with Z.
 */
export function contourPath(
  values: ArrayLike<number>,
  columns: number,
  rows: number,
  level: number,
  toX: (column: number) => number,
  toY: (row: number) => number,
): string {
  if (columns < 2 || rows < 2 || !Number.isFinite(level)) return '';
  const grid = Array.from(values);
  const shape = contours().size([columns, rows]).contour(grid, level);
  // d3-contour puts the value at index (c, r) at the point (c + 0.5, r + 0.5).
  const toIndex = ([x, y]: Point): Point => [x - 0.5, y - 0.5];
  const inside = ([c, r]: Point) => c >= 0 && c <= columns - 1 && r >= 0 && r <= rows - 1;
  const finiteCell = (c: number, r: number) =>
    [grid[r * columns + c], grid[r * columns + c + 1], grid[(r + 1) * columns + c], grid[(r + 1) * columns + c + 1]].every(Number.isFinite);
  /** The cells a point lies in: one, or the two or four that share the grid line or corner it is on. */
  const cellsAround = (index: number, count: number) =>
    (Number.isInteger(index) ? [index - 1, index] : [Math.floor(index)]).filter((i) => i >= 0 && i <= count - 2);
  /**
   * Whether every cell a segment runs through (or along) has four finite corners. d3-contour moves
   * a crossing next to a missing value onto the finite value, so such a segment runs along a grid
   * line, between a cell with a hole and one without: both are checked.
   */
  const finiteAround = (a: Point, b: Point) => {
    const mid: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    return cellsAround(mid[0], columns).every((c) => cellsAround(mid[1], rows).every((r) => finiteCell(c, r)));
  };
  const at = ([c, r]: Point) => `${round(toX(c))},${round(toY(r))}`;
  const parts: string[] = [];
  for (const polygon of shape.coordinates) {
    for (const ring of polygon) {
      // d3 repeats the first point at the end of a ring: segments i → i + 1.
      const points = ring.map((p) => toIndex(p as Point));
      const keep = points.slice(1).map((b, i) => inside(points[i]) && inside(b) && finiteAround(points[i], b));
      if (keep.length && keep.every(Boolean)) {
        parts.push(`M${points.slice(0, -1).map(at).join('L')}Z`);
        continue;
      }
      // Otherwise the kept runs of segments, each its own line; a run that wraps past the ring's
      // end is joined to the one at its start, so it is not cut in two.
      const start = keep.findIndex((k) => !k) + 1;
      let line: Point[] = [];
      const flush = () => {
        if (line.length > 1) parts.push(`M${line.map(at).join('L')}`);
        line = [];
      };
      for (let j = 0; j < keep.length; j++) {
        const i = (start + j) % keep.length;
        if (!keep[i]) {
          flush();
          continue;
        }
        if (!line.length) line.push(points[i]);
        line.push(points[i + 1]);
      }
      flush();
    }
  }
  return parts.join('');
}
