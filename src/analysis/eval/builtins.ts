// Language built-ins the evaluator knows statically: Python's and JS's functions, and the methods of strings,
// lists and dicts that model code uses (formatting layer names, building lists of tensors), with the size caps every
// value they build is checked against before it is allocated and the fuel they charge for copying. Nothing Keras here.

import type { Language } from '../../graph/ir';
import {
  bool,
  dict,
  dictKey,
  isSequence,
  list,
  NONE,
  num,
  str,
  tuple,
  UNKNOWN_VALUE,
  type ArgValues,
  type BuiltinFn,
  type BuiltinV,
  type DictV,
  type Value,
} from './values';
import { jsGlobals, jsListMethod, jsStrMethod } from './jsLib';

/** Longest list, tuple or dict the evaluator builds; a longer result is unknown (model code never needs one). */
export const MAX_ITEMS = 100_000;
/** Longest string it builds. */
export const MAX_CHARS = 1_000_000;
/** Characters built per fuel step (copying one list element or dict entry costs one step). */
export const CHARS_PER_FUEL = 16;
/** Materializing `range(n)` beyond this is not worth it: the loop would exhaust the fuel anyway. */
export const MAX_RANGE_LENGTH = MAX_ITEMS;

/**
 * A value would exceed a size cap. Thrown before the value is allocated; the interpreter turns it into an unknown
 * value and one analysis-limit note at the expression being evaluated.
 */
export class TooLarge extends Error {
  constructor(readonly what: 'items' | 'characters', readonly size: number) {
    super(`${what} over the cap`);
  }
}

/** Where built-ins charge the work they do (elements copied, characters built): the interpreter's fuel. */
export interface Budget {
  spend(units: number): void;
}

/** Throws TooLarge when a sequence or dict of `n` items is over the cap; otherwise charges copying them. */
export function roomForItems(n: number, budget: Budget): void {
  if (n > MAX_ITEMS) throw new TooLarge('items', n);
  budget.spend(n);
}

/** Throws TooLarge when a string of `n` characters is over the cap; otherwise charges building it. */
export function roomForChars(n: number, budget: Budget): void {
  if (n > MAX_CHARS) throw new TooLarge('characters', n);
  budget.spend(Math.ceil(n / CHARS_PER_FUEL));
}

/** A string's characters as Python indexes them (code points), without copying when it has no surrogate pairs. */
export function codePoints(s: string, budget: Budget): string | string[] {
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  roomForItems(s.length, budget);
  return Array.from(s);
}

function builtin(name: string, fn: BuiltinFn, self?: Value): BuiltinV {
  return self === undefined ? { kind: 'builtin', name, fn } : { kind: 'builtin', name, fn, self };
}

export function intOf(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'num' && Number.isInteger(v.value)) return v.value;
  if (v.kind === 'bool') return v.value ? 1 : 0;
  return undefined;
}

export function numOf(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'num') return v.value;
  if (v.kind === 'bool') return v.value ? 1 : 0;
  return undefined;
}

/** Python `str()` / JS `String()` of a value; undefined when not statically known. Throws TooLarge past MAX_CHARS. */
export function toText(v: Value, lang: Language): string | undefined {
  return textOf(v, lang, { left: MAX_CHARS });
}

export function reprOf(v: Value, lang: Language): string | undefined {
  return reprWithin(v, lang, { left: MAX_CHARS });
}

// One allowance for a whole rendering: a list nested in itself many times (`xs = [xs, xs]` in a loop) renders to
// exponentially many characters, and the allowance stops it after MAX_CHARS rather than after the whole tree.
function textOf(v: Value, lang: Language, room: { left: number }): string | undefined {
  let out: string | undefined;
  switch (v.kind) {
    case 'str':
      out = v.value;
      break;
    case 'num':
      out = formatNumber(v.value, v.float === true, lang);
      break;
    case 'bool':
      out = lang === 'python' ? (v.value ? 'True' : 'False') : String(v.value);
      break;
    case 'none':
      out = lang === 'python' ? 'None' : 'null';
      break;
    case 'list':
    case 'tuple': {
      const parts: string[] = [];
      for (const x of v.items) {
        room.left -= 2;
        const p = lang === 'python' ? reprWithin(x, lang, room) : textOf(x, lang, room);
        if (p === undefined) return undefined;
        parts.push(p);
      }
      if (lang !== 'python') return parts.join(',');
      if (v.kind === 'tuple') return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
      return `[${parts.join(', ')}]`;
    }
    default:
      return undefined;
  }
  room.left -= out.length;
  if (room.left < 0) throw new TooLarge('characters', MAX_CHARS - room.left);
  return out;
}

function reprWithin(v: Value, lang: Language, room: { left: number }): string | undefined {
  if (v.kind === 'str') {
    room.left -= v.value.length + 2;
    if (room.left < 0) throw new TooLarge('characters', MAX_CHARS - room.left);
    return lang === 'python' ? `'${v.value}'` : JSON.stringify(v.value);
  }
  return textOf(v, lang, room);
}

function formatNumber(n: number, float: boolean, lang: Language): string {
  if (lang !== 'python') return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  if (!float) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const s = String(n);
  // Python writes exponents with at least two digits: 1e-05
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** A subset of Python's format-spec mini-language: fill/align, sign, zero-pad, width, grouping, precision, type. */
export function applyFormatSpec(v: Value, spec: string, lang: Language): string | undefined {
  if (!spec) return toText(v, lang);
  const m = /^(?:(.)?([<>^=]))?([+\- ]?)(#?)(0?)(\d*)([,_]?)(?:\.(\d+))?([bcdeEfFgGnosxX%]?)$/.exec(spec);
  if (!m) return undefined;
  const [, fillChar, align, sign, , zero, widthText, grouping, precisionText, type] = m;
  const n = numOf(v);
  // toFixed/toExponential take at most 100 digits; Python takes more, but no layer name needs them.
  if (precisionText && Number(precisionText) > 100) return undefined;
  let body: string | undefined;
  if (type === 'd' || type === 'n') body = n === undefined ? undefined : String(Math.trunc(n));
  else if (type === 'f' || type === 'F') body = n === undefined ? undefined : n.toFixed(precisionText ? Number(precisionText) : 6);
  else if (type === 'e' || type === 'E') body = n === undefined ? undefined : n.toExponential(precisionText ? Number(precisionText) : 6).replace(/e([+-])(\d)$/, 'e$10$2');
  else if (type === '%') body = n === undefined ? undefined : `${(n * 100).toFixed(precisionText ? Number(precisionText) : 6)}%`;
  else if (type === 'x') body = n === undefined ? undefined : Math.trunc(n).toString(16);
  else if (type === 'g' || type === 'G') body = n === undefined ? undefined : String(Number(n.toPrecision(precisionText ? Number(precisionText) : 6)));
  else {
    body = toText(v, lang);
    if (body !== undefined && precisionText && v.kind === 'str') body = body.slice(0, Number(precisionText));
    else if (body !== undefined && precisionText && n !== undefined) body = n.toFixed(Number(precisionText));
  }
  if (body === undefined) return undefined;
  if (grouping && n !== undefined) body = body.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, grouping));
  if (sign === '+' && n !== undefined && n >= 0) body = `+${body}`;
  const width = widthText ? Number(widthText) : 0;
  if (body.length >= width) return body;
  if (width > MAX_CHARS) throw new TooLarge('characters', width);
  const fill = zero && !align ? '0' : fillChar ?? ' ';
  const alignment = align ?? (zero ? '=' : n !== undefined && v.kind !== 'str' ? '>' : '<');
  const pad = width - body.length;
  if (alignment === '<') return body + fill.repeat(pad);
  if (alignment === '^') return fill.repeat(Math.floor(pad / 2)) + body + fill.repeat(Math.ceil(pad / 2));
  if (alignment === '=' && /^[+-]/.test(body)) return body[0] + fill.repeat(pad) + body.slice(1);
  return fill.repeat(pad) + body;
}

/** Python `'%s_%d' % args`. */
export function percentFormat(template: string, args: Value, lang: Language): Value {
  const values = args.kind === 'tuple' ? args.items : [args];
  let i = 0;
  let failed = false;
  let total = template.length;
  const out = template.replace(/%(\(\w+\))?([-+ 0#]*)(\d*)(?:\.(\d+))?([sdifrxeEgGc%])/g, (_m, _key, flags: string, width: string, prec: string | undefined, type: string) => {
    if (type === '%') return '%';
    const v = values[i++];
    if (!v) {
      failed = true;
      return '';
    }
    const spec = `${flags.includes('-') ? '<' : ''}${flags.includes('0') ? '0' : ''}${width}${prec !== undefined ? `.${prec}` : ''}${type === 's' || type === 'r' ? '' : type === 'i' ? 'd' : type}`;
    const text = type === 'r' ? reprOf(v, lang) : applyFormatSpec(v, spec, lang);
    if (text === undefined) failed = true;
    total += text?.length ?? 0;
    if (total > MAX_CHARS) throw new TooLarge('characters', total);
    return text ?? '';
  });
  return failed ? UNKNOWN_VALUE : str(out);
}

/** Python `'{}_{name}'.format(...)`. */
function strFormat(template: string, args: ArgValues, lang: Language): Value {
  let auto = 0;
  let failed = false;
  let total = template.length;
  const out = template.replace(/\{\{|\}\}|\{([^{}:!]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const key = field ?? '';
    const v = key === '' ? args.positional[auto++] : /^\d+$/.test(key) ? args.positional[Number(key)] : args.keywords.get(key);
    if (!v) {
      failed = true;
      return '';
    }
    const text = conv === 'r' ? reprOf(v, lang) : applyFormatSpec(v, spec ?? '', lang);
    if (text === undefined) failed = true;
    total += text?.length ?? 0;
    if (total > MAX_CHARS) throw new TooLarge('characters', total);
    return text ?? '';
  });
  return failed ? UNKNOWN_VALUE : str(out);
}

export function rangeValue(args: ArgValues, budget: Budget): Value {
  const ints = args.positional.map(intOf);
  if (ints.some((x) => x === undefined) || ints.length === 0 || ints.length > 3) return UNKNOWN_VALUE;
  const [a, b, c] = ints as number[];
  const [start, stop, step] = ints.length === 1 ? [0, a, 1] : [a, b, c ?? 1];
  if (step === 0) return UNKNOWN_VALUE;
  const length = Math.max(0, Math.ceil((stop - start) / step));
  roomForItems(length, budget);
  return list(Array.from({ length }, (_, k) => num(start + k * step)));
}

/** The items of an iterable value, or undefined when not statically known. */
export function iterate(v: Value): Value[] | undefined {
  if (isSequence(v)) return v.items;
  if (v.kind === 'str') return [...v.value].map(str);
  if (v.kind === 'dict') return [...v.entries.values()].map((e) => e.key);
  return undefined;
}

/** iterate(), charging the copy it makes of a string's characters or a dict's keys. */
export function iterateCharged(v: Value, budget: Budget): Value[] | undefined {
  if (v.kind === 'str') roomForItems(v.value.length, budget);
  else if (v.kind === 'dict') roomForItems(v.entries.size, budget);
  return iterate(v);
}

/** A new list or tuple of `items`, charged per element; over the cap it throws TooLarge before it is kept. */
function fresh(items: Value[], budget: Budget, kind: 'list' | 'tuple' = 'list'): Value {
  roomForItems(items.length, budget);
  return kind === 'list' ? list(items) : tuple(items);
}

/** A new string, charged per character. */
function freshStr(text: string, budget: Budget): Value {
  roomForChars(text.length, budget);
  return str(text);
}

function minMax(args: ArgValues, pick: (a: number, b: number) => boolean): Value {
  const items = args.positional.length === 1 ? iterate(args.positional[0]) : args.positional;
  if (!items || items.length === 0) return UNKNOWN_VALUE;
  let best = items[0];
  for (const v of items) {
    const a = numOf(v);
    const b = numOf(best);
    if (a === undefined || b === undefined) return UNKNOWN_VALUE;
    if (pick(a, b)) best = v;
  }
  return numOf(best) === undefined ? UNKNOWN_VALUE : best;
}

const pythonBuiltins = (budget: Budget): Record<string, BuiltinFn> => ({
  range: (a) => rangeValue(a, budget),
  len: (a) => {
    const v = a.positional[0];
    if (!v) return UNKNOWN_VALUE;
    if (isSequence(v)) return num(v.items.length);
    if (v.kind === 'str') return num(v.value.length);
    if (v.kind === 'dict') return num(v.entries.size);
    return UNKNOWN_VALUE;
  },
  int: (a) => {
    const v = a.positional[0];
    if (!v) return num(0);
    if (v.kind === 'sym') return v;
    if (v.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(v.value)) return num(parseInt(v.value, 10));
    const n = numOf(v);
    return n === undefined ? UNKNOWN_VALUE : num(Math.trunc(n));
  },
  float: (a) => {
    const v = a.positional[0];
    if (!v) return num(0, true);
    if (v.kind === 'str' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return num(Number(v.value), true);
    const n = numOf(v);
    return n === undefined ? UNKNOWN_VALUE : num(n, true);
  },
  str: (a) => {
    const v = a.positional[0];
    if (!v) return str('');
    const t = toText(v, 'python');
    return t === undefined ? UNKNOWN_VALUE : freshStr(t, budget);
  },
  bool: (a) => (a.positional[0] ? UNKNOWN_VALUE : bool(false)),
  list: (a) => {
    if (!a.positional[0]) return list([]);
    const items = iterateCharged(a.positional[0], budget);
    return items ? fresh([...items], budget) : UNKNOWN_VALUE;
  },
  tuple: (a) => {
    if (!a.positional[0]) return tuple([]);
    const items = iterateCharged(a.positional[0], budget);
    return items ? fresh([...items], budget, 'tuple') : UNKNOWN_VALUE;
  },
  dict: (a) => {
    const d = dict();
    const src = a.positional[0];
    if (src && src.kind === 'dict') roomForItems(src.entries.size, budget);
    if (src && src.kind === 'dict') for (const [k, e] of src.entries) d.entries.set(k, { ...e });
    for (const [k, v] of a.keywords) d.entries.set(`s:${k}`, { key: str(k), value: v });
    return d;
  },
  min: (a) => minMax(a, (x, y) => x < y),
  max: (a) => minMax(a, (x, y) => x > y),
  abs: (a) => {
    const n = numOf(a.positional[0]);
    return n === undefined ? UNKNOWN_VALUE : num(Math.abs(n), a.positional[0]?.kind === 'num' && a.positional[0].float);
  },
  round: (a) => {
    const n = numOf(a.positional[0]);
    const digits = intOf(a.positional[1]);
    if (n === undefined) return UNKNOWN_VALUE;
    if (digits === undefined) {
      // Python rounds half to even
      const r = Math.round(n);
      return num(Math.abs(n % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r);
    }
    return num(Number(n.toFixed(digits)), true);
  },
  sum: (a) => {
    const items = a.positional[0] ? iterateCharged(a.positional[0], budget) : undefined;
    if (!items) return UNKNOWN_VALUE;
    let total = numOf(a.positional[1]) ?? 0;
    let float = false;
    for (const v of items) {
      const n = numOf(v);
      if (n === undefined) return UNKNOWN_VALUE;
      if (v.kind === 'num' && v.float) float = true;
      total += n;
    }
    return num(total, float);
  },
  enumerate: (a) => {
    const items = a.positional[0] ? iterateCharged(a.positional[0], budget) : undefined;
    const start = intOf(a.positional[1] ?? a.keywords.get('start')) ?? 0;
    if (items) roomForItems(2 * items.length, budget);
    return items ? list(items.map((v, i) => tuple([num(i + start), v]))) : UNKNOWN_VALUE;
  },
  zip: (a) => {
    const lists = a.positional.map((v) => iterateCharged(v, budget));
    if (lists.some((l) => !l) || lists.length === 0) return UNKNOWN_VALUE;
    const n = lists.reduce((m, l) => Math.min(m, l!.length), Infinity);
    roomForItems(n * (lists.length + 1), budget);
    return list(Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l![i]))));
  },
  reversed: (a) => {
    const items = a.positional[0] ? iterateCharged(a.positional[0], budget) : undefined;
    return items ? fresh([...items].reverse(), budget) : UNKNOWN_VALUE;
  },
  sorted: (a) => {
    const items = a.positional[0] ? iterateCharged(a.positional[0], budget) : undefined;
    if (!items) return UNKNOWN_VALUE;
    // a sort compares n log n times
    roomForItems(items.length * Math.ceil(Math.log2(items.length + 1)), budget);
    // a key function is not modelled; `reverse=True` flips the order
    if (a.keywords.has('key')) return UNKNOWN_VALUE;
    const rev = a.keywords.get('reverse');
    if (rev && rev.kind !== 'bool') return UNKNOWN_VALUE;
    const order = (xs: Value[]) => list(rev?.kind === 'bool' && rev.value ? xs.reverse() : xs);
    const nums = items.map(numOf);
    if (nums.every((n) => n !== undefined)) return order([...items].sort((x, y) => numOf(x)! - numOf(y)!));
    if (items.every((v) => v.kind === 'str')) return order([...items].sort((x, y) => ((x as { value: string }).value < (y as { value: string }).value ? -1 : 1)));
    return UNKNOWN_VALUE;
  },
  any: (a) => UNKNOWN_VALUE_IF_EMPTY(a),
  all: (a) => UNKNOWN_VALUE_IF_EMPTY(a),
  print: () => NONE,
  isinstance: () => UNKNOWN_VALUE,
  hasattr: () => UNKNOWN_VALUE,
  getattr: (a) => a.positional[2] ?? UNKNOWN_VALUE,
  super: () => UNKNOWN_VALUE,
});

function UNKNOWN_VALUE_IF_EMPTY(_a: ArgValues): Value {
  return UNKNOWN_VALUE;
}

const jsMath: Record<string, (...xs: number[]) => number> = {
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
  trunc: Math.trunc,
  abs: Math.abs,
  sqrt: Math.sqrt,
  pow: Math.pow,
  min: Math.min,
  max: Math.max,
  log: Math.log,
  log2: Math.log2,
  exp: Math.exp,
};

const jsBuiltins = (budget: Budget): Record<string, BuiltinFn> => ({
  String: (a) => {
    const t = a.positional[0] ? toText(a.positional[0], 'javascript') : '';
    return t === undefined ? UNKNOWN_VALUE : freshStr(t, budget);
  },
  Number: (a) => {
    const v = a.positional[0];
    if (v?.kind === 'str') return num(Number(v.value));
    const n = numOf(v);
    return n === undefined ? UNKNOWN_VALUE : num(n);
  },
  parseInt: (a) => {
    const v = a.positional[0];
    return v?.kind === 'str' ? num(parseInt(v.value, 10)) : v?.kind === 'num' ? num(Math.trunc(v.value)) : UNKNOWN_VALUE;
  },
  parseFloat: (a) => {
    const v = a.positional[0];
    return v?.kind === 'str' ? num(parseFloat(v.value)) : v?.kind === 'num' ? v : UNKNOWN_VALUE;
  },
});

/** The global names of a language, as values. */
export function globalBuiltins(lang: Language, budget: Budget, callFn?: (f: Value, args: Value[]) => Value): Map<string, Value> {
  const out = new Map<string, Value>();
  if (lang === 'python') {
    for (const [name, fn] of Object.entries(pythonBuiltins(budget))) out.set(name, builtin(name, fn));
    out.set('Ellipsis', UNKNOWN_VALUE);
  } else {
    for (const [name, fn] of Object.entries(jsBuiltins(budget))) out.set(name, builtin(name, fn));
    const math = dict();
    for (const [name, f] of Object.entries(jsMath)) {
      math.entries.set(`s:${name}`, {
        key: str(name),
        value: builtin(`Math.${name}`, (a) => {
          const xs = a.positional.map(numOf);
          return xs.some((x) => x === undefined) ? UNKNOWN_VALUE : num(f(...(xs as number[])));
        }),
      });
    }
    math.entries.set('s:PI', { key: str('PI'), value: num(Math.PI) });
    out.set('Math', math);
    const console = dict([[str('log'), builtin('console.log', () => NONE)], [str('warn'), builtin('console.warn', () => NONE)]]);
    out.set('console', console);
    /** Object.keys/values/entries: a list of one item per property, charged as the copy it is */
    const perEntry = (name: string, item: (e: { key: Value; value: Value }) => Value) =>
      builtin(`Object.${name}`, (a) => {
        const d = a.positional[0];
        if (d?.kind !== 'dict') return UNKNOWN_VALUE;
        roomForItems(d.entries.size, budget);
        return list([...d.entries.values()].map(item));
      });
    const object = dict([
      [str('keys'), perEntry('keys', (e) => e.key)],
      [str('values'), perEntry('values', (e) => e.value)],
      [str('entries'), perEntry('entries', (e) => list([e.key, e.value]))],
    ]);
    out.set('Object', object);
    out.set('undefined', NONE);
    out.set('NaN', num(NaN));
    out.set('Infinity', num(Infinity));
    jsGlobals(out, budget, callFn ?? (() => UNKNOWN_VALUE));
  }
  return out;
}

/** Methods of str, list and dict values (Python and JS names), bound to `self`; their work is charged to `budget`. */
export function primitiveMethod(self: Value, name: string, lang: Language, callFn: (f: Value, args: Value[]) => Value, budget: Budget): Value | undefined {
  if (self.kind === 'str') return strMethod(self.value, name, lang, budget);
  if (self.kind === 'list' || self.kind === 'tuple') return listMethod(self, name, lang, callFn, budget);
  if (self.kind === 'dict') return dictMethod(self, name, lang, budget);
  return undefined;
}

/** `s` repeated `n` times, checked against the cap before it is built. */
export function repeatString(s: string, n: number, budget: Budget): Value {
  const times = Math.max(0, Math.floor(n));
  roomForChars(s.length * times, budget);
  return str(s.repeat(times));
}

function strMethod(s: string, name: string, lang: Language, budget: Budget): Value | undefined {
  const m = (fn: BuiltinFn) => builtin(`str.${name}`, fn);
  const made = (text: string) => freshStr(text, budget);
  switch (name) {
    case 'format':
      return m((a) => {
        const v = strFormat(s, a, lang);
        if (v.kind === 'str') roomForChars(v.value.length, budget);
        return v;
      });
    case 'upper':
    case 'toUpperCase':
      return m(() => made(s.toUpperCase()));
    case 'lower':
    case 'toLowerCase':
      return m(() => made(s.toLowerCase()));
    case 'strip':
    case 'trim':
      return m(() => made(s.trim()));
    case 'replace':
      return m((a) => {
        const [from, to] = a.positional;
        if (from?.kind !== 'str' || to?.kind !== 'str') return UNKNOWN_VALUE;
        if (lang !== 'python') return made(s.replace(from.value, to.value));
        const parts = s.split(from.value);
        roomForChars(s.length + (parts.length - 1) * (to.value.length - from.value.length), budget);
        return str(parts.join(to.value));
      });
    case 'repeat':
      return lang !== 'python' ? m((a) => (intOf(a.positional[0]) !== undefined ? repeatString(s, intOf(a.positional[0])!, budget) : UNKNOWN_VALUE)) : undefined;
    case 'padStart':
    case 'padEnd':
      return lang !== 'python'
        ? m((a) => {
            const width = intOf(a.positional[0]);
            const fill = a.positional[1] === undefined ? ' ' : a.positional[1].kind === 'str' ? a.positional[1].value : undefined;
            if (width === undefined || fill === undefined) return UNKNOWN_VALUE;
            roomForChars(Math.max(width, s.length), budget);
            return str(name === 'padStart' ? s.padStart(width, fill) : s.padEnd(width, fill));
          })
        : undefined;
    case 'startswith':
    case 'startsWith':
      return m((a) => (a.positional[0]?.kind === 'str' ? bool(s.startsWith(a.positional[0].value)) : UNKNOWN_VALUE));
    case 'endswith':
    case 'endsWith':
      return m((a) => (a.positional[0]?.kind === 'str' ? bool(s.endsWith(a.positional[0].value)) : UNKNOWN_VALUE));
    case 'join':
      return m((a) => {
        const items = a.positional[0] ? iterateCharged(a.positional[0], budget) : undefined;
        if (!items || !items.every((v) => v.kind === 'str')) return UNKNOWN_VALUE;
        const texts = items.map((v) => (v as { value: string }).value);
        roomForChars(texts.reduce((n, t) => n + t.length, 0) + s.length * Math.max(0, texts.length - 1), budget);
        return str(texts.join(s));
      });
    case 'split':
      return m((a) => {
        const sep = a.positional[0];
        if (sep && sep.kind !== 'str') return UNKNOWN_VALUE;
        // the limit stops the split one past the cap, so a huge string never becomes a huge array here
        const parts = sep ? s.split(sep.value, MAX_ITEMS + 1) : s.trim().split(/\s+/, MAX_ITEMS + 1);
        roomForItems(parts.length, budget);
        roomForChars(s.length, budget);
        return list(parts.map(str));
      });
    case 'length':
      return lang !== 'python' ? { kind: 'num', value: s.length } : undefined;
    default:
      return lang !== 'python' ? jsStrMethod(s, name, budget) : undefined;
  }
}

function listMethod(self: Value & { items: Value[] }, name: string, lang: Language, callFn: (f: Value, args: Value[]) => Value, budget: Budget): Value | undefined {
  const items = self.items;
  const m = (fn: BuiltinFn) => builtin(`list.${name}`, fn);
  /** Appends in place; a list grown past the cap stops growing, and the call's value becomes unknown. */
  const grow = (more: Value[]) => {
    roomForItems(items.length + more.length, budget);
    // one at a time: spreading a long array into push() overflows the stack
    for (const v of more) items.push(v);
  };
  switch (name) {
    case 'append':
    case 'push':
      return m((a) => {
        grow(a.positional);
        return lang !== 'python' ? num(items.length) : NONE;
      });
    case 'extend':
      return m((a) => {
        const more = a.positional[0] ? iterateCharged(a.positional[0], budget) : undefined;
        if (more) grow(more === items ? [...more] : more);
        return NONE;
      });
    case 'insert':
      return m((a) => {
        const i = intOf(a.positional[0]);
        if (i !== undefined && a.positional[1]) {
          roomForItems(items.length + 1, budget);
          items.splice(i < 0 ? Math.max(0, items.length + i) : i, 0, a.positional[1]);
        }
        return NONE;
      });
    case 'pop':
      return m((a) => {
        const i = a.positional[0] ? intOf(a.positional[0]) : -1;
        if (i === undefined || items.length === 0) return UNKNOWN_VALUE;
        return items.splice(i < 0 ? items.length + i : i, 1)[0] ?? UNKNOWN_VALUE;
      });
    case 'shift':
      return m(() => items.shift() ?? NONE);
    case 'unshift':
      return m((a) => {
        roomForItems(items.length + a.positional.length, budget);
        const old = items.splice(0);
        for (const v of a.positional) items.push(v);
        for (const v of old) items.push(v);
        return num(items.length);
      });
    case 'index':
    case 'indexOf':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        budget.spend(items.length);
        return num(items.findIndex((v) => dictKey(v) === key));
      });
    case 'concat':
      return m((a) => {
        const parts = a.positional.map((v) => iterate(v) ?? [v]);
        roomForItems(parts.reduce((n, p) => n + p.length, items.length), budget);
        return list(items.concat(...parts));
      });
    case 'slice':
      return m((a) => {
        const s = intOf(a.positional[0]) ?? 0;
        const e = a.positional[1] ? intOf(a.positional[1]) : undefined;
        return fresh(items.slice(s, e), budget);
      });
    case 'length':
      return lang !== 'python' ? num(items.length) : undefined;
    case 'map':
      return m((a) => (a.positional[0] ? list(items.map((v, i) => callFn(a.positional[0], [v, num(i), self]))) : UNKNOWN_VALUE));
    case 'forEach':
      return m((a) => {
        if (a.positional[0]) items.forEach((v, i) => callFn(a.positional[0], [v, num(i), self]));
        return NONE;
      });
    case 'reduce':
      return m((a) => {
        const f = a.positional[0];
        if (!f) return UNKNOWN_VALUE;
        let acc = a.positional.length > 1 ? a.positional[1] : items[0];
        for (let i = a.positional.length > 1 ? 0 : 1; i < items.length; i++) acc = callFn(f, [acc ?? UNKNOWN_VALUE, items[i], num(i), self]);
        return acc ?? UNKNOWN_VALUE;
      });
    case 'join':
      return lang !== 'python'
        ? m((a) => {
            const sep = a.positional[0]?.kind === 'str' ? a.positional[0].value : ',';
            const parts = items.map((v) => toText(v, 'javascript'));
            if (parts.some((p) => p === undefined)) return UNKNOWN_VALUE;
            roomForChars(parts.reduce((n, p) => n + p!.length, 0) + sep.length * Math.max(0, parts.length - 1), budget);
            return str(parts.join(sep));
          })
        : undefined;
    default:
      return lang !== 'python' ? jsListMethod(self, name, callFn, budget) : undefined;
  }
}

function dictMethod(d: DictV, name: string, lang: Language, budget: Budget): Value | undefined {
  const m = (fn: BuiltinFn) => builtin(`dict.${name}`, fn);
  if (lang !== 'python') return undefined; // JS objects: attributes are properties, handled by the interpreter
  const copy = () => roomForItems(d.entries.size, budget);
  switch (name) {
    case 'get':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        return d.entries.get(key)?.value ?? a.positional[1] ?? NONE;
      });
    case 'items':
      return m(() => {
        copy();
        return list([...d.entries.values()].map((e) => tuple([e.key, e.value])));
      });
    case 'keys':
      return m(() => {
        copy();
        return list([...d.entries.values()].map((e) => e.key));
      });
    case 'values':
      return m(() => {
        copy();
        return list([...d.entries.values()].map((e) => e.value));
      });
    case 'update':
      return m((a) => {
        const src = a.positional[0];
        if (src?.kind === 'dict') roomForItems(d.entries.size + src.entries.size, budget);
        if (src?.kind === 'dict') for (const [k, e] of src.entries) d.entries.set(k, e);
        for (const [k, v] of a.keywords) d.entries.set(`s:${k}`, { key: str(k), value: v });
        return NONE;
      });
    case 'setdefault':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined || !a.positional[0]) return UNKNOWN_VALUE;
        const existing = d.entries.get(key);
        if (existing) return existing.value;
        roomForItems(d.entries.size + 1, budget);
        const v = a.positional[1] ?? NONE;
        d.entries.set(key, { key: a.positional[0], value: v });
        return v;
      });
    case 'pop':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        const e = d.entries.get(key);
        d.entries.delete(key);
        return e?.value ?? a.positional[1] ?? UNKNOWN_VALUE;
      });
    case 'copy':
      return m(() => {
        copy();
        return { kind: 'dict', entries: new Map(d.entries) };
      });
    default:
      return undefined;
  }
}
