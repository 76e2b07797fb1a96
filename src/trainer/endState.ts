// Where a training run ended up. For this network the stuck states are not dips in a bumpy
// landscape but combinations of what each hidden unit does on the training data: a working
// hinge, an always-on (linear) unit, or a dead one. The gradient's size says whether the run
// has stopped at a stationary point (true stationary points have a gradient at rounding level).
import { lossAndGradient } from './gradient';
import { rSquared, variance } from './loss';
import { hiddenWidthOf, type Parameters } from './parameters';
import type { Dataset } from './data';
import { unitActivity, type UnitState } from './units';

/** The end states of the course's two-unit network, from the most to the least capable. */
export const END_STATES = ['two hinges', 'hinge + linear', 'two linear', 'hinge + dead', 'linear + dead', 'both dead'] as const;
export type EndState = (typeof END_STATES)[number];

/**
 * Below this gradient norm a run counts as resting on a stationary point. Runs that have truly
 * settled reach about 1e-15 (rounding); runs still on their way, or hopping across a crease
 * of the loss, stay near 1e-3.
 */
export const STATIONARY_GRADIENT_NORM = 1e-8;

export interface EndStateReport {
  /** The end state by unit states (two units), or counts such as "3 hinges, 1 dead" for other widths. */
  state: EndState | string;
  units: UnitState[];
  /** For each hidden unit, on how many samples z > 0. */
  activeCounts: number[];
  loss: number;
  rSquared: number;
  /** √(Σ (∂L/∂θ)²) over all parameters. */
  gradientNorm: number;
  /** The gradient norm is below STATIONARY_GRADIENT_NORM. */
  stationary: boolean;
}

const ORDER: Record<UnitState, number> = { hinge: 0, linear: 1, dead: 2 };

/** The end state named by what the units do: order does not matter ('dead' + 'hinge' is 'hinge + dead'). */
export function endStateName(states: readonly UnitState[]): EndState | string {
  const sorted = [...states].sort((a, b) => ORDER[a] - ORDER[b]);
  if (sorted.length === 2) {
    const [a, b] = sorted;
    if (a === b) return a === 'hinge' ? 'two hinges' : a === 'linear' ? 'two linear' : 'both dead';
    return `${a} + ${b}` as EndState;
  }
  const count = (s: UnitState) => states.filter((x) => x === s).length;
  const part = (n: number, one: string, many: string) => (n ? `${n} ${n === 1 ? one : many}` : '');
  return [part(count('hinge'), 'hinge', 'hinges'), part(count('linear'), 'linear', 'linear'), part(count('dead'), 'dead', 'dead')]
    .filter(Boolean)
    .join(', ');
}

/** Euclidean length of a gradient vector. */
export function gradientNorm(grad: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < grad.length; i++) sum += grad[i] * grad[i];
  return Math.sqrt(sum);
}

/** Classifies the network at `params`: each unit's state, the loss against Var(y), and the gradient's size. */
export function classifyEndState(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): EndStateReport {
  const { states, activeCounts } = unitActivity(params, data, hidden);
  const { loss, grad } = lossAndGradient(params, data, hidden);
  const norm = gradientNorm(grad);
  return {
    state: endStateName(states),
    units: states,
    activeCounts,
    loss,
    rSquared: rSquared(loss, variance(data.y)),
    gradientNorm: norm,
    stationary: norm < STATIONARY_GRADIENT_NORM,
  };
}
