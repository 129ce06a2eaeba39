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

/** How Python's `repr` would print a config value inside a Keras message (`(2, 3)`, `None`, `True`, `'same'`).
 *  A list from the code is printed as a tuple: the evaluator does not tell tuples and lists apart, and Keras
 *  messages mostly print arguments after `tuple(...)`. */
export function pyRepr(v: ConfigValue | undefined): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
  if (isUnknown(v)) return '...';
  return `{${Object.entries(v).map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(', ')}}`;
}

/** An integer list (e.g. Permute's `dims`), or null when not statically a list of known integers. */
export function knownIntList(v: ConfigValue | undefined): number[] | null {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x))) return null;
  return v as number[];
}

