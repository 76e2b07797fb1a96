// The forward-pass stepper's settings: where the nine parameters start (a named start with any
// values on top), the sample walked through (counted from 1 as the page shows it) and how many
// of its steps are taken.
import { DEFAULT_DATASET } from '../../trainer/data';
import { completeStartingPoint, startingPointFields } from '../parameters/start';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { STEP_COUNT } from './pass';

const fields = {
  ...startingPointFields('writeup-example'),
  sample: numberField({ label: 'Sample number', min: 1, max: DEFAULT_DATASET.n, integer: true, default: 1, hint: `1 to ${DEFAULT_DATASET.n}` }),
  step: numberField({ label: 'Step', min: 0, max: STEP_COUNT, integer: true, default: STEP_COUNT }),
};

export type ForwardPassConfig = ConfigOf<typeof fields>;

export const forwardPassSettings = defineSettings(fields, [], completeStartingPoint);
