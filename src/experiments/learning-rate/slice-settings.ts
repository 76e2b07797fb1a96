// The slice stepper's settings (lesson 8): the start, which parameter moves while the other eight
// stay fixed, the learning rate and how many steps to draw.
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { parameterChoiceField } from '../parameters/settings';
import { learningRateField } from '../training/settings';
import { startFields } from './settings';

const fields = {
  ...startFields(),
  parameter: parameterChoiceField({ label: 'Parameter that moves', default: 'B3' }),
  learningRate: learningRateField({ default: 0.9 }),
  steps: numberField({ label: 'Steps', min: 1, max: 50, integer: true, default: 12 }),
};

export type SliceStepsConfig = ConfigOf<typeof fields>;

export const sliceStepsSettings = defineSettings(fields);
