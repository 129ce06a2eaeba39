// Turns the data a training script describes (DataSpec) into arrays: seeded random data, .npy and text/CSV files next
// to the source, literals, or synthetic data of the model's shapes. Plain Float32/Int32 arrays; no TF.js here.
// Data files are read only when they are regular files inside the root folder (after resolving symlinks), below a
// size cap and within a read deadline; errors name the file and the place, never its content.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSpec } from '../graph/ir';
import type { Shape } from '../graph/shape';

/** A dense row-major array. */
export interface NdArray {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** mulberry32: a tiny seeded PRNG, so "random" training data is the same on every run with the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Largest array the trainer makes from a spec (float32: 1 GiB), so `np.random.rand(10**6, 10**6)` is an error in
 *  words, not an allocation failure. */
export const MAX_ELEMENTS = 1 << 28;
/** Largest data file read (bytes), and how long reading one may take. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
export const READ_TIMEOUT_MS = 30_000;

function checkedSize(shape: number[], what: string): number {
  const n = size(shape);
  if (!Number.isFinite(n) || n > MAX_ELEMENTS) throw new DataError(`${what} of shape (${shape.join(', ')}) has ${n} values, more than the ${MAX_ELEMENTS} the trainer holds`);
  return n;
}

function gaussian(rand: () => number): number {
  // Box–Muller; 1 - u keeps log() away from 0.
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

// ---- .npy ----------------------------------------------------------------------------------------------------------

/** Reads a NumPy .npy file (format versions 1–3): little-endian or byte-sized floats/ints/bools, C or Fortran order. */
export function readNpy(buf: Buffer, name = 'file'): NdArray {
  if (buf.length < 10 || buf[0] !== 0x93 || buf.toString('latin1', 1, 6) !== 'NUMPY') throw new DataError(`${name} is not a .npy file`);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString(major >= 3 ? 'utf8' : 'latin1', start, start + headerLen);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*True/.test(header);
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || shapeText === undefined) throw new DataError(`${name}: cannot read the .npy header`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new DataError(`${name}: the .npy header has an invalid shape`);
  const n = checkedSize(shape, name);
  const offset = start + headerLen;
  const kind = descr.slice(1);
  const endian = descr[0];
  if (endian === '>' && !/^[iufb]1$/.test(kind)) throw new DataError(`${name}: big-endian .npy data is not supported`);
  const view = new DataView(buf.buffer, buf.byteOffset + offset, buf.length - offset);
  const readers: Record<string, [number, (i: number) => number, 'float32' | 'int32']> = {
    f4: [4, (i) => view.getFloat32(i * 4, true), 'float32'],
    f8: [8, (i) => view.getFloat64(i * 8, true), 'float32'],
    f2: [2, (i) => halfToFloat(view.getUint16(i * 2, true)), 'float32'],
    i1: [1, (i) => view.getInt8(i), 'int32'],
    u1: [1, (i) => view.getUint8(i), 'int32'],
    b1: [1, (i) => view.getUint8(i), 'int32'],
    i2: [2, (i) => view.getInt16(i * 2, true), 'int32'],
    u2: [2, (i) => view.getUint16(i * 2, true), 'int32'],
    i4: [4, (i) => view.getInt32(i * 4, true), 'int32'],
    u4: [4, (i) => view.getUint32(i * 4, true), 'int32'],
    i8: [8, (i) => Number(view.getBigInt64(i * 8, true)), 'int32'],
    u8: [8, (i) => Number(view.getBigUint64(i * 8, true)), 'int32'],
  };
  const r = readers[kind];
  if (!r) throw new DataError(`${name}: the .npy dtype is not supported (floats, ints and bools are)`);
  const [width, read, dtype] = r;
  if (view.byteLength < n * width) throw new DataError(`${name}: the .npy file is truncated (${view.byteLength} bytes of data for shape (${shape.join(', ')}))`);
  const data = dtype === 'float32' ? new Float32Array(n) : new Int32Array(n);
  if (!fortran) {
    for (let i = 0; i < n; i++) data[i] = read(i);
  } else {
    // Fortran order: the first index varies fastest; rewrite into row-major.
    const idx = new Array<number>(shape.length).fill(0);
    for (let f = 0; f < n; f++) {
      let c = 0;
      for (let d = 0; d < shape.length; d++) c = c * shape[d] + idx[d];
      data[c] = read(f);
      for (let d = 0; d < shape.length; d++) {
        if (++idx[d] < shape[d]) break;
        idx[d] = 0;
      }
    }
  }
  return { shape, dtype, data };
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

// ---- text / CSV (np.loadtxt) ---------------------------------------------------------------------------------------

/** `np.loadtxt(file, delimiter=…, skiprows=…)`: '#' comments, blank lines skipped, whitespace when no delimiter;
 *  like numpy (ndmin=0) a single row or column comes back 1-D. */
export function readText(text: string, delimiter: string | null, skiprows: number, name = 'file'): NdArray {
  const rows: number[][] = [];
  const lines = text.split(/\r?\n/).slice(skiprows);
  let count = 0;
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const cells = delimiter === null ? line.split(/\s+/) : line.split(delimiter).map((c) => c.trim());
    // The cell itself is not quoted: the file may be anything (a key, a password file) that the code points at.
    const row = cells.map((c, col) => {
      const v = Number(c);
      if (c === '' || Number.isNaN(v) && !/^nan$/i.test(c)) throw new DataError(`${name}, line ${i + 1 + skiprows}, column ${col + 1}: not a number`);
      return v;
    });
    count += row.length;
    if (count > MAX_ELEMENTS) throw new DataError(`${name} has more than the ${MAX_ELEMENTS} values the trainer holds`);
    if (rows.length > 0 && row.length !== rows[0].length) {
      throw new DataError(`${name}, line ${i + 1 + skiprows}: ${row.length} columns, the first row had ${rows[0].length}`);
    }
    rows.push(row);
  });
  if (rows.length === 0) throw new DataError(`${name} holds no data`);
  const cols = rows[0].length;
  const flat = Float32Array.from(rows.flat());
  const shape = rows.length === 1 ? [cols] : cols === 1 ? [rows.length] : [rows.length, cols];
  return { shape, dtype: 'float32', data: flat };
}

// ---- literals ------------------------------------------------------------------------------------------------------

function literal(values: unknown): NdArray {
  const shape: number[] = [];
  let v: unknown = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  const flat = (Array.isArray(values) ? (values as unknown[]).flat(Infinity) : [values]) as unknown[];
  if (flat.length !== size(shape) || flat.some((x) => typeof x !== 'number' && typeof x !== 'boolean')) {
    throw new DataError('a literal array is ragged or holds values that are not numbers');
  }
  // Integer literals become float32 too: the layers compute in float32, and TF.js's sparse categorical loss takes
  // float labels.
  return { shape, dtype: 'float32', data: Float32Array.from(flat.map(Number)) };
}

// ---- DataSpec → array ----------------------------------------------------------------------------------------------

export interface LoadOptions {
  /** Folder the source file lives in: relative data paths are resolved against it. */
  baseDir: string;
  /** The only folder data files may come from (default: baseDir). */
  root?: string;
  /** Cap on one data file (default MAX_FILE_BYTES) and on the time to read it (default READ_TIMEOUT_MS). */
  maxBytes?: number;
  readTimeoutMs?: number;
  seed: number;
}

/** One DataSpec as an array; null when the spec is 'unknown'. */
export function loadSpec(spec: DataSpec, opts: LoadOptions, rand: () => number): NdArray | null {
  switch (spec.kind) {
    case 'random-uniform': {
      const data = new Float32Array(checkedSize(spec.shape, 'random data'));
      for (let i = 0; i < data.length; i++) data[i] = spec.low + (spec.high - spec.low) * rand();
      return { shape: spec.shape, dtype: 'float32', data };
    }
    case 'random-normal': {
      const data = new Float32Array(checkedSize(spec.shape, 'random data'));
      for (let i = 0; i < data.length; i++) data[i] = spec.mean + spec.std * gaussian(rand);
      return { shape: spec.shape, dtype: 'float32', data };
    }
    case 'random-int': {
      // np.random.randint(low, high): high excluded.
      const data = new Int32Array(checkedSize(spec.shape, 'random data'));
      for (let i = 0; i < data.length; i++) data[i] = spec.low + Math.floor((spec.high - spec.low) * rand());
      return { shape: spec.shape, dtype: 'int32', data };
    }
    case 'zeros':
    case 'ones':
      return { shape: spec.shape, dtype: 'float32', data: new Float32Array(checkedSize(spec.shape, `np.${spec.kind}`)).fill(spec.kind === 'ones' ? 1 : 0) };
    case 'npy':
      return readNpy(readConfined(spec.path, opts), spec.path);
    case 'csv':
      return readText(readConfined(spec.path, opts).toString('utf8'), spec.delimiter, spec.skiprows, spec.path);
    case 'literal':
      return literal(spec.values);
    case 'unknown':
      return null;
  }
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Reads a data file the code names, only if it is a regular file inside `opts.root` (default: baseDir) once
 *  symlinks are resolved, at most `maxBytes`, within `readTimeoutMs`. FIFOs, devices and sockets are refused before
 *  any read (opening is non-blocking, so a FIFO without a writer cannot hang it). */
export function readConfined(asWritten: string, opts: LoadOptions): Buffer {
  const fail = (why: string) => new DataError(`cannot read the data file '${asWritten}': ${why}`);
  const file = path.resolve(opts.baseDir, asWritten);
  let real: string;
  let root: string;
  try {
    root = fs.realpathSync(opts.root ?? opts.baseDir);
  } catch {
    throw fail(`the folder data may come from (${opts.root ?? opts.baseDir}) does not exist`);
  }
  try {
    real = fs.realpathSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'no such file' : code ?? 'cannot resolve the path');
  }
  if (!inside(root, real)) throw fail(`it is outside ${root}, the only folder training reads data from`);
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const deadline = Date.now() + (opts.readTimeoutMs ?? READ_TIMEOUT_MS);
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    throw fail((e as NodeJS.ErrnoException).code ?? 'cannot open it');
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw fail('not a regular file');
    if (st.size > maxBytes) throw fail(`${st.size} bytes, more than the ${maxBytes} training reads`);
    // Read in slices against the deadline and the cap: the file may grow while it is read, or sit on a slow disk.
    const chunks: Buffer[] = [];
    let total = 0;
    const slice = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1));
    for (;;) {
      if (Date.now() > deadline) throw fail(`reading it took longer than ${(opts.readTimeoutMs ?? READ_TIMEOUT_MS) / 1000} s`);
      const n = fs.readSync(fd, slice, 0, slice.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw fail(`more than the ${maxBytes} bytes training reads`);
      chunks.push(Buffer.from(slice.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

// ---- matching data to the model ------------------------------------------------------------------------------------

export interface DataSet {
  x: NdArray[];
  y: NdArray[];
  /** True when (some of) the data was made up because the code's data is not statically known. */
  synthetic: boolean;
  /** Why data was synthesized, or how it was adapted; shown to the user. */
  notes: string[];
}

/** Which target encoding a loss expects, so synthetic targets are valid for it. */
export type TargetKind = 'regression' | 'one-hot' | 'sparse' | 'binary';

export interface ModelShapes {
  inputs: { name: string; shape: Shape }[];
  outputs: { name: string; shape: Shape; target: TargetKind }[];
}

function fmt(shape: readonly (number | string | null)[]): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** Checks an array against a model input/output shape; adapts where Keras does (a trailing axis of 1 added to a 1-D
 *  target, sparse labels as a column). Throws DataError in words a user can act on. */
function conform(a: NdArray, expected: Shape, what: string, target?: TargetKind): NdArray {
  let arr = a;
  const want = target === 'sparse' ? [...expected.slice(0, -1), 1] : expected;
  if (arr.shape.length === want.length - 1 && want[want.length - 1] === 1) arr = { ...arr, shape: [...arr.shape, 1] };
  if (arr.shape.length !== want.length || arr.shape.some((d, i) => i > 0 && typeof want[i] === 'number' && want[i] !== d)) {
    throw new DataError(`${what}: the data has shape ${fmt(arr.shape)} but the model expects ${fmt(want)}`);
  }
  if (target === 'sparse' && arr.dtype !== 'float32') arr = { ...arr, dtype: 'float32', data: Float32Array.from(arr.data) };
  return arr;
}

/** Synthetic array for one model input/output with batch size n. */
function synthesize(shape: Shape, n: number, rand: () => number, target: TargetKind | undefined, what: string): NdArray {
  const inner = shape.slice(1);
  if (inner.some((d) => typeof d !== 'number')) throw new DataError(`${what}: cannot make synthetic data for shape ${fmt(shape)} (a dimension is not known)`);
  const dims = inner as number[];
  if (target === 'sparse') {
    const classes = dims[dims.length - 1];
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = Math.floor(rand() * classes);
    return { shape: [n, ...dims.slice(0, -1), 1], dtype: 'float32', data };
  }
  const full = [n, ...dims];
  const data = new Float32Array(checkedSize(full, what));
  if (target === 'one-hot') {
    const classes = dims[dims.length - 1];
    for (let r = 0; r < data.length / classes; r++) data[r * classes + Math.floor(rand() * classes)] = 1;
  } else if (target === 'binary') {
    for (let i = 0; i < data.length; i++) data[i] = rand() < 0.5 ? 0 : 1;
  } else {
    for (let i = 0; i < data.length; i++) data[i] = rand();
  }
  return { shape: full, dtype: 'float32', data };
}

export interface DataOptions extends LoadOptions {
  /** Samples of synthetic data (default 32). */
  samples?: number;
}

/** x and y for fit(): from the specs when known, otherwise synthetic data of the model's shapes (and say so). */
export function makeDataSet(model: ModelShapes, xSpecs: DataSpec[] | null, ySpecs: DataSpec[] | null, opts: DataOptions): DataSet {
  const rand = seededRandom(opts.seed);
  const notes: string[] = [];
  let synthetic = false;
  const load = (specs: DataSpec[] | null, count: number, what: string): (NdArray | null)[] => {
    if (specs === null) return new Array<null>(count).fill(null);
    if (specs.length !== count) {
      throw new DataError(`${what}: the code passes ${specs.length} array(s) but the model has ${count} ${what === 'x' ? 'input' : 'output'}(s)`);
    }
    return specs.map((s, i) => {
      const a = loadSpec(s, opts, rand);
      if (a === null && s.kind === 'unknown') notes.push(`${what}[${i}] is not statically known (${s.reason})`);
      return a;
    });
  };
  const xs = load(xSpecs, model.inputs.length, 'x');
  const ys = load(ySpecs, model.outputs.length, 'y');
  const known = [...xs, ...ys].filter((a): a is NdArray => a !== null);
  const n = known.length > 0 ? known[0].shape[0] : opts.samples ?? 32;
  if (known.length > 0 && known.some((a) => a.shape[0] !== n)) {
    throw new DataError(`x and y have different numbers of samples: ${known.map((a) => a.shape[0]).join(' vs ')}`);
  }
  if (xSpecs === null || ySpecs === null) notes.push(`the training data is not statically known: training on ${n} samples of synthetic data of the model's shapes`);
  const x = model.inputs.map((inp, i) => {
    const a = xs[i];
    if (a === null) {
      synthetic = true;
      return synthesize(inp.shape, n, rand, undefined, `input "${inp.name}"`);
    }
    return conform(a, inp.shape, `x for input "${inp.name}"`);
  });
  const y = model.outputs.map((out, i) => {
    const a = ys[i];
    if (a === null) {
      synthetic = true;
      return synthesize(out.shape, n, rand, out.target, `output "${out.name}"`);
    }
    return conform(a, out.shape, `y for output "${out.name}"`, out.target);
  });
  return { x, y, synthetic, notes };
}
