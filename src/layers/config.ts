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

// --- Helpers for conv/pooling/padding/recurrent families (additive) -------------------------------------------

/** True when every entry of a config tuple is a known number (so checks on it can be decided). */
export function allKnown(xs: readonly (number | null)[]): xs is number[] {
  return xs.every((x) => typeof x === 'number');
}

/** Python's str of a value inside an f-string: like repr, but a bare string is printed without quotes. */
export function pyStr(v: ConfigValue | undefined): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** How numpy prints a 1-D array: `[1 1]`; None entries print as `None` (object arrays). */
export function npArray(xs: readonly (number | null)[]): string {
  return `[${xs.map((x) => (x === null ? 'None' : String(x))).join(' ')}]`;
}

/** Python's repr of a set of ints as Keras's `standardize_tuple` prints it (small ints iterate in hash order). */
export function pySet(xs: readonly number[]): string {
  const unique = [...new Set(xs)].sort((a, b) => (a >= 0 ? a : a - 1e9) - (b >= 0 ? b : b - 1e9));
  return `{${unique.join(', ')}}`;
}

/** TF.js's `formatAsFriendlyString` (generic_utils.ts). */
export function jsFriendly(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(jsFriendly).join(',')}]`;
  if (typeof v === 'string') return `"${v}"`;
  return `${v}`;
}

/**
 * Keras's `standardize_tuple(value, n, name, allow_zero)` (keras/src/utils/argument_validation.py): throws its
 * message for a wrong length or a non-positive entry; unknown values and entries pass (they cannot be judged).
 */
export function checkKerasTuple(v: ConfigValue | undefined, n: number, name: string, allowZero = false): void {
  if (v === undefined || v === null || isUnknown(v)) return;
  const head = `The \`${name}\` argument must be a tuple of ${n} integers. Received ${name}=${pyStr(v)}`;
  let values: ConfigValue[];
  if (typeof v === 'number') values = Array(n).fill(v);
  else if (Array.isArray(v)) {
    if (v.length !== n) throw invalid(head);
    values = v;
  } else return;
  const nums = values.filter((x): x is number => typeof x === 'number');
  const bad = nums.filter((x) => (allowZero ? x < 0 : x <= 0));
  if (bad.length > 0) {
    throw invalid(`${head}, including values ${pySet(bad)} that do not satisfy \`value ${allowZero ? '>= 0' : '> 0'}\``);
  }
}

/**
 * TF.js's `normalizeArray(value, n, name)` (utils/conv_utils.ts): an array must have n integer entries.
 * Unknown values pass.
 */
export function checkJsArray(v: ConfigValue | undefined, n: number, name: string): void {
  if (!Array.isArray(v)) return;
  if (v.length !== n) {
    throw invalid(`The ${name} argument must be an integer or tuple of ${n} integers. Received: ${v.length} elements.`);
  }
  for (const x of v) {
    if (typeof x === 'number' && !Number.isInteger(x)) {
      throw invalid(
        `The ${name} argument must be an integer or tuple of ${n} integers. Received: ${JSON.stringify(v)} including a non-integer number ${x}`,
      );
    }
  }
}

/** TF.js's `assertPositiveInteger(value, name)` (generic_utils.ts); unknown entries pass. */
export function checkJsPositiveInteger(v: ConfigValue | undefined, name: string): void {
  if (Array.isArray(v)) {
    if (v.length === 0) throw invalid(`${name} is unexpectedly an empty array.`);
    v.forEach((x, i) => checkJsPositiveInteger(x, `element ${i + 1} of ${name}`));
    return;
  }
  if (typeof v === 'number' && !(Number.isInteger(v) && v > 0)) {
    throw invalid(`Expected ${name} to be a positive integer, but got ${jsFriendly(v)}.`);
  }
}

/** TF.js's `checkStringTypeUnionValue` (common.ts): `foo is not a valid PaddingMode.  Valid values are …`. */
export function checkJsUnion(v: ConfigValue | undefined, allowed: readonly string[], label: string): void {
  if (typeof v !== 'string') return;
  if (!allowed.includes(v)) {
    throw invalid(`${v} is not a valid ${label}.  Valid values are ${allowed.join(',')} or null/undefined.`);
  }
}

/** Whether `data_format` means channels-first, in either spelling (`channels_first`, `channelsFirst`). Unknown → last. */
export function channelsFirst(config: LayerConfig): boolean {
  const v = config.data_format;
  return typeof v === 'string' && (v.toLowerCase() === 'channels_first' || v === 'channelsFirst');
}

/** When `data_format` is not statically known, which axes are spatial is not known either: every non-batch size
 *  of the output is unknown (and no size check may fire). Returns that shape, or null when the format is known. */
export function unknownLayout(config: LayerConfig, input: readonly Dim[], outputRank = input.length): Dim[] | null {
  return isUnknown(config.data_format) ? [input[0] ?? null, ...Array<Dim>(Math.max(outputRank - 1, 0)).fill(null)] : null;
}

/** Keras's `standardize_data_format` check (keras/src/backend/config.py). */
export function checkKerasDataFormat(v: ConfigValue | undefined): void {
  if (typeof v !== 'string') return;
  const lower = v.toLowerCase();
  if (lower !== 'channels_first' && lower !== 'channels_last') {
    throw invalid(
      `The \`data_format\` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=${lower}`,
    );
  }
}
