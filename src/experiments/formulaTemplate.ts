// A formula template: TeX (or plain text) with slots written @key, e.g.
// 'z_1 = (@W1)\cdot(@x1) + @B1 = @z1'. DOM-free, so the build (src/lib/live-math.ts renders the
// TeX) and the browser (kit/liveFormula.ts swaps the numbers) read templates the same way.

/** A slot: @ followed by a key (a letter, then letters, digits or underscores). */
export const SLOT = /@([A-Za-z][A-Za-z0-9_]*)/g;

/** What an unknown or not-yet-computed slot shows. */
export const UNKNOWN = '?';

/** The keys of a template's slots, in order of appearance (repeats kept once). */
export function slotKeys(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((m) => m[1]))];
}

/** The template with every slot replaced by its value's text (UNKNOWN when missing). */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(SLOT, (_, key: string) => values[key] ?? UNKNOWN);
}
