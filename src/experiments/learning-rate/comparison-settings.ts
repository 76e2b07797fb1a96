// The rate comparison's settings (lesson 8): one start, the learning rates to train it with side
// by side, and how many epochs.
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { rateListField, startFields } from './settings';

const fields = {
  ...startFields(),
  rates: rateListField(),
  epochs: numberField({ label: 'Epochs', min: 1, max: 10_000, integer: true, default: 3000, log: true, hint: 'each copy trains this long' }),
};

export type RateComparisonConfig = ConfigOf<typeof fields>;

export const rateComparisonSettings = defineSettings(fields);
