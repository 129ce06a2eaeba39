// Weight values between flat float32 storage (how the trainer reads them and how they cross the process boundary)
// and the nested arrays results carry (as numpy prints them). No TF.js here, so the editor side can use it.

import type { NestedNumbers, WeightArray, WeightHeader } from './protocol';

/** Shortest decimals that read back as the same float32 (as numpy prints float32): -0.03278166, not
 *  -0.03278166055679321. Math.fround of the result gives the exact weight back. */
export function shortestFloat32(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // Binary search over 1–9 digits (9 always round-trip a float32, and if p digits do, p+1 do): about 3 tries per
  // value instead of up to 9, each by integer rounding at an exact power of ten rather than toPrecision's string
  // round trip, which matters for millions of weights.
  const e = Math.floor(Math.log10(Math.abs(x)));
  let lo = 1;
  let hi = 9;
  let best = Number(x.toPrecision(9));
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const y = roundDigits(x, mid, e);
    if (Math.fround(y) === x) {
      best = y;
      hi = mid;
    } else lo = mid + 1;
  }
  return best;
}

/** Ties away from zero, as toPrecision rounds (Math.round sends -2.5 to -2). */
function roundHalfAway(v: number): number {
  return v < 0 ? -Math.round(-v) : Math.round(v);
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** x rounded to `digits` significant digits (x's decimal exponent is `e`) as the double nearest that decimal:
 *  m / 10^k and m × 10^k are correctly rounded while 10^k is exact (k ≤ 22); beyond, toPrecision. */
function roundDigits(x: number, digits: number, e: number): number {
  const k = digits - 1 - e;
  if (k >= 0 && k <= 22) return roundHalfAway(x * POW10[k]) / POW10[k];
  if (k < 0 && -k <= 22) return roundHalfAway(x / POW10[-k]) * POW10[-k];
  return Number(x.toPrecision(digits));
}

/** Row-major flat values → nested arrays of `shape`, each value in its shortest float32 form. */
export function nest(flat: ArrayLike<number>, shape: readonly number[], offset = 0): NestedNumbers {
  if (shape.length === 0) return shortestFloat32(flat[offset]);
  const [n, ...rest] = shape;
  const step = rest.reduce((a, b) => a * b, 1);
  const out: NestedNumbers[] = new Array(n);
  if (rest.length === 0) {
    for (let i = 0; i < n; i++) out[i] = shortestFloat32(flat[offset + i]);
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = nest(flat, rest, offset + i * step);
  return out;
}

export function withValues(header: WeightHeader, data: ArrayLike<number>): WeightArray {
  return { ...header, values: nest(data, header.shape) };
}

/** Float32 values per message when weights cross the process boundary: 4 MB, far below any IPC limit. */
export const WEIGHT_CHUNK = 1 << 20;
