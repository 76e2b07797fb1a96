// The network widget's settings (lesson 3): the nine parameters, the seed of the He start and
// where the two slices through the input plane are taken. A lesson may name a preset to start
// from; the page then carries its nine values, and a link carries whatever the reader typed or
// loaded.
import { HAND_MADE_V, presetParameters } from '../../trainer/presets';
import { toNamed, type ParameterName } from '../../trainer/parameters';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { parameterFields } from '../parameters/settings';

export type NetworkPreset = 'hand-v' | 'writeup-example' | 'he';

export const PRESET_OPTIONS: readonly { value: NetworkPreset; label: string }[] = [
  { value: 'hand-v', label: 'Hand-made V' },
  { value: 'writeup-example', label: 'Write-up’s example' },
  { value: 'he', label: 'He random start' },
];

/** Both inputs are shown over this range (the z-scored data fill about ±1.7); a slice lies inside it. */
export const INPUT_RANGE: readonly [number, number] = [-2, 2];

const sliceField = (label: string, hint: string) => numberField({ label, min: INPUT_RANGE[0], max: INPUT_RANGE[1], step: 0.05, default: 0, hint });

const fields = {
  ...parameterFields(HAND_MADE_V),
  seed: numberField({ label: 'Seed of the He start', min: 0, max: 999_999_999, integer: true, default: 1, hint: 'a new seed loads its start' }),
  /** The left panel shows ŷ against x1 with x2 held at this value. */
  sliceX2: sliceField('x2 held at', 'for the left slice'),
  /** The right panel shows ŷ against x2 with x1 held at this value. */
  sliceX1: sliceField('x1 held at', 'for the right slice'),
};

export type NetworkConfig = ConfigOf<typeof fields>;

/** Starts at the hand-made V, both slices through 0. */
export const networkSettings = defineSettings(fields);

/** A preset's nine values as settings, rounded to the 4 decimals the parameter fields show. */
export function presetSettings(preset: NetworkPreset, seed: number): Record<ParameterName, number> {
  return toNamed(presetParameters(preset, { seed, decimals: 4 }));
}
