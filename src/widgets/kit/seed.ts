// Client side of SeedField.astro: "New seed" moves the seed on by one (wrapping to 0 after the
// largest allowed), so a reader can step through starts and come back to any of them.
import type { NumberControl } from './controls';

/** The seed after `seed`: one more, or 0 after `max`. */
export function nextSeed(seed: number, max: number): number {
  return seed >= max ? 0 : seed + 1;
}

/** Wires the "New seed" button inside `host` to step `control` and then call `onChange`. */
export function wireNewSeed(host: Element, control: NumberControl | undefined, max: number, onChange: () => void): void {
  host.querySelector('[data-action="new-seed"]')?.addEventListener('click', () => {
    if (!control) return;
    control.set(nextSeed(control.value, max));
    onChange();
  });
}
