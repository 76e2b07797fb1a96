// The gradient inspector's settings: the start, any typed parameter values and the learning
// rate. One typed object, read from the element's data-* attributes or a shared link; anything
// garbled is named in a notice and ignored, and parsing never throws.
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { clipText, configEntries, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';
import { readStartingPoint, writeStartingPoint, type StartingPoint } from '../kit/parameterPresets';

export interface GradientInspectorConfig extends StartingPoint {
  /** η in θ ← θ − η·∂L/∂θ. */
  learningRate: number;
}

/**
 * The parameter fields accept −100…100, wider than the kit's usual ±10: a few steps with a
 * large learning rate carry the write-up's start well past 10, and the table must show them.
 */
export const INSPECTOR_PARAMETER_LIMIT = 100;

export const GRADIENT_INSPECTOR_DEFAULTS: Readonly<GradientInspectorConfig> = {
  start: 'writeup-example',
  values: {},
  learningRate: 0.01,
};

export const LEARNING_RATE_RULES: NumberInputRules = { min: 0.0001, max: 1, label: 'Learning rate η' };

export const GRADIENT_INSPECTOR_KEYS: readonly string[] = ['start', ...PARAMETER_NAMES, 'learningRate'];

export function parseGradientInspectorConfig(source: ConfigSource): { config: GradientInspectorConfig; notices: string[] } {
  const config: GradientInspectorConfig = { ...GRADIENT_INSPECTOR_DEFAULTS, values: {} };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (readStartingPoint(config, key, text, notices, INSPECTOR_PARAMETER_LIMIT)) continue;
    // data-learning-rate arrives as learningRate, a link may spell it in lower case.
    if (key.toLowerCase() === 'learningrate') {
      const result = parseNumberInput(text, LEARNING_RATE_RULES);
      if (result.ok) config.learningRate = result.value;
      else notices.push(`${result.message} Using ${GRADIENT_INSPECTOR_DEFAULTS.learningRate}.`);
      continue;
    }
    notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
  }
  return { config, notices };
}

export function serializeGradientInspectorConfig(config: GradientInspectorConfig): URLSearchParams {
  const out = new URLSearchParams();
  writeStartingPoint(out, config);
  out.set('learningRate', String(config.learningRate));
  return out;
}
