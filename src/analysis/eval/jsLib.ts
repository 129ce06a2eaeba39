// JS/TS library objects and methods beyond the core ones in builtins.ts, as real code uses them around a model:
// string methods (`slice`, `charCodeAt`, `includes`), array callbacks that take the index and the array
// (`filter`, `flatMap`, `find`, `some`), `Array.from({length}, fn)`, `Object.assign`, `new Set(...)` (a deduplicated
// array with `size`/`has`), `process.argv`/`process.env` as Node starts a script without arguments, and React's
// state hooks with their initial values. Every value built is checked against the size caps before it is allocated.
// Nothing Keras or TF.js here; callbacks the framework calls later are callbacks.ts's.

import { roomForChars, roomForItems, type Budget } from './builtins';
import { bool, dict, dictKey, list, NONE, num, str, UNKNOWN_VALUE, type ArgValues, type BuiltinFn, type BuiltinV, type DictV, type Value } from './values';

type CallFn = (f: Value, args: Value[]) => Value;

const builtin = (name: string, fn: BuiltinFn): BuiltinV => ({ kind: 'builtin', name, fn });
const truthy = (v: Value): boolean | undefined => {
  switch (v.kind) {
    case 'bool':
      return v.value;
    case 'num':
      return v.value !== 0 && !Number.isNaN(v.value);
    case 'str':
      return v.value !== '';
    case 'none':
      return false;
    case 'unknown':
    case 'sym':
      return undefined;
    default:
      return true;
  }
};
const intArg = (v: Value | undefined): number | undefined => (v?.kind === 'num' && Number.isFinite(v.value) ? Math.trunc(v.value) : undefined);

/** JS string methods the core table lacks; undefined for a name it does not know. */
export function jsStrMethod(s: string, name: string, budget: Budget): Value | undefined {
  const m = (fn: BuiltinFn) => builtin(`str.${name}`, fn);
  switch (name) {
    case 'slice':
    case 'substring':
    case 'substr':
      return m((a) => {
        const from = a.positional[0] === undefined ? 0 : intArg(a.positional[0]);
        const to = a.positional[1] === undefined ? undefined : intArg(a.positional[1]);
        if (from === undefined || (a.positional[1] !== undefined && to === undefined)) return UNKNOWN_VALUE;
        const out = name === 'slice' ? s.slice(from, to) : name === 'substring' ? s.substring(from, to) : s.substr(from, to);
        roomForChars(out.length, budget);
        return str(out);
      });
    case 'charCodeAt':
    case 'codePointAt':
      return m((a) => {
        const i = a.positional[0] === undefined ? 0 : intArg(a.positional[0]);
        return i === undefined ? UNKNOWN_VALUE : num(name === 'charCodeAt' ? s.charCodeAt(i) : (s.codePointAt(i) ?? NaN));
      });
    case 'charAt':
    case 'at':
      return m((a) => {
        const i = a.positional[0] === undefined ? 0 : intArg(a.positional[0]);
        if (i === undefined) return UNKNOWN_VALUE;
        const c = name === 'charAt' ? s.charAt(i) : s.at(i);
        return c === undefined ? NONE : str(c);
      });
    case 'includes':
    case 'indexOf':
    case 'lastIndexOf':
      return m((a) => {
        const x = a.positional[0];
        if (x?.kind !== 'str') return UNKNOWN_VALUE;
        return name === 'includes' ? bool(s.includes(x.value)) : num(name === 'indexOf' ? s.indexOf(x.value) : s.lastIndexOf(x.value));
      });
    case 'trimStart':
    case 'trimEnd':
      return m(() => str(name === 'trimStart' ? s.trimStart() : s.trimEnd()));
    case 'concat':
      return m((a) => {
        if (!a.positional.every((v) => v.kind === 'str' || v.kind === 'num')) return UNKNOWN_VALUE;
        const out = s.concat(...a.positional.map((v) => String((v as { value: string | number }).value)));
        roomForChars(out.length, budget);
        return str(out);
      });
    default:
      return undefined;
  }
}

/** JS array methods the core table lacks (callbacks get the item, its index and the array). */
export function jsListMethod(self: Value & { items: Value[] }, name: string, callFn: CallFn, budget: Budget): Value | undefined {
  const items = self.items;
  const m = (fn: BuiltinFn) => builtin(`list.${name}`, fn);
  /** Calls `f` per item until `stop` says so; undefined when a test is unknown. */
  const tests = (f: Value | undefined): (boolean | undefined)[] | undefined => {
    if (!f) return undefined;
    const out: (boolean | undefined)[] = [];
    for (let i = 0; i < items.length; i++) out.push(truthy(callFn(f, [items[i], num(i), self])));
    return out;
  };
  switch (name) {
    case 'filter':
      return m((a) => {
        const t = tests(a.positional[0]);
        if (!t || t.some((x) => x === undefined)) return UNKNOWN_VALUE;
        return list(items.filter((_, i) => t[i]));
      });
    case 'find':
    case 'findIndex':
    case 'some':
    case 'every':
      return m((a) => {
        const f = a.positional[0];
        if (!f) return UNKNOWN_VALUE;
        for (let i = 0; i < items.length; i++) {
          const t = truthy(callFn(f, [items[i], num(i), self]));
          if (t === undefined) return UNKNOWN_VALUE;
          if (name === 'every' ? !t : t) return name === 'find' ? items[i] : name === 'findIndex' ? num(i) : bool(name === 'some');
        }
        return name === 'find' ? NONE : name === 'findIndex' ? num(-1) : bool(name === 'every');
      });
    case 'flatMap':
    case 'flat':
      return m((a) => {
        const parts = name === 'flat' ? items : items.map((v, i) => callFn(a.positional[0] ?? UNKNOWN_VALUE, [v, num(i), self]));
        const out: Value[] = [];
        for (const p of parts) {
          if (p.kind === 'list' || p.kind === 'tuple') {
            roomForItems(out.length + p.items.length, budget);
            for (const x of p.items) out.push(x);
          } else out.push(p);
        }
        return list(out);
      });
    case 'includes':
    case 'has':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        budget.spend(items.length);
        return bool(items.some((v) => dictKey(v) === key));
      });
    case 'add':
      // a Set's add: the array stands for the set, so a value already there is not added twice
      return m((a) => {
        const v = a.positional[0] ?? NONE;
        const key = dictKey(v);
        if (key === undefined || !items.some((x) => dictKey(x) === key)) {
          roomForItems(items.length + 1, budget);
          items.push(v);
        }
        return self;
      });
    case 'size':
      return num(items.length);
    case 'at':
      return m((a) => {
        const i = intArg(a.positional[0]);
        return i === undefined ? UNKNOWN_VALUE : (items.at(i) ?? NONE);
      });
    case 'reverse':
      return m(() => {
        items.reverse();
        return self;
      });
    case 'fill':
      return m((a) => {
        const v = a.positional[0] ?? NONE;
        for (let i = 0; i < items.length; i++) items[i] = v;
        return self;
      });
    case 'sort':
      // in place, as JS does: without a comparator by the items' text, with one by the sign it returns
      return m((a) => {
        const f = a.positional[0];
        const text = (v: Value) => (v.kind === 'str' ? v.value : v.kind === 'num' ? String(v.value) : undefined);
        if (!f && !items.every((v) => text(v) !== undefined)) return UNKNOWN_VALUE;
        let known = true;
        budget.spend(items.length * Math.ceil(Math.log2(items.length + 1)));
        const order = [...items].sort((x, y) => {
          if (!f) return text(x)! < text(y)! ? -1 : text(x)! > text(y)! ? 1 : 0;
          const r = callFn(f, [x, y]);
          if (r.kind !== 'num') known = false;
          return r.kind === 'num' ? r.value : 0;
        });
        if (!known) return UNKNOWN_VALUE;
        order.forEach((v, i) => (items[i] = v));
        return self;
      });
    case 'lastIndexOf':
      return m((a) => {
        const key = a.positional[0] ? dictKey(a.positional[0]) : undefined;
        if (key === undefined) return UNKNOWN_VALUE;
        for (let i = items.length - 1; i >= 0; i--) if (dictKey(items[i]) === key) return num(i);
        return num(-1);
      });
    default:
      return undefined;
  }
}

/** Array items of an iterable or array-like (`{length: n}`), or undefined when not known. */
function arrayLike(v: Value | undefined, budget: Budget): Value[] | undefined {
  if (!v) return undefined;
  if (v.kind === 'list' || v.kind === 'tuple') return [...v.items];
  if (v.kind === 'str') {
    roomForItems(v.value.length, budget);
    return [...v.value].map(str);
  }
  if (v.kind === 'dict') {
    const n = intArg(v.entries.get('s:length')?.value);
    if (n === undefined || n < 0) return undefined;
    roomForItems(n, budget);
    return Array.from({ length: n }, (_, i) => v.entries.get(`n:${i}`)?.value ?? NONE);
  }
  return undefined;
}

/** The JS globals this module adds: `Array`, `Set`, `process`, `Object.assign/fromEntries`, React's hooks. */
export function jsGlobals(out: Map<string, Value>, budget: Budget, call: CallFn): void {
  const array = dict([
    [str('from'), builtin('Array.from', (a) => {
      const xs = arrayLike(a.positional[0], budget);
      if (!xs) return UNKNOWN_VALUE;
      const f = a.positional[1];
      return list(f ? xs.map((v, i) => call(f, [v, num(i)])) : xs);
    })],
    [str('isArray'), builtin('Array.isArray', (a) => {
      const v = a.positional[0];
      return !v || v.kind === 'unknown' || v.kind === 'sym' ? UNKNOWN_VALUE : bool(v.kind === 'list' || v.kind === 'tuple');
    })],
    [str('of'), builtin('Array.of', (a) => list([...a.positional]))],
  ]);
  out.set('Array', array);
  out.set('Set', builtin('Set', (a) => {
    const xs = a.positional[0] === undefined ? [] : arrayLike(a.positional[0], budget);
    if (!xs) return UNKNOWN_VALUE;
    const seen = new Set<string>();
    const items: Value[] = [];
    for (const v of xs) {
      const key = dictKey(v);
      if (key !== undefined && seen.has(key)) continue;
      if (key !== undefined) seen.add(key);
      items.push(v);
    }
    return list(items);
  }));
  const object = out.get('Object');
  if (object?.kind === 'dict') {
    object.entries.set('s:assign', { key: str('assign'), value: builtin('Object.assign', (a) => assign(a, budget)) });
    object.entries.set('s:fromEntries', { key: str('fromEntries'), value: builtin('Object.fromEntries', (a) => {
      const xs = arrayLike(a.positional[0], budget);
      if (!xs) return UNKNOWN_VALUE;
      const d = dict();
      for (const p of xs) {
        const kv = p.kind === 'list' || p.kind === 'tuple' ? p.items : undefined;
        const key = kv?.[0] ? dictKey(kv[0]) : undefined;
        if (!kv || key === undefined) return UNKNOWN_VALUE;
        d.entries.set(key.startsWith('n:') ? `s:${key.slice(2)}` : key, { key: key.startsWith('n:') ? str(key.slice(2)) : kv[0], value: kv[1] ?? NONE });
      }
      return d;
    }) });
    object.entries.set('s:freeze', { key: str('freeze'), value: builtin('Object.freeze', (a) => a.positional[0] ?? UNKNOWN_VALUE) });
  }
  // A Node script is analyzed as started without arguments or environment: `process.argv[2] || '64'` is the default.
  out.set('process', dict([
    [str('argv'), list([str('node'), str('script')])],
    [str('env'), dict()],
  ]));
}

/** React's hooks by name (imported from 'react', which is not analyzed): a component's first render sees the
 *  initial state; `useEffect`'s function is not among them (an unknown call, so a callback run later). */
export function reactHook(name: string, hookCall: CallFn): BuiltinV | undefined {
  switch (name) {
    case 'useState':
      return builtin('useState', (a) => {
        let v = a.positional[0] ?? NONE;
        if (v.kind === 'func') v = hookCall(v, []);
        return list([v, UNKNOWN_VALUE]);
      });
    case 'useRef':
      return builtin('useRef', (a) => dict([[str('current'), a.positional[0] ?? NONE]]));
    case 'useMemo':
      return builtin('useMemo', (a) => (a.positional[0] ? hookCall(a.positional[0], []) : UNKNOWN_VALUE));
    case 'useCallback':
      return builtin('useCallback', (a) => a.positional[0] ?? UNKNOWN_VALUE);
    default:
      return undefined;
  }
}

/** `Object.assign(target, ...sources)`: copies known objects' properties onto the target, which it returns. */
function assign(a: ArgValues, budget: Budget): Value {
  const [target, ...sources] = a.positional;
  if (target?.kind !== 'dict') return UNKNOWN_VALUE;
  for (const s of sources) {
    if (s.kind === 'none') continue;
    if (s.kind !== 'dict') return UNKNOWN_VALUE;
    roomForItems(target.entries.size + s.entries.size, budget);
    for (const [k, e] of s.entries) target.entries.set(k, e);
    if (s.open) target.open = true;
  }
  return target;
}

/** A JS object literal's missing property is `undefined` when everything put into it is known. */
export function missingProperty(d: DictV): Value {
  return d.open ? UNKNOWN_VALUE : NONE;
}
