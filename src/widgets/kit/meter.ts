// A horizontal meter for one number with a meaningful zero, e.g. R² from −1 to 1: a bar from
// the origin to the value, ticks with labels, and an arrow with words when the value lies
// beyond either end (R² can be −10²⁷ after a bad start; the bar stops at the end and says so).
// Pure: the same scene on the server and in the browser.
import { h, round, type SvgNode } from './svg';
import { COLOURS, NEUTRALS } from './palette';
import { figureRootAttrs, textClass } from './type';

export interface MeterSpec {
  width: number;
  height: number;
  value: number;
  min: number;
  max: number;
  /** Where the bar starts (default 0, clamped into min…max). */
  origin?: number;
  ticks: readonly { value: number; label: string }[];
  /** The value as text, shown above the bar (e.g. "R² = −3.1e+25"). */
  text: string;
  /** Accessible name of the whole meter. */
  title: string;
  /** Words for a value beyond the ends, e.g. { below: 'far below: worse than the mean' }. */
  beyond?: { below?: string; above?: string };
  /** Colours of a bar below and above the origin. */
  colors?: { below: string; above: string };
}

const PAD = 14;

export function meterScene(spec: MeterSpec): SvgNode {
  const { width, height, min, max } = spec;
  const left = PAD, right = width - PAD;
  const x = (v: number) => left + ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * (right - left);
  // Top to bottom: the value, a note for a value beyond an end, the track, the tick labels.
  const trackY = height - 32;
  const barH = 12;
  const origin = x(spec.origin ?? 0);
  const value = spec.value;
  const finite = Number.isFinite(value);
  const below = finite ? value < min : value === -Infinity;
  const above = finite ? value > max : value === Infinity;
  const end = below ? left : above ? right : finite ? x(value) : origin;
  const colors = spec.colors ?? { below: COLOURS.vermillion, above: COLOURS.blue };
  const children: SvgNode[] = [
    h('title', {}, spec.title),
    h('rect', { class: 'np-meter-track', x: left, y: trackY - barH / 2, width: right - left, height: barH, rx: 3, fill: NEUTRALS.bg, stroke: NEUTRALS.border }),
  ];
  if (end !== origin) {
    const lo = Math.min(end, origin), hi = Math.max(end, origin);
    children.push(
      h('rect', {
        class: 'np-meter-bar',
        x: round(lo),
        y: trackY - barH / 2,
        width: round(hi - lo),
        height: barH,
        fill: end < origin ? colors.below : colors.above,
        // A hatched edge would need a pattern; a dashed outline marks a bar cut off at an end.
        stroke: below || above ? 'currentColor' : 'none',
        'stroke-dasharray': below || above ? '3 2' : undefined,
      }),
    );
  }
  children.push(h('path', { d: `M${round(origin)},${trackY - barH}V${trackY + barH}`, stroke: 'currentColor', 'stroke-width': 1.5 }));
  for (const t of spec.ticks) {
    const tx = round(x(t.value));
    // A label at an end of the track reads inwards from its tick, so it stays inside the figure.
    const anchor = t.value <= min ? 'start' : t.value >= max ? 'end' : 'middle';
    const lx = anchor === 'start' ? tx - 4 : anchor === 'end' ? tx + 4 : tx;
    children.push(
      h('path', { d: `M${tx},${trackY + barH / 2}v5`, stroke: 'currentColor' }),
      h('text', { class: textClass('body'), x: lx, y: trackY + barH / 2 + 18, 'text-anchor': anchor, fill: 'currentColor' }, t.label),
    );
  }
  children.push(h('text', { class: textClass('title', 'np-meter-value'), x: round(finite && !below && !above ? Math.min(right - 60, Math.max(left + 60, end)) : below ? left : right), y: 16, 'text-anchor': below ? 'start' : above ? 'end' : 'middle', 'font-weight': 600, fill: 'currentColor' }, spec.text));
  if (below && spec.beyond?.below) {
    children.push(h('text', { class: textClass('body', 'np-meter-beyond'), x: left, y: trackY - barH / 2 - 6, fill: 'currentColor' }, `◀ ${spec.beyond.below}`));
  }
  if (above && spec.beyond?.above) {
    children.push(h('text', { class: textClass('body', 'np-meter-beyond'), x: right, y: trackY - barH / 2 - 6, 'text-anchor': 'end', fill: 'currentColor' }, `${spec.beyond.above} ▶`));
  }
  return h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, ...figureRootAttrs(width, height), role: 'img', 'aria-label': spec.title }, children);
}
