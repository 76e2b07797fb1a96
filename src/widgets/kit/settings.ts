// The common shape of a widget's parse…Config(): some settings are one of a few named choices,
// the others are numbers with rules. Each value is checked; an unknown key or a bad value is
// ignored with a notice that says what is used instead. Never throws.
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';

export interface ChoiceSpec<T extends string = string> {
  options: readonly { value: T }[];
  /** How the setting is named in a notice, e.g. "the start". */
  name: string;
  /** Rewrites the text before matching (e.g. drop dashes so "min-max" finds "minmax"). */
  normalise?: (text: string) => string;
}

// C is inferred from `defaults` alone (NoInfer elsewhere), so a spec written inline types itself.
export interface SettingsSpec<C> {
  defaults: Readonly<C>;
  choices?: { [K in keyof NoInfer<C>]?: ChoiceSpec<Extract<C[K], string>> };
  numbers?: { [K in keyof NoInfer<C>]?: NumberInputRules };
  /** Settings read by a function of their own (a list, a number with its own explanations); a failure's message is followed by "Using …". */
  readers?: { [K in keyof NoInfer<C>]?: (text: string) => { ok: true; value: C[K] } | { ok: false; message: string } };
  /** How a value reads in a notice (and, given to serializeSettings, in a link); default String(value). */
  show?: (key: keyof NoInfer<C>, value: unknown) => string;
}

export function parseSettings<C extends object>(source: ConfigSource, spec: SettingsSpec<C>): { config: C; notices: string[] } {
  const config = { ...spec.defaults } as C;
  const values = config as Record<string, unknown>;
  const choices = (spec.choices ?? {}) as Record<string, ChoiceSpec | undefined>;
  const numbers = (spec.numbers ?? {}) as Record<string, NumberInputRules | undefined>;
  const readers = (spec.readers ?? {}) as Record<string, ((text: string) => { ok: true; value: unknown } | { ok: false; message: string }) | undefined>;
  const show = (key: string, value: unknown) => (spec.show ? spec.show(key as keyof C, value) : String(value));
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    const choice = choices[key];
    const rules = numbers[key];
    const read = readers[key];
    if (read) {
      const result = read(text);
      if (result.ok) values[key] = result.value;
      else notices.push(`${result.message} Using ${show(key, values[key])}.`);
    } else if (choice) {
      const value = oneOf(choice.normalise ? choice.normalise(text) : text, choice.options);
      if (value !== null) values[key] = value;
      else notices.push(`Ignored ${choice.name} “${clipText(text)}”: use ${choice.options.map((o) => o.value).join(', ')}. Using ${String(values[key])}.`);
    } else if (rules) {
      const result = parseNumberInput(text, rules);
      if (result.ok) values[key] = result.value;
      else notices.push(`${result.message} Using ${String((spec.defaults as Record<string, unknown>)[key])}.`);
    } else {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
    }
  }
  return { config, notices };
}

/** The settings as a link writes them, in the order of `keys` (each through `show`, default String). */
export function serializeSettings<C extends object>(config: C, keys: readonly (keyof C)[], show: (key: keyof C, value: unknown) => string = (_, value) => String(value)): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) params.set(String(key), show(key, config[key]));
  return params;
}
