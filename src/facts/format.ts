// Numbers printed in lesson prose are computed at build time from the trainer; these
// helpers only decide how many digits a reader sees.

/** A number with a fixed count of decimals, with a real minus sign. */
export function fixed(value: number, decimals = 2): string {
  return value.toFixed(decimals).replace('-', '−');
}

/** How many decimals a printed number shows ("0.4123" → 4), so an exercise accepts what rounds to it. */
export function decimalsShown(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** A share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The number a printed text stands for ("−0.70", "1,234.5"), so an exercise's answer can be
 * computed from the digits the student is shown rather than from the unrounded values.
 */
export function printedValue(text: string): number {
  const value = Number(text.replace(/[\u2212]/g, '-').replace(/,/g, ''));
  if (!Number.isFinite(value)) throw new Error(`printedValue: "${text}" is not a printed number.`);
  return value;
}
