// "Show Weights as Text": weights printed the way Keras 3 prints `model.weights` entries followed by their values,
// i.e. numpy's repr of float32 arrays with numpy's default print options. Formatting only; it computes no weights.
//
// Follows numpy/_core/arrayprint.py (legacy=False): FloatingFormat with precision 8, floatmode 'maxprec',
// suppress=False, sign '-'; _formatArray with linewidth 75 (minus the suffix ','), separator ', ', threshold 1000,
// edgeitems 3; array_repr's rule for moving `dtype=float32)` to its own line. Reference strings: test/fixtures/train/.

import type { NestedNumbers, WeightArray } from './protocol';

const PRECISION = 8;
const LINEWIDTH = 75;
const THRESHOLD = 1000;
const EDGEITEMS = 3;

/** Shortest decimal digits that read back as the same float32 (numpy's unique repr for float32):
 *  `digits` without leading/trailing zeros, value = 0.d1d2… × 10^(exp+1), i.e. d1.d2… × 10^exp. */
function shortest32(x: number): { digits: string; exp: number } {
  const a = Math.fround(Math.abs(x));
  for (let p = 1; p <= 17; p++) {
    const s = a.toExponential(p - 1);
    if (Math.fround(Number(s)) === a || p === 17) {
      const [mant, e] = s.split('e');
      const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
      return { digits, exp: Number(e) };
    }
  }
  throw new Error('unreachable');
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** dragon4_positional(x, precision=8, unique=True, fractional=True, trim='.'): [integer part with sign, fraction]. */
function positional(x: number): [string, string] {
  const sign = isNegative(x) ? '-' : '';
  if (x === 0) return [`${sign}0`, ''];
  const { digits, exp } = shortest32(x);
  let int: string;
  let frac: string;
  if (exp >= 0) {
    int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    frac = digits.slice(exp + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  if (frac.length > PRECISION) {
    // More digits than the precision: Dragon4 stops at the cutoff and rounds the exact value there.
    const fixed = Math.abs(x).toFixed(PRECISION);
    [int, frac] = fixed.split('.');
    frac = frac.replace(/0+$/, '');
  }
  return [sign + int, frac];
}

/** dragon4_scientific(x, precision=8, unique=True, trim='.'): [mantissa integer digit with sign, fraction, exponent digits, exponent sign]. */
function scientific(x: number): { int: string; frac: string; expSign: string; exp: string } {
  const sign = isNegative(x) ? '-' : '';
  if (x === 0) return { int: `${sign}0`, frac: '', expSign: '+', exp: '0' };
  let { digits, exp } = shortest32(x);
  if (digits.length - 1 > PRECISION) {
    const s = Math.abs(x).toExponential(PRECISION);
    const [m, e] = s.split('e');
    digits = m.replace('.', '').replace(/0+$/, '');
    exp = Number(e);
  }
  return { int: sign + digits[0], frac: digits.slice(1), expSign: exp < 0 ? '-' : '+', exp: String(Math.abs(exp)) };
}

/** numpy's FloatingFormat for one array (the values it will print): a function from value to padded string. */
export function floatFormatter(numbers: number[]): (x: number) => string {
  // The arrays are float32: values given as shorter decimals (or doubles) are read as the float32 they stand for.
  const values = numbers.map(Math.fround);
  const finite = values.filter((v) => Number.isFinite(v));
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonZero.length > 0) {
    // numpy reads the values as float32 here; float32 rounding is already in the values.
    const max = Math.max(...nonZero);
    const min = Math.min(...nonZero);
    if (max >= 1e8 || min < 0.0001 || max / min > 1000) expFormat = true;
  }
  let padLeft = 0;
  let padRight = 0;
  let format: (x: number) => string;
  if (finite.length === 0) {
    format = () => '';
  } else if (expFormat) {
    const parts = finite.map(scientific);
    const precision = Math.max(...parts.map((p) => p.frac.length));
    // numpy prints at least two exponent digits.
    const expSize = Math.max(2, ...parts.map((p) => p.exp.length));
    padLeft = Math.max(...parts.map((p) => p.int.length));
    padRight = expSize + 2 + precision;
    format = (x) => {
      const p = scientific(x);
      return `${p.int.padStart(padLeft)}.${p.frac.padEnd(precision, '0')}e${p.expSign}${p.exp.padStart(expSize, '0')}`;
    };
  } else {
    const parts = finite.map(positional);
    padLeft = Math.max(...parts.map(([i]) => i.length));
    padRight = Math.max(...parts.map(([, f]) => f.length));
    format = (x) => {
      const [i, f] = positional(x);
      return `${i.padStart(padLeft)}.${f.padEnd(padRight)}`;
    };
  }
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }
  return (value: number) => {
    const x = Math.fround(value);
    if (Number.isNaN(x)) return 'nan'.padStart(padLeft + padRight + 1);
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(padLeft + padRight + 1);
    return format(x);
  };
}

function shapeOf(v: NestedNumbers): number[] {
  const shape: number[] = [];
  let cur: NestedNumbers = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

/** Indices printed along an axis of length n: all, or the first and last `EDGEITEMS` when summarizing. */
function shown(n: number, summarize: boolean): { lead: number[]; trail: number[]; gap: boolean } {
  if (summarize && 2 * EDGEITEMS < n) {
    return { lead: [0, 1, 2].slice(0, EDGEITEMS), trail: Array.from({ length: EDGEITEMS }, (_, i) => n - EDGEITEMS + i), gap: true };
  }
  return { lead: [], trail: Array.from({ length: n }, (_, i) => i), gap: false };
}

function collect(v: NestedNumbers, summarize: boolean, out: number[]): void {
  if (!Array.isArray(v)) {
    out.push(v);
    return;
  }
  const { lead, trail } = shown(v.length, summarize);
  for (const i of [...lead, ...trail]) collect(v[i], summarize, out);
}

function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  // numpy: don't wrap lines if it won't help.
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.replace(/\s+$/, '') + '\n';
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/** numpy's `array2string(a, separator=', ', prefix=prefix, suffix=suffix)` with default options. */
export function array2string(values: NestedNumbers, prefix = '', suffix = ''): string {
  const shape = shapeOf(values);
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length > 0 && size === 0) return '[]';
  const summarize = size > THRESHOLD;
  const subset: number[] = [];
  collect(values, summarize, subset);
  const fmt = floatFormatter(subset);
  const separator = ', ';
  const lineWidth = LINEWIDTH - suffix.length;

  const recurse = (v: NestedNumbers, depth: number, hangingIndent: string, currWidth: number): string => {
    if (!Array.isArray(v)) return fmt(v);
    const axesLeft = shape.length - depth;
    const nextHanging = hangingIndent + ' ';
    const nextWidth = currWidth - 1;
    const { lead, trail, gap } = shown(v.length, summarize);
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      for (const i of lead) {
        [s, line] = extendLine(s, line, recurse(v[i], depth + 1, nextHanging, nextWidth), elemWidth, hangingIndent);
        line += separator;
      }
      if (gap) {
        [s, line] = extendLine(s, line, '...', elemWidth, hangingIndent);
        line += separator;
      }
      trail.forEach((i, k) => {
        [s, line] = extendLine(s, line, recurse(v[i], depth + 1, nextHanging, nextWidth), elemWidth, hangingIndent);
        if (k < trail.length - 1) line += separator;
      });
      s += line;
    } else {
      const lineSep = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      for (const i of lead) s += hangingIndent + recurse(v[i], depth + 1, nextHanging, nextWidth) + lineSep;
      if (gap) s += hangingIndent + '...' + lineSep;
      trail.forEach((i, k) => {
        s += hangingIndent + recurse(v[i], depth + 1, nextHanging, nextWidth) + (k < trail.length - 1 ? lineSep : '');
      });
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurse(values, 0, ' ' + ' '.repeat(prefix.length), lineWidth);
}

/** numpy's `repr()` of a float32 array: `array([...], dtype=float32)`; numpy 2.2+ also names the shape of an array it
 *  summarizes (`..., shape=(784, 512), dtype=float32)`), as the numpy here (2.4) does. */
export function arrayRepr(values: NestedNumbers): string {
  const shape = shapeOf(values);
  const size = shape.reduce((a, b) => a * b, 1);
  const extras = (size > THRESHOLD ? `shape=${pyShape(shape)}, ` : '') + 'dtype=float32)';
  const body = 'array(' + array2string(values, 'array(', ')') + ',';
  const lastLine = body.length - (body.lastIndexOf('\n') + 1);
  const spacer = lastLine + extras.length + 1 > LINEWIDTH ? '\n' + ' '.repeat('array('.length) : ' ';
  return body + spacer + extras;
}

function pyShape(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** One weight as Keras 3 prints the variable, followed by its value's repr. */
export function formatWeight(w: Pick<WeightArray, 'name' | 'shape' | 'values'>): string {
  return `<KerasVariable shape=${pyShape(w.shape)}, dtype=float32, path=${w.name}>\n${arrayRepr(w.values)}\n`;
}

/** The "Show Weights as Text" document: every weight of the model, in `model.weights` order. */
export function formatWeights(weights: Pick<WeightArray, 'name' | 'shape' | 'values'>[]): string {
  return weights.map(formatWeight).join('\n');
}
