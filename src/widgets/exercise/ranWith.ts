// Whether a widget's reported run (kit/events.ts WIDGET_RAN_EVENT) is the one a predict-then-run
// exercise asks for. Pure: the exercise's `when` is written in the lesson and checked at build time.

/**
 * A setting's asked value: exactly this, at least this many (an epoch reached, steps taken), or at
 * most this (a bias lowered past a point).
 */
export type AskedValue = string | number | boolean | { atLeast: number } | { atMost: number };
export type AskedSettings = Readonly<Record<string, AskedValue>>;

function sameValue(reported: string, asked: string | number | boolean): boolean {
  if (typeof asked === 'number') return reported.trim() !== '' && Number(reported) === asked;
  return reported === String(asked);
}

/** True when every asked setting has its value in the reported settings (a link's text values). */
export function ranWith(reported: Readonly<Record<string, string>>, asked: AskedSettings): boolean {
  return Object.entries(asked).every(([name, value]) => {
    const text = reported[name];
    if (text === undefined) return false;
    if (typeof value === 'object') {
      if (text.trim() === '' || !Number.isFinite(Number(text))) return false;
      return 'atLeast' in value ? Number(text) >= value.atLeast : Number(text) <= value.atMost;
    }
    return sameValue(text, value);
  });
}
