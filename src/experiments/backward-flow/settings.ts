// The backward-flow stepper's settings: which sample's error is followed (counted from 1 as the
// page shows it) and how many of its steps are shown. The parameters are lesson 6's example, the
// write-up's starting values.
import { DEFAULT_DATASET } from '../../trainer/data';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { BACKWARD_STEP_COUNT } from './flow';

const fields = {
  sample: numberField({ label: 'Sample number', min: 1, max: DEFAULT_DATASET.n, integer: true, default: 1, hint: `1 to ${DEFAULT_DATASET.n}` }),
  step: numberField({ label: 'Backward step', min: 0, max: BACKWARD_STEP_COUNT, integer: true, default: 0, hint: `0 to ${BACKWARD_STEP_COUNT}; arrow keys step` }),
};

export type BackwardFlowConfig = ConfigOf<typeof fields>;

export const backwardFlowSettings = defineSettings(fields);
