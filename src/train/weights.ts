// Weight values between flat float32 storage (how the trainer reads them and how they cross the process boundary)
// and the nested arrays results carry (as numpy prints them). No TF.js here, so the editor side can use it.

import type { NestedNumbers, WeightArray, WeightHeader } from './protocol';

/** Shortest decimals that read back as the same float32 (as numpy prints float32): -0.03278166, not
 *  -0.03278166055679321. Math.fround of the result gives the exact weight back. */
export function shortestFloat32(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let p = 1; p < 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return y;
  }
  return Number(x.toPrecision(9));
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
