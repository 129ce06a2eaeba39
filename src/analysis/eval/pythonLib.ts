// Python's standard library as training scripts use it, evaluated statically: `argparse` defaults (the sizes a
// script is run with when nobody passes flags), `math`, `functools.partial`/`wraps`, the numpy reductions that size
// layers (`np.prod`, `np.sum`), `isinstance` with known types, `any`/`all`/`divmod`, `super()` in plain classes,
// and dataclass-style config objects. It does not parse command lines (there are none) or model numpy arrays.

import type * as A from '../core/ast';
import { intOf, iterateCharged, numOf, type Budget } from './builtins';
import {
  bool,
  FALSE,
  list,
  NONE,
  num,
  tuple,
  UNKNOWN_VALUE,
  type ArgValues,
  type BuiltinFn,
  type BuiltinV,
  type ClassV,
  type FuncV,
  type InstanceV,
  type ModuleV,
  type Value,
} from './values';

/** What the library needs from the interpreter: calling values, truthiness, and the method running now. */
export interface PyRuntime extends Budget {
  callValue(callee: Value, args: ArgValues, node: A.Node): Value;
  truthy(v: Value): boolean | undefined;
  /** the innermost running method bound to an instance (for `super()`), if any */
  currentMethod(): FuncV | undefined;
}

const fn = (name: string, f: BuiltinFn): BuiltinV => ({ kind: 'builtin', name, fn: f });
const arg = (a: ArgValues, i: number, name: string) => a.positional[i] ?? a.keywords.get(name);

/** Standard-library modules this file knows, by import name → module path. */
const MODULES: Record<string, string> = { math: 'py.math', functools: 'py.functools', argparse: 'py.argparse', dataclasses: 'py.dataclasses' };

export function pythonLibModule(module: string): ModuleV | undefined {
  const path = MODULES[module];
  return path ? { kind: 'module', path, known: true } : undefined;
}

/** `math.x`, `functools.x`, `argparse.x`, `dataclasses.x`, and numpy's reductions (`path` = 'numpy'). */
export function pythonLibAttr(rt: PyRuntime, path: string, name: string): Value | undefined {
  switch (path) {
    case 'py.math':
      return mathAttr(name);
    case 'py.functools':
      return functoolsAttr(rt, name);
    case 'py.argparse':
      return name === 'ArgumentParser' ? fn('argparse.ArgumentParser', () => argumentParser()) : undefined;
    case 'py.dataclasses':
      // `@dataclass` / `@dataclass(frozen=True)` / `field(default=…)`: fields are read by instantiation (below)
      if (name === 'dataclass') return fn('dataclass', (a) => a.positional[0] ?? fn('dataclass', (b) => b.positional[0] ?? NONE));
      if (name === 'field') return fn('field', (a) => a.keywords.get('default') ?? UNKNOWN_VALUE);
      return undefined;
    case 'numpy':
      return numpyReduction(rt, name);
    default:
      return undefined;
  }
}

function numbers(rt: PyRuntime, v: Value | undefined): number[] | undefined {
  if (!v) return undefined;
  const n = numOf(v);
  if (n !== undefined && v.kind !== 'str') return [n];
  const items = iterateCharged(v, rt);
  if (!items) return undefined;
  const out: number[] = [];
  for (const x of items) {
    const inner = numbers(rt, x);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

function numpyReduction(rt: PyRuntime, name: string): Value | undefined {
  const reduce = (f: (xs: number[]) => number) => (a: ArgValues) => {
    if (a.keywords.has('axis') || a.positional.length > 1) return UNKNOWN_VALUE;
    const xs = numbers(rt, a.positional[0]);
    return xs ? num(f(xs)) : UNKNOWN_VALUE;
  };
  const unary = (f: (x: number) => number) => (a: ArgValues) => {
    const x = numOf(a.positional[0]);
    return x === undefined ? UNKNOWN_VALUE : num(f(x), true);
  };
  switch (name) {
    case 'prod':
      return fn('np.prod', reduce((xs) => xs.reduce((p, x) => p * x, 1)));
    case 'sum':
      return fn('np.sum', reduce((xs) => xs.reduce((p, x) => p + x, 0)));
    case 'ceil':
      return fn('np.ceil', unary(Math.ceil));
    case 'floor':
      return fn('np.floor', unary(Math.floor));
    case 'sqrt':
      return fn('np.sqrt', unary(Math.sqrt));
    case 'pi':
      return num(Math.PI, true);
    default:
      return undefined;
  }
}

function mathAttr(name: string): Value | undefined {
  const ints: Record<string, (x: number) => number> = { ceil: Math.ceil, floor: Math.floor, trunc: Math.trunc };
  const floats: Record<string, (...x: number[]) => number> = { sqrt: Math.sqrt, exp: Math.exp, log2: Math.log2, log10: Math.log10, pow: Math.pow, fabs: Math.abs, sin: Math.sin, cos: Math.cos, tanh: Math.tanh };
  if (ints[name]) return fn(`math.${name}`, (a) => {
    const x = numOf(a.positional[0]);
    return x === undefined ? UNKNOWN_VALUE : num(ints[name](x));
  });
  if (floats[name]) return fn(`math.${name}`, (a) => {
    const xs = a.positional.map(numOf);
    return xs.length === 0 || xs.some((x) => x === undefined) ? UNKNOWN_VALUE : num(floats[name](...(xs as number[])), true);
  });
  switch (name) {
    case 'log':
      return fn('math.log', (a) => {
        const x = numOf(a.positional[0]);
        const base = numOf(a.positional[1]);
        if (x === undefined || (a.positional[1] && base === undefined)) return UNKNOWN_VALUE;
        return num(base === undefined ? Math.log(x) : Math.log(x) / Math.log(base), true);
      });
    case 'prod':
      return fn('math.prod', (a) => {
        const xs = a.positional[0] ? iterateCharged(a.positional[0], { spend: () => undefined })?.map(numOf) : undefined;
        return !xs || xs.some((x) => x === undefined) ? UNKNOWN_VALUE : num((xs as number[]).reduce((p, x) => p * x, 1));
      });
    case 'gcd':
      return fn('math.gcd', (a) => {
        let [x, y] = a.positional.map(intOf);
        if (x === undefined || y === undefined) return UNKNOWN_VALUE;
        [x, y] = [Math.abs(x), Math.abs(y)];
        while (y) [x, y] = [y, x % y];
        return num(x);
      });
    case 'pi':
      return num(Math.PI, true);
    case 'e':
      return num(Math.E, true);
    case 'inf':
      return num(Infinity, true);
    default:
      return undefined;
  }
}

function functoolsAttr(rt: PyRuntime, name: string): Value | undefined {
  const identity = fn('decorator', (a) => a.positional[0] ?? UNKNOWN_VALUE);
  switch (name) {
    case 'partial':
      return fn('functools.partial', (a) => {
        const [f, ...bound] = a.positional;
        if (!f) return UNKNOWN_VALUE;
        return fn('partial', (b) => rt.callValue(f, { positional: [...bound, ...b.positional], keywords: new Map([...a.keywords, ...b.keywords]), node: b.node }, b.node));
      });
    case 'wraps':
    case 'lru_cache':
      // `@functools.wraps(f)` / `@lru_cache(maxsize=None)` return a decorator; bare `@lru_cache` is one
      return fn(`functools.${name}`, (a) => (a.positional[0]?.kind === 'func' && name === 'lru_cache' ? a.positional[0] : identity));
    case 'cache':
      return identity;
    case 'reduce':
      return fn('functools.reduce', (a) => {
        const [f, seq, init] = a.positional;
        const items = seq ? iterateCharged(seq, rt) : undefined;
        if (!f || !items) return UNKNOWN_VALUE;
        let acc: Value | undefined = init;
        for (const x of items) acc = acc === undefined ? x : rt.callValue(f, { positional: [acc, x], keywords: new Map(), node: a.node }, a.node);
        return acc ?? UNKNOWN_VALUE;
      });
    default:
      return undefined;
  }
}

// ---- argparse ------------------------------------------------------------------------------------------------------

const plainClass = (name: string): ClassV => ({ kind: 'class', name, bases: [], attrs: new Map() });

/** A parser whose `parse_args()` is a namespace of each argument's default (what a run without flags gets). */
function argumentParser(): InstanceV {
  const defaults = new Map<string, Value>();
  const parser: InstanceV = { kind: 'instance', cls: plainClass('ArgumentParser'), attrs: new Map() };
  const namespace = (): InstanceV => ({ kind: 'instance', cls: plainClass('Namespace'), attrs: new Map(defaults) });
  const addArgument = fn('add_argument', (a) => {
    const flags = a.positional.filter((v): v is { kind: 'str'; value: string } => v.kind === 'str').map((v) => v.value);
    const dest = a.keywords.get('dest');
    const long = flags.find((f) => f.startsWith('--')) ?? flags.find((f) => f.startsWith('-')) ?? flags[0];
    const name = dest?.kind === 'str' ? dest.value : long?.replace(/^-+/, '').replace(/-/g, '_');
    if (!name) return NONE;
    const action = a.keywords.get('action');
    const act = action?.kind === 'str' ? action.value : undefined;
    let value: Value | undefined = a.keywords.get('default');
    if (value === undefined) {
      if (act === 'store_true') value = FALSE;
      else if (act === 'store_false') value = bool(true);
      // a required or positional argument has whatever the user passes: unknown
      else if (!flags[0]?.startsWith('-') || a.keywords.get('required')?.kind === 'bool') value = UNKNOWN_VALUE;
      else value = NONE;
    }
    // argparse applies `type` to string defaults
    const type = a.keywords.get('type');
    if (value.kind === 'str' && type?.kind === 'builtin' && (type.name === 'int' || type.name === 'float')) {
      const n = Number(value.value);
      value = Number.isNaN(n) ? UNKNOWN_VALUE : num(type.name === 'int' ? Math.trunc(n) : n, type.name === 'float');
    }
    defaults.set(name, value);
    return NONE;
  });
  const self = () => parser;
  parser.attrs.set('add_argument', addArgument);
  parser.attrs.set('add_argument_group', fn('add_argument_group', self));
  parser.attrs.set('add_mutually_exclusive_group', fn('add_mutually_exclusive_group', self));
  parser.attrs.set('set_defaults', fn('set_defaults', (a) => {
    for (const [k, v] of a.keywords) defaults.set(k, v);
    return NONE;
  }));
  parser.attrs.set('add_subparsers', fn('add_subparsers', () => UNKNOWN_VALUE));
  parser.attrs.set('parse_args', fn('parse_args', namespace));
  parser.attrs.set('parse_known_args', fn('parse_known_args', () => tuple([namespace(), list([])])));
  parser.attrs.set('print_help', fn('print_help', () => NONE));
  parser.attrs.set('error', fn('error', () => NONE));
  return parser;
}

// ---- builtins ------------------------------------------------------------------------------------------------------

/** Python built-ins that need the interpreter (truthiness, the running method); they replace the static ones. */
export function pythonLibBuiltins(rt: PyRuntime): Map<string, Value> {
  const out = new Map<string, Value>();
  const allOrAny = (want: boolean) => (a: ArgValues) => {
    const items = a.positional[0] ? iterateCharged(a.positional[0], rt) : undefined;
    if (!items) return UNKNOWN_VALUE;
    let unknown = false;
    for (const v of items) {
      const t = rt.truthy(v);
      if (t === want) return bool(want);
      if (t === undefined) unknown = true;
    }
    return unknown ? UNKNOWN_VALUE : bool(!want);
  };
  out.set('any', fn('any', allOrAny(true)));
  out.set('all', fn('all', allOrAny(false)));
  out.set('divmod', fn('divmod', (a) => {
    const [x, y] = a.positional.map(numOf);
    if (x === undefined || y === undefined || y === 0) return UNKNOWN_VALUE;
    const q = Math.floor(x / y);
    return tuple([num(q), num(x - q * y)]);
  }));
  out.set('isinstance', fn('isinstance', (a) => isInstance(a.positional[0], a.positional[1])));
  out.set('super', fn('super', () => superOf(rt.currentMethod())));
  return out;
}

/** The built-in type names a value is an instance of; undefined when the analyzer does not know the value. */
function typesOf(v: Value): string[] | undefined {
  switch (v.kind) {
    case 'num':
      return v.float ? ['float', 'object'] : ['int', 'object'];
    case 'bool':
      return ['bool', 'int', 'object'];
    case 'str':
      return ['str', 'object'];
    case 'list':
      return ['list', 'object'];
    case 'tuple':
      return ['tuple', 'object'];
    case 'dict':
      return ['dict', 'object'];
    case 'none':
      return ['NoneType', 'object'];
    case 'sym':
      return ['int', 'object'];
    case 'func':
    case 'layer':
    case 'tensor':
    case 'model':
    case 'layerclass':
    case 'module':
      // known not to be any built-in data type (isinstance against Keras classes stays unknown below)
      return ['object'];
    default:
      return undefined;
  }
}

const BUILTIN_TYPES = new Set(['int', 'float', 'bool', 'str', 'list', 'tuple', 'dict', 'object']);

/**
 * `isinstance(x, T)` for built-in types and plain classes. A value the analyzer does not know is taken as not
 * being of the type: the guarded branch converts a value of that type (`if isinstance(k, int): k = (k, k)`), and
 * running it on an unknown would only guess.
 */
function isInstance(v: Value | undefined, t: Value | undefined): Value {
  if (!v || !t) return UNKNOWN_VALUE;
  const targets = t.kind === 'tuple' || t.kind === 'list' ? t.items : [t];
  let unknown = false;
  for (const target of targets) {
    if (target.kind === 'builtin' && BUILTIN_TYPES.has(target.name)) {
      const types = typesOf(v);
      if (types?.includes(target.name)) return bool(true);
      if (!types && v.kind !== 'unknown') unknown = true;
    } else if (target.kind === 'class' && v.kind === 'instance') {
      if (inherits(v.cls, target)) return bool(true);
    } else if (target.kind === 'class' && typesOf(v)) {
      // a built-in value is never an instance of a user class
    } else unknown = true;
  }
  return unknown ? UNKNOWN_VALUE : FALSE;
}

function inherits(c: ClassV, target: ClassV): boolean {
  return c === target || c.bases.some((b) => b.kind === 'class' && inherits(b, target));
}

/** `super()` inside a plain class's method: the instance seen through the classes after the method's own. */
function superOf(m: FuncV | undefined): Value {
  if (!m || m.self?.kind !== 'instance') return UNKNOWN_VALUE;
  const inst = m.self;
  const owner = ownerOf(inst.cls, m);
  if (!owner || owner.bases.some((b) => b.kind !== 'class')) return UNKNOWN_VALUE;
  // the proxy shares the instance's attributes, so `super().__init__` sets them on the real object
  return { kind: 'instance', cls: { kind: 'class', name: `super(${owner.name})`, bases: owner.bases, attrs: new Map() }, attrs: inst.attrs };
}

function ownerOf(c: ClassV, m: FuncV): ClassV | undefined {
  for (const v of c.attrs.values()) if (v.kind === 'func' && v.node === m.node) return c;
  for (const b of c.bases) if (b.kind === 'class') {
    const o = ownerOf(b, m);
    if (o) return o;
  }
  return undefined;
}

/**
 * A class without `__init__` anywhere in its chain, called with arguments, is a dataclass-style config: the
 * arguments set its fields (class-body names that are not methods, in order). Python raises for such a call on a
 * plain class, so reading it this way never changes a program that runs.
 */
export function initDataclass(inst: InstanceV, args: ArgValues): void {
  const fields: string[] = [];
  const collect = (c: ClassV) => {
    for (const b of c.bases) if (b.kind === 'class') collect(b);
    for (const [k, v] of c.attrs) if (v.kind !== 'func' && !k.startsWith('_') && !fields.includes(k)) fields.push(k);
  };
  collect(inst.cls);
  args.positional.forEach((v, i) => {
    if (i < fields.length) inst.attrs.set(fields[i], v);
  });
  for (const [k, v] of args.keywords) inst.attrs.set(k, v);
}
