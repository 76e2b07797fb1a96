// A toy landscape, separate from the network: one parameter x and a tilted double well
//   f(x) = x⁴ − 3x² + x,   f'(x) = 4x³ − 6x + 1,
// with a shallow basin on the right (a local minimum) and a deeper one on the left (the
// global minimum). It shows what "local minimum" means in the textbook sense; the real
// network's traps look different (see units.ts).

export const toyLoss = (x: number): number => x ** 4 - 3 * x ** 2 + x;
export const toyGradient = (x: number): number => 4 * x ** 3 - 6 * x + 1;

/** Roots of f'(x) = 0 by Newton's method from three brackets: left minimum, the hump, right minimum. */
function stationaryPoints(): [number, number, number] {
  const solve = (x: number) => {
    for (let i = 0; i < 60; i++) x -= toyGradient(x) / (12 * x * x - 6);
    return x;
  };
  return [solve(-1.5), solve(0.2), solve(1.2)];
}

const [left, hump, right] = stationaryPoints();
export const TOY_GLOBAL_MINIMUM = left;
export const TOY_LOCAL_MINIMUM = right;
export const TOY_HUMP = hump;

export type ToyOutcome = 'global minimum' | 'local minimum' | 'diverged' | 'still moving';

export interface ToyDescent {
  /** x after each step; path[0] is the start. */
  path: Float64Array;
  outcome: ToyOutcome;
}

/** Gradient descent x ← x − η·f'(x) for `steps` steps; stops when x runs away. */
export function toyDescent(start: number, learningRate: number, steps: number): ToyDescent {
  const path = new Float64Array(steps + 1);
  path[0] = start;
  let x = start;
  for (let t = 1; t <= steps; t++) {
    x -= learningRate * toyGradient(x);
    if (!Number.isFinite(x) || Math.abs(x) > 1e6) return { path: path.subarray(0, t), outcome: 'diverged' };
    path[t] = x;
  }
  const settled = Math.abs(toyGradient(x)) < 1e-6;
  const outcome: ToyOutcome = !settled ? 'still moving' : Math.abs(x - left) < 1e-3 ? 'global minimum' : 'local minimum';
  return { path, outcome };
}
