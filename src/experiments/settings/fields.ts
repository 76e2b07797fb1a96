// The kinds of setting a widget can have, each declared once with its label, its default and
// what values it accepts. A schema (schema.ts) built from these declarations gives a widget its
// defaults, its parse with notices, its link, its description in words and its controls' props,
// so none of those can drift from another.
import { clipText, oneOf } from './source';
import { parseNumberInput, type NumberInputRules } from './numberInput';

/** What reading a setting's text gives: its value, or a message for the student. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface FieldBase<T> {
  /** The control's label; messages name the setting by it ("Number of samples n is empty…"). */
  label: string;
  default: T;
  /** A short line under the label. */
  hint?: string;
  /**
   * A shorter name for links ("lr" for learningRate), so a shared link fits in a chat message;
   * the long name is still read, so older links keep working.
   */
  short?: string;
  /** Reads a setting's text (from a data-* attribute, a link or a prop). */
  read(text: string): ReadResult<T>;
  /** Writes a value as a link or data-* attribute holds it; `read(write(v))` gives v back. */
  write(value: T): string;
  /** The value in words, for descriptions and notices ("z-score", "0.01"). */
  show(value: T): string;
}

export interface NumberField extends FieldBase<number>, NumberInputRules {
  kind: 'number';
  /** Geometric slider (needs min > 0): learning rates, sample counts. */
  log?: boolean;
  step?: number;
}

export interface ChoiceOption<T extends string = string> {
  value: T;
  label: string;
  hint?: string;
  disabled?: boolean;
}

export interface ChoiceField<T extends string = string> extends FieldBase<T> {
  kind: 'choice';
  options: readonly ChoiceOption<T>[];
}

export interface FlagField extends FieldBase<boolean> {
  kind: 'flag';
}

/** Anything else a setting can be (a list of rates, exact starting values): its own reader and writer. */
export interface CustomField<T> extends FieldBase<T> {
  kind: 'custom';
}

/**
 * Any field; a schema's config type is read off its fields' values (ValueOf). Methods, not
 * function properties, are bivariant in their parameters, so a ChoiceField<'a' | 'b'> or a
 * CustomField<number[]> is still a Field.
 */
export type Field = NumberField | ChoiceField<string> | FlagField | CustomField<unknown>;

/** The type of value a field holds. */
export type ValueOf<F> = F extends FieldBase<infer T> ? T : never;

/** A ruled number: its limits and whether it must be whole are checked on every read. */
export function numberField(spec: Omit<NumberField, 'kind' | 'read' | 'write' | 'show'>): NumberField {
  return {
    kind: 'number',
    ...spec,
    read: (text) => parseNumberInput(text, spec),
    write: (value) => String(value),
    show: (value) => String(value),
  };
}

/**
 * One of a few named values. `normalise` rewrites the text before matching, so "min-max" can
 * find "minmax"; matching ignores case and surrounding spaces.
 */
export function choiceField<T extends string>(spec: {
  label: string;
  default: NoInfer<T>;
  options: readonly ChoiceOption<T>[];
  hint?: string;
  short?: string;
  normalise?: (text: string) => string;
}): ChoiceField<T> {
  const { normalise, ...rest } = spec;
  const names = spec.options.map((o) => o.value).join(', ');
  return {
    kind: 'choice',
    ...rest,
    read(text) {
      const value = oneOf(normalise ? normalise(text) : text, spec.options);
      return value !== null ? { ok: true, value } : { ok: false, message: `${spec.label}: “${clipText(text)}” is not one of ${names}.` };
    },
    write: (value) => value,
    show: (value) => spec.options.find((o) => o.value === value)?.label ?? value,
  };
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** On or off; links may say true/false, 1/0, yes/no or on/off. */
export function flagField(spec: { label: string; default: boolean; hint?: string; short?: string }): FlagField {
  return {
    kind: 'flag',
    ...spec,
    read(text) {
      const t = text.trim().toLowerCase();
      if (TRUE.has(t)) return { ok: true, value: true };
      if (FALSE.has(t)) return { ok: true, value: false };
      return { ok: false, message: `${spec.label}: “${clipText(text)}” is neither on nor off (use true or false).` };
    },
    write: (value) => String(value),
    show: (value) => (value ? 'on' : 'off'),
  };
}

/** A setting with its own reader and writer (lists, vectors); `show` defaults to the written form. */
export function customField<T>(spec: {
  label: string;
  default: T;
  hint?: string;
  short?: string;
  read(text: string): ReadResult<T>;
  write(value: T): string;
  show?(value: T): string;
}): CustomField<T> {
  return { kind: 'custom', show: spec.write, ...spec };
}
