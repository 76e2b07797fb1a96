// The loss explorer's settings: where the nine parameters start, which one the slice varies,
// and the loss axis. One typed object, read from the element's data-* attributes (or a query
// string); anything unknown or garbled is ignored with a notice, and parsing never throws.
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { HE_SEED } from '../../trainer/presets';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput } from '../../experiments/settings/numberInput';
import { parameterRules, parseParameterName } from '../kit/parameters';

export { PARAMETER_LIMIT } from '../kit/parameters';

export type LossExplorerPreset = 'he' | 'writeup-example' | 'zeros' | 'trained';
export type LossAxis = 'linear' | 'log';

export interface LossExplorerConfig {
  /** The preset the nine values come from, unless `values` overrides some of them. */
  start: LossExplorerPreset;
  /** The parameter the slice varies; the other eight stay fixed. */
  parameter: ParameterName;
  axis: LossAxis;
  /** Values typed in (or carried over from the page); they win over the preset's. */
  values: Partial<Record<ParameterName, number>>;
}

export const LOSS_EXPLORER_DEFAULTS: Readonly<LossExplorerConfig> = {
  start: 'he',
  parameter: 'B3',
  axis: 'linear',
  values: {},
};

export const PRESET_OPTIONS: readonly { value: LossExplorerPreset; label: string }[] = [
  { value: 'writeup-example', label: 'Write-up’s example' },
  { value: 'he', label: `He start (seed ${HE_SEED})` },
  { value: 'zeros', label: 'All zeros' },
  { value: 'trained', label: 'He start, trained' },
];

/** What each parameter connects, for the select's labels. */
export const CONNECTION: Record<ParameterName, string> = {
  W1: 'x1 → h1', W2: 'x1 → h2', W3: 'x2 → h1', W4: 'x2 → h2', W5: 'h1 → ŷ', W6: 'h2 → ŷ',
  B1: 'bias of h1', B2: 'bias of h2', B3: 'bias of ŷ',
};

export const PARAMETER_OPTIONS: readonly { value: ParameterName; label: string }[] = PARAMETER_NAMES.map((name) => ({
  value: name,
  label: `${name} (${CONNECTION[name]})`,
}));

export const AXIS_OPTIONS: readonly { value: LossAxis; label: string }[] = [
  { value: 'linear', label: 'linear' },
  { value: 'log', label: 'logarithmic' },
];

export function parseLossExplorerConfig(source: ConfigSource): { config: LossExplorerConfig; notices: string[] } {
  const config: LossExplorerConfig = { ...LOSS_EXPLORER_DEFAULTS, values: {} };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (key === 'start') {
      const start = oneOf(text, PRESET_OPTIONS);
      if (start) config.start = start;
      else notices.push(`Ignored the start “${clipText(text)}”: use ${PRESET_OPTIONS.map((o) => o.value).join(', ')}. Using ${config.start}.`);
      continue;
    }
    if (key === 'parameter') {
      const name = parseParameterName(text);
      if (name) config.parameter = name;
      else notices.push(`Ignored the parameter “${clipText(text)}”: use one of W1…W6, B1…B3. Using ${config.parameter}.`);
      continue;
    }
    if (key === 'axis') {
      const axis = oneOf(text, AXIS_OPTIONS);
      if (axis) config.axis = axis;
      else notices.push(`Ignored the loss axis “${clipText(text)}”: use linear or log. Using ${config.axis}.`);
      continue;
    }
    const name = parseParameterName(key);
    if (!name) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const result = parseNumberInput(text, parameterRules(name));
    if (result.ok) config.values[name] = result.value;
    else notices.push(`${result.message} Using the starting preset’s value.`);
  }
  return { config, notices };
}

/** The config as query-string pairs; every value given is written, in the course's order. */
export function serializeLossExplorerConfig(config: LossExplorerConfig): URLSearchParams {
  const params = new URLSearchParams({ start: config.start, parameter: config.parameter, axis: config.axis });
  for (const name of PARAMETER_NAMES) {
    const v = config.values[name];
    if (v !== undefined) params.set(name, String(v));
  }
  return params;
}

/** The nine values: the preset's, with the given ones on top. */
export function resolveParameters(config: LossExplorerConfig, preset: ArrayLike<number>): Float64Array {
  return Float64Array.from(PARAMETER_NAMES, (name, i) => config.values[name] ?? preset[i]);
}
