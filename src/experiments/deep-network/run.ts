// Training one network with one or more hidden layers (and, for comparison, a second one from the
// same seed) on the course's data, for lesson 18 and the playground: the loss after every epoch,
// the dead units of each layer at the start and the end, and the stable rate 2/λmax (Gauss–Newton)
// at both ends. A generator, so a page can train in short slices (kit/slices.ts); build time and
// tests run it to the end with runDeepNetwork.
import type { Dataset } from '../../trainer/data';
import { deepCurvatureSteps, type PowerIterationOptions } from '../../trainer/deepCurvature';
import { deepLayout, networkLabel, type DeepLayout, type HiddenWidths } from '../../trainer/deepParameters';
import type { Curvature } from '../../trainer/curvature';
import { deadUnitsPerLayer, deepUnitActivity } from '../../trainer/deepUnits';
import { deepModel } from '../../trainer/deepModel';
import { singleLayerModel } from '../../trainer/model';
import { initDeepParams } from '../../trainer/init';
import { baselines } from '../../trainer/loss';
import { Trainer, type TrainStatus } from '../../trainer/train';
import type { DeepNetworkConfig } from './settings';

export interface DeepRun {
  widths: number[];
  /** '2-3-3-1' */
  label: string;
  parameterCount: number;
  /** The loss at the start of each epoch and after the last (lossHistory). */
  losses: Float64Array;
  epochs: number;
  status: TrainStatus;
  /** Why it stopped, for the reader ('' when it finished). */
  message: string;
  finalLoss: number;
  deadStart: number[];
  deadEnd: number[];
  limitStart: number;
  limitEnd: number;
}

export interface DeepNetworkRun {
  config: DeepNetworkConfig;
  runs: DeepRun[];
  varY: number;
  /** The best straight plane's loss, the second baseline. */
  planeLoss: number;
}

/** Progress while training: which network and how far. */
export interface DeepProgress {
  network: number;
  epoch: number;
}

/**
 * Epochs between pauses: an epoch costs about 6·N·P operations (P parameters, N samples), so
 * 1,000/P epochs of the 300 samples is a millisecond or two, from 2-2-1 (111 epochs) to 2-16-16-1 (2).
 */
const epochsPerPause = (parameters: number) => Math.max(1, Math.round(1000 / parameters));

function* trainOne(widths: HiddenWidths, config: DeepNetworkConfig, data: Dataset, network: number): Generator<DeepProgress, DeepRun> {
  const layout = deepLayout(widths);
  // One hidden layer trains through the course's fast 2-H-1 passes: the same layout and, bit for bit, the same run.
  const start = initDeepParams({ preset: 'he', seed: config.initSeed, hidden: widths });
  const trainer = new Trainer({ data, params: start, learningRate: config.learningRate, model: widths.length === 1 ? singleLayerModel(widths[0]) : deepModel(widths) });
  const slice = epochsPerPause(layout.parameterCount);
  while (trainer.epoch < config.epochs && trainer.status === 'ok') {
    trainer.step(Math.min(slice, config.epochs - trainer.epoch));
    yield { network, epoch: trainer.epoch };
  }
  const losses = trainer.lossHistory();
  const end = Float64Array.from(trainer.params);
  // Six digits of the stable rate are plenty for the readout; the pauses keep a wide network's
  // curvature from holding the page.
  const precision = { tolerance: 1e-7 };
  const limitStart = (yield* curvature(start, layout, data, precision, network, trainer.epoch)).stableLearningRate;
  const limitEnd = (yield* curvature(end, layout, data, precision, network, trainer.epoch)).stableLearningRate;
  return {
    widths: [...widths],
    label: networkLabel(widths),
    parameterCount: layout.parameterCount,
    losses,
    epochs: trainer.epoch,
    status: trainer.status,
    message: trainer.message,
    finalLoss: losses[losses.length - 1],
    deadStart: deadUnitsPerLayer(deepUnitActivity(start, layout, data)),
    deadEnd: deadUnitsPerLayer(deepUnitActivity(end, layout, data)),
    limitStart,
    limitEnd,
  };
}

/** deepCurvatureSteps, its pauses reported as training progress at the epoch reached. */
function* curvature(params: Float64Array, layout: DeepLayout, data: Dataset, options: PowerIterationOptions, network: number, epoch: number): Generator<DeepProgress, Curvature> {
  const steps = deepCurvatureSteps(params, layout, data, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield { network, epoch };
  }
}

/** Both networks, one after the other, yielding progress every few epochs. */
export function* deepNetworkRunSteps(config: DeepNetworkConfig, data: Dataset): Generator<DeepProgress, DeepNetworkRun> {
  const { meanPredictor, linear } = baselines(data);
  const runs: DeepRun[] = [yield* trainOne(config.widths, config, data, 0)];
  if (config.against) runs.push(yield* trainOne(config.against, config, data, 1));
  return { config, runs, varY: meanPredictor, planeLoss: linear };
}

/** The same, to the end in one go (build time, tests). */
export function runDeepNetwork(config: DeepNetworkConfig, data: Dataset): DeepNetworkRun {
  const steps = deepNetworkRunSteps(config, data);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
