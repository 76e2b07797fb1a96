// One hidden unit's settings: its two input weights and its bias, z1 = W1·x1 + W3·x2 + B1, and
// the starting points a lesson or a preset button can name.
import { parameterFields } from '../parameters/settings';
import { defineSettings, type ConfigOf } from '../settings/schema';

export type ReluUnitPreset = 'hinge' | 'dead' | 'always-on';

/** A slanted hinge, so the first picture is none of the presets and each button changes it. */
const fields = parameterFields({ W1: 1, W3: 0.5, B1: -0.5 });

export type ReluUnitConfig = ConfigOf<typeof fields>;

export const reluUnitSettings = defineSettings(fields);

/**
 * The presets, on the z-scored data (every x1 and x2 lies between about −1.7 and 1.7): the hinge
 * z1 = x1 folds the plane along x1 = 0; moving that line to x1 = 2.5, past every sample, kills
 * the unit; moving it to x1 = −2.5 leaves it on everywhere.
 */
export const RELU_UNIT_PRESETS: Readonly<Record<ReluUnitPreset, { label: string; values: ReluUnitConfig }>> = {
  hinge: { label: 'Hinge along x1 = 0', values: { W1: 1, W3: 0, B1: 0 } },
  dead: { label: 'A dead unit', values: { W1: 1, W3: 0, B1: -2.5 } },
  'always-on': { label: 'On for every sample', values: { W1: 1, W3: 0, B1: 2.5 } },
};
