// The reader's display choices: colour theme and text size, kept in this browser only. The
// head of every page applies them before the first paint (BaseLayout's inline script reads the
// same key and values), so a page never flashes in the other theme.

export const DISPLAY_KEY = 'nine-parameters-display';
export const THEMES = ['system', 'light', 'dark'] as const;
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type Theme = (typeof THEMES)[number];
export type TextSize = (typeof TEXT_SIZES)[number];
export interface Display {
  theme: Theme;
  text: TextSize;
}

export const DEFAULT_DISPLAY: Display = { theme: 'system', text: 'normal' };

/** The stored choices; anything unreadable or unknown falls back to the defaults, field by field. */
export function parseDisplay(stored: string | null | undefined): Display {
  let value: unknown;
  try {
    value = JSON.parse(stored ?? '{}');
  } catch {
    return { ...DEFAULT_DISPLAY };
  }
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const pick = <T extends string>(options: readonly T[], x: unknown, fallback: T): T => (options.includes(x as T) ? (x as T) : fallback);
  return { theme: pick(THEMES, record.theme, DEFAULT_DISPLAY.theme), text: pick(TEXT_SIZES, record.text, DEFAULT_DISPLAY.text) };
}

/** The attributes the <html> element carries for a choice (none for the defaults). */
export function displayAttributes(display: Display): { 'data-theme'?: Theme; 'data-text-size'?: TextSize } {
  return {
    ...(display.theme !== 'system' ? { 'data-theme': display.theme } : {}),
    ...(display.text !== 'normal' ? { 'data-text-size': display.text } : {}),
  };
}
