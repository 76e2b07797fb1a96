// The account of a training console's run: its data, start, schedule, batches, the reader's own
// rate changes and the epoch reached, so the account retrains exactly the run the console shows.
import type { Dataset } from '../../trainer/data';
import { scheduleSpec, type TrainingConsoleConfig } from '../training-console/settings';
import type { AccountSetup } from './account';

export function consoleAccountSetup(config: TrainingConsoleConfig, data: Dataset, start: Float64Array): AccountSetup {
  return {
    data,
    params: start,
    hidden: config.hidden,
    learningRate: config.learningRate,
    epochs: config.epoch,
    batchSize: config.batchSize === 'full' ? undefined : config.batchSize,
    shuffleSeed: config.initSeed,
    schedule: scheduleSpec(config),
    rateChanges: config.rateChanges,
  };
}
