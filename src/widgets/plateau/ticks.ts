// Tick labels and rate texts for the plateau figures: log axes spanning many decades label only
// what fits, and rates far below 10⁻⁴ read as powers of ten.
import { formatNumber, formatPowerOfTen } from '../../experiments/format';

/**
 * Labels for a log axis from lo to hi that do not crowd: every tick up to `room.all` decades,
 * 1, 2 and 5 × 10ⁿ up to `room.oneTwoFive`, only the powers of ten beyond.
 */
export function logTickFormat(lo: number, hi: number, room: { all: number; oneTwoFive: number }, format: (v: number) => string = lossTick): (value: number) => string {
  const decades = Math.log10(hi / lo);
  const keep = decades <= room.all ? null : decades <= room.oneTwoFive ? [1, 2, 5] : [1];
  return (v) => {
    if (!keep) return format(v);
    const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
    return keep.some((k) => Math.abs(mantissa - k) < 1e-6) ? format(v) : '';
  };
}

/** A loss tick: plain, or a power of ten once it is huge (10¹²⁰ rather than 1e+120). */
function lossTick(value: number): string {
  return value >= 1e6 ? formatPowerOfTen(value, 1) : formatNumber(value);
}

/** Loss axes have room for every tick over a decade and a bit, for 1, 2, 5 × 10ⁿ over two and a half. */
export function lossTickFormat(lo: number, hi: number): (value: number) => string {
  return logTickFormat(lo, hi, { all: 1.3, oneTwoFive: 2.5 });
}

/** Rate ticks: plain down to 0.001, powers of ten below (10⁻⁶ rather than 0.000001). */
export function rateTick(value: number): string {
  return value >= 1e-3 ? formatNumber(value) : formatPowerOfTen(value, 1);
}

/** A rate as a reader would write it: 0.05, 0.0007813, 1.4 × 10⁻⁸. */
export function rateText(rate: number): string {
  return Number.isFinite(rate) && rate > 0 && rate < 1e-4 ? formatPowerOfTen(rate) : formatNumber(rate);
}
