// A stretch of a loss curve that looks finished but is not: the loss barely changes for many
// epochs, then falls a long way. Seen from inside, such a plateau is indistinguishable from a
// local minimum; only the later drop tells them apart.

export interface PlateauOptions {
  /** How many epochs the loss must stay nearly flat. */
  window?: number;
  /** "Nearly flat": the loss changes by less than this share of itself over the window. */
  flatness?: number;
  /** The later drop must take the loss below this share of the plateau's level. */
  drop?: number;
}

export interface LossPlateau {
  /** First epoch of the flat stretch. */
  start: number;
  /** The loss at `start`. */
  level: number;
  /** Last epoch whose loss is still within `flatness` of the level: the plateau's end. */
  end: number;
  /** First epoch whose loss is below drop · level. */
  droppedAt: number;
}

/**
 * How findPlateau recognises a flat stretch of a loss curve unless told otherwise. (Not the
 * reduce-on-plateau schedule's settings: those are the plateau widget's PLATEAU_DEFAULTS.)
 */
export const LOSS_PLATEAU_DEFAULTS: Required<PlateauOptions> = { window: 2000, flatness: 0.01, drop: 0.5 };

/**
 * The first plateau followed by a drop, or null: the first epoch e with
 * |L[e + window] − L[e]| < flatness · L[e] such that some later loss is below drop · L[e].
 */
export function findPlateau(losses: ArrayLike<number>, options: PlateauOptions = {}): LossPlateau | null {
  const { window, flatness, drop } = { ...LOSS_PLATEAU_DEFAULTS, ...options };
  const n = losses.length;
  if (!(window >= 1) || n <= window + 1) return null;
  // laterMin[j] = the lowest loss from epoch j on, so "does it drop later?" is one lookup.
  const laterMin = new Float64Array(n + 1).fill(Infinity);
  for (let j = n - 1; j >= 0; j--) laterMin[j] = Math.min(losses[j], laterMin[j + 1]);
  for (let e = 0; e + window < n; e++) {
    const level = losses[e];
    if (!(Math.abs(losses[e + window] - level) < flatness * level)) continue;
    if (!(laterMin[e + window + 1] < drop * level)) continue;
    let end = e + window;
    while (end + 1 < n && Math.abs(losses[end + 1] - level) < flatness * level) end++;
    let droppedAt = end + 1;
    while (!(losses[droppedAt] < drop * level)) droppedAt++;
    return { start: e, level, end, droppedAt };
  }
  return null;
}
