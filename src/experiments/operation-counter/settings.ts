// The operation counter's settings (lesson 16): the hidden width H, the number of samples N,
// whether ReLU′ is applied as a mask, and how many epochs to count. Link keys: hidden, n, mask
// (on or off), epochs.
import { flagField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { hiddenField } from '../training/settings';

const maskFlag = flagField({ label: 'ReLU′ as a mask', default: false });

const fields = {
  hidden: { ...hiddenField({ max: 16 }), hint: undefined },
  n: numberField({ label: 'Samples N', min: 1, max: 10_000, integer: true, default: 300, log: true }),
  // Links have always said mask=on or mask=off.
  mask: {
    ...maskFlag,
    write: (on: boolean) => (on ? 'on' : 'off'),
    read: (text: string) => {
      const result = maskFlag.read(text);
      return result.ok ? result : { ok: false as const, message: result.message.replace('true or false', 'on or off') };
    },
  },
  epochs: numberField({ label: 'Epochs', min: 1, max: 100, integer: true, default: 1 }),
};

export type OperationCounterConfig = ConfigOf<typeof fields>;

export const operationCounterSettings = defineSettings(fields);
