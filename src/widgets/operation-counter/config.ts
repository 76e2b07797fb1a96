// The operation counter's settings: the hidden width H, the number of samples N, whether ReLU′
// is applied as a mask, and how many epochs to count. One typed object from data-* attributes or
// a shared link; parsing never throws, anything garbled is ignored with a notice.
import type { ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';

export interface OperationCounterConfig {
  hidden: number;
  n: number;
  /** ReLU′ as a mask: an off unit's backward products are skipped instead of multiplied by 0. */
  mask: 'on' | 'off';
  epochs: number;
}

export const OPERATION_COUNTER_RULES: Readonly<Record<'hidden' | 'n' | 'epochs', NumberInputRules>> = {
  hidden: { min: 1, max: 16, integer: true, label: 'Hidden units H' },
  n: { min: 1, max: 10_000, integer: true, label: 'Samples N' },
  epochs: { min: 1, max: 100, integer: true, label: 'Epochs' },
};

export const OPERATION_COUNTER_DEFAULTS: Readonly<OperationCounterConfig> = { hidden: 2, n: 300, mask: 'off', epochs: 1 };

export const OPERATION_COUNTER_KEYS: readonly (keyof OperationCounterConfig)[] = ['hidden', 'n', 'mask', 'epochs'];

const MASK_OPTIONS = [{ value: 'on' }, { value: 'off' }] as const;

export function parseOperationCounterConfig(source: ConfigSource): { config: OperationCounterConfig; notices: string[] } {
  return parseSettings<OperationCounterConfig>(source, {
    defaults: OPERATION_COUNTER_DEFAULTS,
    choices: { mask: { options: MASK_OPTIONS, name: 'the mask setting' } },
    numbers: OPERATION_COUNTER_RULES,
  });
}

export function serializeOperationCounterConfig(config: OperationCounterConfig): URLSearchParams {
  return serializeSettings(config, OPERATION_COUNTER_KEYS);
}
