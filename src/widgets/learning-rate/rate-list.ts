// Client side of RateListField.astro, as a widget's own control for its `rates` setting: the
// typed list is read by the setting's field on every keystroke; a bad one is explained in the
// status line and marked invalid, and the last good list stays in force.
import { statusLine } from '../kit/controls';
import type { TextControl } from '../kit/settingControls';
import { formatRateList, parseRateList } from '../../experiments/learning-rate/settings';

/** `kept` says what happens meanwhile, e.g. "The figure still shows" (the last good list follows). */
export function rateListControl(host: HTMLElement, onChange: () => void, kept = 'The figure still shows'): TextControl | null {
  const field = host.querySelector<HTMLInputElement>('[data-rate-list] input');
  if (!field) return null;
  const status = statusLine(host);
  const first = parseRateList(field.value);
  let value = first.ok ? first.value : [];
  field.addEventListener('input', () => {
    const result = parseRateList(field.value);
    if (!result.ok) {
      field.setAttribute('aria-invalid', 'true');
      status.problem('rates', `${result.message} ${kept} ${formatRateList(value)}.`);
      return;
    }
    field.removeAttribute('aria-invalid');
    status.problem('rates', null);
    if (formatRateList(result.value) === formatRateList(value)) return;
    value = result.value;
    onChange();
  });
  return {
    value: () => formatRateList(value),
    set(text) {
      const result = parseRateList(text);
      if (!result.ok) return;
      value = result.value;
      field.value = formatRateList(value);
      field.removeAttribute('aria-invalid');
      status.problem('rates', null);
    },
  };
}
