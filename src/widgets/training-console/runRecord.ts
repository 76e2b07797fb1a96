// The console's run as the kit's RunRecord (kit/runFiles.ts), for "Save the run's numbers":
// everything the JSON needs to rebuild the run, and the tables the CSVs hold. DOM-free.
import { predictAll } from '../../trainer/network';
import { parameterName } from '../../trainer/parameters';
import { lossHistory, nextRate, type ConsoleRun } from '../../experiments/training-console/run';
import type { TrainingConsoleConfig } from '../../experiments/training-console/settings';
import type { RunRecord } from '../kit/runFiles';

/** `config` is the full state (the console's toConfig(): every η change, the epoch reached); `link` opens it. */
export function consoleRunRecord(run: ConsoleRun, config: TrainingConsoleConfig, shareKey: string, link: string): RunRecord {
  const { trainer, data } = run;
  const H = config.hidden;
  const params = Float64Array.from(trainer.params);
  // η of each completed update, then the η the next one will use: one per loss value.
  const learningRate = new Float64Array(trainer.epoch + 1);
  learningRate.set(trainer.learningRates);
  learningRate[trainer.epoch] = nextRate(run);
  return {
    widget: 'training-console',
    shareKey,
    link,
    settings: config,
    hidden: H,
    epoch: trainer.epoch,
    status: trainer.status,
    data,
    prediction: predictAll(params, data, H),
    parameterNames: Array.from(params, (_, i) => parameterName(i, H)),
    start: run.start,
    parameters: params,
    loss: lossHistory(run),
    learningRate,
  };
}
