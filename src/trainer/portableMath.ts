// The logarithm and cosine the seeded generators use, written out in plain arithmetic so that
// every JavaScript engine computes the same bits. Math.log and Math.cos are not fully pinned
// down by the language: Node 20 and Chromium 156 disagree in the last bit for several per cent
// of inputs (measured), which changed He starts, and so whole training runs, between the page's
// build and the reader's browser. Additions, multiplications and divisions are exact IEEE-754
// operations in every engine, so these ports of fdlibm (the C library V8 itself long used, whose
// results Node 20 gives) agree everywhere — a test checks them against Node's Math on millions
// of inputs.

// Reads and writes the two 32-bit halves of a double, as fdlibm's __HI/__LO do.
const buffer = new DataView(new ArrayBuffer(8));
function highWord(x: number): number {
  buffer.setFloat64(0, x);
  return buffer.getInt32(0);
}
function lowWord(x: number): number {
  buffer.setFloat64(0, x);
  return buffer.getUint32(4);
}
function withHighWord(x: number, high: number): number {
  buffer.setFloat64(0, x);
  buffer.setInt32(0, high);
  return buffer.getFloat64(0);
}
function fromWords(high: number, low: number): number {
  buffer.setInt32(0, high);
  buffer.setUint32(4, low);
  return buffer.getFloat64(0);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** The natural logarithm, fdlibm's __ieee754_log: the same bits in every engine. */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; // log(negative)
    k -= 54; // subnormal: scale up
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos on [−π/4, π/4] of x + y (y the tail of a reduced argument): fdlibm's __kernel_cos. */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin on [−π/4, π/4] of x + y: fdlibm's __kernel_sin with a tail (iy = 1). */
function kernelSin(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417e0;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
/** High words of n·π/2 for n = 1…32: where the quick reduction could lose digits. */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a, 0x402f6a7a,
  0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a,
  0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb,
  0x404858eb, 0x404921fb,
];

/** The largest |x| `cos` reduces exactly (2^19·π/2); every angle the course draws is far below it. */
export const COS_MAX_ARGUMENT = 823549.6654608439;

/**
 * x − n·π/2 as a head and tail [y0, y1] with |y0| ≤ π/4, and n: fdlibm's __ieee754_rem_pio2
 * for |x| up to 2^19·π/2 (the medium range).
 */
function reduce(x: number): [number, number, number] {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    if (ix !== 0x3ff921fb) {
      const y0 = z - sign * PIO2_1T;
      return [y0, z - y0 - sign * PIO2_1T, sign];
    }
    z -= sign * PIO2_2; // near π/2: more digits of π
    const y0 = z - sign * PIO2_2T;
    return [y0, z - y0 - sign * PIO2_2T, sign];
  }
  const t = Math.abs(x);
  const n = Math.trunc(t * INV_PIO2 + 0.5);
  let r = t - n * PIO2_1;
  let w = n * PIO2_1T;
  let y0: number;
  if (n < 32 && ix !== NPIO2_HW[n - 1]) {
    y0 = r - w;
  } else {
    const j = ix >> 20;
    y0 = r - w;
    let i = j - ((highWord(y0) >> 20) & 0x7ff);
    if (i > 16) {
      let s = r;
      w = n * PIO2_2;
      r = s - w;
      w = n * PIO2_2T - (s - r - w);
      y0 = r - w;
      i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 49) {
        s = r;
        w = n * PIO2_3;
        r = s - w;
        w = n * PIO2_3T - (s - r - w);
        y0 = r - w;
      }
    }
  }
  const y1 = r - y0 - w;
  return hx < 0 ? [-y0, -y1, -n] : [y0, y1, n];
}

/** The cosine, fdlibm's cos, for |x| ≤ COS_MAX_ARGUMENT: the same bits in every engine. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return NaN;
  if (!(Math.abs(x) <= COS_MAX_ARGUMENT)) throw new RangeError(`cos(${x}): only angles up to 2^19·π/2 are reduced here.`);
  const [y0, y1, n] = reduce(x);
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}
