// The props of a kit control (Slider, Select, RadioGroup, SeedField) for one setting, from its
// field in the widget's schema: label, limits, options and hint are declared once, so a control
// never drifts from the messages a link's bad value gets.
import type { ChoiceField, Field, NumberField } from '../../experiments/settings/fields';
import type { Schema } from '../../experiments/settings/schema';

export interface NumberControlOptions {
  /** false: only the labelled text field. */
  slider?: boolean;
  log?: boolean;
  hint?: string;
  label?: string;
}

function fieldOf<C extends object>(schema: Schema<C>, name: keyof C & string, kind: Field['kind']): Field {
  const field = schema.fields[name];
  if (field.kind !== kind) throw new Error(`The setting “${name}” is a ${field.kind} field, not a ${kind} field.`);
  return field;
}

/** Props for Slider.astro (or SeedField.astro) showing `config[name]`. */
export function numberProps<C extends object>(schema: Schema<C>, config: C, name: keyof C & string, options: NumberControlOptions = {}) {
  const field = fieldOf(schema, name, 'number') as NumberField;
  return {
    name,
    label: options.label ?? field.label,
    value: config[name] as number,
    min: field.min,
    max: field.max,
    integer: field.integer ?? false,
    log: options.log ?? field.log ?? false,
    step: field.step,
    hint: options.hint ?? field.hint,
    slider: options.slider ?? true,
  };
}

/** Props for Select.astro or RadioGroup.astro showing `config[name]`. */
export function choiceProps<C extends object>(schema: Schema<C>, config: C, name: keyof C & string, options: { hint?: string; label?: string } = {}) {
  const field = fieldOf(schema, name, 'choice') as ChoiceField;
  return { name, label: options.label ?? field.label, value: config[name] as string, options: field.options, hint: options.hint ?? field.hint };
}

/** A lesson's props as settings: parsed like a link, but a bad one is the author's mistake and fails the build. */
export function settingsFromProps<C extends object>(widget: string, schema: Schema<C>, props: Record<string, unknown>): C {
  // Props arrive typed (numbers, lists); each is written as its field writes it, then read back.
  const fields = schema.fields as Record<string, Field | undefined>;
  const given = Object.fromEntries(
    Object.entries(props)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' || !fields[k] ? String(v) : fields[k].write(v as never)]),
  );
  const { config, notices } = schema.parse(given);
  if (notices.length) throw new Error(`<${widget}>: ${notices.join(' ')}`);
  return config;
}
