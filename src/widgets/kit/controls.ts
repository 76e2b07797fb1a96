// Client-side behaviour of the kit's controls. Each wiring function takes the element the
// markup was rendered into and queries inside it only, so two widgets on a page never meet.
import { parseNumberInput, type NumberInputResult, type NumberInputRules } from '../../experiments/settings/numberInput';
import { positionOf, valueAt, type SliderScale } from './sliderScale';
import { wireFigureSaving } from './exportFigure';

export interface StatusLine {
  /** Records (or, with null, clears) the problem of one source; the newest problem is shown. */
  problem(source: string, message: string | null): void;
  /** Shows a neutral message (replaced by the next one; shown after any older problem). */
  note(message: string): void;
  /** Whether any problem is outstanding. */
  readonly hasProblems: boolean;
}

/** One StatusLine per status element, so kit parts (Save figure) speak through the widget's own. */
const statusLines = new WeakMap<Element, StatusLine>();

export function statusLine(host: Element): StatusLine {
  const el = host.querySelector<HTMLElement>('[data-status]');
  const known = el && statusLines.get(el);
  if (known) return known;
  // Each message remembers when it was said, so a note given after a problem (say "Link
  // copied") is shown beside that problem instead of vanishing behind it.
  let said = 0;
  const problems = new Map<string, { text: string; at: number }>();
  let note = { text: '', at: 0 };
  const show = () => {
    if (!el) return;
    const latest = [...problems.values()].pop();
    const text = !latest ? note.text : note.text && note.at > latest.at ? `${latest.text} ${note.text}` : latest.text;
    el.textContent = text;
    el.classList.toggle('error', latest !== undefined);
  };
  const line: StatusLine = {
    problem(source, message) {
      // Saying the same problem again moves it to the front but keeps its age.
      const before = problems.get(source);
      problems.delete(source);
      if (message !== null) problems.set(source, { text: message, at: before?.text === message ? before.at : ++said });
      show();
    },
    note(message) {
      note = { text: message, at: ++said };
      show();
    },
    get hasProblems() {
      return problems.size > 0;
    },
  };
  if (el) statusLines.set(el, line);
  return line;
}

export interface NumberControl {
  readonly name: string;
  /** The last valid value (what the figure shows). */
  readonly value: number;
  /** Sets the value from code (e.g. "New seed"), updating both inputs. */
  set(value: number): void;
}

/**
 * Wires one Slider.astro: slider and text field show the same value. A bad entry in the text
 * field is explained in the status line and marked aria-invalid; the last valid value stays
 * in force, so the figure never breaks. `onChange` runs only with valid values. `read` checks
 * typed text instead of the control's own limits (a setting's field with its own messages:
 * a factor outside (0, 1), a negative learning rate).
 */
export function wireSlider(wrapper: HTMLElement, status: StatusLine, onChange: (value: number, name: string) => void, read?: (text: string) => NumberInputResult): NumberControl {
  const d = wrapper.dataset;
  const name = d.name ?? '';
  const scale: SliderScale = { min: Number(d.min), max: Number(d.max), integer: d.integer === 'true', log: d.log === 'true' };
  if (d.step) scale.step = Number(d.step);
  const rules: NumberInputRules = { min: scale.min, max: scale.max, integer: scale.integer, label: d.label ?? name };
  const range = wrapper.querySelector<HTMLInputElement>('[data-role="range"]');
  const field = wrapper.querySelector<HTMLInputElement>('[data-role="field"]');
  const check = read ?? ((text: string) => parseNumberInput(text, rules));
  const first = check(field?.value ?? '');
  let value = first.ok ? first.value : scale.min;

  const showInRange = () => {
    if (!range) return;
    range.value = String(positionOf(value, scale));
    range.setAttribute('aria-valuetext', String(value));
  };
  const markValid = () => {
    field?.removeAttribute('aria-invalid');
    status.problem(name, null);
  };

  range?.addEventListener('input', () => {
    value = valueAt(Number(range.value), scale);
    if (field) field.value = String(value);
    range.setAttribute('aria-valuetext', String(value));
    markValid();
    onChange(value, name);
  });
  field?.addEventListener('input', () => {
    const result = check(field.value);
    if (!result.ok) {
      field.setAttribute('aria-invalid', 'true');
      status.problem(name, result.message);
      return;
    }
    markValid();
    if (result.value === value) return;
    value = result.value;
    showInRange();
    onChange(value, name);
  });

  return {
    name,
    get value() {
      return value;
    },
    set(next: number) {
      value = next;
      if (field) field.value = String(next);
      showInRange();
      markValid();
    },
  };
}

/** Wires every Slider.astro inside `host`, keyed by name. */
export function wireSliders(host: Element, status: StatusLine, onChange: (value: number, name: string) => void): Record<string, NumberControl> {
  const controls: Record<string, NumberControl> = {};
  for (const wrapper of host.querySelectorAll<HTMLElement>('[data-slider]')) {
    const control = wireSlider(wrapper, status, onChange);
    controls[control.name] = control;
  }
  return controls;
}

/** Wires a Select.astro; returns a getter for the current value. */
export function wireSelect(wrapper: HTMLElement, onChange: (value: string, name: string) => void): () => string {
  const select = wrapper.querySelector<HTMLSelectElement>('select');
  const name = wrapper.dataset.name ?? '';
  select?.addEventListener('change', () => onChange(select.value, name));
  return () => select?.value ?? '';
}

/**
 * Enables the controls WidgetFrame rendered disabled, once the widget's script runs, and wires
 * the frame's "Save the figure" buttons (every widget gets them this way).
 */
export function enableControls(host: Element): void {
  for (const fieldset of host.querySelectorAll<HTMLFieldSetElement>('[data-controls]')) fieldset.disabled = false;
  wireFigureSaving(host as HTMLElement, (message) => statusLine(host).note(message));
}
