// Two optimisers from one start, DOM-free: each trains the same two parameters (the others stay
// where they start, TrainConfig.trainable), so both paths lie exactly on the loss slice over those
// two, and each keeps its loss after every epoch. Also the slice's curvature at the start — the
// 2 × 2 block of the exact Hessian for the two parameters — and from it the stability limits of
// gradient descent, 2/λmax, and heavy-ball momentum, 2(1 + β)/λmax. A generator that yields after
// each piece of epochs, so a page can train in slices; raceAtOnce drains it (facts and tests).
import { defaultDataset } from '../data/defaultDataset';
import { symmetricEigen } from '../../trainer/eigen';
import { hessian } from '../../trainer/hessian';
import { initParams } from '../../trainer/init';
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { gradientDescentStableRate, momentumStableRate, nesterovStableRate } from '../../trainer/stability';
import { Trainer, type TrainStatus } from '../../trainer/train';
import type { OptimizerKind } from '../../trainer/optimizers';
import type { Dataset } from '../../trainer/data';
import { batchOf, optimiserSpec, type OptimiserRaceConfig } from './settings';

export interface RaceArm {
  kind: OptimizerKind;
  learningRate: number;
  /** The two trained parameters after 0, 1, …, E epochs (E + 1 values; fewer epochs if it diverged). */
  x: Float64Array;
  y: Float64Array;
  /** The loss after 0, 1, …, E epochs. */
  losses: Float64Array;
  status: TrainStatus;
  message: string;
  /** The epoch it diverged at, or −1. */
  divergedAt: number;
}

export interface SliceCurvature {
  /** The 2 × 2 block of the Hessian for the two trained parameters, row by row. */
  block: Float64Array;
  /** Its eigenvalues, largest first. */
  lambdaMax: number;
  lambdaMin: number;
  /** The stable-rate limits on a bowl with this λmax: plain descent, heavy ball and Nesterov with the config's β. */
  gradientDescentLimit: number;
  momentumLimit: number;
  nesterovLimit: number;
}

export interface OptimiserRace {
  config: OptimiserRaceConfig;
  data: Dataset;
  start: Float64Array;
  /** The indices of the two trained parameters (across, up). */
  xIndex: number;
  yIndex: number;
  arms: [RaceArm, RaceArm];
  curvature: SliceCurvature;
}

const indexOf = (name: ParameterName) => PARAMETER_NAMES.indexOf(name);

/** The start a config names: its preset drawn with its seed (two hidden units). */
export function raceStart(config: OptimiserRaceConfig): Float64Array {
  return Float64Array.from(initParams({ preset: config.init, seed: config.initSeed, hidden: 2 }));
}

/** The Hessian's block for two parameters at a point, its eigenvalues and the limits they set. */
export function sliceCurvature(params: Float64Array, data: Dataset, xIndex: number, yIndex: number, beta: number): SliceCurvature {
  const H = hessian(params, data, 2);
  const size = params.length;
  const block = Float64Array.of(H[xIndex * size + xIndex], H[xIndex * size + yIndex], H[yIndex * size + xIndex], H[yIndex * size + yIndex]);
  const { values } = symmetricEigen(block);
  const lambdaMax = values[0];
  return {
    block,
    lambdaMax,
    lambdaMin: values[1],
    gradientDescentLimit: gradientDescentStableRate(lambdaMax),
    momentumLimit: momentumStableRate(lambdaMax, beta),
    nesterovLimit: nesterovStableRate(lambdaMax, beta),
  };
}

/** Work per piece between yields: samples × epochs. */
const PIECE_WORK = 150_000;

/** Trains both arms, yielding the epochs done after each piece; returns the finished race. */
export function* raceSteps(config: OptimiserRaceConfig): Generator<number, OptimiserRace> {
  const data = defaultDataset();
  const start = raceStart(config);
  const xIndex = indexOf(config.x), yIndex = indexOf(config.y);
  const trainers = [
    { kind: config.optimiserA, rate: config.rateA },
    { kind: config.optimiserB, rate: config.rateB },
  ].map(
    ({ kind, rate }) =>
      new Trainer({
        data,
        params: start,
        hidden: 2,
        learningRate: rate,
        optimizer: optimiserSpec(kind, config.beta),
        batchSize: batchOf(config.batchSize),
        shuffleSeed: config.initSeed,
        trainable: [xIndex, yIndex],
      }),
  );
  const paths = trainers.map((t) => ({ x: [t.params[xIndex]], y: [t.params[yIndex]] }));
  const piece = Math.max(1, Math.floor(PIECE_WORK / data.n));
  for (let epoch = 0; epoch < config.epochs; ) {
    const until = Math.min(config.epochs, epoch + piece);
    for (; epoch < until; epoch++) {
      trainers.forEach((t, i) => {
        if (t.status !== 'ok') return;
        t.step(1);
        if (t.status !== 'ok') return;
        paths[i].x.push(t.params[xIndex]);
        paths[i].y.push(t.params[yIndex]);
      });
    }
    yield epoch;
  }
  const arms = trainers.map((t, i): RaceArm => ({
    kind: i === 0 ? config.optimiserA : config.optimiserB,
    learningRate: i === 0 ? config.rateA : config.rateB,
    x: Float64Array.from(paths[i].x),
    y: Float64Array.from(paths[i].y),
    losses: t.lossHistory(),
    status: t.status,
    message: t.message,
    divergedAt: t.divergedAt,
  })) as [RaceArm, RaceArm];
  return { config, data, start, xIndex, yIndex, arms, curvature: sliceCurvature(start, data, xIndex, yIndex, config.beta) };
}

/** The race at once (at build time, in facts and tests). */
export function raceAtOnce(config: OptimiserRaceConfig): OptimiserRace {
  const steps = raceSteps(config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
