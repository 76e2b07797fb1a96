// The forward-pass stepper's settings: the start and any typed parameter values, the sample
// being walked through and how many of its steps are taken. One typed object, read from the
// element's data-* attributes or a shared link; anything garbled is named in a notice and
// ignored, and parsing never throws.
import { DEFAULT_DATASET } from '../../trainer/data';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { clipText, configEntries, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';
import { readStartingPoint, writeStartingPoint, type StartingPoint } from '../kit/parameterPresets';
import { STEP_COUNT } from './scene';

export interface ForwardPassConfig extends StartingPoint {
  /** The sample walked through, counted from 1 as the page shows it. */
  sample: number;
  /** Steps taken, 0 (none) to STEP_COUNT (all). */
  step: number;
}

export const FORWARD_PASS_DEFAULTS: Readonly<ForwardPassConfig> = {
  start: 'writeup-example',
  values: {},
  sample: 1,
  step: STEP_COUNT,
};

export const FORWARD_PASS_RULES: Readonly<Record<'sample' | 'step', NumberInputRules>> = {
  sample: { min: 1, max: DEFAULT_DATASET.n, integer: true, label: 'Sample number' },
  step: { min: 0, max: STEP_COUNT, integer: true, label: 'Step' },
};

export const FORWARD_PASS_KEYS: readonly string[] = ['start', ...PARAMETER_NAMES, 'sample', 'step'];

export function parseForwardPassConfig(source: ConfigSource): { config: ForwardPassConfig; notices: string[] } {
  const config: ForwardPassConfig = { ...FORWARD_PASS_DEFAULTS, values: {} };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (readStartingPoint(config, key, text, notices)) continue;
    if (key === 'sample' || key === 'step') {
      const result = parseNumberInput(text, FORWARD_PASS_RULES[key]);
      if (result.ok) config[key] = result.value;
      else notices.push(`${result.message} Using ${FORWARD_PASS_DEFAULTS[key]}.`);
      continue;
    }
    notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
  }
  return { config, notices };
}

export function serializeForwardPassConfig(config: ForwardPassConfig): URLSearchParams {
  const out = new URLSearchParams();
  writeStartingPoint(out, config);
  out.set('sample', String(config.sample));
  out.set('step', String(config.step));
  return out;
}
