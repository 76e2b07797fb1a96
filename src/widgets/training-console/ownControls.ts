// The console's two controls the kit has no kind for, as the kit's TextControl (their value as
// link text): the log-axis box (yScale) and the field of exact starting values (start).
import type { TextControl } from '../kit/settingControls';

export function logAxisControl(host: HTMLElement, onChange: () => void): TextControl | null {
  const box = host.querySelector<HTMLInputElement>('[data-role="log-axis"]');
  if (!box) return null;
  box.addEventListener('change', onChange);
  return { value: () => (box.checked ? 'log' : 'linear'), set: (text) => (box.checked = text === 'log') };
}

/**
 * The exact starting values, checked when the field is left or Enter pressed (not at every
 * keystroke of a long list): `check` says whether the text is valid (and explains if not); a valid
 * text becomes the value and `onChange` runs. An invalid one is marked and the last valid stays.
 */
export function startValuesControl(host: HTMLElement, check: (text: string) => boolean, onChange: () => void): TextControl | null {
  const field = host.querySelector<HTMLInputElement>('[data-text-setting][data-name="start"] input');
  if (!field) return null;
  let valid = field.value;
  field.addEventListener('change', () => {
    const ok = check(field.value);
    if (!ok) return field.setAttribute('aria-invalid', 'true');
    field.removeAttribute('aria-invalid');
    valid = field.value;
    onChange();
  });
  return { value: () => valid, set: (text) => (field.value = valid = text) };
}
