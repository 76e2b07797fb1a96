// The extreme-starts run as the kit's RunRecord (kit/runFiles.ts), for "Save the run's numbers".
// DOM-free. One full-batch run at a constant rate on the course's data.
import { predictAll } from '../../trainer/network';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import type { RunRecord } from '../kit/runFiles';
import type { ExtremeRun } from '../../experiments/extreme-starts/run';

export function extremeRunRecord(run: ExtremeRun, shareKey: string, link: string): RunRecord {
  return {
    widget: 'extreme-starts',
    shareKey,
    link,
    settings: run.config,
    hidden: 2,
    epoch: run.epochs,
    status: run.status,
    data: run.data,
    prediction: predictAll(run.params, run.data, 2),
    parameterNames: PARAMETER_NAMES,
    start: run.start,
    parameters: run.params,
    loss: run.losses,
    learningRate: new Float64Array(run.losses.length).fill(run.config.learningRate),
  };
}
