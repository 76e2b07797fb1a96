// Training runs too many to repeat at every build, computed once and kept in the repository.
//
// A cached experiment is a list of jobs (one training run each, plain data) and the file of
// their records, src/facts/cache/<name>.json, written by `npx tsx scripts/facts-cache.ts <name>`.
// A facts module reads the records through `cachedRuns`, which refuses a file made for other jobs
// (the build then stops and says which command brings it up to date), and
// tests/unit/facts/cache.test.ts trains a sample of the jobs again and requires the same bits.
import { defaultDataset } from '../../experiments/data/defaultDataset';
import {
  classifyEndState,
  earlyStopping,
  deadUnitsPerLayer,
  deepCurvature,
  deepLayout,
  deepModel,
  deepUnitActivity,
  initDeepParams,
  gaussian,
  heldOutBaseline,
  hessianSpectrum,
  initParams,
  makeDataset,
  makeRandom,
  makeSchedule,
  meanSquaredError,
  noiseFloor,
  splitDataset,
  train,
  unitActivity,
  type Dataset,
  type DataSplit,
  type InitPreset,
  type OptimizerSpec,
  type ScheduleSpec,
  type TrainResult,
  type UnitState,
} from '../../trainer';

/** One training run on the course's default data (300 z-scored samples, data seed 1) unless `dataSeed` or `data` says otherwise. */
export interface RunJob {
  preset: InitPreset;
  /** The data seed, if not the default 1 (same rule, same size, same scaling). */
  dataSeed?: number;
  /** The starting seed; mini-batches are shuffled with the same seed, as the sweeps do. */
  seed: number;
  learningRate: number;
  epochs: number;
  hidden?: number;
  /**
   * Widths of two or more hidden layers (lesson 18's 2 → H1 → H2 → 1): the start is initDeepParams's
   * and the run trains deepModel(widths). Absent for the course's one hidden layer of `hidden` units.
   */
  widths?: number[];
  /** Every bias set to this value after the preset has drawn the start (lesson 11's "every bias 2"). */
  biases?: number;
  /**
   * Every starting value moved by spread × a normal number (lesson 15's small changes): the
   * (copy + 1)-th vector drawn from the generator "nudge:<seed>". Copy −1 is the start itself.
   */
  nudge?: { spread: number; copy: number };
  schedule?: ScheduleSpec;
  /** Samples per update; absent for full batch. */
  batchSize?: number;
  /** Epochs at which to keep the loss (the loss at the start of that epoch). */
  lossesAt?: number[];
  /** Keep the smallest and largest loss of this many last epochs (how far the run still wanders). */
  tail?: number;
  /** Keep the end state's gradient norm (is the run at rest, or did the budget stop it?). */
  gradientNorm?: boolean;
  /** Keep the stable rate 2/λmax of the exact curvature (the Hessian) at the start and at the end. */
  curvature?: boolean;
  /** Other data than the default: the number of samples, the whole-number noise range and the data seed (the rest as the default). */
  data?: { n: number; noiseRange: number[]; seed: number };
  /** Hold out a seeded share of the samples (splitDataset) and train on the rest; the record then keeps `heldOut`. */
  split?: { testFraction: number; seed: number };
  /** Early stopping's patience on the held-out loss (with `split`; default 500 epochs). */
  patience?: number;
  /** λ of L2 weight decay (default 0). */
  weightDecay?: number;
  /** How each step is taken (default plain gradient descent). */
  optimizer?: OptimizerSpec;
  /** Keep the loss at the final parameters (after the last epoch), and the first epoch at or below this many noise floors. */
  floorFactor?: number;
  /** Keep the Gauss–Newton stable rate 2/λmax (deepCurvature.ts, any depth) at the start and at the end. */
  gaussNewton?: boolean;
  /** Keep how many units of each hidden layer are dead at the start and at the end. */
  deadPerLayer?: boolean;
}

/** What a cached run keeps: JSON-safe (a value that is not finite is stored as null). */
export interface RunRecord {
  status: 'ok' | 'diverged';
  /** Epochs completed. */
  epochs: number;
  /** The loss at the start of the last completed epoch (the last finite one if the run diverged). */
  finalLoss: number | null;
  /** Each hidden unit at the end (dead, linear or hinge). */
  units: UnitState[];
  /** Epochs from which a schedule's cut rate applied. */
  cuts: number[];
  /** The rate the run ended with. */
  finalRate: number | null;
  lossesAt?: (number | null)[];
  tail?: { min: number | null; max: number | null };
  gradientNorm?: number | null;
  /** 2/λmax of the Hessian at the start and at the end (the last finite parameters if the run diverged). */
  startLimit?: number | null;
  endLimit?: number | null;
  /** With `floorFactor`: the loss after the last epoch, and the first epoch whose loss is at most floorFactor × the noise floor (null if none). */
  endLoss?: number | null;
  floorEpoch?: number | null;
  /** With `split`: the held-out losses and where early stopping would have stopped. */
  heldOut?: HeldOutRecord;
  /** The Gauss–Newton 2/λmax at the start and at the end (the last finite parameters if the run diverged). */
  startGaussNewtonLimit?: number | null;
  endGaussNewtonLimit?: number | null;
  /** Dead units of each hidden layer, input side first, at the start and at the end. */
  deadStart?: number[];
  deadEnd?: number[];
}

/** A held-out run's losses (held-out ones in the training part's units) and its early stop. */
export interface HeldOutRecord {
  /** The noise floor of the training part: the best expected loss on new samples. */
  floor: number;
  /** The training loss and the held-out loss after the last epoch. */
  trainEnd: number | null;
  testEnd: number | null;
  /** The lowest held-out loss at the start of any epoch, that epoch, and the training loss then. */
  testBest: number | null;
  bestEpoch: number;
  trainAtBest: number | null;
  /** The epoch at which early stopping's patience ran out (−1 if it never did). */
  stopEpoch: number;
  /** The held-out loss of predicting the training part's mean (heldOutBaseline). */
  baseline: number;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The samples a job trains on, and those it holds out (if it splits). */
function jobData(job: RunJob): { data: Dataset; split: DataSplit | null } {
  const all = job.data
    ? makeDataset({ n: job.data.n, noiseRange: [job.data.noiseRange[0], job.data.noiseRange[1]], seed: job.data.seed })
    : job.dataSeed === undefined
      ? defaultDataset()
      : makeDataset({ seed: job.dataSeed });
  if (!job.split) return { data: all, split: null };
  const split = splitDataset(all, { testFraction: job.split.testFraction, seed: job.split.seed });
  return { data: split.train, split };
}

/** Trains one job exactly as runSweep would (same start, schedule, batches and shuffle seed). */
export function runJob(job: RunJob): RunRecord {
  if (job.widths) return runDeepJob(job, job.widths);
  const { data, split } = jobData(job);
  const heldOut = split?.test ?? null;
  const hidden = job.hidden ?? 2;
  const params = initParams({ preset: job.preset, seed: job.seed, hidden });
  if (job.biases !== undefined) params.fill(job.biases, 3 * hidden);
  if (job.nudge && job.nudge.copy >= 0) {
    const random = makeRandom(`nudge:${job.seed}`);
    const start = Float64Array.from(params);
    for (let c = 0; c <= job.nudge.copy; c++) for (let j = 0; j < params.length; j++) params[j] = start[j] + job.nudge.spread * gaussian(random);
  }
  const startParams = Float64Array.from(params);
  const result = train({
    data,
    params,
    learningRate: job.learningRate,
    epochs: job.epochs,
    hidden,
    schedule: makeSchedule(job.schedule),
    batchSize: job.batchSize,
    shuffleSeed: job.seed,
    ...(job.optimizer ? { optimizer: job.optimizer } : {}),
    ...(job.weightDecay ? { weightDecay: job.weightDecay } : {}),
    ...(heldOut ? { heldOut } : {}),
  });
  const record = lossRecord(job, result, unitActivity(result.params, data, hidden).states);
  if (job.gradientNorm) record.gradientNorm = finite(classifyEndState(result.params, data, hidden).gradientNorm);
  if (job.curvature) {
    record.startLimit = finite(hessianSpectrum(startParams, data, hidden).stableLearningRate);
    record.endLimit = finite(hessianSpectrum(result.params, data, hidden).stableLearningRate);
  }
  if (job.floorFactor !== undefined) {
    const history = result.lossHistory;
    const level = job.floorFactor * noiseFloor(data);
    const first = history.findIndex((loss) => loss <= level);
    record.endLoss = finite(history[history.length - 1]);
    record.floorEpoch = first >= 0 ? first : null;
  }
  if (split && result.heldOutLosses) record.heldOut = heldOutRecord(result, split, job.patience ?? 500, hidden);
  addLayerRecords(job, [hidden], data, startParams, result.params, record);
  return record;
}

/**
 * What every run records, one hidden layer or several: how it ended, its final loss and rate, the
 * rate cuts and each hidden unit's state (`units`, every layer's in order), and the losses the job
 * asks for (at given epochs, the range of the last few).
 */
function lossRecord(job: RunJob, result: TrainResult, units: UnitState[]): RunRecord {
  const losses = result.losses;
  const record: RunRecord = {
    status: result.status,
    epochs: result.epochs,
    finalLoss: losses.length ? finite(losses[losses.length - 1]) : null,
    units,
    cuts: [...result.cuts],
    finalRate: finite(result.finalLearningRate),
  };
  if (job.lossesAt) record.lossesAt = job.lossesAt.map((e) => (e < losses.length ? finite(losses[e]) : null));
  if (job.tail) {
    const tail = Array.from(losses.subarray(Math.max(0, losses.length - job.tail)));
    record.tail = { min: finite(Math.min(...tail)), max: finite(Math.max(...tail)) };
  }
  return record;
}

function heldOutRecord(result: TrainResult, split: DataSplit, patience: number, hidden: number): HeldOutRecord {
  const stop = earlyStopping(result.heldOutLosses!, { patience });
  return {
    floor: noiseFloor(split.train),
    trainEnd: finite(result.lossHistory[result.lossHistory.length - 1]),
    testEnd: finite(meanSquaredError(result.params, split.test, hidden)),
    testBest: finite(stop.bestLoss),
    bestEpoch: stop.bestEpoch,
    trainAtBest: stop.bestEpoch >= 0 ? finite(result.losses[stop.bestEpoch]) : null,
    stopEpoch: stop.stopped ? stop.stopEpoch : -1,
    baseline: heldOutBaseline(split),
  };
}

/** A job with two or more hidden layers: the same run through deepModel (nudges and set biases are not offered). */
function runDeepJob(job: RunJob, widths: number[]): RunRecord {
  if (job.nudge || job.biases !== undefined || job.curvature || job.gradientNorm || job.split || job.floorFactor !== undefined || job.weightDecay || job.optimizer) {
    throw new Error(`A job with hidden widths ${widths.join(', ')} cannot ask for nudges, set biases, the Hessian, the gradient norm, a held-out split, a floor, weight decay or another optimizer.`);
  }
  const { data } = jobData(job);
  const layout = deepLayout(widths);
  const startParams = initDeepParams({ preset: job.preset, seed: job.seed, hidden: widths });
  const result = train({
    data,
    params: startParams,
    learningRate: job.learningRate,
    epochs: job.epochs,
    model: deepModel(widths),
    schedule: makeSchedule(job.schedule),
    batchSize: job.batchSize,
    shuffleSeed: job.seed,
  });
  const record = lossRecord(job, result, deepUnitActivity(result.params, layout, data).flatMap((layer) => layer.states));
  addLayerRecords(job, widths, data, startParams, result.params, record);
  return record;
}

/** The records any depth can keep: the Gauss–Newton limits and the dead units per layer. */
function addLayerRecords(job: RunJob, widths: number[], data: Dataset, start: Float64Array, end: Float64Array, record: RunRecord): void {
  const layout = deepLayout(widths);
  if (job.gaussNewton) {
    record.startGaussNewtonLimit = finite(deepCurvature(start, layout, data).stableLearningRate);
    record.endGaussNewtonLimit = finite(deepCurvature(end, layout, data).stableLearningRate);
  }
  if (job.deadPerLayer) {
    record.deadStart = deadUnitsPerLayer(deepUnitActivity(start, layout, data));
    record.deadEnd = deadUnitsPerLayer(deepUnitActivity(end, layout, data));
  }
}

/** A cached experiment: its name (the file) and its jobs. */
export interface CachedRuns {
  name: string;
  /** What the experiment is for, for the file and the script's output. */
  purpose: string;
  jobs: RunJob[];
}

/** The file: the jobs it was computed for, and a record for each, in the same order. */
export interface CacheFile {
  name: string;
  purpose: string;
  jobs: RunJob[];
  records: RunRecord[];
}

export const jobKey = (job: RunJob): string => JSON.stringify(job);

/** The file as written: one job and one record per line, so a change shows as a readable diff. */
export function cacheFileText(file: CacheFile): string {
  const lines = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item)).join(',\n');
  return `{"name":${JSON.stringify(file.name)},"purpose":${JSON.stringify(file.purpose)},\n"jobs":[\n${lines(file.jobs)}\n],\n"records":[\n${lines(file.records)}\n]}\n`;
}

/**
 * The records of a cached experiment, looked up by job. Throws when the file was made for other
 * jobs, so a changed experiment cannot silently print numbers from an old one.
 */
export function cachedRuns(experiment: CachedRuns, file: CacheFile): (job: RunJob) => RunRecord {
  const stale = file.name !== experiment.name || file.jobs.length !== experiment.jobs.length || file.records.length !== file.jobs.length
    || experiment.jobs.some((job, i) => jobKey(job) !== jobKey(file.jobs[i]));
  if (stale) {
    throw new Error(`src/facts/cache/${experiment.name}.json was computed for other runs than the lesson asks for: run npx tsx scripts/facts-cache.ts ${experiment.name}`);
  }
  const byKey = new Map(file.jobs.map((job, i) => [jobKey(job), file.records[i]]));
  return (job) => {
    const record = byKey.get(jobKey(job));
    if (!record) throw new Error(`No cached run in ${experiment.name} for ${jobKey(job)}.`);
    return record;
  };
}
