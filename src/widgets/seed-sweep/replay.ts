// "Check the replay": up to REPLAY_RUNS of the shown runs are trained again, on this page's
// main thread and in a fresh worker, and every final loss is compared bit for bit (Object.is:
// equal doubles, NaN included) with the one shown. Same seeds, same numbers, anywhere.
import { makeDataset } from '../../trainer/data';
import { runSweep } from '../../trainer/sweep';
import { pickForReplay, type SweepResults } from '../../experiments/seed-sweep/results';
import { startSweep } from '../kit/sweepRunner';
import { allDigits, setupLabel } from './scene';

/** How many shown runs the check trains again. */
export const REPLAY_RUNS = 8;

export interface ReplayedRun {
  setup: string;
  seed: number;
  shown: number;
  main: number;
  worker: number;
}

/** The runs replayed (empty when no run has finished yet). Throws if a worker fails. */
export async function replayRuns(results: SweepResults): Promise<ReplayedRun[]> {
  const { budget } = results;
  const data = makeDataset({ seed: budget.dataSeed });
  const checked: ReplayedRun[] = [];
  for (const [s, i] of pickForReplay(results, REPLAY_RUNS)) {
    const setup = results.setups[s];
    const seed = budget.firstSeed + i;
    const job = { preset: setup.init, seeds: [seed], epochs: budget.epochs, learningRate: budget.learningRate, hidden: setup.hidden };
    // One run per task, so the page keeps answering between them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [main] = runSweep({ data, ...job });
    const worker = await new Promise<number>((resolve, reject) => {
      startSweep({ data: { seed: budget.dataSeed }, ...job }, { onRun: (run) => resolve(run.finalLoss), onDone: () => undefined, onError: (m) => reject(new Error(m)) });
    });
    checked.push({ setup: setupLabel(setup), seed, shown: setup.points[i]!.finalLoss, main: main.finalLoss, worker });
  }
  return checked;
}

/** The check's verdict: a problem naming the first run that differs, or the note that all agree. */
export function replayVerdict(results: SweepResults, checked: readonly ReplayedRun[]): { problem: string } | { note: string } {
  const differ = checked.find((c) => !Object.is(c.shown, c.main) || !Object.is(c.shown, c.worker));
  if (differ) {
    return { problem: `Seed ${differ.seed} (${differ.setup}) did not replay exactly: shown ${allDigits(differ.shown)}, main thread ${allDigits(differ.main)}, worker ${allDigits(differ.worker)}.` };
  }
  const where = results.source === 'build' ? 'computed by Node when this page was built' : 'computed a moment ago in background workers';
  return {
    note:
      `Replayed ${checked.length} runs on this page's main thread and in a new background worker: all ${checked.length} final losses ` +
      `are identical, to the last bit, to the ones shown (${where}). For example seed ${checked[0].seed}: ${allDigits(checked[0].main)}.`,
  };
}
