// The bowl widget's settings: a quadratic bowl in two parameters — its two curvatures λ1, λ2 (the
// Hessian's eigenvalues) and how far its first axis is turned, α in degrees — where gradient
// descent starts, its rate and how many steps it takes. The defaults make a bowl eight times
// steeper one way than the other, turned 30°, and a rate at 90% of the limit 2/λmax, so the path
// zig-zags across the valley while it creeps along it.
import { MAX_BOWL_STEPS, type Bowl } from '../../trainer/quadratic';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { learningRateField } from '../training/settings';

/** Where the start may be dragged: the picture shows −START_LIMIT … START_LIMIT on both axes. */
export const START_LIMIT = 3;

const fields = {
  lambda1: numberField({ label: 'Curvature λ1 (first axis)', min: -2, max: 20, default: 8, step: 0.1, hint: 'negative: a saddle' }),
  lambda2: numberField({ label: 'Curvature λ2 (second axis)', min: -2, max: 20, default: 1, step: 0.1 }),
  angle: numberField({ label: 'Rotation α (degrees)', min: -90, max: 90, default: 30, step: 1 }),
  learningRate: learningRateField({ default: 0.225, max: 10 }),
  steps: numberField({ label: 'Steps', min: 1, max: 1000, integer: true, default: 40, log: true }),
  startX: numberField({ label: 'Start θ1', min: -START_LIMIT, max: START_LIMIT, default: -2.5, step: 0.05 }),
  startY: numberField({ label: 'Start θ2', min: -START_LIMIT, max: START_LIMIT, default: 1.5, step: 0.05 }),
};

export type BowlConfig = ConfigOf<typeof fields>;

export const bowlSettings = defineSettings(fields);

/** The trainer's bowl for a config (α from degrees to radians). */
export function bowlOf(config: Pick<BowlConfig, 'lambda1' | 'lambda2' | 'angle'>): Bowl {
  return { lambda1: config.lambda1, lambda2: config.lambda2, angle: (config.angle * Math.PI) / 180 };
}

/** At most this many steps are taken (the slider's end, far below the trainer's own limit). */
export const BOWL_STEP_LIMIT = Math.min(1000, MAX_BOWL_STEPS);
