// One or more series against a shared x (e.g. loss per epoch), with optional labelled
// horizontal reference lines (e.g. Var(y), the loss of always predicting the mean) and
// vertical markers (e.g. where a parameter is now).
// Series are told apart by dash pattern as well as colour.
import { line } from 'd3-shape';
import { extent } from 'd3-array';
import { chartFrame, chartSvg, type AxisSpec, type ChartFrame, type FrameSpec } from './chart';
import { markerNodes, referenceLabelHeights, type ChartMarker } from './marker';
import { h, round, type SvgNode } from './svg';
import { NEUTRALS, ROLES } from './palette';
import { textClass, textSizeOnPhone } from './type';
import { legendRow } from './legendRow';

export interface LineSeries {
  label: string;
  /** y values; a value that is not finite (or not positive on a log axis) leaves a gap. */
  y: ArrayLike<number>;
  /** x values; default 0, 1, 2, … */
  x?: ArrayLike<number>;
  color?: string;
  /** stroke-dasharray, e.g. '6 3'. */
  dash?: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
  color?: string;
  dash?: string;
  /** Outside a fixed y domain: 'hide' (default) or 'edge', a note at the edge it lies beyond. */
  offscale?: 'hide' | 'edge';
}

export interface LineChartSpec extends Omit<FrameSpec, 'x' | 'y'> {
  x: Omit<AxisSpec, 'domain'> & { domain?: AxisSpec['domain'] };
  y: Omit<AxisSpec, 'domain'> & { domain?: AxisSpec['domain'] };
  series: LineSeries[];
  references?: ReferenceLine[];
  /** Vertical markers (e.g. the current value of a parameter), drawn over the series. */
  markers?: ChartMarker[];
  /**
   * The legend of two or more series: inside the plot at its top left (true, the default), in its
   * own rows between the heading and the plot ('above', where labels near the plot's top would
   * meet it), or none (false, when the page shows its own key).
   */
  legend?: boolean | 'above';
}

export const SERIES_COLORS: readonly string[] = ROLES.series;
export const SERIES_DASHES = ['', '7 4', '2 3', '9 3 2 3'];

function xAt(s: LineSeries, i: number): number {
  return s.x ? s.x[i] : i;
}

function usable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

export function lineChart(spec: LineChartSpec): SvgNode {
  const xLog = spec.x.type === 'log';
  const yLog = spec.y.type === 'log';
  const xs: number[] = [], ys: number[] = [];
  for (const s of spec.series) {
    for (let i = 0; i < s.y.length; i++) {
      if (usable(xAt(s, i), xLog)) xs.push(xAt(s, i));
      if (usable(s.y[i], yLog)) ys.push(s.y[i]);
    }
  }
  for (const r of spec.references ?? []) if (usable(r.value, yLog)) ys.push(r.value);
  for (const m of spec.markers ?? []) if (usable(m.x, xLog)) xs.push(m.x);
  const xDomain = spec.x.domain ?? ((xs.length ? extent(xs) : [0, 1]) as [number, number]);
  const yDomain = spec.y.domain ?? ((ys.length ? extent(ys) : [0, 1]) as [number, number]);
  const frameSpec = { ...spec, x: { ...spec.x, domain: xDomain }, y: { ...spec.y, domain: yDomain } };
  const legendDrawn = spec.series.length > 1 && spec.legend !== false;
  const above = legendDrawn && spec.legend === 'above' ? legendAbove(frameSpec, spec.series) : undefined;
  const frame = above ? above.frame : chartFrame(frameSpec);
  const { plot } = frame;
  const content: SvgNode[] = [];

  const references = (spec.references ?? []).filter((r) => usable(r.value, yLog)).map((r) => ({ r, y: round(frame.y(r.value)) }));
  const inPlot = references.filter(({ y }) => y >= plot.top && y <= plot.bottom);
  // Unrounded heights, so two lines drawn on the same pixel still get their labels in order.
  const labelHeights = referenceLabelHeights(inPlot.map(({ r }) => frame.y(r.value)), undefined, undefined, plot.bottom, frame.axisLayout.tick);
  inPlot.forEach(({ r, y }, k) => {
    const color = r.color ?? NEUTRALS.muted;
    content.push(
      h('g', { class: 'np-reference' }, [
        h('path', { d: `M${plot.left},${y}H${plot.right}`, stroke: color, 'stroke-dasharray': r.dash ?? '4 4', fill: 'none' }),
        h('text', { class: textClass('body'), x: plot.right - 4, y: labelHeights[k], 'text-anchor': 'end', fill: color }, r.label),
      ]),
    );
  });
  // Lines outside a fixed y domain can still be named at the edge they lie beyond.
  for (const side of ['below', 'above'] as const) {
    // The line nearest the edge is named nearest to it.
    const outside = references
      .filter(({ r, y }) => r.offscale === 'edge' && (side === 'below' ? y > plot.bottom : y < plot.top))
      .sort((a, b) => (side === 'below' ? b.y - a.y : a.y - b.y));
    outside.forEach(({ r }, k) => {
      const line = Math.max(15, 1.25 * frame.axisLayout.tick);
      const y = round(side === 'below' ? plot.bottom - 6 - line * k : plot.top + 14 + line * k);
      content.push(
        h('text', { class: textClass('body', 'np-reference-offscale'), x: plot.right - 4, y, 'text-anchor': 'end', fill: r.color ?? NEUTRALS.muted }, `${side === 'below' ? '↓' : '↑'} ${r.label} (${side} this range)`),
      );
    });
  }

  spec.series.forEach((s, k) => {
    const indices = Array.from({ length: s.y.length }, (_, i) => i);
    const path = line<number>()
      .defined((i) => usable(xAt(s, i), xLog) && usable(s.y[i], yLog))
      .x((i) => round(frame.x(xAt(s, i))))
      .y((i) => round(frame.y(s.y[i])))(indices);
    content.push(
      h('path', {
        class: 'np-series',
        d: path ?? '',
        fill: 'none',
        stroke: s.color ?? SERIES_COLORS[k % SERIES_COLORS.length],
        'stroke-width': 2,
        'stroke-dasharray': s.dash ?? (SERIES_DASHES[k % SERIES_DASHES.length] || undefined),
        'stroke-linejoin': 'round',
      }),
    );
  });

  // Marker labels go under the legend's rows where they share the plot's top left.
  const inside = legendDrawn && !above;
  const legendBottom = inside ? plot.top + 4 + Math.max(14, 1.2 * frame.axisLayout.tick) * spec.series.length : plot.top;
  content.push(...markerNodes(frame, spec.markers ?? [], legendBottom));
  if (above) content.push(above.legend);
  else if (inside) content.push(legend(spec.series, plot.left + 8, plot.top + 4, frame.axisLayout.tick));
  return chartSvg(frame, content);
}

const seriesMark = (s: LineSeries, k: number) => (x: number, y: number) =>
  h('path', {
    d: `M${x},${y}h22`,
    stroke: s.color ?? SERIES_COLORS[k % SERIES_COLORS.length],
    'stroke-width': 2,
    'stroke-dasharray': s.dash ?? (SERIES_DASHES[k % SERIES_DASHES.length] || undefined),
  });

/**
 * The frame with its top margin grown for the series' legend in rows under the heading (wrapping
 * where the words at their size on a phone would run past the right edge), and that legend. The
 * plot starts below the last row's descent and the top y label, which reaches half a line above it.
 */
function legendAbove(spec: FrameSpec, series: LineSeries[]): { frame: ChartFrame; legend: SvgNode } {
  const first = chartFrame(spec);
  const tick = first.axisLayout.tick;
  const heading = textSizeOnPhone('heading', spec.width);
  const rowY = round(spec.heading ? first.axisLayout.headingBaseline + 0.3 * heading + 0.5 * tick + 4 : 4 + 0.5 * tick);
  const entries = series.map((s, k) => ({ mark: seriesMark(s, k), text: s.label }));
  const rows = (frame: ChartFrame) => legendRow(entries, frame.plot.left, spec.width - 8, rowY, tick);
  const top = Math.ceil(rowY + rows(first).extra + 0.45 * tick + 0.55 * tick + 3);
  const frame = top <= first.margin.top ? first : chartFrame({ ...spec, margin: { ...spec.margin, top } });
  return { frame, legend: rows(frame).node };
}

/** The series' names in rows at the plot's top left; `size` is the text's size on a phone. */
function legend(series: LineSeries[], x: number, y: number, size: number): SvgNode {
  return h(
    'g',
    { class: textClass('body', 'np-legend'), fill: 'currentColor' },
    series.flatMap((s, k) => {
      const row = round(y + Math.max(14, 1.2 * size) * k + 8);
      return [seriesMark(s, k)(x, row), h('text', { x: x + 28, y: row, dy: '0.32em' }, s.label)];
    }),
  );
}
