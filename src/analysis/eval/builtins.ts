// Language built-ins the evaluator knows statically: Python's and JS's functions, and the methods of strings,
// lists and dicts that model code uses (formatting layer names, building lists of tensors). Nothing Keras here.

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

export type Lang = 'python' | 'js';

/** Materializing `range(n)` beyond this is not worth it: the loop would exhaust the fuel anyway. */
export const MAX_RANGE_LENGTH = 100_000;

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

/** Python `str()` / JS `String()` of a value; undefined when not statically known. */
export function toText(v: Value, lang: Lang): string | undefined {
  switch (v.kind) {
    case 'str':
      return v.value;
    case 'num':
      return formatNumber(v.value, v.float === true, lang);
    case 'bool':
      return lang === 'python' ? (v.value ? 'True' : 'False') : String(v.value);
    case 'none':
      return lang === 'python' ? 'None' : 'null';
    case 'list':
    case 'tuple': {
      const parts = v.items.map((x) => (lang === 'python' ? reprOf(x, lang) : toText(x, lang)));
      if (parts.some((p) => p === undefined)) return undefined;
      if (lang === 'js') return parts.join(',');
      if (v.kind === 'tuple') return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
      return `[${parts.join(', ')}]`;
    }
    default:
      return undefined;
  }
}

export function reprOf(v: Value, lang: Lang): string | undefined {
  if (v.kind === 'str') return lang === 'python' ? `'${v.value}'` : JSON.stringify(v.value);
  return toText(v, lang);
}

function formatNumber(n: number, float: boolean, lang: Lang): string {
  if (lang === 'js') return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  if (!float) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const s = String(n);
  // Python writes exponents with at least two digits: 1e-05
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** A subset of Python's format-spec mini-language: fill/align, sign, zero-pad, width, grouping, precision, type. */
export function applyFormatSpec(v: Value, spec: string, lang: Lang): string | undefined {
  if (!spec) return toText(v, lang);
  const m = /^(?:(.)?([<>^=]))?([+\- ]?)(#?)(0?)(\d*)([,_]?)(?:\.(\d+))?([bcdeEfFgGnosxX%]?)$/.exec(spec);
  if (!m) return undefined;
  const [, fillChar, align, sign, , zero, widthText, grouping, precisionText, type] = m;
  const n = numOf(v);
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
  const fill = zero && !align ? '0' : fillChar ?? ' ';
  const alignment = align ?? (zero ? '=' : n !== undefined && v.kind !== 'str' ? '>' : '<');
  const pad = width - body.length;
  if (alignment === '<') return body + fill.repeat(pad);
  if (alignment === '^') return fill.repeat(Math.floor(pad / 2)) + body + fill.repeat(Math.ceil(pad / 2));
  if (alignment === '=' && /^[+-]/.test(body)) return body[0] + fill.repeat(pad) + body.slice(1);
  return fill.repeat(pad) + body;
}

/** Python `'%s_%d' % args`. */
export function percentFormat(template: string, args: Value, lang: Lang): Value {
  const values = args.kind === 'tuple' ? args.items : [args];
  let i = 0;
  let failed = false;
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
    return text ?? '';
  });
  return failed ? UNKNOWN_VALUE : str(out);
}

/** Python `'{}_{name}'.format(...)`. */
function strFormat(template: string, args: ArgValues, lang: Lang): Value {
  let auto = 0;
  let failed = false;
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
    return text ?? '';
  });
  return failed ? UNKNOWN_VALUE : str(out);
}

export function rangeValue(args: ArgValues): Value {
  const ints = args.positional.map(intOf);
  if (ints.some((x) => x === undefined) || ints.length === 0 || ints.length > 3) return UNKNOWN_VALUE;
  const [a, b, c] = ints as number[];
  const [start, stop, step] = ints.length === 1 ? [0, a, 1] : [a, b, c ?? 1];
  if (step === 0) return UNKNOWN_VALUE;
  const length = Math.max(0, Math.ceil((stop - start) / step));
  if (length > MAX_RANGE_LENGTH) return UNKNOWN_VALUE;
  return list(Array.from({ length }, (_, k) => num(start + k * step)));
}

/** The items of an iterable value, or undefined when not statically known. */
export function iterate(v: Value): Value[] | undefined {
  if (isSequence(v)) return v.items;
  if (v.kind === 'str') return [...v.value].map(str);
  if (v.kind === 'dict') return [...v.entries.values()].map((e) => e.key);
  return undefined;
}

function minMax(args: ArgValues, pick: (a: number, b: number) => boolean): Value {
  const items = args.positional.length === 1 ? iterate(args.positional[0]) : args.positional;
  if (!items || items.length === 0) return UNKNOWN_VALUE;
  let best = items[0];
  for (const v of items.slice(1)) {
    const a = numOf(v);
    const b = numOf(best);
    if (a === undefined || b === undefined) return UNKNOWN_VALUE;
    if (pick(a, b)) best = v;
  }
  return numOf(best) === undefined ? UNKNOWN_VALUE : best;
}

const pythonBuiltins: Record<string, BuiltinFn> = {
  range: (a) => rangeValue(a),
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
    return t === undefined ? UNKNOWN_VALUE : str(t);
  },
  bool: (a) => (a.positional[0] ? UNKNOWN_VALUE : bool(false)),
  list: (a) => {
    if (!a.positional[0]) return list([]);
    const items = iterate(a.positional[0]);
    return items ? list([...items]) : UNKNOWN_VALUE;
  },
  tuple: (a) => {
    if (!a.positional[0]) return tuple([]);
    const items = iterate(a.positional[0]);
    return items ? tuple([...items]) : UNKNOWN_VALUE;
  },
  dict: (a) => {
    const d = dict();
    const src = a.positional[0];
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
    const items = a.positional[0] ? iterate(a.positional[0]) : undefined;
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
    const items = a.positional[0] ? iterate(a.positional[0]) : undefined;
    const start = intOf(a.positional[1] ?? a.keywords.get('start')) ?? 0;
    return items ? list(items.map((v, i) => tuple([num(i + start), v]))) : UNKNOWN_VALUE;
  },
  zip: (a) => {
    const lists = a.positional.map(iterate);
    if (lists.some((l) => !l) || lists.length === 0) return UNKNOWN_VALUE;
    const n = Math.min(...lists.map((l) => l!.length));
    return list(Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l![i]))));
  },
  reversed: (a) => {
    const items = a.positional[0] ? iterate(a.positional[0]) : undefined;
    return items ? list([...items].reverse()) : UNKNOWN_VALUE;
  },
  sorted: (a) => {
    const items = a.positional[0] ? iterate(a.positional[0]) : undefined;
    if (!items) return UNKNOWN_VALUE;
    const nums = items.map(numOf);
    if (nums.every((n) => n !== undefined)) return list([...items].sort((x, y) => numOf(x)! - numOf(y)!));
    if (items.every((v) => v.kind === 'str')) return list([...items].sort((x, y) => ((x as { value: string }).value < (y as { value: string }).value ? -1 : 1)));
    return UNKNOWN_VALUE;
  },
  any: (a) => UNKNOWN_VALUE_IF_EMPTY(a),
  all: (a) => UNKNOWN_VALUE_IF_EMPTY(a),
  print: () => NONE,
  isinstance: () => UNKNOWN_VALUE,
  hasattr: () => UNKNOWN_VALUE,
  getattr: (a) => a.positional[2] ?? UNKNOWN_VALUE,
  super: () => UNKNOWN_VALUE,
};

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

const jsBuiltins: Record<string, BuiltinFn> = {
  String: (a) => {
    const t = a.positional[0] ? toText(a.positional[0], 'js') : '';
    return t === undefined ? UNKNOWN_VALUE : str(t);
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
};

/** The global names of a language, as values. */
export function globalBuiltins(lang: Lang): Map<string, Value> {
  const out = new Map<string, Value>();
  if (lang === 'python') {
    for (const [name, fn] of Object.entries(pythonBuiltins)) out.set(name, builtin(name, fn));
    out.set('Ellipsis', UNKNOWN_VALUE);
  } else {
    for (const [name, fn] of Object.entries(jsBuiltins)) out.set(name, builtin(name, fn));
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
    const object = dict([
      [str('keys'), builtin('Object.keys', (a) => (a.positional[0]?.kind === 'dict' ? list([...a.positional[0].entries.values()].map((e) => e.key)) : UNKNOWN_VALUE))],
      [str('values'), builtin('Object.values', (a) => (a.positional[0]?.kind === 'dict' ? list([...a.positional[0].entries.values()].map((e) => e.value)) : UNKNOWN_VALUE))],
      [str('entries'), builtin('Object.entries', (a) => (a.positional[0]?.kind === 'dict' ? list([...a.positional[0].entries.values()].map((e) => list([e.key, e.value]))) : UNKNOWN_VALUE))],
    ]);
    out.set('Object', object);
    out.set('undefined', NONE);
    out.set('NaN', num(NaN));
    out.set('Infinity', num(Infinity));
  }
  return out;
}

/** Methods of str, list and dict values (Python and JS names), bound to `self`. */
export function primitiveMethod(self: Value, name: string, lang: Lang, callFn: (f: Value, args: Value[]) => Value): Value | undefined {
  if (self.kind === 'str') return strMethod(self.value, name, lang);
  if (self.kind === 'list' || self.kind === 'tuple') return listMethod(self, name, lang, callFn);
  if (self.kind === 'dict') return dictMethod(self, name, lang);
  return undefined;
}

function strMethod(s: string, name: string, lang: Lang): Value | undefined {
  const m = (fn: BuiltinFn) => builtin(`str.${name}`, fn);
  switch (name) {
    case 'format':
      return m((a) => strFormat(s, a, lang));
    case 'upper':
    case 'toUpperCase':
      return m(() => str(s.toUpperCase()));
    case 'lower':
    case 'toLowerCase':
      return m(() => str(s.toLowerCase()));
    case 'strip':
    case 'trim':
      return m(() => str(s.trim()));
    case 'replace':
      return m((a) => (a.positional[0]?.kind === 'str' && a.positional[1]?.kind === 'str' ? str(lang === 'python' ? s.split(a.positional[0].value).join(a.positional[1].value) : s.replace(a.positional[0].value, a.positional[1].value)) : UNKNOWN_VALUE));
    case 'startswith':
    case 'startsWith':
      return m((a) => (a.positional[0]?.kind === 'str' ? bool(s.startsWith(a.positional[0].value)) : UNKNOWN_VALUE));
    case 'endswith':
    case 'endsWith':
      return m((a) => (a.positional[0]?.kind === 'str' ? bool(s.endsWith(a.positional[0].value)) : UNKNOWN_VALUE));
    case 'join':
      return m((a) => {
        const items = a.positional[0] ? iterate(a.positional[0]) : undefined;
        if (!items || !items.every((v) => v.kind === 'str')) return UNKNOWN_VALUE;
        return str(items.map((v) => (v as { value: string }).value).join(s));
      });
    case 'split':
      return m((a) => {
        const sep = a.positional[0];
        if (sep && sep.kind !== 'str') return UNKNOWN_VALUE;
        return list((sep ? s.split(sep.value) : s.trim().split(/\s+/)).map(str));
      });
    case 'length':
      return lang === 'js' ? { kind: 'num', value: s.length } : undefined;
    default:
      return undefined;
  }
}

function listMethod(self: Value & { items: Value[] }, name: string, lang: Lang, callFn: (f: Value, args: Value[]) => Value): Value | undefined {
  const items = self.items;
  const m = (fn: BuiltinFn) => builtin(`list.${name}`, fn);
  switch (name) {
    case 'append':
    case 'push':
      return m((a) => {
        items.push(...a.positional);
        return lang === 'js' ? num(items.length) : NONE;
      });
    case 'extend':
      return m((a) => {
        const more = a.positional[0] ? iterate(a.positional[0]) : undefined;
        if (more) items.push(...more);
        return NONE;
      });
    case 'insert':
      return m((a) => {
        const i = intOf(a.positional[0]);
        if (i !== undefined && a.positional[1]) items.splice(i < 0 ? Math.max(0, items.length + i) : i, 0, a.positional[1]);
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
        items.unshift(...a.positional);
        return num(items.length);
      });
    case 'index':
    case 'indexOf':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        return num(items.findIndex((v) => dictKey(v) === key));
      });
    case 'concat':
      return m((a) => list([...items, ...a.positional.flatMap((v) => iterate(v) ?? [v])]));
    case 'slice':
      return m((a) => {
        const s = intOf(a.positional[0]) ?? 0;
        const e = a.positional[1] ? intOf(a.positional[1]) : undefined;
        return list(items.slice(s, e));
      });
    case 'length':
      return lang === 'js' ? num(items.length) : undefined;
    case 'map':
      return m((a) => (a.positional[0] ? list(items.map((v, i) => callFn(a.positional[0], [v, num(i)]))) : UNKNOWN_VALUE));
    case 'forEach':
      return m((a) => {
        if (a.positional[0]) items.forEach((v, i) => callFn(a.positional[0], [v, num(i)]));
        return NONE;
      });
    case 'reduce':
      return m((a) => {
        const f = a.positional[0];
        if (!f) return UNKNOWN_VALUE;
        let acc = a.positional.length > 1 ? a.positional[1] : items[0];
        for (let i = a.positional.length > 1 ? 0 : 1; i < items.length; i++) acc = callFn(f, [acc ?? UNKNOWN_VALUE, items[i], num(i)]);
        return acc ?? UNKNOWN_VALUE;
      });
    case 'filter':
      return m(() => UNKNOWN_VALUE);
    case 'join':
      return lang === 'js'
        ? m((a) => {
            const sep = a.positional[0]?.kind === 'str' ? a.positional[0].value : ',';
            const parts = items.map((v) => toText(v, 'js'));
            return parts.some((p) => p === undefined) ? UNKNOWN_VALUE : str(parts.join(sep));
          })
        : undefined;
    default:
      return undefined;
  }
}

function dictMethod(d: DictV, name: string, lang: Lang): Value | undefined {
  const m = (fn: BuiltinFn) => builtin(`dict.${name}`, fn);
  if (lang === 'js') return undefined; // JS objects: attributes are properties, handled by the interpreter
  switch (name) {
    case 'get':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        return d.entries.get(key)?.value ?? a.positional[1] ?? NONE;
      });
    case 'items':
      return m(() => list([...d.entries.values()].map((e) => tuple([e.key, e.value]))));
    case 'keys':
      return m(() => list([...d.entries.values()].map((e) => e.key)));
    case 'values':
      return m(() => list([...d.entries.values()].map((e) => e.value)));
    case 'update':
      return m((a) => {
        const src = a.positional[0];
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
      return m(() => ({ kind: 'dict', entries: new Map(d.entries) }));
    default:
      return undefined;
  }
}
