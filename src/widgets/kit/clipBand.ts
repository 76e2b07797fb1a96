// A curve drawn over a chart with a fixed y range (e.g. a network's prediction over the data,
// which can shoot far past the data for large weights) must stop at the plot's edge, not run
// over the axes. Clipping here, in data units, avoids an SVG clipPath, whose id would have to
// be unique on a page that shows the same widget twice.

export interface Polyline {
  x: number[];
  y: number[];
}

/**
 * The parts of the polyline (xs[i], ys[i]) that lie within lo ≤ y ≤ hi, each run ending
 * exactly on the band's edge where the curve leaves it. A point that is not finite breaks
 * the curve.
 */
export function clipToBand(xs: ArrayLike<number>, ys: ArrayLike<number>, lo: number, hi: number): Polyline[] {
  const runs: Polyline[] = [];
  let run: Polyline | null = null;
  const close = () => {
    if (run && run.x.length >= 2) runs.push(run);
    run = null;
  };
  const n = Math.min(xs.length, ys.length);
  const usable = (i: number) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]);
  if (n === 1 && usable(0) && ys[0] >= lo && ys[0] <= hi) return [];
  for (let i = 0; i + 1 < n; i++) {
    if (!usable(i) || !usable(i + 1)) {
      close();
      continue;
    }
    const x0 = xs[i], y0 = ys[i], x1 = xs[i + 1], y1 = ys[i + 1];
    // The part of t ∈ [0, 1] where y(t) = y0 + t·(y1 − y0) lies in [lo, hi].
    let t0 = 0, t1 = 1;
    if (y1 === y0) {
      if (y0 < lo || y0 > hi) t0 = 2;
    } else {
      const ta = (lo - y0) / (y1 - y0), tb = (hi - y0) / (y1 - y0);
      t0 = Math.max(0, Math.min(ta, tb));
      t1 = Math.min(1, Math.max(ta, tb));
    }
    if (t0 > t1) {
      close();
      continue;
    }
    const at = (t: number): [number, number] => [t === 0 ? x0 : t === 1 ? x1 : x0 + t * (x1 - x0), t === 0 ? y0 : t === 1 ? y1 : y0 + t * (y1 - y0)];
    const [sx, sy] = at(t0), [ex, ey] = at(t1);
    // (A cast: TypeScript does not see close() reset `run` inside the closure.)
    const current = run as Polyline | null;
    if (!current || t0 > 0 || current.x[current.x.length - 1] !== sx || current.y[current.y.length - 1] !== sy) {
      close();
      run = { x: [sx], y: [sy] };
    }
    run!.x.push(ex);
    run!.y.push(ey);
    if (t1 < 1) close();
  }
  close();
  return runs;
}
