// Runs a seed sweep in Web Workers across the machine's cores, with progress and cancel.
// Where workers are unavailable it runs one seed per task on the main thread, yielding
// between runs so the page stays responsive.
import { makeDataset, runSweep, splitRuns, type SweepRun } from '../../trainer';
import type { SweepMessage, SweepRequest } from './sweep.worker';

export type SweepJob = Omit<SweepRequest, 'offset'>;

export interface SweepHandlers {
  /** Called once per finished run, in completion order; `index` is its place in `seeds`. */
  onRun(run: SweepRun, index: number, finished: number): void;
  onDone(runs: SweepRun[]): void;
  onError(message: string): void;
  /**
   * How many runs are done, the runs under way counted by their epochs (so 3.4 while three have
   * finished and the others are part way): a progress bar that moves within long runs, at least
   * a few times a second, rather than only when a run ends.
   */
  onProgress?(done: number): void;
}

export interface SweepHandle {
  cancel(): void;
}

/** How many workers to use: one per core, at most 8, never more than there are runs. */
export function workerCount(runs: number, cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(runs, 8, Math.floor(cores) || 2));
}

export function startSweep(job: SweepJob, handlers: SweepHandlers): SweepHandle {
  const results: SweepRun[] = new Array(job.seeds.length);
  let finished = 0;
  let stopped = false;
  /** Epochs reached by the runs under way, by index. */
  const underWay = new Map<number, number>();
  const progress = () => {
    let partial = 0;
    for (const epoch of underWay.values()) partial += job.epochs > 0 ? Math.min(1, epoch / job.epochs) : 0;
    handlers.onProgress?.(finished + partial);
  };
  const record = (run: SweepRun, index: number) => {
    results[index] = run;
    finished += 1;
    underWay.delete(index);
    handlers.onRun(run, index, finished);
    progress();
    if (finished === job.seeds.length) {
      stopped = true;
      handlers.onDone(results);
    }
  };
  if (job.seeds.length === 0) {
    handlers.onDone([]);
    return { cancel() {} };
  }

  if (typeof Worker === 'undefined') {
    let data: ReturnType<typeof makeDataset>;
    try {
      data = makeDataset(job.data);
    } catch (error) {
      handlers.onError((error as Error).message);
      return { cancel() {} };
    }
    let next = 0;
    const tick = () => {
      if (stopped) return;
      const index = next++;
      const [run] = runSweep({ ...job, data, seeds: [job.seeds[index]] });
      record(run, index);
      if (next < job.seeds.length) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    return { cancel: () => void (stopped = true) };
  }

  const workers: Worker[] = [];
  const stopAll = () => {
    stopped = true;
    workers.forEach((w) => w.terminate());
  };
  for (const [start, end] of splitRuns(job.seeds.length, workerCount(job.seeds.length))) {
    const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
    workers.push(worker);
    worker.onmessage = (event: MessageEvent<SweepMessage>) => {
      if (stopped) return;
      const message = event.data;
      if (message.type === 'run') record(message.run, message.index);
      else if (message.type === 'epochs') {
        underWay.set(message.index, message.epoch);
        progress();
      } else if (message.type === 'done') worker.terminate();
      else {
        stopAll();
        handlers.onError(message.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (stopped) return;
      stopAll();
      handlers.onError('The background computation failed to start; please reload the page.');
    };
    const request: SweepRequest = { ...job, seeds: job.seeds.slice(start, end), offset: start };
    worker.postMessage(request);
  }
  return { cancel: stopAll };
}
