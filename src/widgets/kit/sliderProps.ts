// The props of a Slider.astro for one number of a widget's config, from that number's rules (the
// same rules parse…Config checks a link against), so a control's label and limits never drift
// from the messages it gives.
import type { NumberInputRules } from '../../experiments/settings/numberInput';

export interface SliderOptions {
  /** Geometric slider (needs min > 0). */
  log?: boolean;
  /** false: only the labelled text field. */
  slider?: boolean;
  hint?: string;
  step?: number;
}

export function sliderProps(name: string, rules: NumberInputRules, value: number, options: SliderOptions = {}) {
  return { name, label: rules.label, value, min: rules.min, max: rules.max, integer: rules.integer ?? false, ...options };
}
