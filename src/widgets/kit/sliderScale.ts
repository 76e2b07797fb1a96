// Where a value sits on a range slider. A log slider runs over positions 0…1000 and maps
// them to min…max geometrically, so 1 to 10,000 samples gets equal room per power of ten.
// Pure: the .astro uses it for the server markup, controls.ts for every move.

export interface SliderScale {
  min: number;
  max: number;
  /** Step of a linear slider (default 1 for whole numbers, else (max − min) / 200). */
  step?: number;
  integer?: boolean;
  /** Geometric spacing; needs min > 0. */
  log?: boolean;
}

export const LOG_POSITIONS = 1000;

/** The min, max and step attributes of the <input type="range">. */
export function rangeAttributes(s: SliderScale): { min: number; max: number; step: number } {
  if (s.log) return { min: 0, max: LOG_POSITIONS, step: 1 };
  return { min: s.min, max: s.max, step: s.step ?? (s.integer ? 1 : (s.max - s.min) / 200) };
}

/** Two significant figures (4,217 → 4,200), so a log slider lands on numbers people use. */
function roughly(value: number): number {
  if (value < 100) return value;
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

/** The range input's position for a value (clamped to the slider's ends). */
export function positionOf(value: number, s: SliderScale): number {
  const v = Math.min(s.max, Math.max(s.min, value));
  if (!s.log) return v;
  return Math.round((LOG_POSITIONS * Math.log(v / s.min)) / Math.log(s.max / s.min));
}

/** The value at a range input's position. */
export function valueAt(position: number, s: SliderScale): number {
  if (!s.log) {
    const v = Math.min(s.max, Math.max(s.min, position));
    return s.integer ? Math.round(v) : v;
  }
  const p = Math.min(LOG_POSITIONS, Math.max(0, position)) / LOG_POSITIONS;
  const raw = s.min * (s.max / s.min) ** p;
  const v = s.integer ? Math.round(roughly(raw)) : Number(roughly(raw).toPrecision(3));
  return Math.min(s.max, Math.max(s.min, v));
}
