// How long a piece of work takes, estimated before it starts, so a link that asks for a sweep of
// hundreds of millions of epochs waits for the reader's word instead of taking their computer.
// Models that run sweeps give their cost (runs × epochs × samples × width); the speed is the
// trainer's full-batch pass measured with `npm run bench` style timing on this project's
// machines (about 8–15 million sample-epochs a second for 2 hidden units, about proportional to
// the width), halved for a slower school laptop.
import { formatInteger } from './format';

/** Sample-epochs per second for 2 hidden units, on a slow computer. */
export const SAMPLE_EPOCHS_PER_SECOND = 5e6;
/** Work above this many seconds waits for the reader's word when a link asks for it. */
export const HEAVY_WORK_SECONDS = 10;

export interface WorkEstimate {
  /** Training runs, epochs per run, samples, and hidden units per run. */
  runs: number;
  epochs: number;
  samples: number;
  hidden: number;
  /** A sweep over several hidden widths (the seed sweep's setups): all of them, for the description. */
  widths?: readonly number[];
  /** Estimated seconds on a slow computer. */
  seconds: number;
}

/** The estimate for `runs` runs of `epochs` full passes over `samples` samples with `hidden` units. */
export function estimateWork(work: { runs: number; epochs: number; samples: number; hidden?: number }): WorkEstimate {
  const hidden = work.hidden ?? 2;
  const seconds = (work.runs * work.epochs * work.samples * Math.max(1, hidden / 2)) / SAMPLE_EPOCHS_PER_SECOND;
  return { ...work, hidden, seconds };
}

/** "about 3 minutes", "about 2 hours": the rough size a person plans with. */
export function describeDuration(seconds: number): string {
  if (seconds < 90) return `about ${formatInteger(Math.max(1, Math.round(seconds)))} seconds`;
  if (seconds < 90 * 60) return `about ${formatInteger(Math.round(seconds / 60))} minutes`;
  if (seconds < 48 * 3600) return `about ${formatInteger(Math.round(seconds / 3600))} hours`;
  return `about ${formatInteger(Math.round(seconds / 86400))} days`;
}

/** "30 runs of 100,000 epochs (3,000,000 epochs in all) over 300 samples". */
export function describeWork(work: WorkEstimate): string {
  const total = work.runs * work.epochs;
  const runs = work.runs === 1 ? `${formatInteger(work.epochs)} epochs` : `${formatInteger(work.runs)} runs of ${formatInteger(work.epochs)} epochs (${formatInteger(total)} epochs in all)`;
  const widths = work.widths && work.widths.length > 1 ? ` with ${formatInteger(Math.min(...work.widths))} to ${formatInteger(Math.max(...work.widths))} hidden units` : '';
  return `${runs} over ${formatInteger(work.samples)} samples${widths || (work.hidden !== 2 ? ` with ${formatInteger(work.hidden)} hidden units` : '')}`;
}
