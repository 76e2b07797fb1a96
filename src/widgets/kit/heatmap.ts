// Colours for a heat map of values on a grid (e.g. the loss over two parameters). Viridis runs
// from dark blue through green to yellow: it is ordered by lightness, so it reads in greyscale
// and for the common colour-vision deficiencies. d3-scale-chromatic's interpolateViridis is
// matplotlib's 256-colour table; it is read once into numbers here, because a heat map asks for
// tens of thousands of colours per frame. Pure: the server and the browser paint alike.
import { interpolateViridis } from 'd3-scale-chromatic';

/** The 256 colours of d3-scale-chromatic's viridis, dark to light, as [r, g, b]. */
export const VIRIDIS: readonly (readonly [number, number, number])[] = Array.from({ length: 256 }, (_, i) => {
  const hex = interpolateViridis((i + 0.5) / 256); // the middle of each of its 256 steps: "#rrggbb"
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const;
});

/** The colour at t in [0, 1] (clamped; a value that is not finite gives the darkest end). */
export function viridis(t: number): [number, number, number] {
  const s = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const [r, g, b] = VIRIDIS[Math.min(VIRIDIS.length - 1, Math.floor(s * VIRIDIS.length))];
  return [r, g, b];
}

/**
 * How values map to the colour ramp. 'linear' and 'log' spread the range evenly (in the value or
 * its logarithm). 'excess' spreads the logarithm of how far a value lies above the lowest one: a
 * loss surface with a high ridge and a nearly flat floor still shows the floor's small dips.
 */
export type HeatKind = 'linear' | 'log' | 'excess';

export interface HeatScale {
  /** Values at the two ends of the colour ramp (the low end is dark). */
  low: number;
  high: number;
  kind: HeatKind;
}

/** The smallest excess over `low` the 'excess' scale tells apart from none (a thousandth of the low value). */
export function excessFloor(scale: HeatScale): number {
  return 1e-3 * Math.max(Math.abs(scale.low), 1e-3 * (scale.high - scale.low), 1e-12);
}

function transform(value: number, scale: HeatScale): number {
  if (scale.kind === 'log') return Math.log(value);
  if (scale.kind === 'excess') return Math.log(Math.max(0, value - scale.low) + excessFloor(scale));
  return value;
}

/** Where a value falls on the scale, 0 at `low` and 1 at `high` (not clamped). */
export function heatPosition(value: number, scale: HeatScale): number {
  if (scale.kind === 'log' && !(value > 0)) return 0;
  const a = transform(scale.low, scale), b = transform(scale.high, scale);
  return (transform(value, scale) - a) / (b - a || 1);
}

/** The value at a position of the scale (the inverse of heatPosition). */
export function heatValue(position: number, scale: HeatScale): number {
  const a = transform(scale.low, scale), b = transform(scale.high, scale);
  const t = a + position * (b - a);
  if (scale.kind === 'log') return Math.exp(t);
  if (scale.kind === 'excess') return scale.low + Math.max(0, Math.exp(t) - excessFloor(scale));
  return t;
}

/**
 * A scale from the smallest to the largest finite value: 'excess' by default; 'log' needs
 * positive values and falls back to 'linear' without them.
 */
export function heatScaleOf(values: ArrayLike<number>, kind: HeatKind = 'excess'): HeatScale {
  let low = Infinity, high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && (kind !== 'log' || v > 0)) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  if (!(low < Infinity)) return { low: 0, high: 1, kind: 'linear' };
  if (high === low) return kind === 'log' ? { low: low / 2, high: low * 2, kind } : { low: low - 1, high: high + 1, kind: 'linear' };
  return { low, high, kind };
}

/**
 * RGBA pixels for a grid stored row by row with row 0 at the *bottom* (the smallest y, as the
 * trainer's lossSurface fills it): the image's first pixel row is the grid's last row.
 */
export function heatPixels(values: ArrayLike<number>, columns: number, rows: number, scale: HeatScale, out: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(columns * rows * 4)): Uint8ClampedArray<ArrayBuffer> {
  for (let r = 0; r < rows; r++) {
    const from = (rows - 1 - r) * columns;
    for (let c = 0; c < columns; c++) {
      const [red, green, blue] = viridis(heatPosition(values[from + c], scale));
      const k = (r * columns + c) * 4;
      out[k] = red;
      out[k + 1] = green;
      out[k + 2] = blue;
      out[k + 3] = 255;
    }
  }
  return out;
}
