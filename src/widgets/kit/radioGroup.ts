// Client side of RadioGroup.astro: reports the chosen value and lets code choose one.
export interface RadioGroupControl {
  readonly name: string;
  /** The checked option's value ('' if none is checked). */
  readonly value: string;
  /** Checks the option with this value (no change event; the caller redraws). */
  set(value: string): void;
}

export function wireRadioGroup(wrapper: HTMLElement, onChange: (value: string, name: string) => void): RadioGroupControl {
  const name = wrapper.dataset.name ?? '';
  const inputs = [...wrapper.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  for (const input of inputs) input.addEventListener('change', () => input.checked && onChange(input.value, name));
  return {
    name,
    get value() {
      return inputs.find((i) => i.checked)?.value ?? '';
    },
    set(value: string) {
      for (const input of inputs) input.checked = input.value === value;
    },
  };
}
