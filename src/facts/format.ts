// Numbers printed in lesson prose are computed at build time from the trainer; these
// helpers only decide how many digits a reader sees.

/** A number with a fixed count of decimals, with a real minus sign. */
export function fixed(value: number, decimals = 2): string {
  return value.toFixed(decimals).replace('-', '−');
}

/** A share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
