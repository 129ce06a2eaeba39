// The loss curve's numbers, apart from drawing: the run's points grown from incremental `trainProgress` messages,
// their finite range and the indices worth drawing on a panel a few hundred pixels wide. No DOM, no d3.

import { decodeLoss, type TrainProgressMessage } from '../src/webview-protocol';

/** One run's losses, as the host sends them: each message continues the curve at `from` (0 or absent: replaces it). */
export class LossCurve {
  readonly points: number[] = [];

  add(m: Pick<TrainProgressMessage, 'from' | 'history'>): void {
    // An overlap with points already held (a replay after a reload, then a late increment) is cut back first.
    const from = Math.min(m.from ?? 0, this.points.length);
    this.points.length = from;
    for (const v of m.history) this.points.push(decodeLoss(v));
  }

  clear(): void {
    this.points.length = 0;
  }
}

/** Finite min and max without spreading the array into arguments (which overflows the stack past ~125k values). */
export function finiteRange(values: ArrayLike<number>): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** Indices to draw: every point when they fit in `columns` × 2, else per column the first point, its min and its
 *  max (in index order), so spikes survive the thinning. Non-finite points are kept where they fall. */
export function decimate(values: ArrayLike<number>, columns: number): number[] {
  const n = values.length;
  if (n <= columns * 2) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    const a = Math.floor((c * n) / columns);
    const b = Math.floor(((c + 1) * n) / columns);
    let min = -1;
    let max = -1;
    for (let i = a; i < b; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (min < 0 || v < values[min]) min = i;
      if (max < 0 || v > values[max]) max = i;
    }
    const picks = [...new Set([a, min, max].filter((i) => i >= 0))].sort((x, y) => x - y);
    out.push(...picks);
  }
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

