// The toy landscape's settings (lesson 9): where gradient descent starts on the one-parameter toy
// curve f(x) = x⁴ − 3x² + x, the step size, and how many steps to take.
import { toyDescent, type ToyDescent } from '../../trainer/toy';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';

/** The drawn part of the x axis; a start must lie on it. */
export const TOY_X_RANGE = [-2.5, 2.5] as const;

const fields = {
  start: numberField({ label: 'The start x', min: TOY_X_RANGE[0], max: TOY_X_RANGE[1], step: 0.01, default: 2, hint: 'where descent begins' }),
  learningRate: numberField({ label: 'The learning rate η', min: 0.0001, max: 1, log: true, default: 0.01, hint: 'the step size' }),
  steps: numberField({ label: 'The number of steps', min: 1, max: 2000, integer: true, log: true, default: 300 }),
};

export type ToyLandscapeConfig = ConfigOf<typeof fields>;

export const toyLandscapeSettings = defineSettings(fields);

/** The descent these settings ask for. */
export function toyRun(config: ToyLandscapeConfig): ToyDescent {
  return toyDescent(config.start, config.learningRate, config.steps);
}

/** The first step after which the descent stays within 0.001 of where it ends. */
export function settledAfter(path: ArrayLike<number>): number {
  const end = path[path.length - 1];
  let k = path.length - 1;
  while (k > 0 && Math.abs(path[k - 1] - end) < 1e-3) k--;
  return k;
}
