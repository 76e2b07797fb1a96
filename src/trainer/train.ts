// The training loop: gradient descent, one epoch at a time.
//   θ ← θ − η · ∂L/∂θ
// Full batch by default (one gradient over all samples, one update per epoch); with a
// batch size, the samples are shuffled each epoch and one update is made per mini-batch.
// Another optimizer (momentum, Nesterov, RMSProp, Adam: optimizers.ts) can take the step instead.
// The network is a Model (model.ts): the course's 2-H-1 network by default, or a deeper one.
import { singleLayerModel, type Model } from './model';
import { checkShape } from './network';
import { hiddenWidthOf, MAX_HIDDEN, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import { makeRandom, type Random } from './random';
import { constantSchedule, type Schedule } from './schedule';
import { checkNumber, throwIfAny, TrainerInputError } from './errors';
import { checkOptimizerSpec, makeOptimizer, type Optimizer, type OptimizerSpec } from './optimizers';
import { addL2GradientToWeights } from './weightDecay';

export type TrainStatus = 'ok' | 'diverged';

/** 'mean': L = (1/N)Σe² (the course's loss). 'sum': Σe², whose gradient is N times larger. */
export type LossForm = 'mean' | 'sum';

export interface TrainConfig {
  data: Dataset;
  /** Starting parameters (copied, never modified). */
  params: Parameters;
  /** η, the step size. */
  learningRate: number;
  /** Width of the hidden layer of the 2-H-1 network (if omitted, read from the length of `params`, 4H + 1). */
  hidden?: number;
  /** The network to train instead of 2-H-1, e.g. deepModel([8, 8]) for 2-8-8-1 (then omit `hidden`). */
  model?: Model;
  /** Samples per update; omit (or give N) for full-batch gradient descent. */
  batchSize?: number;
  /** Seed of the mini-batch shuffling. */
  shuffleSeed?: number | string;
  schedule?: Schedule;
  lossForm?: LossForm;
  /** How each step is taken from the gradient; omit for plain gradient descent. */
  optimizer?: OptimizerSpec;
  /**
   * λ of L2 weight decay (weightDecay.ts): each step follows the gradient of L + λ·Σ w² over the
   * weights (biases are not penalised). The recorded losses stay the mean squared error L. Default 0.
   */
  weightDecay?: number;
  /**
   * Held-out samples (splitDataset's test part), never trained on: their loss is recorded at the
   * start of every epoch, at the same parameters as the training loss.
   */
  heldOut?: Dataset;
  /**
   * The indices of the parameters training may change; the others stay exactly where they start
   * (their partials are set to 0 before each step, so no optimizer moves them). Lesson 20 trains
   * two parameters this way, so their path lies on the loss slice over those two. Default: all.
   */
  trainable?: readonly number[];
  /**
   * Called after every update with the parameters it left (read them, do not change them): lets
   * an account of the run look inside an epoch of mini-batches, where one epoch is many updates.
   */
  onUpdate?: (params: Float64Array) => void;
}

export const MAX_WEIGHT_DECAY = 1e6;

export const MAX_LEARNING_RATE = 1e300;
export const MAX_EPOCHS = 10_000_000;

/** Explains what is wrong with a configuration, or returns an empty list. */
export function validateTrainConfig(config: TrainConfig): string[] {
  const { model } = config;
  const messages: (string | null)[] = [
    checkNumber('The learning rate', config.learningRate, 0, MAX_LEARNING_RATE),
    config.weightDecay === undefined ? null : checkNumber('The weight decay λ', config.weightDecay, 0, MAX_WEIGHT_DECAY),
  ];
  const explain = (check: () => void) => {
    try {
      check();
    } catch (error) {
      messages.push((error as Error).message);
    }
  };
  // Without a width or a model the parameter vector's length says it (4H + 1), as for every other function.
  let hidden = config.hidden;
  if (model && hidden !== undefined) messages.push('Give either a hidden width or a model, not both.');
  if (!model && hidden === undefined) explain(() => (hidden = hiddenWidthOf(config.params)));
  if (!model && hidden !== undefined) messages.push(checkNumber('The hidden width', hidden, 1, MAX_HIDDEN, true));
  explain(() => checkData(config.data));
  if (config.heldOut !== undefined) {
    if (!(config.heldOut && config.heldOut.n >= 1)) messages.push('The held-out part needs at least one sample.');
    else explain(() => checkData(config.heldOut));
  }
  if (config.batchSize !== undefined && config.data && config.data.n >= 1) {
    messages.push(checkNumber('The batch size', config.batchSize, 1, config.data.n, true));
  }
  messages.push(...checkOptimizerSpec(config.optimizer));
  if (config.trainable !== undefined && config.params) {
    const count = config.params.length;
    if (config.trainable.some((j) => !Number.isInteger(j) || j < 0 || j >= count)) messages.push(`A trainable parameter's index must be a whole number from 0 to ${count - 1}.`);
  }
  if (!messages.some((m) => m !== null)) {
    if (!model) explain(() => checkShape(config.params, hidden!));
    else if (config.params.length !== model.parameterCount) {
      messages.push(`A ${model.label} network has ${model.parameterCount} parameters, not ${config.params.length}.`);
    }
  }
  const bad = config.params ? Array.prototype.findIndex.call(config.params, (v: number) => !Number.isFinite(v)) : -1;
  if (bad >= 0) {
    const name = model ? model.parameterName(bad) : hidden !== undefined && Number.isInteger(hidden) && hidden >= 1 ? singleLayerModel(hidden).parameterName(bad) : `Parameter ${bad + 1}`;
    messages.push(`${name} is not a finite number.`);
  }
  return messages.filter((m): m is string => m !== null);
}

/** A training run that can be advanced an epoch at a time (for widgets) or run to the end. */
export class Trainer {
  readonly data: Dataset;
  /** The network being trained: its parameter count, names and loss-and-gradient pass. */
  readonly model: Model;
  /** The hidden width when the network has one hidden layer; NaN for a deeper one (see model.hidden). */
  readonly hidden: number;
  readonly batchSize: number;
  readonly lossForm: LossForm;
  /** Takes each step from the gradient, keeping its own state (velocity, averages) between steps. */
  readonly optimizer: Optimizer;
  /** λ of the L2 penalty λ·Σ w² whose gradient is added to every step's (0: none). */
  readonly weightDecay: number;
  /** The current parameters. */
  readonly params: Float64Array;
  /** The gradient of the last update. */
  readonly gradient: Float64Array;
  // The run's progress, read through the getters below: only the trainer's own steps change it.
  private epochsDone = 0;
  private updatesMade = 0;
  private rate = 0;
  private runStatus: TrainStatus = 'ok';
  private divergedEpoch = -1;
  private divergenceMessage = '';
  private readonly schedule: Schedule;
  private history: Float64Array;
  private rates: Float64Array;
  private readonly heldOut: Dataset | null;
  private heldOutHistory: Float64Array;
  private readonly scratch: Float64Array;
  private readonly order: Int32Array | null;
  /** The current mini-batch, gathered so the gradient loop reads samples in order. */
  private readonly batch: { x1: Float64Array; x2: Float64Array; y: Float64Array } | null;
  private readonly previous: Float64Array;
  private readonly shuffle: Random;
  /** frozen[j] is 1 for a parameter that must not move (TrainConfig.trainable), or null if all train. */
  private readonly frozen: Uint8Array | null;
  private readonly onUpdate: ((params: Float64Array) => void) | null;

  constructor(config: TrainConfig) {
    const problems = validateTrainConfig(config);
    if (problems.length) throw new TrainerInputError(problems[0]);
    this.data = config.data;
    this.model = config.model ?? singleLayerModel(config.hidden ?? hiddenWidthOf(config.params));
    this.hidden = this.model.hidden.length === 1 ? this.model.hidden[0] : Number.NaN;
    this.batchSize = config.batchSize ?? config.data.n;
    this.lossForm = config.lossForm ?? 'mean';
    this.optimizer = makeOptimizer(config.optimizer);
    this.weightDecay = config.weightDecay ?? 0;
    this.params = Float64Array.from(config.params);
    this.previous = new Float64Array(this.params.length);
    this.gradient = new Float64Array(this.params.length);
    this.scratch = new Float64Array(this.model.scratchLength);
    this.rate = config.learningRate;
    this.schedule = config.schedule ?? constantSchedule();
    this.history = new Float64Array(1024);
    this.rates = new Float64Array(1024);
    this.heldOut = config.heldOut ?? null;
    this.heldOutHistory = new Float64Array(this.heldOut ? 1024 : 0);
    const miniBatch = this.batchSize < this.data.n;
    this.order = miniBatch ? Int32Array.from({ length: this.data.n }, (_, i) => i) : null;
    this.batch = miniBatch
      ? { x1: new Float64Array(this.batchSize), x2: new Float64Array(this.batchSize), y: new Float64Array(this.batchSize) }
      : null;
    this.shuffle = makeRandom(`shuffle:${config.shuffleSeed ?? 1}`);
    this.onUpdate = config.onUpdate ?? null;
    if (config.trainable === undefined) this.frozen = null;
    else {
      this.frozen = new Uint8Array(this.params.length).fill(1);
      for (const j of config.trainable) this.frozen[j] = 0;
    }
  }

  /** Epochs completed. */
  get epoch(): number {
    return this.epochsDone;
  }

  /** Updates (steps) made: one per epoch in full batch, N / batchSize per epoch otherwise. */
  get updates(): number {
    return this.updatesMade;
  }

  /** The rate the next epoch will use (change it with setLearningRate). */
  get learningRate(): number {
    return this.rate;
  }

  get status(): TrainStatus {
    return this.runStatus;
  }

  /** The epoch whose loss or update stopped being finite, or −1. */
  get divergedAt(): number {
    return this.divergedEpoch;
  }

  /** Why the run stopped, in words for the reader; '' while it is fine. */
  get message(): string {
    return this.divergenceMessage;
  }

  /** losses[e] is the full-data loss L at the start of epoch e (a view: it changes as the run goes on). */
  get losses(): Float64Array {
    return this.history.subarray(0, this.epoch);
  }

  /**
   * L at the current parameters: the loss the next epoch starts from (after a divergence, at the
   * last finite parameters). Infinite, never NaN, when it is too large to represent.
   */
  currentLoss(): number {
    const loss = this.model.loss(this.params, this.data, this.scratch);
    return Number.isNaN(loss) ? Infinity : loss;
  }

  /**
   * The loss after 0, 1, …, E updates, E = epochs completed: `losses` followed by the loss now.
   * E + 1 values in a new array, so a curve ends where the parameters are.
   */
  lossHistory(): Float64Array {
    const history = new Float64Array(this.epoch + 1);
    history.set(this.losses);
    history[this.epoch] = this.currentLoss();
    return history;
  }

  /** heldOutLosses[e] is the loss on the held-out samples at the start of epoch e (empty without `heldOut`). */
  get heldOutLosses(): Float64Array {
    return this.heldOutHistory.subarray(0, this.heldOut ? this.epoch : 0);
  }

  /** The learning rate each completed epoch used. */
  get learningRates(): Float64Array {
    return this.rates.subarray(0, this.epoch);
  }

  /** Epochs from which a schedule's lower rate applied. */
  get cuts(): readonly number[] {
    return this.schedule.cuts;
  }

  /** Changes η from the next epoch on (a widget's slider while training). */
  setLearningRate(rate: number): void {
    throwIfAny([checkNumber('The learning rate', rate, 0, MAX_LEARNING_RATE)]);
    this.rate = rate;
  }

  /** Runs up to `epochs` more epochs; stops early if the run diverges. Returns the status. */
  step(epochs = 1): TrainStatus {
    for (let done = 0; done < epochs && this.status === 'ok'; done++) this.runEpoch();
    return this.status;
  }

  private record(loss: number, heldOutLoss: number): void {
    if (this.epoch === this.history.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.history = grow(this.history);
      this.rates = grow(this.rates);
      if (this.heldOut) this.heldOutHistory = grow(this.heldOutHistory);
    }
    this.history[this.epoch] = loss;
    this.rates[this.epoch] = this.learningRate;
    if (this.heldOut) this.heldOutHistory[this.epoch] = heldOutLoss;
  }

  private diverge(reason: string): void {
    this.runStatus = 'diverged';
    this.divergedEpoch = this.epochsDone;
    this.divergenceMessage = reason;
  }

  private runEpoch(): void {
    const { data, model, params, gradient, scratch } = this;
    const n = data.n;
    const rate = this.learningRate;
    const heldOutLoss = this.heldOut ? model.loss(params, this.heldOut, scratch) : NaN; // before this epoch's steps
    let loss: number;
    if (this.order === null) {
      loss = model.lossAndGradientInto(params, data, gradient, 0, n, scratch);
      if (!Number.isFinite(loss)) {
        return this.diverge(`The loss is too large to represent at epoch ${this.epoch}: the run diverged.`);
      }
      if (!this.update(rate, n)) return;
    } else {
      loss = model.loss(params, data, scratch);
      if (!Number.isFinite(loss)) {
        return this.diverge(`The loss is too large to represent at epoch ${this.epoch}: the run diverged.`);
      }
      this.shuffleOrder();
      for (let start = 0; start < n; start += this.batchSize) {
        const end = Math.min(n, start + this.batchSize);
        const m = this.gatherBatch(start, end);
        model.lossAndGradientInto(params, this.batch!, gradient, 0, m, scratch);
        if (!this.update(rate, end - start)) return;
      }
    }
    this.record(loss, heldOutLoss);
    this.epochsDone += 1;
    this.rate = this.schedule.next(loss, rate);
  }

  /** One step of the optimizer (θ ← θ − η·∂L/∂θ by default). Keeps the last finite parameters if the step overflows. */
  private update(rate: number, samplesInStep: number): boolean {
    const { params, gradient, previous, optimizer } = this;
    if (this.weightDecay > 0) addL2GradientToWeights(params, gradient, this.weightDecay, this.model.weightCount); // ∂/∂w of λ·Σ w²: 2λ·w
    let stepRate = rate;
    if (this.lossForm === 'sum') {
      // Σe² over m samples has m times the gradient of their mean. Plain descent folds m into the
      // rate, η·m·g computed as (η·m)·g as it always has been; the others see the summed gradient.
      if (optimizer.kind === 'gradient-descent') stepRate = rate * samplesInStep;
      else for (let j = 0; j < gradient.length; j++) gradient[j] *= samplesInStep;
    }
    if (this.frozen) for (let j = 0; j < gradient.length; j++) if (this.frozen[j]) gradient[j] = 0;
    previous.set(params);
    optimizer.step(params, gradient, stepRate);
    let finite = true;
    for (let j = 0; j < params.length; j++) {
      if (!Number.isFinite(params[j]) || !Number.isFinite(gradient[j])) finite = false;
    }
    this.updatesMade += 1;
    if (!finite) {
      params.set(previous);
      this.diverge(`A step at epoch ${this.epoch} sent the parameters to infinity: the run diverged. The parameters shown are the last finite ones.`);
    } else this.onUpdate?.(params);
    return finite;
  }

  /** Copies the samples order[start..end) into the batch arrays; returns how many. */
  private gatherBatch(start: number, end: number): number {
    const order = this.order!, batch = this.batch!, { x1, x2, y } = this.data;
    for (let s = start; s < end; s++) {
      const i = order[s];
      batch.x1[s - start] = x1[i];
      batch.x2[s - start] = x2[i];
      batch.y[s - start] = y[i];
    }
    return end - start;
  }

  /** Fisher–Yates with the run's own seeded generator, so a replay shuffles identically. */
  private shuffleOrder(): void {
    const order = this.order!;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.shuffle() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}

export interface TrainResult {
  params: Float64Array;
  /** losses[e]: L at the start of epoch e, for each completed epoch. */
  losses: Float64Array;
  /** The loss after 0, 1, …, `epochs` updates: `losses` followed by the loss at `params` (Trainer.lossHistory). */
  lossHistory: Float64Array;
  status: TrainStatus;
  /** Epochs actually completed (fewer than asked if the run diverged). */
  epochs: number;
  updates: number;
  divergedAt: number;
  message: string;
  learningRates: Float64Array;
  /** The held-out loss at the start of each epoch, when `heldOut` was given. */
  heldOutLosses?: Float64Array;
  /** The rate the next epoch would use: the starting rate unless a schedule cut it. */
  finalLearningRate: number;
  cuts: readonly number[];
}

/** Trains for `epochs` epochs and returns the final parameters and the loss history. */
/** Progress within one run: `report(epoch)` after every `every` epochs. */
export interface TrainProgress {
  every: number;
  report(epoch: number): void;
}

export function train(config: TrainConfig & { epochs: number }, progress?: TrainProgress): TrainResult {
  throwIfAny([checkNumber('The number of epochs', config.epochs, 0, MAX_EPOCHS, true)]);
  const trainer = new Trainer(config);
  if (!progress) trainer.step(config.epochs);
  // In pieces, saying how far it got after each (a sweep's worker tells the page): the same run.
  else while (trainer.epoch < config.epochs && trainer.status === 'ok') {
    const before = trainer.epoch;
    trainer.step(Math.min(progress.every, config.epochs - trainer.epoch));
    if (trainer.epoch === before) break;
    progress.report(trainer.epoch);
  }
  return {
    params: Float64Array.from(trainer.params),
    losses: Float64Array.from(trainer.losses),
    lossHistory: trainer.lossHistory(),
    status: trainer.status,
    epochs: trainer.epoch,
    updates: trainer.updates,
    divergedAt: trainer.divergedAt,
    message: trainer.message,
    learningRates: Float64Array.from(trainer.learningRates),
    ...(config.heldOut ? { heldOutLosses: Float64Array.from(trainer.heldOutLosses) } : {}),
    finalLearningRate: trainer.learningRate,
    cuts: [...trainer.cuts],
  };
}
