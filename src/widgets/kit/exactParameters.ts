// Parameter fields that keep exact values. A field shows a parameter rounded to 4 decimals, but a
// training step or a preset must not be rounded by passing through it: these controls hold the
// exact value and show it rounded; typing or sliding replaces it. For WidgetElement.ownControls().
import { statusLine, wireSlider } from './controls';
import type { TextControl } from './settingControls';
import { ownControls } from './settingControls';

/** Four decimals, as the parameter fields show values; −0 shows as 0. */
export const shownInField = (value: number) => Math.round(value * 1e4) / 1e4 || 0;

/** Exact-value controls for the parameter sliders named `names` inside `host`. */
export function wireExactParameters(host: HTMLElement, names: readonly string[], onChange: (name: string) => void): Record<string, TextControl> {
  const status = statusLine(host);
  const controls: Record<string, TextControl> = {};
  for (const wrapper of ownControls(host, '[data-slider]')) {
    const name = wrapper.dataset.name ?? '';
    if (!names.includes(name)) continue;
    let exact = Number.NaN;
    const slider = wireSlider(wrapper, status, (value) => {
      exact = value;
      onChange(name);
    });
    exact = slider.value;
    controls[name] = {
      wired: true,
      value: () => String(exact),
      set(text) {
        exact = Number(text);
        slider.set(shownInField(exact));
      },
    };
  }
  return controls;
}
