// A training run with its curvature along the way, DOM-free: at about a hundred epochs spread
// evenly on a logarithmic clock (and at the epoch asked for) the largest eigenvalue of the exact
// Hessian and of the Gauss–Newton matrix; at the epoch asked for, both full spectra. A generator
// that yields after each piece of epochs, so a page can train in slices; spectrumRunAtOnce drains it.
import { defaultDataset } from '../data/defaultDataset';
import { initParams } from '../../trainer/init';
import { gaussNewtonSpectrum, hessianSpectrum, type Spectrum } from '../../trainer/spectrum';
import { Trainer, type TrainStatus } from '../../trainer/train';
import type { SpectrumConfig } from './settings';

export interface SpectrumRun {
  config: SpectrumConfig;
  /** The epochs where λmax was measured, and λmax of each matrix there. */
  epochs: number[];
  hessianMax: number[];
  gaussNewtonMax: number[];
  /** The loss after 0, 1, …, E epochs. */
  losses: Float64Array;
  /** Both spectra at config.at (or at the last epoch reached, if the run diverged before it). */
  at: number;
  hessian: Spectrum;
  gaussNewton: Spectrum;
  status: TrainStatus;
  message: string;
}

/** About this many measuring epochs, spread evenly in log(1 + epoch). */
const MEASUREMENTS = 100;

/** The measuring epochs of a run of `epochs` epochs: 0, the end, `at`, and about a hundred between. */
export function measuringEpochs(epochs: number, at: number): number[] {
  const set = new Set<number>([0, epochs, at]);
  for (let k = 1; k < MEASUREMENTS; k++) set.add(Math.round(Math.expm1((k / MEASUREMENTS) * Math.log1p(epochs))));
  return [...set].filter((e) => e >= 0 && e <= epochs).sort((a, b) => a - b);
}

const PIECE_EPOCHS = 250;

export function* spectrumSteps(config: SpectrumConfig): Generator<number, SpectrumRun> {
  const data = defaultDataset();
  const trainer = new Trainer({ data, params: initParams({ preset: config.init, seed: config.initSeed, hidden: 2 }), hidden: 2, learningRate: config.learningRate });
  const wanted = measuringEpochs(config.epochs, config.at);
  const epochs: number[] = [], hessianMax: number[] = [], gaussNewtonMax: number[] = [];
  let shown: { at: number; hessian: Spectrum; gaussNewton: Spectrum } | null = null;
  const measure = () => {
    const e = trainer.epoch;
    const exact = hessianSpectrum(trainer.params, data, 2), approximate = gaussNewtonSpectrum(trainer.params, data, 2);
    epochs.push(e);
    hessianMax.push(exact.lambdaMax);
    gaussNewtonMax.push(approximate.lambdaMax);
    if (e <= config.at) shown = { at: e, hessian: exact, gaussNewton: approximate };
  };
  let next = 0;
  while (true) {
    while (next < wanted.length && wanted[next] === trainer.epoch) {
      measure();
      next++;
    }
    if (trainer.epoch >= config.epochs || trainer.status !== 'ok') break;
    const until = Math.min(wanted[next] ?? config.epochs, trainer.epoch + PIECE_EPOCHS);
    trainer.step(until - trainer.epoch);
    yield trainer.epoch;
  }
  if (trainer.status !== 'ok' && epochs[epochs.length - 1] !== trainer.epoch) measure();
  const last = shown as { at: number; hessian: Spectrum; gaussNewton: Spectrum } | null;
  if (!last) throw new Error('A spectrum run measured nothing.');
  return { config, epochs, hessianMax, gaussNewtonMax, losses: trainer.lossHistory(), at: last.at, hessian: last.hessian, gaussNewton: last.gaussNewton, status: trainer.status, message: trainer.message };
}

export function spectrumRunAtOnce(config: SpectrumConfig): SpectrumRun {
  const steps = spectrumSteps(config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
