// Readers for layer config values: turn what the evaluator hands over (numbers, tuples, UNKNOWN) into what shape
// rules need, treating anything not statically known as unknown (null) rather than as an error.

import type { Dim } from '../graph/shape';
import { isUnknown, LayerError, type ConfigValue, type LayerConfig } from './types';

/** A number, or null when unknown / not a number. */
export function num(config: LayerConfig, key: string): number | null {
  const v = config[key];
  return typeof v === 'number' ? v : null;
}

/** A dimension-like value: a number, a symbolic string dim, or null. */
export function dim(v: ConfigValue | undefined): Dim {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[A-Za-z_][\w ()*+\-/]*$/.test(v)) return v;
  return null;
}

export function str(config: LayerConfig, key: string): string | null {
  const v = config[key];
  return typeof v === 'string' ? v : null;
}

export function bool(config: LayerConfig, key: string): boolean | null {
  const v = config[key];
  return typeof v === 'boolean' ? v : null;
}

export function known(config: LayerConfig, key: string): boolean {
  return config[key] !== undefined && !isUnknown(config[key]);
}

/** `3` → [3, 3]; `(3, 2)` → [3, 2]; unknown entries → null. Keras's `standardize_tuple`. */
export function intTuple(v: ConfigValue | undefined, n: number): (number | null)[] {
  if (typeof v === 'number') return Array(n).fill(v);
  if (Array.isArray(v)) {
    const out = v.map((x) => (typeof x === 'number' ? x : null));
    return out.length === n ? out : Array(n).fill(null);
  }
  return Array(n).fill(null);
}

/** A list of dims (e.g. a `target_shape`), or null when not statically a list. */
export function dimList(v: ConfigValue | undefined): Dim[] | null {
  if (!Array.isArray(v)) return typeof v === 'number' ? [v] : null;
  return v.map((x) => dim(x));
}

export function invalid(message: string): LayerError {
  return new LayerError('invalid-config', message);
}
