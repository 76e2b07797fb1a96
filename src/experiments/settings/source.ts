// Where a widget's settings come from: the element's data-* attributes (a DOMStringMap) at
// start-up, or a query string for a shared link. Both become plain [key, text] pairs here,
// so each widget's parse…Config() only has to judge the values.

export type ConfigSource = URLSearchParams | DOMStringMap | Record<string, string | undefined>;

/**
 * The settings as [key, text] pairs, in order. Keys Astro adds to elements itself
 * (data-astro-cid-…, which the dataset shows as astroCid…) are not settings and are left out.
 */
export function configEntries(source: ConfigSource): [string, string][] {
  const out: [string, string][] = [];
  if (typeof (source as URLSearchParams).forEach === 'function' && typeof (source as URLSearchParams).get === 'function') {
    (source as URLSearchParams).forEach((value, key) => out.push([key, value]));
  } else {
    for (const [key, value] of Object.entries(source)) if (typeof value === 'string') out.push([key, value]);
  }
  return out.filter(([key]) => !key.startsWith('astro'));
}

/** A key or value quoted back in a notice, cut short so a garbled link cannot flood the page. */
export function clipText(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

/** The option whose value the text names (case and surrounding spaces ignored), or null. */
export function oneOf<T extends string>(text: string, options: readonly { value: T }[]): T | null {
  const t = text.trim().toLowerCase();
  return options.find((o) => o.value.toLowerCase() === t)?.value ?? null;
}
