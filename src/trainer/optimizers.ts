// How a step is taken from the gradient. Plain gradient descent, the course's method:
//   θ ← θ − η·g                      (g = ∂L/∂θ on this step's samples, η the learning rate)
// and the refinements students meet next, each written the way torch.optim computes it
// (torch.optim.SGD, RMSprop and Adam; their documented algorithms and source), so a run here
// and a run in PyTorch with the same rate take the same steps:
//   momentum (heavy ball)   b ← β·b + (1 − τ)·g   (b = g on the first step)      θ ← θ − η·b
//   Nesterov                b as above                                            θ ← θ − η·(g + β·b)
//   RMSProp                 v ← α·v + (1 − α)·g²                                  θ ← θ − η·g / (√v + ε)
//   Adam                    m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²
//                           θ ← θ − (η / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
// Every quantity is per parameter: each of the nine has its own b, v and m.
// An optimizer keeps its state (b, m, v, the step count t) between steps, so one run needs one
// optimizer of its own; `makeOptimizer` builds a fresh one from plain data (an OptimizerSpec),
// which can cross to a Web Worker or into a link.
import { throwIfAny } from './errors';

export type OptimizerKind = 'gradient-descent' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam';
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['gradient-descent', 'momentum', 'nesterov', 'rmsprop', 'adam'];

export interface Optimizer {
  readonly kind: OptimizerKind;
  /** Moves every parameter one step, in place, from the gradient g = ∂L/∂θ and the rate η. */
  step(params: Float64Array, gradient: Float64Array, rate: number): void;
}

/** Plain gradient descent, θ ← θ − η·g: what the trainer has always done (torch.optim.SGD with its defaults). */
export function gradientDescent(): Optimizer {
  return {
    kind: 'gradient-descent',
    step(params, g, rate) {
      for (let j = 0; j < params.length; j++) params[j] = params[j] - rate * g[j];
    },
  };
}

export interface MomentumOptions {
  /** β, how much of the previous step is kept (torch's `momentum`; 0 would be plain descent). Default 0.9. */
  beta?: number;
  /** τ, how much of each new gradient is held back (torch's `dampening`, default 0). */
  dampening?: number;
}

/**
 * Gradient descent with momentum, as torch.optim.SGD(momentum = β, dampening = τ) computes it:
 *   b ← g on the first step, then b ← β·b + (1 − τ)·g        (b: the velocity, a running sum of gradients)
 *   θ ← θ − η·b                                              heavy ball
 *   θ ← θ − η·(g + β·b)                                      Nesterov (torch's nesterov = True): look ahead along b
 * torch's b holds gradients, not steps (Sutskever et al. fold η into it): the two agree while η is fixed.
 * On a quadratic with largest curvature λmax, heavy ball is stable for η < 2(1 + β)/((1 − τ)·λmax)
 * (stability.ts), 1 + β times further than plain descent.
 */
export function momentum(options: MomentumOptions & { nesterov?: boolean } = {}): Optimizer {
  throwIfAny(checkMomentumOptions(options));
  const { beta = 0.9, dampening = 0, nesterov = false } = options;
  let b: Float64Array | null = null; // the velocity, one per parameter
  return {
    kind: nesterov ? 'nesterov' : 'momentum',
    step(params, g, rate) {
      if (b === null) b = Float64Array.from(g); // first step: the velocity is the gradient itself (no dampening)
      else for (let j = 0; j < params.length; j++) b[j] = beta * b[j] + (1 - dampening) * g[j];
      for (let j = 0; j < params.length; j++) {
        const direction = nesterov ? g[j] + beta * b[j] : b[j];
        params[j] = params[j] - rate * direction;
      }
    },
  };
}

/** Nesterov momentum: momentum({ ...options, nesterov: true }). torch refuses dampening with Nesterov, and so do we. */
export function nesterov(options: Omit<MomentumOptions, 'dampening'> = {}): Optimizer {
  return momentum({ ...options, nesterov: true });
}

export interface RmspropOptions {
  /** α, how slowly the average of g² forgets (torch's `alpha`, default 0.99). */
  alpha?: number;
  /** ε, added to √v so a parameter with no gradient yet does not divide by zero (default 1e-8). */
  eps?: number;
}

/**
 * RMSProp as torch.optim.RMSprop computes it (not centred, no momentum, no weight decay):
 *   v ← α·v + (1 − α)·g²                 (v starts at 0: a running average of the squared gradient)
 *   θ ← θ − η·g / (√v + ε)              (ε after the square root, as torch does; TensorFlow puts it inside)
 * Each parameter's step is its gradient divided by that gradient's typical size, so steep and
 * flat directions move at similar speeds.
 */
export function rmsprop(options: RmspropOptions = {}): Optimizer {
  throwIfAny(checkRmspropOptions(options));
  const { alpha = 0.99, eps = 1e-8 } = options;
  let v: Float64Array | null = null; // the average of g², one per parameter
  return {
    kind: 'rmsprop',
    step(params, g, rate) {
      v ??= new Float64Array(params.length);
      for (let j = 0; j < params.length; j++) {
        v[j] = alpha * v[j] + (1 - alpha) * g[j] * g[j];
        params[j] = params[j] - rate * (g[j] / (Math.sqrt(v[j]) + eps));
      }
    },
  };
}

export interface AdamOptions {
  /** β1, how slowly the average gradient m forgets (torch's betas[0], default 0.9). */
  beta1?: number;
  /** β2, how slowly the average squared gradient v forgets (torch's betas[1], default 0.999). */
  beta2?: number;
  /** ε, added to the corrected √v (default 1e-8). */
  eps?: number;
}

/**
 * Adam as torch.optim.Adam computes it (amsgrad off, no weight decay), with step count t = 1, 2, …:
 *   m ← β1·m + (1 − β1)·g                 the average gradient (torch: m.lerp_(g, 1 − β1), the same sum)
 *   v ← β2·v + (1 − β2)·g²                the average squared gradient
 *   θ ← θ − (η / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * m and v start at 0, so early averages are too small; dividing by 1 − βᵗ (the bias correction)
 * undoes that exactly for a constant gradient. Where ε goes matters: torch adds it to the
 * corrected √v, so the first step is η·g/(|g| + ε) ≈ η·sign(g) for every parameter.
 */
export function adam(options: AdamOptions = {}): Optimizer {
  throwIfAny(checkAdamOptions(options));
  const { beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
  let m: Float64Array | null = null;
  let v: Float64Array | null = null;
  // β1ᵗ and β2ᵗ by repeated multiplication rather than `**`: multiplication is exact IEEE arithmetic
  // in every engine, Math.pow is not, and a run must take the same steps in Node and in each browser.
  let beta1Power = 1, beta2Power = 1;
  return {
    kind: 'adam',
    step(params, g, rate) {
      m ??= new Float64Array(params.length);
      v ??= new Float64Array(params.length);
      beta1Power *= beta1;
      beta2Power *= beta2;
      const stepSize = rate / (1 - beta1Power);
      const correction2 = Math.sqrt(1 - beta2Power);
      for (let j = 0; j < params.length; j++) {
        m[j] = m[j] + (1 - beta1) * (g[j] - m[j]); // = β1·m + (1 − β1)·g, as torch's lerp computes it
        v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
        const denominator = Math.sqrt(v[j]) / correction2 + eps;
        params[j] = params[j] - stepSize * (m[j] / denominator);
      }
    },
  };
}

/** An optimizer as plain data: what a widget's settings, a link or a Web Worker message carries. */
export type OptimizerSpec =
  | { kind: 'gradient-descent' }
  | ({ kind: 'momentum' } & MomentumOptions)
  | ({ kind: 'nesterov' } & Omit<MomentumOptions, 'dampening'>)
  | ({ kind: 'rmsprop' } & RmspropOptions)
  | ({ kind: 'adam' } & AdamOptions);

/** A fresh optimizer (its own state) for one run; none given means plain gradient descent. */
export function makeOptimizer(spec: OptimizerSpec | undefined): Optimizer {
  throwIfAny(checkOptimizerSpec(spec));
  if (!spec) return gradientDescent();
  switch (spec.kind) {
    case 'gradient-descent':
      return gradientDescent();
    case 'momentum':
      return momentum({ beta: spec.beta, dampening: spec.dampening });
    case 'nesterov':
      return nesterov({ beta: spec.beta });
    case 'rmsprop':
      return rmsprop({ alpha: spec.alpha, eps: spec.eps });
    case 'adam':
      return adam({ beta1: spec.beta1, beta2: spec.beta2, eps: spec.eps });
  }
}

// ---------- What is wrong with a setting, in words a student can act on ----------

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A coefficient that must lie in [0, 1): 1 would never forget, above 1 would grow without end. */
function checkFraction(label: string, value: unknown): string | null {
  if (value === undefined) return null;
  return isNumber(value) && value >= 0 && value < 1 ? null : `${label} must be a number from 0 up to (not including) 1.`;
}

function checkEps(value: unknown): string | null {
  if (value === undefined) return null;
  return isNumber(value) && value >= 0 ? null : 'ε must be a number, 0 or more.';
}

export function checkMomentumOptions(options: MomentumOptions & { nesterov?: boolean }): string[] {
  const problems = [checkFraction('The momentum β', options.beta), checkFraction('The dampening τ', options.dampening)];
  if (options.nesterov && (options.dampening ?? 0) !== 0) problems.push('Nesterov momentum takes no dampening (PyTorch refuses it too).');
  if (options.nesterov && options.beta === 0) problems.push('Nesterov momentum needs a momentum β above 0.');
  return problems.filter((p): p is string => p !== null);
}

export function checkRmspropOptions(options: RmspropOptions): string[] {
  return [checkFraction('RMSProp’s α', options.alpha), checkEps(options.eps)].filter((p): p is string => p !== null);
}

export function checkAdamOptions(options: AdamOptions): string[] {
  return [checkFraction('Adam’s β1', options.beta1), checkFraction('Adam’s β2', options.beta2), checkEps(options.eps)].filter(
    (p): p is string => p !== null,
  );
}

/** Everything wrong with an optimizer spec (empty if nothing); `undefined` means plain gradient descent. */
export function checkOptimizerSpec(spec: OptimizerSpec | undefined): string[] {
  if (spec === undefined) return [];
  if (spec === null || typeof spec !== 'object' || !OPTIMIZER_KINDS.includes(spec.kind)) {
    const kind = spec !== null && typeof spec === 'object' ? String((spec as { kind?: unknown }).kind) : String(spec);
    return [`Unknown optimizer “${kind}”: use ${OPTIMIZER_KINDS.join(', ')}.`];
  }
  switch (spec.kind) {
    case 'gradient-descent':
      return [];
    case 'momentum':
      return checkMomentumOptions(spec);
    case 'nesterov':
      return checkMomentumOptions({ ...spec, nesterov: true });
    case 'rmsprop':
      return checkRmspropOptions(spec);
    case 'adam':
      return checkAdamOptions(spec);
  }
}

