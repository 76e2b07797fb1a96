// The data explorer's settings: the data's own (experiments/data) and the seed they are drawn with.
import { makeDataset, type Dataset } from '../../trainer/data';
import { DATA_FIELDS, dataRules, dataSeedField, datasetOptions } from '../data/settings';
import { defineSettings, type ConfigOf } from '../settings/schema';

const fields = { ...DATA_FIELDS, seed: dataSeedField() };

export type DataExplorerConfig = ConfigOf<typeof fields>;

export const dataExplorerSettings = defineSettings(fields, dataRules<DataExplorerConfig>());

/** The data set the explorer shows for these settings. */
export function explorerDataset(config: DataExplorerConfig): Dataset {
  return makeDataset(datasetOptions(config, config.seed));
}
