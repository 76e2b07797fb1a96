// The controls of a widget's settings, found and wired from its schema: every setting whose
// name appears on a kit control inside the element (Slider, Select, RadioGroup, Checkbox, or a
// control the widget registers itself) is read and shown through one object. Values travel as
// the text a link would hold, so the schema's own parse turns them into a config: a control can
// never accept what a link would refuse.
import type { Schema } from '../../experiments/settings/schema';
import { statusLine, wireSelect, wireSlider, type NumberControl, type StatusLine } from './controls';
import { wireRadioGroup } from './radioGroup';

/** A control the kit does not know (a rate list, a parameter editor): its value as link text. */
export interface TextControl {
  /** The current valid value, written as the setting's field writes it. */
  value(): string;
  /** Shows a value (link text) without reporting a change. */
  set(text: string): void;
  /**
   * True when the widget also listens to the control itself (exact parameter fields): the kit then
   * leaves it alone. Otherwise the kit still wires the control and only reads values through this.
   */
  readonly wired?: boolean;
}

export interface SettingControls {
  readonly status: StatusLine;
  /** The number controls by setting name (for "New seed" and keyboard shortcuts). */
  readonly numbers: Readonly<Record<string, NumberControl>>;
  /** The names of the settings that have a control here. */
  readonly names: readonly string[];
  /** Each control's current valid value as link text, keyed by setting name. */
  values(): Record<string, string>;
  /** Shows a config in the controls (without reporting a change). */
  show(settings: URLSearchParams): void;
}

/**
 * Whether `element` belongs to `host` rather than to a widget nested inside it (the playground
 * holds a training console): a custom element (a tag with a dash) in between owns it instead.
 */
export function ownedBy(host: Element, element: Element): boolean {
  for (let node = element.parentElement; node && node !== host; node = node.parentElement) {
    if (node.tagName.includes('-')) return false;
  }
  return true;
}

/** The kit controls inside `host` that belong to it, matching `selector`. */
export function ownControls<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...host.querySelectorAll<E>(selector)].filter((element) => ownedBy(host, element));
}

/**
 * Wires every control of `schema`'s settings inside `host`. `onChange(name)` runs after each valid
 * change; `extra` adds the widget's own controls (they report changes themselves).
 */
export function wireSettingControls<C extends object>(
  host: HTMLElement,
  schema: Schema<C>,
  onChange: (name: string) => void,
  extra: Record<string, TextControl> = {},
): SettingControls {
  const status = statusLine(host);
  // Controls the widget wires itself are not wired twice.
  const known = new Set<string>(schema.keys.filter((name) => !extra[name]?.wired));
  const readers = new Map<string, TextControl>();
  const numbers: Record<string, NumberControl> = {};

  for (const wrapper of ownControls(host, '[data-slider]')) {
    const name = wrapper.dataset.name ?? '';
    if (!known.has(name)) continue;
    // Typed text is read by the setting's own field, so a control refuses what a link would.
    const field = schema.fields[name as keyof C];
    const control = wireSlider(wrapper, status, () => onChange(name), field.kind === 'number' ? (text) => field.read(text) : undefined);
    numbers[name] = control;
    readers.set(name, { value: () => String(control.value), set: (text) => control.set(Number(text)) });
  }
  for (const wrapper of ownControls(host, '[data-select]')) {
    const name = wrapper.dataset.name ?? '';
    if (!known.has(name)) continue;
    const read = wireSelect(wrapper, () => onChange(name));
    const select = wrapper.querySelector('select');
    readers.set(name, { value: read, set: (text) => select && (select.value = text) });
  }
  for (const wrapper of ownControls(host, '[data-radio-group]')) {
    const name = wrapper.dataset.name ?? '';
    if (!known.has(name)) continue;
    const group = wireRadioGroup(wrapper, () => onChange(name));
    readers.set(name, { value: () => group.value, set: (text) => group.set(text) });
  }
  for (const wrapper of ownControls(host, '[data-checkbox]')) {
    const name = wrapper.dataset.name ?? '';
    const box = wrapper.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!known.has(name) || !box) continue;
    box.addEventListener('change', () => onChange(name));
    // On and off as the setting's own field writes and reads them (a link may say mask=on).
    const field = schema.fields[name as keyof C];
    const write = (on: boolean) => (field.kind === 'flag' ? field.write(on) : String(on));
    const read = (text: string) => {
      const result = field.kind === 'flag' ? field.read(text) : null;
      return result ? result.ok && result.value : text === 'true';
    };
    readers.set(name, { value: () => write(box.checked), set: (text) => (box.checked = read(text)) });
  }
  for (const [name, control] of Object.entries(extra)) readers.set(name, control);

  return {
    status,
    numbers,
    names: [...readers.keys()],
    values() {
      const out: Record<string, string> = {};
      for (const [name, control] of readers) {
        const text = control.value();
        // An unchecked radio group (none chosen) leaves the setting as it was.
        if (text !== '') out[name] = text;
      }
      return out;
    },
    show(settings) {
      for (const [name, text] of settings) readers.get(name)?.set(text);
    },
  };
}
