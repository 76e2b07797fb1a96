// A Web Worker that runs one share of a seed sweep off the main thread, reporting each run
// as it finishes. The main thread cancels by terminating the worker.
import { makeDataset, runSweep, type DatasetOptions, type InitPreset, type ScheduleSpec, type SweepRun } from '../../trainer';

export interface SweepRequest {
  data: DatasetOptions;
  preset: InitPreset;
  seeds: (number | string)[];
  /** Index of seeds[0] in the whole sweep. */
  offset: number;
  epochs: number;
  learningRate: number;
  hidden: number;
  /** How the rate changes during each run, as plain data (default: constant). */
  schedule?: ScheduleSpec;
  /** Also measure λmax at each run's start and end. */
  measureCurvature?: boolean;
  /** Also report each run's final parameters, end state, gradient norm and loss trace. */
  details?: boolean;
}

export type SweepMessage =
  | { type: 'run'; index: number; run: SweepRun }
  | { type: 'epochs'; index: number; epoch: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** A run's progress is told the page at most this often. */
const EPOCHS_EVERY_MS = 250;
let said = 0;

const post = (message: SweepMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<SweepRequest>) => {
  const r = event.data;
  try {
    const data = makeDataset(r.data);
    runSweep(
      { data, preset: r.preset, seeds: r.seeds, epochs: r.epochs, learningRate: r.learningRate, hidden: r.hidden, schedule: r.schedule, measureCurvature: r.measureCurvature, details: r.details },
      (run, i) => post({ type: 'run', index: r.offset + i, run }),
      // How far a long run has got, at most a few times a second: the page's progress moves within a run.
      (i, epoch) => {
        const now = performance.now();
        if (now - said < EPOCHS_EVERY_MS) return;
        said = now;
        post({ type: 'epochs', index: r.offset + i, epoch });
      },
    );
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
