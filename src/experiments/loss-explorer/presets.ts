// The starting points the loss explorer offers, as its buttons hold them: the trainer's named
// starts and the He start after a long run, rounded to the 4 decimals the parameter fields
// show, so the figure, the fields and the lesson agree. "trained" trains: build time only (the
// .astro writes each preset's nine values into its button, so the browser never trains).
import type { Dataset } from '../../trainer/data';
import type { Parameters } from '../../trainer/parameters';
import { HE_SEED, presetParameters as namedStart, trainedParameters } from '../../trainer/presets';
import { defaultDataset } from '../data/defaultDataset';

export type LossExplorerPreset = 'he' | 'writeup-example' | 'zeros' | 'trained';

export const PRESET_OPTIONS: readonly { value: LossExplorerPreset; label: string }[] = [
  { value: 'writeup-example', label: 'Write-up’s example' },
  { value: 'he', label: `He start (seed ${HE_SEED})` },
  { value: 'zeros', label: 'All zeros' },
  { value: 'trained', label: 'He start, trained' },
];

/** The nine values of a preset (only "trained" depends on the data), rounded to 4 decimals. */
export function presetParameters(preset: LossExplorerPreset, data: Dataset = defaultDataset()): Parameters {
  return preset === 'trained' ? trainedParameters(data, { decimals: 4 }) : namedStart(preset, { decimals: 4 });
}
