// Marks drawn on top of a chart frame: a vertical line at one x (e.g. "the current value of
// B3") with an optional point on the curve, and the placement of labels for horizontal
// reference lines so that two nearby baselines do not print over each other.
import { labelWidth, type ChartFrame } from './chart';
import { markerPath, type Shape } from './symbols';
import { h, round, type SvgNode } from './svg';
import { COLOURS, NEUTRALS } from './palette';
import { textClass } from './type';

export interface ChartMarker {
  /** Where on the x axis (data units). */
  x: number;
  /** A point drawn at (x, y); left out when not finite. */
  y?: number;
  /** Text at the top of the vertical line (or beside the point when there is no line). */
  label?: string;
  color?: string;
  /** Shape of the point (default circle); a hollow one is drawn as an outline. */
  shape?: Shape;
  hollow?: boolean;
  /** Draw the vertical line through the plot (default true). */
  line?: boolean;
  dash?: string;
}

function inside(value: number, lo: number, hi: number): boolean {
  return Number.isFinite(value) && value >= lo - 0.5 && value <= hi + 0.5;
}

/** The nodes of each marker whose x lies inside the plot; a y outside the plot draws no point. */
export function markerNodes(frame: ChartFrame, markers: readonly ChartMarker[], labelTop = frame.plot.top): SvgNode[] {
  const { plot } = frame;
  const nodes: SvgNode[] = [];
  for (const m of markers) {
    const x = round(frame.x(m.x));
    if (!inside(x, plot.left, plot.right)) continue;
    const color = m.color ?? COLOURS.vermillion;
    const children: SvgNode[] = [];
    const line = m.line !== false;
    if (line) {
      children.push(h('path', { d: `M${x},${plot.top}V${plot.bottom}`, stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': m.dash ?? '5 3', fill: 'none' }));
    }
    const y = m.y === undefined ? NaN : round(frame.y(m.y));
    if (inside(y, plot.top, plot.bottom)) {
      const d = markerPath(m.shape ?? 'circle', x, y, 5);
      children.push(
        m.hollow
          ? h('path', { d, fill: NEUTRALS.bg, stroke: color, 'stroke-width': 2 })
          : h('path', { d, fill: color, stroke: NEUTRALS.bg, 'stroke-width': 1 }),
      );
    }
    if (m.label) {
      // Labels sit on the right of their line where they fit there at their size on a phone, else
      // on the side with more room, so one near the right edge stays inside.
      const width = labelWidth(m.label, frame.axisLayout.tick);
      const right = x + 6 + width > plot.right && x - plot.left > plot.right - x;
      const top = labelTop + Math.max(12, 0.85 * frame.axisLayout.tick);
      const ty = line ? top : inside(y, plot.top, plot.bottom) ? y - 10 : top;
      children.push(
        // Text in currentColor: the palette's line colours are too light for small text.
        h('text', { class: textClass('body'), x: right ? x - 6 : x + 6, y: round(ty), 'text-anchor': right ? 'end' : 'start', fill: 'currentColor' }, m.label),
      );
    }
    nodes.push(h('g', { class: 'np-marker' }, children));
  }
  return nodes;
}

/**
 * Heights (baselines) of the labels of horizontal lines at pixel heights `ys` (top = small). A
 * label sits `above` pixels over its line, unless the next line up is so close that the text
 * would cross it: then it hangs under its own line, if there is room there before the next line
 * down and the plot's `bottom`. Labels that still come within `gap` of each other move up.
 * Returns the heights in the order of `ys`.
 */
export function referenceLabelHeights(ys: readonly number[], above = 5, gap = 14, bottom = Infinity, size = 12): number[] {
  // A label reaches about 10/12 em above its baseline and 0.25 em below it; `size` is its size on a
  // phone (kit/type.ts), where it is largest in viewBox units.
  const rise = (10 * size) / 12, drop = (3 * size) / 12, hang = rise + 4;
  gap = Math.max(gap, 1.15 * size);
  const order = ys.map((_, i) => i).sort((a, b) => ys[b] - ys[a]);
  const out = new Array<number>(ys.length);
  let lowest = Infinity;
  order.forEach((i, k) => {
    const y = ys[i];
    const up = k + 1 < order.length ? ys[order[k + 1]] : -Infinity;
    const down = k > 0 ? ys[order[k - 1]] : bottom;
    const crossesAbove = y - above - rise < up + 2;
    const fitsBelow = y + hang + drop < Math.min(down, bottom) && y + hang <= lowest - gap;
    const label = crossesAbove && fitsBelow ? y + hang : Math.min(y - above, lowest - gap);
    out[i] = round(label);
    lowest = Math.min(lowest, label);
  });
  return out;
}
