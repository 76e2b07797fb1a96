// Client side of RateListField.astro: the typed list is checked on every keystroke; a bad one
// is explained in the status line and marked invalid, and the last good list stays in force.
import type { StatusLine } from '../kit/controls';
import { formatRateList, parseRateList } from './settings';

export interface RateListControl {
  /** The last valid list. */
  readonly value: number[];
  set(rates: readonly number[]): void;
}

/** `kept` says what happens meanwhile, e.g. "The figure still shows" (the last good list follows). */
export function wireRateList(host: Element, status: StatusLine, onChange: (rates: number[]) => void, kept = 'The figure still shows'): RateListControl {
  const field = host.querySelector<HTMLInputElement>('[data-rate-list] input');
  const first = parseRateList(field?.value);
  let value = first.ok ? first.value : [];
  field?.addEventListener('input', () => {
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
    onChange(value);
  });
  return {
    get value() {
      return value;
    },
    set(rates) {
      value = [...rates];
      if (field) field.value = formatRateList(rates);
      field?.removeAttribute('aria-invalid');
      status.problem('rates', null);
    },
  };
}
