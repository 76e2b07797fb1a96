// A widget's settings, declared once. From the fields (fields.ts) and the rules that relate them
// come everything a widget needs to know about its settings:
//
//   defaults     the value of every setting when nothing is given
//   parse        settings from text (a lesson's props, the element's data-* attributes, a link),
//                never throwing: a bad value is ignored with a notice saying what is used instead
//   serialise    the settings as a link writes them (optionally only those that differ)
//   problems     the rules that tie settings together (lowest ≤ highest), in words
//   describe     the settings in words, for plans and captions
//
// The same notices appear everywhere because they are made here, once.
import type { Field, ValueOf } from './fields';
import { clipText, configEntries, type ConfigSource } from './source';

/** A config's type, read off its fields. */
export type ConfigOf<F extends Record<string, Field>> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** A rule between settings (a range's lowest end must not be above its highest). */
export interface SettingsRule<C> {
  /** The settings the rule ties together; a broken rule puts all of them back to their defaults. */
  keys: readonly (keyof C & string)[];
  /** What is wrong, in words, or null when the rule holds. */
  problem(config: C): string | null;
  /** The restored values in words for the notice ("−5 to 5"); default: each value, joined by "and". */
  restored?(config: C): string;
  /**
   * The values that mend the rule, when putting `keys` back to the base would not (Keras with a
   * relative threshold mends to Keras's own absolute test). A rule with a repair that the source
   * broke without giving any of `keys` (a link that only picks Keras) is mended silently: the
   * reader asked for nothing that was refused.
   */
  repair?(config: C): Partial<C>;
  /**
   * How the other settings follow when a reader's change breaks the rule, so the controls never
   * rest in a state that draws nothing: picking the other axis's parameter swaps the two, a
   * shorter run pulls the epoch shown down with it. Given the settings now and the last valid
   * ones; null when nothing sensible follows (the problem is then named and the figure waits).
   */
  follow?(config: C, previous: C): Partial<C> | null;
}

export interface SettingsProblem<C> {
  keys: readonly (keyof C & string)[];
  message: string;
}

/** Every setting of C has a field. */
export type FieldsOf<C> = { readonly [K in keyof C]: Field };

/** F keeps each field's own kind (a NumberField's limits for a slider); C is the config it gives. */
export interface Schema<C extends object, F extends FieldsOf<C> = FieldsOf<C>> {
  readonly fields: F;
  readonly defaults: Readonly<C>;
  /** The settings' names, in the order links write them. */
  readonly keys: readonly (keyof C & string)[];
  readonly rules: readonly SettingsRule<C>[];
  /**
   * Settings from text on top of `base` (default: the defaults). Unknown keys and bad values are
   * ignored with a notice; a broken rule puts its settings back to `base`'s values with a notice.
   */
  parse(source: ConfigSource, base?: Readonly<C>): { config: C; notices: string[] };
  /**
   * `base` with the valid settings of `source` applied, silently, and no rule enforced: what a
   * widget's controls say now, to be checked with `problems` before it is drawn.
   */
  apply(source: ConfigSource, base: Readonly<C>): C;
  /**
   * Every setting as text, in key order; with `base`, only those that differ from it; with
   * `short`, under each field's short name where it has one (for links; data-* attributes and
   * props keep the long names).
   */
  serialise(config: Readonly<C>, base?: Readonly<C>, options?: { short?: boolean }): URLSearchParams;
  /** Short link names by the setting they stand for ({ lr: 'learningRate' }). */
  readonly aliases: Readonly<Record<string, keyof C & string>>;
  /** The setting a name in a link stands for (its own name or its short name), or null. */
  keyOf(name: string): (keyof C & string) | null;
  problems(config: Readonly<C>): SettingsProblem<C>[];
  /** "Number of samples n 300, Scaling z-score, …" (the given keys, or all). */
  describe(config: Readonly<C>, keys?: readonly (keyof C & string)[]): string;
  /** The same settings with other defaults (a lesson's own starting point). */
  withDefaults(defaults: Partial<C>): Schema<C, F>;
}

/**
 * Settings that follow from others when a source does not give them: a named start's nine values
 * when a link names the start but not every value. Runs in parse, after reading, before the rules.
 */
export type Completion<C> = (config: C, given: ReadonlySet<keyof C & string>) => C;

/** Declares a widget's settings: `defineSettings({ n: numberField(…), scaling: choiceField(…) }, rules)`. */
export function defineSettings<F extends Record<string, Field>>(
  fields: F,
  rules: readonly SettingsRule<ConfigOf<F>>[] = [],
  complete?: Completion<ConfigOf<F>>,
): Schema<ConfigOf<F>, F> {
  type C = ConfigOf<F>;
  const defaults = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.default])) as C;
  return makeSchema<C, F>(fields, defaults, rules, complete);
}

function makeSchema<C extends object, F extends FieldsOf<C>>(fields: F, defaults: C, rules: readonly SettingsRule<C>[], complete?: Completion<C>): Schema<C, F> {
  const keys = Object.keys(fields) as (keyof C & string)[];
  const aliases: Record<string, keyof C & string> = {};
  for (const key of keys) {
    const short = (fields as Record<string, Field>)[key].short;
    if (short === undefined) continue;
    // A short name that is also a setting's name, or another's short name, would make links ambiguous.
    if (keys.some((k) => k.toLowerCase() === short.toLowerCase()) || Object.keys(aliases).some((a) => a.toLowerCase() === short.toLowerCase())) throw new Error(`The short link name “${short}” of “${key}” is already taken.`);
    aliases[short] = key;
  }
  // Own keys only (keys.includes, Object.hasOwn): a link's "constructor" or "__proto__" is an unknown setting, not Object's.
  // Names are matched as written (the kit's readWidgetSettings forgives a link's case before parsing).
  const keyOf = (name: string): (keyof C & string) | null => (keys.includes(name as keyof C & string) ? (name as keyof C & string) : (Object.hasOwn(aliases, name) ? aliases[name] : null));
  const fieldOf = (key: string): Field | undefined => (fields as Record<string, Field>)[keyOf(key) ?? ''];
  const written = (key: keyof C & string, value: unknown) => fieldOf(key)!.write(value as never);
  const shown = (key: keyof C & string, value: unknown) => fieldOf(key)!.show(value as never);

  const problems = (config: Readonly<C>): SettingsProblem<C>[] =>
    rules.flatMap((rule) => {
      const message = rule.problem(config as C);
      return message === null ? [] : [{ keys: rule.keys, message }];
    });

  const schema: Schema<C, F> = {
    fields,
    defaults,
    keys,
    rules,
    parse(source, base = defaults) {
      let config = { ...base } as C;
      const notices: string[] = [];
      const given = new Set<string>();
      const read = new Set<keyof C & string>();
      for (const [name, text] of configEntries(source)) {
        const key = keyOf(name);
        const field = fieldOf(name);
        if (!key || !field) {
          notices.push(`Ignored the unknown setting “${clipText(name)}”.`);
          continue;
        }
        given.add(key);
        const result = field.read(text);
        if (result.ok) {
          (config as Record<string, unknown>)[key] = result.value;
          read.add(key as keyof C & string);
        } else notices.push(`${result.message} Using ${shown(key as keyof C & string, (config as Record<string, unknown>)[key])}.`);
      }
      if (complete) config = complete(config, read);
      const values = config as Record<string, unknown>;
      for (const rule of rules) {
        const message = rule.problem(config);
        if (message === null) continue;
        if (rule.repair) Object.assign(values, rule.repair(config));
        else for (const key of rule.keys) values[key] = (base as Record<string, unknown>)[key];
        if (rule.repair && !rule.keys.some((key) => given.has(key)) && rule.problem(config) === null) continue;
        const restored = rule.restored ? rule.restored(config) : rule.keys.map((key) => shown(key, values[key])).join(' and ');
        notices.push(`${message} Using ${restored}.`);
      }
      return { config, notices };
    },
    apply(source, base) {
      const config = { ...base } as C;
      for (const [name, text] of configEntries(source)) {
        const key = keyOf(name);
        const result = key ? fieldOf(key)?.read(text) : undefined;
        if (key && result?.ok) (config as Record<string, unknown>)[key] = result.value;
      }
      return config;
    },
    serialise(config, base, options = {}) {
      const params = new URLSearchParams();
      for (const key of keys) {
        const text = written(key, config[key]);
        if (base && written(key, base[key]) === text) continue;
        params.set((options.short && fieldOf(key)!.short) || key, text);
      }
      return params;
    },
    aliases,
    keyOf,
    problems,
    describe(config, which = keys) {
      return which.map((key) => `${fieldOf(key)!.label} ${shown(key, config[key])}`).join(', ');
    },
    withDefaults(overrides) {
      return makeSchema<C, F>(fields, { ...defaults, ...overrides }, rules, complete);
    },
  };
  return schema;
}

/** The usual rule for a range given by two settings: its lowest end must not be above its highest. */
export function orderedPair<C>(low: keyof C & string, high: keyof C & string, name: string): SettingsRule<C> {
  return {
    keys: [low, high],
    problem: (config) =>
      (config[low] as number) > (config[high] as number)
        ? `The ${name} runs from ${String(config[low])} to ${String(config[high])}: its lowest value must not be above its highest.`
        : null,
    restored: (config) => `${String(config[low])} to ${String(config[high])}`,
    // No `follow`: the other end following would make a range of one value (all samples at one
    // x), a figure no one asked for; the reader is told, and the figure waits for a valid range.
  };
}

/**
 * The rule for two settings that must name different things (the two parameters a slice spans):
 * picking the other's value swaps the two.
 */
export function differentPair<C>(first: keyof C & string, second: keyof C & string, message: string): SettingsRule<C> {
  return {
    keys: [first, second],
    problem: (config) => (config[first] === config[second] ? message : null),
    follow: (config, previous) =>
      (config[second] !== previous[second] ? { [first]: previous[second] } : { [second]: previous[first] }) as Partial<C>,
  };
}
