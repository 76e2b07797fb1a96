// <np-display-settings>: the theme and text-size radio buttons. A choice is applied to <html>
// at once and stored (src/lib/display.ts); a private window or a refusing browser simply does
// not remember it. Every query is scoped to the element.
import { DISPLAY_KEY, displayAttributes, parseDisplay, type Display } from '../lib/display';

function load(): Display {
  try {
    return parseDisplay(localStorage.getItem(DISPLAY_KEY));
  } catch {
    return parseDisplay(null);
  }
}

function apply(display: Display): void {
  const root = document.documentElement;
  root.removeAttribute('data-theme');
  root.removeAttribute('data-text-size');
  for (const [name, value] of Object.entries(displayAttributes(display))) root.setAttribute(name, value);
}

class NpDisplaySettings extends HTMLElement {
  connectedCallback(): void {
    const display = load();
    const radios = [...this.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    for (const radio of radios) {
      radio.checked = radio.name === 'display-theme' ? radio.value === display.theme : radio.value === display.text;
      radio.addEventListener('change', () => {
        const chosen = parseDisplay(JSON.stringify({
          theme: radios.find((r) => r.name === 'display-theme' && r.checked)?.value,
          text: radios.find((r) => r.name === 'display-text' && r.checked)?.value,
        }));
        apply(chosen);
        try {
          localStorage.setItem(DISPLAY_KEY, JSON.stringify(chosen));
        } catch {
          // Not remembered; the page still shows the choice.
        }
      });
    }
    this.hidden = false;
  }
}

if (!customElements.get('np-display-settings')) customElements.define('np-display-settings', NpDisplaySettings);
