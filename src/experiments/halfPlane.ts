// Where a hidden unit is on, in the (x1, x2) plane: the unit's pre-activation
// z = w1·x1 + w2·x2 + b is a plane, so z > 0 on one side of the straight line z = 0 (the
// hinge, or kink line) and z ≤ 0 on the other. These helpers cut a chart's rectangle along
// that line, in data coordinates, so every widget that shows a unit's region draws it alike.

export type Point = readonly [number, number];

/** An axis-aligned rectangle in data coordinates. */
export interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The pre-activation z = w1·x + w2·y + b of one unit. */
export interface Unit {
  w1: number;
  w2: number;
  b: number;
}

const valueAt = (u: Unit, [x, y]: Point) => u.w1 * x + u.w2 * y + u.b;

function corners(r: Rect): Point[] {
  return [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x1, r.y1],
    [r.x0, r.y1],
  ];
}

/** The point between a and b where z = 0 (z changes sign between them). */
function crossing(u: Unit, a: Point, b: Point): Point {
  const za = valueAt(u, a), zb = valueAt(u, b);
  const t = za / (za - zb);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/**
 * The part of the rectangle where the unit is on (z > 0), as polygon corners in order;
 * empty when the unit is off on the whole rectangle. One step of Sutherland–Hodgman
 * clipping: a convex polygon cut by one straight line stays convex.
 */
export function activeRegion(rect: Rect, unit: Unit): Point[] {
  const ring = corners(rect);
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const za = valueAt(unit, a), zb = valueAt(unit, b);
    if (za > 0) out.push(a);
    if ((za > 0) !== (zb > 0)) out.push(crossing(unit, a, b));
  }
  // A line through a corner yields that corner twice in a row; keep it once.
  const region = out.filter((p, i) => {
    const next = out[(i + 1) % out.length];
    return out.length === 1 || p[0] !== next[0] || p[1] !== next[1];
  });
  return region.length >= 3 ? region : [];
}

/**
 * The piece of the kink line z = 0 inside the rectangle, as its two ends, or null when the
 * line misses the rectangle or does not exist (w1 = w2 = 0: z is the constant b).
 */
export function kinkSegment(rect: Rect, unit: Unit): [Point, Point] | null {
  if (unit.w1 === 0 && unit.w2 === 0) return null;
  const ring = corners(rect);
  const hits: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const za = valueAt(unit, a), zb = valueAt(unit, b);
    if (za === 0) hits.push(a);
    else if ((za > 0 && zb < 0) || (za < 0 && zb > 0)) hits.push(crossing(unit, a, b));
  }
  if (hits.length < 2) return null;
  // A line through a corner can be found twice; keep the two hits furthest apart.
  let best: [Point, Point] = [hits[0], hits[1]];
  let bestDistance = -1;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const d = (hits[i][0] - hits[j][0]) ** 2 + (hits[i][1] - hits[j][1]) ** 2;
      if (d > bestDistance) {
        bestDistance = d;
        best = [hits[i], hits[j]];
      }
    }
  }
  return bestDistance > 0 ? best : null;
}

/** Which side is on, as a unit vector (the direction in which z grows), or null if z is constant. */
export function onDirection(unit: Unit): Point | null {
  const length = Math.hypot(unit.w1, unit.w2);
  return length > 0 ? [unit.w1 / length, unit.w2 / length] : null;
}
