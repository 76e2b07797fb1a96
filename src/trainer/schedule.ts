// Learning-rate schedules. The trainer asks the schedule for the rate after every epoch,
// passing the loss that epoch started with.
import { throwIfAny } from './errors';

export interface Schedule {
  /** Called once per epoch with that epoch's loss and the current rate; returns the next rate. */
  next(loss: number, rate: number): number;
  /** Epochs from which a cut rate applies (for marking the cuts on a loss curve). */
  readonly cuts: readonly number[];
}

export function constantSchedule(): Schedule {
  return { next: (_loss, rate) => rate, cuts: [] };
}

export interface ReduceOnPlateauOptions {
  /** Multiply the rate by this when a plateau is detected (0 < factor < 1). */
  factor?: number;
  /** How many epochs without improvement are tolerated. */
  patience?: number;
  /** How much better a loss must be to count as an improvement (PyTorch: threshold; Keras: min_delta). */
  threshold?: number;
  /** 'rel': better means loss < best·(1 − threshold); 'abs': loss < best − threshold. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a cut before counting bad epochs again. */
  cooldown?: number;
  /** The rate is never cut below this. */
  minLr?: number;
  /**
   * 'pytorch': cut once bad epochs exceed patience (torch.optim.lr_scheduler.ReduceLROnPlateau).
   * 'keras': cut once bad epochs reach patience (keras.callbacks.ReduceLROnPlateau).
   */
  flavour?: 'pytorch' | 'keras';
}

const WHOLE = /^(0|[1-9]\d*)$/;

/**
 * What is wrong with reduce-on-plateau options, in words (empty if nothing). Both libraries
 * refuse a factor of 1 or more; a factor of 0 (or below) would not reduce the rate but end
 * training, so it is refused here too.
 */
export function checkPlateauOptions(options: ReduceOnPlateauOptions): string[] {
  const problems: string[] = [];
  const { factor, patience, threshold, thresholdMode, cooldown, minLr, flavour } = options;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (factor !== undefined && !(finite(factor) && factor > 0 && factor < 1)) {
    problems.push('The factor must be a number between 0 and 1 (exclusive): the new rate is the old one times the factor.');
  }
  if (patience !== undefined && !(finite(patience) && WHOLE.test(String(patience)))) {
    problems.push('The patience must be a whole number of epochs, 0 or more.');
  }
  if (threshold !== undefined && !(finite(threshold) && threshold >= 0)) {
    problems.push('The threshold must be a number, 0 or more.');
  }
  if (cooldown !== undefined && !(finite(cooldown) && WHOLE.test(String(cooldown)))) {
    problems.push('The cooldown must be a whole number of epochs, 0 or more.');
  }
  if (minLr !== undefined && !(finite(minLr) && minLr >= 0)) problems.push('min_lr must be a number, 0 or more.');
  if (thresholdMode !== undefined && thresholdMode !== 'rel' && thresholdMode !== 'abs') problems.push("The threshold mode must be 'rel' or 'abs'.");
  if (flavour !== undefined && flavour !== 'pytorch' && flavour !== 'keras') problems.push("The flavour must be 'pytorch' or 'keras'.");
  return problems;
}

/**
 * Reduce-on-plateau with the defaults both libraries use: factor 0.1, patience 10, threshold 1e-4.
 * Throws TrainerInputError (with checkPlateauOptions' message) on options neither library would take.
 */
export function reduceOnPlateau(options: ReduceOnPlateauOptions = {}): Schedule & { readonly best: number } {
  throwIfAny(checkPlateauOptions(options));
  const {
    factor = 0.1,
    patience = 10,
    threshold = 1e-4,
    thresholdMode = options.flavour === 'keras' ? 'abs' : 'rel',
    cooldown = 0,
    minLr = 0,
    flavour = 'pytorch',
  } = options;
  let best = Infinity;
  let badEpochs = 0;
  let cooldownLeft = 0;
  let epoch = 0;
  const cuts: number[] = [];
  const improves = (loss: number) =>
    thresholdMode === 'rel' ? loss < best * (1 - threshold) : loss < best - threshold;
  const cut = (rate: number) => {
    const reduced = Math.max(rate * factor, minLr);
    cooldownLeft = cooldown;
    // PyTorch ignores cuts smaller than eps = 1e-8; Keras cuts while the rate is above min_lr.
    const changes = flavour === 'keras' ? rate > minLr : rate - reduced > 1e-8;
    if (!changes) return rate;
    cuts.push(epoch);
    return reduced;
  };
  return {
    get best() {
      return best;
    },
    cuts,
    next(loss, rate) {
      epoch += 1;
      if (flavour === 'keras') {
        if (cooldownLeft > 0) {
          cooldownLeft -= 1;
          badEpochs = 0;
        }
        // Keras asks "still in cooldown?" after counting down, so the epoch that brings the
        // counter to 0 already counts: cooldown c skips c − 1 bad epochs (PyTorch skips c).
        if (improves(loss)) {
          best = loss;
          badEpochs = 0;
        } else if (cooldownLeft === 0) {
          badEpochs += 1;
          if (badEpochs >= patience && rate > minLr) {
            badEpochs = 0;
            return cut(rate);
          }
        }
        return rate;
      }
      if (improves(loss)) {
        best = loss;
        badEpochs = 0;
      } else {
        badEpochs += 1;
      }
      if (cooldownLeft > 0) {
        cooldownLeft -= 1;
        badEpochs = 0;
      }
      if (badEpochs > patience) {
        badEpochs = 0;
        return cut(rate);
      }
      return rate;
    },
  };
}

export interface StepDecayOptions {
  /** k: the rate is multiplied by γ after every k epochs (torch.optim.lr_scheduler.StepLR's step_size). */
  stepSize: number;
  /** γ, the factor of each cut, 0 < γ < 1 (StepLR's gamma, default 0.1). */
  gamma?: number;
}

/** What is wrong with step-decay options, in words (empty if nothing). */
export function checkStepDecayOptions(options: StepDecayOptions): string[] {
  const problems: string[] = [];
  const { stepSize, gamma } = options;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!(finite(stepSize) && stepSize >= 1 && WHOLE.test(String(stepSize)))) {
    problems.push('The step size must be a whole number of epochs, 1 or more: the rate is cut after every that many epochs.');
  }
  if (gamma !== undefined && !(finite(gamma) && gamma > 0 && gamma < 1)) {
    problems.push('γ must be a number between 0 and 1 (exclusive): each cut multiplies the rate by γ.');
  }
  return problems;
}

/**
 * Step decay: η ← γ·η after every k epochs, whatever the loss does, so after e epochs the rate
 * is η₀·γ^⌊e/k⌋ (torch.optim.lr_scheduler.StepLR, which also multiplies the current rate: a rate
 * changed by hand in between is cut from where it is). Unlike reduce-on-plateau it never looks at
 * the loss: it is the schedule to compare with when asking whether watching the loss helps.
 */
export function stepDecay(options: StepDecayOptions): Schedule {
  throwIfAny(checkStepDecayOptions(options));
  const { stepSize, gamma = 0.1 } = options;
  let epoch = 0;
  const cuts: number[] = [];
  return {
    cuts,
    next(_loss, rate) {
      epoch += 1;
      if (epoch % stepSize !== 0) return rate;
      cuts.push(epoch);
      return rate * gamma;
    },
  };
}

/**
 * A schedule as plain data, so it can be posted to a Web Worker or written into a link;
 * `makeSchedule` turns it into a fresh (stateful) schedule for one run.
 */
export type ScheduleSpec =
  | { kind: 'constant' }
  | ({ kind: 'plateau' } & ReduceOnPlateauOptions)
  | ({ kind: 'step-decay' } & StepDecayOptions);

export function makeSchedule(spec: ScheduleSpec | undefined): Schedule {
  if (!spec || spec.kind === 'constant') return constantSchedule();
  if (spec.kind === 'plateau') {
    const { kind: _kind, ...options } = spec;
    return reduceOnPlateau(options);
  }
  if (spec.kind === 'step-decay') return stepDecay({ stepSize: spec.stepSize, gamma: spec.gamma });
  throwIfAny([`Unknown schedule “${String((spec as { kind?: unknown }).kind)}”: use constant, plateau or step-decay.`]);
  return constantSchedule();
}
