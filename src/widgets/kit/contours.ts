// Contour lines of a grid of values by marching squares: where the surface crosses a level,
// as short straight segments (one SVG path per level). They give a heat map a second cue
// besides colour, so valleys and ridges read in greyscale too. Pure.
import { round } from './svg';

/**
 * The segments where the grid crosses `level`, as a path string. The grid is stored row by row,
 * values[r * columns + c]; `toX(c)` and `toY(r)` map (fractional) column and row indices to
 * drawing coordinates. Cells with a value that is not finite are skipped.
 */
export function contourPath(
  values: ArrayLike<number>,
  columns: number,
  rows: number,
  level: number,
  toX: (column: number) => number,
  toY: (row: number) => number,
): string {
  const parts: string[] = [];
  const segment = (a: [number, number], b: [number, number]) =>
    parts.push(`M${round(toX(a[0]))},${round(toY(a[1]))}L${round(toX(b[0]))},${round(toY(b[1]))}`);
  for (let r = 0; r + 1 < rows; r++) {
    for (let c = 0; c + 1 < columns; c++) {
      const v00 = values[r * columns + c], v10 = values[r * columns + c + 1];
      const v01 = values[(r + 1) * columns + c], v11 = values[(r + 1) * columns + c + 1];
      if (!(Number.isFinite(v00) && Number.isFinite(v10) && Number.isFinite(v01) && Number.isFinite(v11))) continue;
      const above = (v: number) => v > level;
      // Where each edge is crossed (fractional indices), or null.
      const cross = (va: number, vb: number, pa: [number, number], pb: [number, number]): [number, number] | null => {
        if (above(va) === above(vb)) return null;
        const t = (level - va) / (vb - va);
        return [pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])];
      };
      const bottom = cross(v00, v10, [c, r], [c + 1, r]);
      const right = cross(v10, v11, [c + 1, r], [c + 1, r + 1]);
      const top = cross(v01, v11, [c, r + 1], [c + 1, r + 1]);
      const left = cross(v00, v01, [c, r], [c, r + 1]);
      const hits = [bottom, right, top, left].filter((p): p is [number, number] => p !== null);
      if (hits.length === 2) segment(hits[0], hits[1]);
      else if (hits.length === 4) {
        // A saddle cell: the cell's mean decides which corners the lines separate.
        const centreAbove = above((v00 + v10 + v01 + v11) / 4);
        if (centreAbove === above(v00)) {
          segment(bottom!, right!);
          segment(top!, left!);
        } else {
          segment(bottom!, left!);
          segment(top!, right!);
        }
      }
    }
  }
  return parts.join('');
}
