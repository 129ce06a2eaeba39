// The static evaluator: runs the core form over symbolic values, never the user's code. It knows the semantics of
// Python and JS that model code relies on; Keras/TF.js meaning is delegated to a Host. Fuel, charged by the work
// done, bounds every run, and a value over a size cap becomes unknown with a note where it would have been built. A
// loop that makes no layer, tensor, model or optimizer within DATA_LOOP_FUEL steps is data work and is cut short (see
// dataLoops.ts), so generating training samples cannot starve the model that follows.

import type * as A from '../core/ast';
import type { Language } from '../../graph/ir';
import {
  applyFormatSpec,
  codePoints,
  globalBuiltins,
  intOf,
  iterate,
  iterateCharged,
  MAX_CHARS,
  MAX_ITEMS,
  numOf,
  percentFormat,
  primitiveMethod,
  repeatString,
  reprOf,
  roomForChars,
  roomForItems,
  toText,
  TooLarge,
  type Budget,
} from './builtins';
import { dimAdd, dimFloorDiv, dimMul, dimSub, type Dim } from '../../graph/shape';
import { DATA_LOOP_FUEL, namesChangedBy } from './dataLoops';
import { initDataclass, pythonLibBuiltins } from './pythonLib';
import { Scope } from './scope';
import { DeferredCallbacks } from './callbacks';
import { missingProperty, reactHook } from './jsLib';
import {
  bool,
  dict,
  dictKey,
  FALSE,
  isSequence,
  list,
  NONE,
  num,
  str,
  TRUE,
  tuple,
  UNKNOWN_VALUE,
  type ArgValues,
  type ClassV,
  type DictV,
  type FuncV,
  type InstanceV,
  type Value,
} from './values';

/**
 * Evaluation steps before giving up on a file: each expression and statement costs one, and so does each element a
 * value copies (a list repeated, concatenated, spread; a dict copied) and every CHARS_PER_FUEL characters a string
 * built, so that one step never hides unbounded work.
 */
export const DEFAULT_FUEL = 500_000;
/**
 * The budget for a program of `text`: DEFAULT_FUEL plus one step per character, so straight-line code of any length
 * (a generated 100,000-layer chain is 2.3 MB and spends about 9 steps a line) is evaluated whole, while a loop still
 * stops after a budget that grows only with the file it is written in.
 */
export function fuelFor(text: string): number {
  return DEFAULT_FUEL + text.length;
}
/** Nested user-function calls beyond this are treated as unknown (runaway recursion). */
export const MAX_CALL_DEPTH = 64;
/** Iterations of one `while` loop before it is abandoned (its test may never become false statically). */
export const MAX_WHILE_ITERATIONS = 10_000;

export class FuelExhausted extends Error {
  constructor(readonly at: number) {
    super('fuel exhausted');
  }
}

/** What the Keras/TF.js layer of the analysis plugs in. Each hook returns undefined when it has nothing to say. */
export interface Host {
  importModule(module: string, node: A.Node): Value;
  getAttr(obj: Value, name: string, node: A.Attr): Value | undefined;
  call(callee: Value, args: ArgValues, node: A.Call): Value | undefined;
  binop(op: A.BinaryOperator, left: Value, right: Value, node: A.BinOp): Value | undefined;
  index(obj: Value, index: Value, node: A.Index): Value | undefined;
  /** A value was bound to a variable name (names layers/models after their variables). */
  bound(name: string, value: Value, node: A.Node): void;
  /** `obj.name = value` on a domain object (e.g. `layer.trainable = False`); true when handled. */
  setAttr(obj: Value, name: string, value: Value): boolean;
  /** An instance of a user class is being created (before its constructor runs). */
  newInstance(inst: InstanceV, args: ArgValues, node: A.Node): void;
  globals(): Map<string, Value>;
}

/** A file whose code runs: the analyzed one (name undefined) or an imported workspace file. */
export interface SourceFile {
  name: string | undefined;
  text: string;
}

export interface ScopeFrame {
  name: string;
  node: A.Node;
  invocation: number;
  /** the imported file the call was made in (undefined: the analyzed file) */
  file?: string;
}

type Flow = undefined | { kind: 'break' } | { kind: 'continue' } | { kind: 'return'; value: Value };

export class Interpreter implements Budget {
  fuel: number;
  /** where the last step was charged (fuel that runs out inside a built-in is reported there) */
  private at = 0;
  readonly startFuel: number;
  /** Helper-function calls in progress, outermost first: the groups layer calls are made in. */
  readonly frames: ScopeFrame[] = [];
  private invocations = 0;
  readonly module: Scope;
  private readonly builtins: Map<string, Value>;
  /** Function definitions that were called at least once (model builders never called are analyzed alone). */
  readonly called = new Set<A.Node>();
  /** JS callbacks handed to code the evaluator does not know, run once later (callbacks.ts). */
  readonly deferred = new DeferredCallbacks();
  /** Places where a budget cut evaluation short (reported as information diagnostics), one per place. */
  readonly limits = new Map<number, { node: A.Node; message: string }>();

  /** Files whose code is running (the analyzed file first; imported workspace files above it). */
  private readonly fileStack: SourceFile[] = [];

  /** The text of the file whose code is being evaluated (node offsets refer to it). */
  get text(): string {
    return this.fileStack.length ? this.fileStack[this.fileStack.length - 1].text : this.mainText;
  }

  /** The imported file whose code is running, or undefined while in the analyzed file. */
  get currentFile(): string | undefined {
    return this.fileStack.length ? this.fileStack[this.fileStack.length - 1].name : undefined;
  }

  private get mainFile(): SourceFile {
    return { name: undefined, text: this.mainText };
  }

  /** Runs an imported workspace file's module body in a fresh module scope and returns that scope. */
  runModule(name: string, text: string, body: A.Stmt[], scope: Scope = new Scope(null)): Scope {
    this.fileStack.push({ name, text });
    try {
      this.hoist(body, scope);
      this.execBlock(body, scope);
    } finally {
      this.fileStack.pop();
    }
    return scope;
  }

  private readonly host: Host;

  constructor(
    private readonly mainText: string,
    readonly lang: Language,
    /** Makes the host from this interpreter (its runtime): the two are wired once, nothing is assigned later. */
    makeHost: (runtime: Interpreter) => Host,
    fuel = DEFAULT_FUEL,
  ) {
    this.host = makeHost(this);
    this.fuel = fuel;
    this.startFuel = fuel;
    this.py = lang === 'python';
    this.builtins = globalBuiltins(lang, this, (f, args) => this.callValue(f, { positional: args, keywords: new Map(), node: { start: 0, end: 0 } }, { start: 0, end: 0 }));
    if (this.py) for (const [k, v] of pythonLibBuiltins(this)) this.builtins.set(k, v);
    for (const [k, v] of this.host.globals()) this.builtins.set(k, v);
    this.module = new Scope(null);
  }

  get fuelUsed(): number {
    return this.startFuel - Math.max(0, this.fuel);
  }

  /** Python semantics (else JS/TS) */
  private readonly py: boolean;

  /** Layers, tensors, models and optimizers the host has made so far: a loop that makes none is data work. */
  private symbolic = 0;

  private countSymbolic(v: Value): Value {
    if (v.kind === 'layer' || v.kind === 'tensor' || v.kind === 'model' || v.kind === 'optimizer') this.symbolic++;
    return v;
  }

  /**
   * True (after noting it) when a loop started at `fuel0`/`symbolic0` has spent DATA_LOOP_FUEL steps making
   * nothing symbolic: the names it changes become unknown, so nothing later is computed from a partial result.
   */
  private cutDataLoop(s: A.For | A.While, scope: Scope, fuel0: number, symbolic0: number): boolean {
    if (this.symbolic !== symbolic0 || fuel0 - this.fuel < DATA_LOOP_FUEL) return false;
    for (const name of namesChangedBy(s)) {
      if (this.py) scope.set(name, UNKNOWN_VALUE);
      else scope.assign(name, UNKNOWN_VALUE);
    }
    this.limits.set(s.start, {
      node: s,
      message: `LayerGraph stopped following this loop after ${DATA_LOOP_FUEL.toLocaleString('en-US')} steps: it builds no layer, tensor or model, so what it computes is unknown from here on.`,
    });
    return true;
  }

  private tick(node: A.Node): void {
    this.at = node.start;
    if (--this.fuel < 0) throw new FuelExhausted(node.start);
  }

  /** Charges work proportional to its size (elements copied, characters built); see DEFAULT_FUEL. */
  spend(units: number): void {
    this.fuel -= units;
    if (this.fuel < 0) throw new FuelExhausted(this.at);
  }

  /** A value over a size cap became unknown here: one analysis-limit note at the expression or statement. */
  private tooLarge(e: TooLarge, node: A.Node): Value {
    const cap = e.what === 'items' ? MAX_ITEMS : MAX_CHARS;
    const size = Number.isFinite(e.size) && e.size < 1e21 ? Math.round(e.size).toLocaleString('en-US') : 'too many';
    this.limits.set(node.start, {
      node,
      message: `LayerGraph stopped building this value: it would hold ${size} ${e.what} (the limit is ${cap.toLocaleString('en-US')}); it is unknown from here on.`,
    });
    return UNKNOWN_VALUE;
  }

  run(body: A.Stmt[]): void {
    this.hoist(body, this.module);
    this.execBlock(body, this.module);
  }

  // ---- statements ----------------------------------------------------------------------------------------------

  /** JS function declarations are usable before their statement; so are Python defs called from later code. */
  private hoist(body: A.Stmt[], scope: Scope): void {
    if (this.py) return;
    for (const s of body) if (s.kind === 'def') scope.set(s.name, this.makeFunction(s.name, s.params, s.body, scope, s));
  }

  execBlock(body: A.Stmt[], scope: Scope): Flow {
    for (const stmt of body) {
      const flow = this.exec(stmt, scope);
      if (flow) return flow;
    }
    return undefined;
  }

  private exec(s: A.Stmt, scope: Scope): Flow {
    this.tick(s);
    try {
      return this.execStmt(s, scope);
    } catch (err) {
      if (!(err instanceof TooLarge)) throw err;
      this.tooLarge(err, s);
      return undefined;
    }
  }

  private execStmt(s: A.Stmt, scope: Scope): Flow {
    switch (s.kind) {
      case 'expr':
        this.eval(s.expr, scope);
        return undefined;
      case 'assign': {
        const value = this.eval(s.value, scope);
        for (const t of s.targets) this.assign(t, value, scope, s.declare !== undefined);
        return undefined;
      }
      case 'augassign': {
        const current = this.evalTarget(s.target, scope);
        const value = this.eval(s.value, scope);
        // Python `xs += ys` on a list extends it in place (aliases see it)
        if (current.kind === 'list' && s.op === '+' && this.py) {
          const more = iterateCharged(value, this);
          if (more) {
            roomForItems(current.items.length + more.length, this);
            // one at a time: spreading a long array into push() overflows the stack (and `xs += xs` reads xs)
            for (const v of more === current.items ? [...more] : more) current.items.push(v);
            return undefined;
          }
        }
        const fake: A.BinOp = { kind: 'binop', op: s.op, left: s.target as A.Expr, right: s.value, start: s.start, end: s.end };
        this.assign(s.target, this.binop(s.op, current, value, fake), scope, false);
        return undefined;
      }
      case 'if': {
        const t = this.truthy(this.eval(s.test, scope));
        // An unknown condition takes the `then` branch: model code mostly guards optional blocks that way, and
        // evaluating both branches would create layers twice.
        return this.execBlock(t === false ? s.orelse : s.body, scope);
      }
      case 'for':
        return this.execFor(s, scope);
      case 'while':
        return this.execWhile(s, scope);
      case 'def': {
        const f = this.makeFunction(s.name, s.params, s.body, scope, s);
        if (s.getter) f.getter = true;
        let value: Value = f;
        for (const d of s.decorators) {
          const dec = this.eval(d, scope);
          value = dec.kind === 'func' || dec.kind === 'builtin' ? this.callValue(dec, { positional: [value], keywords: new Map(), node: s }, s) : value;
        }
        scope.set(s.name, value);
        return undefined;
      }
      case 'class': {
        const cls: ClassV = { kind: 'class', name: s.name, bases: s.bases.map((b) => this.eval(b, scope)), attrs: new Map() };
        const body = new Scope(scope);
        this.execBlock(s.body, body);
        for (const [k, v] of body.entries()) cls.attrs.set(k, v);
        scope.set(s.name, cls);
        return undefined;
      }
      case 'return':
        return { kind: 'return', value: s.value ? this.eval(s.value, scope) : NONE };
      case 'import':
        this.execImport(s, scope);
        return undefined;
      case 'break':
        return { kind: 'break' };
      case 'continue':
        return { kind: 'continue' };
      case 'block':
        this.hoist(s.body, scope);
        return this.execBlock(s.body, scope);
      case 'unsupported':
        if (s.scopeNames) for (const n of s.scopeNames.names) scope.declareOuter(n, s.scopeNames.nonlocal);
        return undefined;
      default:
        return assertNever(s);
    }
  }

  private execFor(s: A.For, scope: Scope): Flow {
    const iterable = this.eval(s.iter, scope);
    const items = iterateCharged(iterable, this);
    if (!items) {
      // Not statically iterable: bind the target to unknown and skip the body (no guessed layers).
      this.assign(s.target, UNKNOWN_VALUE, scope, true);
      return undefined;
    }
    // Iterate over a snapshot when the body may grow the list (Python iterates live, JS too; a snapshot bounds it).
    this.spend(items.length);
    const fuel0 = this.fuel;
    const symbolic0 = this.symbolic;
    for (const item of [...items]) {
      this.assign(s.target, item, scope, true);
      const flow = this.execBlock(s.body, scope);
      if (flow?.kind === 'break') return undefined;
      if (flow?.kind === 'return') return flow;
      if (this.cutDataLoop(s, scope, fuel0, symbolic0)) return undefined;
    }
    return this.execBlock(s.orelse, scope);
  }

  private execWhile(s: A.While, scope: Scope): Flow {
    const fuel0 = this.fuel;
    const symbolic0 = this.symbolic;
    for (let i = 0; i < MAX_WHILE_ITERATIONS; i++) {
      const t = i === 0 && s.testAfter ? true : this.truthy(this.eval(s.test, scope));
      if (t !== true) {
        return t === false ? this.execBlock(s.orelse, scope) : undefined;
      }
      const flow = this.execBlock(s.body, scope);
      if (flow?.kind === 'break') return undefined;
      if (flow?.kind === 'return') return flow;
      if (s.update) this.execBlock(s.update, scope);
      if (this.cutDataLoop(s, scope, fuel0, symbolic0)) return undefined;
    }
    this.limits.set(s.start, { node: s, message: `LayerGraph stopped following this loop after ${MAX_WHILE_ITERATIONS.toLocaleString('en-US')} iterations; what it builds afterwards is not shown.` });
    return undefined;
  }

  private execImport(s: A.Import, scope: Scope): void {
    const mod = this.host.importModule(s.module, s);
    if (s.star) {
      // `from keras.layers import *`: bind lazily is not possible; names resolve through the host's globals below.
      this.starImports.push(mod);
      return;
    }
    if (s.names) {
      for (const { name, alias } of s.names) {
        const attrNode: A.Attr = { kind: 'attr', object: { kind: 'unknown', start: s.start, end: s.start }, name, nameStart: s.start, start: s.start, end: s.end };
        let v = this.getAttr(mod, name, attrNode);
        if (v.kind === 'unknown') {
          // `from keras import layers` where `layers` is a submodule
          const sub = this.host.importModule(s.module.endsWith('.') ? `${s.module}${name}` : `${s.module}.${name}`, s);
          if (sub.kind === 'module' && sub.known) v = sub;
        }
        scope.set(alias ?? name, v);
      }
      return;
    }
    if (s.alias) {
      scope.set(s.alias, mod);
      return;
    }
    // `import a.b.c` binds `a`
    const top = s.module.split('.')[0];
    scope.set(top, this.host.importModule(top, s));
  }

  private readonly starImports: Value[] = [];

  // ---- assignment ------------------------------------------------------------------------------------------------

  assign(t: A.Target, value: Value, scope: Scope, declare: boolean): void {
    switch (t.kind) {
      case 'name':
        if (declare || this.py) scope.set(t.name, value);
        else scope.assign(t.name, value);
        this.host.bound(t.name, value, t);
        return;
      case 'attr': {
        const obj = this.eval(t.object, scope);
        if (this.host.setAttr(obj, t.name, value)) return;
        if (obj.kind === 'instance') obj.attrs.set(t.name, value);
        else if (obj.kind === 'dict' && !this.py) obj.entries.set(`s:${t.name}`, { key: str(t.name), value });
        else if (obj.kind === 'class') obj.attrs.set(t.name, value);
        else if (obj.kind === 'unknown' && !this.py) this.deferred.defer([value]); // `button.onclick = fn`
        if (obj.kind === 'instance' || obj.kind === 'class') this.host.bound(t.name, value, t);
        return;
      }
      case 'index': {
        const obj = this.eval(t.object, scope);
        const idx = this.eval(t.index, scope);
        if (obj.kind === 'list') {
          const i = intOf(idx);
          if (i !== undefined) {
            const k = i < 0 ? obj.items.length + i : i;
            if (k >= 0 && k < obj.items.length) obj.items[k] = value;
            else if (!this.py && k >= 0 && k < obj.items.length + 1000) {
              roomForItems(k + 1 - obj.items.length, this);
              if (k >= MAX_ITEMS) throw new TooLarge('items', k + 1);
              while (obj.items.length < k) obj.items.push(NONE);
              obj.items[k] = value;
            }
          }
        } else if (obj.kind === 'dict') {
          const key = dictKey(idx);
          if (key !== undefined && !obj.entries.has(key) && obj.entries.size >= MAX_ITEMS) throw new TooLarge('items', obj.entries.size + 1);
          if (key !== undefined) obj.entries.set(key, { key: idx, value });
        }
        return;
      }
      case 'tuple-target': {
        const items = iterate(value);
        const starAt = t.items.findIndex((x) => x.kind === 'star-target');
        t.items.forEach((target, i) => {
          if (target.kind === 'star-target') {
            const rest = items ? items.slice(i, items.length - (t.items.length - 1 - i)) : undefined;
            this.assign(target.target, rest ? list(rest) : UNKNOWN_VALUE, scope, declare);
            return;
          }
          const k = starAt >= 0 && i > starAt && items ? items.length - (t.items.length - i) : i;
          this.assign(target, items?.[k] ?? UNKNOWN_VALUE, scope, declare);
        });
        return;
      }
      case 'object-target': {
        const used = new Set<string>();
        for (const p of t.props) {
          used.add(p.key);
          let v = value.kind === 'dict' ? value.entries.get(`s:${p.key}`)?.value : undefined;
          if (v === undefined && value.kind !== 'dict') v = this.getAttr(value, p.key, { kind: 'attr', object: { kind: 'unknown', start: t.start, end: t.end }, name: p.key, nameStart: t.start, start: t.start, end: t.end });
          if ((v === undefined || v.kind === 'none') && p.default) v = this.eval(p.default, scope);
          this.assign(p.target, v ?? (value.kind === 'dict' ? NONE : UNKNOWN_VALUE), scope, declare);
        }
        if (t.rest) {
          const rest = dict();
          if (value.kind === 'dict') this.spend(value.entries.size);
          if (value.kind === 'dict') for (const [k, e] of value.entries) if (!used.has(String(e.key.kind === 'str' ? e.key.value : k))) rest.entries.set(k, e);
          this.assign(t.rest, value.kind === 'dict' ? rest : UNKNOWN_VALUE, scope, declare);
        }
        return;
      }
      case 'unknown':
        return;
      default:
        assertNever(t);
    }
  }

  private evalTarget(t: A.Target, scope: Scope): Value {
    if (t.kind === 'name' || t.kind === 'attr' || t.kind === 'index') return this.eval(t, scope);
    return UNKNOWN_VALUE;
  }

  // ---- expressions -----------------------------------------------------------------------------------------------

  eval(e: A.Expr, scope: Scope): Value {
    this.tick(e);
    try {
      return this.evalExpr(e, scope);
    } catch (err) {
      // the innermost expression being evaluated is the one whose value grew too large
      if (!(err instanceof TooLarge)) throw err;
      return this.tooLarge(err, e);
    }
  }

  private evalExpr(e: A.Expr, scope: Scope): Value {
    switch (e.kind) {
      case 'num':
        return num(e.value, this.py && e.float === true);
      case 'str':
        return str(e.value);
      case 'bool':
        return bool(e.value);
      case 'none':
        return NONE;
      case 'name':
        return this.lookup(e.name, scope);
      case 'attr':
        return this.getAttr(this.eval(e.object, scope), e.name, e);
      case 'index':
        return this.evalIndex(e, scope);
      case 'slice':
        return UNKNOWN_VALUE;
      case 'call':
        return this.evalCall(e, scope);
      case 'list':
        return list(this.evalItems(e.items, scope));
      case 'tuple':
        return tuple(this.evalItems(e.items, scope));
      case 'dict':
        return this.evalDict(e, scope);
      case 'binop':
        return this.binop(e.op, this.eval(e.left, scope), this.eval(e.right, scope), e);
      case 'unary':
        return this.unary(e.op, this.eval(e.operand, scope));
      case 'compare':
        return this.compare(e, scope);
      case 'logic': {
        const left = this.eval(e.left, scope);
        if (e.op === '??') return left.kind === 'none' ? this.eval(e.right, scope) : left.kind === 'unknown' ? UNKNOWN_VALUE : left;
        const t = this.truthy(left);
        if (t === undefined) return UNKNOWN_VALUE;
        if (e.op === 'and') return t ? this.eval(e.right, scope) : left;
        return t ? left : this.eval(e.right, scope);
      }
      case 'cond': {
        const t = this.truthy(this.eval(e.test, scope));
        return this.eval(t === false ? e.else : e.then, scope);
      }
      case 'function':
        return this.makeFunction(e.name ?? '<lambda>', e.params, e.body, scope, e);
      case 'template':
        return this.evalTemplate(e, scope);
      case 'comprehension':
        return this.evalComprehension(e, scope);
      case 'starred':
        return this.eval(e.value, scope);
      case 'unknown':
        return UNKNOWN_VALUE;
      default:
        return assertNever(e);
    }
  }

  private lookup(name: string, scope: Scope): Value {
    const v = scope.lookup(name) ?? this.builtins.get(name);
    if (v) return v;
    for (const mod of this.starImports) {
      const w = this.host.getAttr(mod, name, { kind: 'attr', object: { kind: 'unknown', start: 0, end: 0 }, name, nameStart: 0, start: 0, end: 0 });
      if (w && w.kind !== 'unknown') return w;
    }
    return UNKNOWN_VALUE;
  }

  private evalItems(items: A.Expr[], scope: Scope): Value[] {
    const out: Value[] = [];
    for (const item of items) {
      if (item.kind === 'starred') {
        const v = this.eval(item.value, scope);
        const xs = iterateCharged(v, this);
        if (xs) {
          roomForItems(out.length + xs.length, this);
          for (const x of xs) out.push(x);
        } else out.push(UNKNOWN_VALUE);
      } else out.push(this.eval(item, scope));
    }
    return out;
  }

  private evalDict(e: A.DictExpr, scope: Scope): DictV {
    const d = dict();
    for (const entry of e.entries) {
      if ('spread' in entry) {
        const v = this.eval(entry.spread, scope);
        if (v.kind === 'dict') roomForItems(d.entries.size + v.entries.size, this);
        if (v.kind === 'dict') for (const [k, x] of v.entries) d.entries.set(k, x);
        if (v.kind !== 'dict' || v.open) d.open = true;
        continue;
      }
      const k = this.eval(entry.key, scope);
      const key = dictKey(k);
      if (key !== undefined) d.entries.set(key, { key: k, value: this.eval(entry.value, scope) });
      else {
        d.open = true;
        this.eval(entry.value, scope);
      }
    }
    return d;
  }

  private evalTemplate(e: A.Template, scope: Scope): Value {
    let out = '';
    for (const part of e.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const v = this.eval(part.expr, scope);
      const text = part.conversion === 'r' ? reprOf(v, this.lang) : applyFormatSpec(v, part.format ?? '', this.lang);
      if (text === undefined) return UNKNOWN_VALUE;
      roomForChars(out.length + text.length, this);
      out += text;
    }
    return str(out);
  }

  private evalComprehension(e: A.Comprehension, scope: Scope): Value {
    const inner = new Scope(scope);
    const results: Value[] = [];
    const pairs: [Value, Value][] = [];
    let known = true;
    const loop = (i: number): void => {
      if (!known) return;
      if (i === e.clauses.length) {
        if (results.length + pairs.length >= MAX_ITEMS) throw new TooLarge('items', MAX_ITEMS + 1);
        if (e.type === 'dict') pairs.push([this.eval(e.element, inner), e.value ? this.eval(e.value, inner) : UNKNOWN_VALUE]);
        else results.push(this.eval(e.element, inner));
        return;
      }
      const c = e.clauses[i];
      if (c.kind === 'if') {
        const t = c.test ? this.truthy(this.eval(c.test, inner)) : true;
        if (t === undefined) known = false;
        else if (t) loop(i + 1);
        return;
      }
      const items = c.iter ? iterateCharged(this.eval(c.iter, inner), this) : undefined;
      if (!items || !c.target) {
        known = false;
        return;
      }
      for (const item of items) {
        this.assign(c.target, item, inner, true);
        loop(i + 1);
      }
    };
    loop(0);
    if (!known) return UNKNOWN_VALUE;
    if (e.type === 'dict') return dict(pairs);
    return e.type === 'gen' || e.type === 'list' || e.type === 'set' ? list(results) : tuple(results);
  }

  private evalIndex(e: A.Index, scope: Scope): Value {
    const obj = this.eval(e.object, scope);
    if (e.index.kind === 'slice') {
      const lo = e.index.lower ? intOf(this.eval(e.index.lower, scope)) : undefined;
      const hi = e.index.upper ? intOf(this.eval(e.index.upper, scope)) : undefined;
      const step = e.index.step ? intOf(this.eval(e.index.step, scope)) : 1;
      if ((e.index.lower && lo === undefined) || (e.index.upper && hi === undefined) || step === undefined || step === 0) return this.host.index(obj, UNKNOWN_VALUE, e) ?? UNKNOWN_VALUE;
      if (obj.kind === 'str') {
        const chars = codePoints(obj.value, this);
        const picked = sliceItems(chars, lo, hi, step);
        roomForChars(picked.length, this);
        return str(typeof chars === 'string' ? (step === 1 ? chars.slice(picked.from, picked.from + picked.length) : picked.pick().join('')) : picked.pick().join(''));
      }
      if (isSequence(obj)) {
        const picked = sliceItems(obj.items, lo, hi, step);
        roomForItems(picked.length, this);
        return obj.kind === 'tuple' ? tuple(picked.pick()) : list(picked.pick());
      }
      return this.host.index(obj, UNKNOWN_VALUE, e) ?? UNKNOWN_VALUE;
    }
    const idx = this.eval(e.index, scope);
    const fromHost = this.host.index(obj, idx, e);
    if (fromHost) return fromHost;
    if (isSequence(obj) || obj.kind === 'str') {
      const i = intOf(idx);
      if (i === undefined) return UNKNOWN_VALUE;
      // a string is indexed where it is, never copied into an array of characters
      const items = isSequence(obj) ? obj.items : codePoints(obj.value, this);
      const k = i < 0 ? items.length + i : i;
      const item = k >= 0 && k < items.length ? items[k] : undefined;
      // JS: past the end of a known array is `undefined` (`process.argv[2] || '64'`)
      if (item === undefined) return !this.py && i >= 0 ? NONE : UNKNOWN_VALUE;
      return typeof item === 'string' ? str(item) : item;
    }
    if (obj.kind === 'dict') {
      const key = dictKey(idx);
      return (key !== undefined && obj.entries.get(key)?.value) || UNKNOWN_VALUE;
    }
    return UNKNOWN_VALUE;
  }

  getAttr(obj: Value, name: string, node: A.Attr): Value {
    const fromHost = this.host.getAttr(obj, name, node);
    if (fromHost) return fromHost;
    if (obj.kind === 'none' && !this.py) return NONE; // `cfg.other?.units`: the chain stays undefined
    if (obj.kind === 'dict' && !this.py) {
      const v = obj.entries.get(`s:${name}`)?.value;
      if (v) return v;
      return missingProperty(obj);
    }
    if (obj.kind === 'instance') {
      const v = obj.attrs.get(name);
      if (v) return v;
      const m = classAttr(obj.cls, name);
      if (m?.kind === 'func' && m.getter) return this.callFunction({ ...m, self: obj }, { positional: [], keywords: new Map(), node }, node);
      if (m?.kind === 'func') return { ...m, self: obj };
      if (m) return m;
      return UNKNOWN_VALUE;
    }
    if (obj.kind === 'class') return classAttr(obj, name) ?? UNKNOWN_VALUE;
    const method = primitiveMethod(obj, name, this.lang, (f, args) => this.callValue(f, { positional: args, keywords: new Map(), node }, node), this);
    return method ?? UNKNOWN_VALUE;
  }

  // ---- calls -------------------------------------------------------------------------------------------------------

  private evalCall(e: A.Call, scope: Scope): Value {
    // `require('m')` in JS is an import
    if (!this.py && e.callee.kind === 'name' && e.callee.name === 'require' && !scope.lookup('require')) {
      const arg = e.args[0];
      if (arg?.kind === 'positional' && arg.value.kind === 'str') return this.host.importModule(arg.value.value, e);
      return UNKNOWN_VALUE;
    }
    let callee = this.eval(e.callee, scope);
    if (callee.kind === 'unknown' && !this.py) callee = reactHook(e.callee.kind === 'name' || e.callee.kind === 'attr' ? e.callee.name : '', (f, xs) => this.callValue(f, { positional: xs, keywords: new Map(), node: e }, e)) ?? callee;
    const args: ArgValues = { positional: [], keywords: new Map(), node: e };
    for (const a of e.args) {
      if (a.kind === 'positional') args.positional.push(this.eval(a.value, scope));
      else if (a.kind === 'keyword') args.keywords.set(a.name, this.eval(a.value, scope));
      else if (a.kind === 'spread') {
        const v = this.eval(a.value, scope);
        const xs = iterateCharged(v, this);
        if (xs) {
          roomForItems(args.positional.length + xs.length, this);
          for (const x of xs) args.positional.push(x);
        } else args.positional.push(UNKNOWN_VALUE);
      } else {
        const v = this.eval(a.value, scope);
        if (v.kind === 'dict') for (const { key, value } of v.entries.values()) if (key.kind === 'str') args.keywords.set(key.value, value);
      }
    }
    return this.callValue(callee, args, e);
  }

  callValue(callee: Value, args: ArgValues, node: A.Node): Value {
    const fromHost = node && 'callee' in node ? this.host.call(callee, args, node as A.Call) : this.host.call(callee, args, { kind: 'call', callee: { kind: 'unknown', start: node.start, end: node.end }, args: [], start: node.start, end: node.end });
    if (fromHost) return this.countSymbolic(fromHost);
    switch (callee.kind) {
      case 'func':
        return this.callFunction(callee, args, node);
      case 'builtin':
        return callee.fn(args, callee.self);
      case 'class':
        return this.instantiate(callee, args, node);
      default:
        // a function handed to code the evaluator does not know is a callback it will call later
        if (callee.kind === 'unknown' && !this.py) this.deferred.defer([...args.positional, ...args.keywords.values()]);
        return UNKNOWN_VALUE;
    }
  }

  makeFunction(name: string, params: A.Param[], body: A.Stmt[], closure: Scope, node: A.Node): FuncV {
    const f: FuncV = { kind: 'func', name, params, body, closure, node };
    if (this.fileStack.length) f.file = this.fileStack[this.fileStack.length - 1];
    return f;
  }

  callFunction(f: FuncV, args: ArgValues, node: A.Node): Value {
    if (this.frames.length >= MAX_CALL_DEPTH) {
      this.limits.set(node.start, { node, message: `LayerGraph stopped following calls ${MAX_CALL_DEPTH} levels deep (endless recursion?); this call's result is unknown.` });
      return UNKNOWN_VALUE;
    }
    const scope = new Scope(f.closure);
    const positional = f.self && this.py ? [f.self, ...args.positional] : args.positional;
    if (f.self && !this.py) scope.set('this', f.self);
    let i = 0;
    const usedKeywords = new Set<string>();
    for (const p of f.params) {
      if (p.rest) {
        const rest = positional.slice(i);
        i = positional.length;
        scope.set(p.name, this.py ? tuple(rest) : list(rest));
        continue;
      }
      if (p.kwrest) {
        const d = dict();
        for (const [k, v] of args.keywords) if (!usedKeywords.has(k)) d.entries.set(`s:${k}`, { key: str(k), value: v });
        scope.set(p.name, d);
        continue;
      }
      let v: Value | undefined;
      if (!p.keywordOnly && i < positional.length) v = positional[i++];
      else if (args.keywords.has(p.name)) {
        v = args.keywords.get(p.name);
        usedKeywords.add(p.name);
      }
      if ((v === undefined || (!this.py && v.kind === 'none' && p.default)) && p.default) v = this.eval(p.default, scope);
      if (p.pattern) this.assign(p.pattern, v ?? UNKNOWN_VALUE, scope, true);
      else scope.set(p.name, v ?? (!this.py ? NONE : UNKNOWN_VALUE));
    }
    this.called.add(f.node);
    this.methods.push(f);
    this.frames.push({ name: f.name, node, invocation: ++this.invocations, file: this.currentFile });
    // A function from another file runs with that file's text (its nodes' offsets refer to it).
    const files = this.fileStack.length;
    if (f.file || files > 0) this.fileStack.push(f.file ?? this.mainFile);
    try {
      this.hoist(f.body, scope);
      const flow = this.execBlock(f.body, scope);
      return flow?.kind === 'return' ? flow.value : NONE;
    } finally {
      this.frames.pop();
      this.methods.pop();
      this.fileStack.length = files;
    }
  }

  /** Functions running now, innermost last (`super()` reads the method it is called in). */
  private readonly methods: FuncV[] = [];

  currentMethod(): FuncV | undefined {
    return this.methods[this.methods.length - 1];
  }

  private instantiate(cls: ClassV, args: ArgValues, node: A.Node): Value {
    const inst: InstanceV = { kind: 'instance', cls, attrs: new Map() };
    this.host.newInstance(inst, args, node);
    const init = classAttr(cls, this.py ? '__init__' : 'constructor');
    if (init?.kind === 'func') this.callFunction({ ...init, self: inst }, args, node);
    else if (this.py && !init && !inst.keras) initDataclass(inst, args);
    return inst;
  }

  // ---- operators ---------------------------------------------------------------------------------------------------

  binop(op: A.BinaryOperator, l: Value, r: Value, node: A.BinOp): Value {
    const fromHost = this.host.binop(op, l, r, node);
    if (fromHost) return this.countSymbolic(fromHost);
    const a = numOf(l);
    const b = numOf(r);
    if ((l.kind === 'sym' || r.kind === 'sym') && (l.kind === 'sym' || a !== undefined) && (r.kind === 'sym' || b !== undefined)) {
      return symbolicArith(op, l.kind === 'sym' ? l.expr : a!, r.kind === 'sym' ? r.expr : b!);
    }
    if (a !== undefined && b !== undefined && l.kind !== 'str' && r.kind !== 'str') {
      const float = (l.kind === 'num' && l.float === true) || (r.kind === 'num' && r.float === true);
      return arith(op, a, b, float, this.lang);
    }
    // Sizes are checked on the result, before it is built: the operands may each be under the caps.
    if (op === '+') {
      if (l.kind === 'str' && r.kind === 'str') {
        roomForChars(l.value.length + r.value.length, this);
        return str(l.value + r.value);
      }
      if (!this.py && (l.kind === 'str' || r.kind === 'str')) {
        const x = toText(l, this.lang);
        const y = toText(r, this.lang);
        if (x === undefined || y === undefined) return UNKNOWN_VALUE;
        roomForChars(x.length + y.length, this);
        return str(x + y);
      }
      if ((l.kind === 'list' && r.kind === 'list' && this.py) || (l.kind === 'tuple' && r.kind === 'tuple')) {
        roomForItems(l.items.length + r.items.length, this);
        const items = l.items.concat(r.items);
        return l.kind === 'tuple' ? tuple(items) : list(items);
      }
    }
    if (op === '*' && this.py) {
      const [seq, n] = b !== undefined ? [l, b] : a !== undefined ? [r, a] : [undefined, undefined];
      if (seq && n !== undefined && Number.isInteger(n)) {
        if (seq.kind === 'str') return repeatString(seq.value, n, this);
        if (isSequence(seq)) {
          const times = Math.max(0, n);
          roomForItems(seq.items.length * times, this);
          const items: Value[] = [];
          for (let k = 0; k < times; k++) for (const v of seq.items) items.push(v);
          return seq.kind === 'list' ? list(items) : tuple(items);
        }
      }
    }
    if (op === '%' && l.kind === 'str' && this.py) {
      const v = percentFormat(l.value, r, this.lang);
      if (v.kind === 'str') roomForChars(v.value.length, this);
      return v;
    }
    return UNKNOWN_VALUE;
  }

  private unary(op: A.UnaryOp['op'], v: Value): Value {
    if (op === 'not') {
      const t = this.truthy(v);
      return t === undefined ? UNKNOWN_VALUE : bool(!t);
    }
    if (op === 'typeof') return UNKNOWN_VALUE;
    const n = numOf(v);
    if (n === undefined) return UNKNOWN_VALUE;
    const float = v.kind === 'num' && v.float === true;
    if (op === '-') return num(-n, float);
    if (op === '+') return num(n, float);
    return num(~n);
  }

  private compare(e: A.Compare, scope: Scope): Value {
    let left = this.eval(e.operands[0], scope);
    for (let i = 0; i < e.ops.length; i++) {
      const right = this.eval(e.operands[i + 1], scope);
      const r = compareValues(e.ops[i], left, right);
      if (r === undefined) return UNKNOWN_VALUE;
      if (!r) return FALSE;
      left = right;
    }
    return TRUE;
  }

  /** Python/JS truthiness; undefined when not statically known. */
  truthy(v: Value): boolean | undefined {
    switch (v.kind) {
      case 'bool':
        return v.value;
      case 'num':
        return v.value !== 0 && !Number.isNaN(v.value);
      case 'str':
        return v.value.length > 0;
      case 'none':
        return false;
      case 'list':
      case 'tuple':
        return !this.py ? true : v.items.length > 0;
      case 'dict':
        return !this.py ? true : v.entries.size > 0;
      case 'unknown':
        return undefined;
      default:
        return true;
    }
  }
}

/** Arithmetic on symbolic dimensions stays symbolic (`seq_len * 2`); anything else is unknown. */
function symbolicArith(op: A.BinaryOperator, a: Dim, b: Dim): Value {
  const f = op === '+' ? dimAdd : op === '-' ? dimSub : op === '*' ? dimMul : op === '//' ? dimFloorDiv : undefined;
  const d = f?.(a, b);
  if (d === undefined || d === null) return UNKNOWN_VALUE;
  return typeof d === 'number' ? num(d) : { kind: 'sym', expr: d };
}

function classAttr(cls: ClassV, name: string): Value | undefined {
  const own = cls.attrs.get(name);
  if (own) return own;
  for (const b of cls.bases) if (b.kind === 'class') {
    const v = classAttr(b, name);
    if (v) return v;
  }
  return undefined;
}

/** Python slice semantics: how many items `items[lo:hi:step]` has, and (on demand, after its size is charged) them. */
function sliceItems<T>(items: ArrayLike<T>, lo: number | undefined, hi: number | undefined, step: number): { from: number; length: number; pick(): T[] } {
  const n = items.length;
  const norm = (x: number) => (x < 0 ? Math.max(0, n + x) : Math.min(n, x));
  let from: number;
  let length: number;
  if (step > 0) {
    from = lo === undefined ? 0 : norm(lo);
    const to = hi === undefined ? n : norm(hi);
    length = to > from ? Math.ceil((to - from) / step) : 0;
  } else {
    from = lo === undefined ? n - 1 : Math.min(n - 1, lo < 0 ? n + lo : lo);
    const stop = hi === undefined ? -1 : hi < 0 ? Math.max(-1, n + hi) : hi;
    length = from > stop ? Math.ceil((from - stop) / -step) : 0;
  }
  const pick = () => {
    const out: T[] = [];
    for (let k = 0, i = from; k < length; k++, i += step) out.push(items[i]);
    return out;
  };
  return { from, length, pick };
}

/** Makes a switch over core-form kinds exhaustive: a new kind fails to compile until it is handled. */
function assertNever(x: never): never {
  throw new Error(`unhandled core form: ${(x as { kind?: string }).kind}`);
}

function arith(op: A.BinaryOperator, a: number, b: number, float: boolean, lang: Language): Value {
  switch (op) {
    case '+':
      return num(a + b, float);
    case '-':
      return num(a - b, float);
    case '*':
      return num(a * b, float);
    case '/':
      return b === 0 ? UNKNOWN_VALUE : num(a / b, lang === 'python');
    case '//':
      return b === 0 ? UNKNOWN_VALUE : num(Math.floor(a / b), float);
    case '%':
      if (b === 0) return UNKNOWN_VALUE;
      return num(lang === 'python' ? a - b * Math.floor(a / b) : a % b, float);
    case '**':
      return num(a ** b, float || (lang === 'python' && b < 0));
    case '<<':
      return num(a << b);
    case '>>':
      return num(a >> b);
    case '&':
      return num(a & b);
    case '|':
      return num(a | b);
    case '^':
      return num(a ^ b);
    default:
      return UNKNOWN_VALUE;
  }
}

function compareValues(op: A.CompareOperator, l: Value, r: Value): boolean | undefined {
  if (op === 'in' || op === 'not in') {
    const key = dictKey(l);
    let found: boolean | undefined;
    if (r.kind === 'dict') found = key === undefined ? undefined : r.entries.has(key);
    else if (isSequence(r)) found = key === undefined ? undefined : r.items.some((x) => dictKey(x) === key);
    else if (r.kind === 'str' && l.kind === 'str') found = r.value.includes(l.value);
    if (found === undefined) return undefined;
    return op === 'in' ? found : !found;
  }
  if (op === 'is' || op === 'is not' || op === '==' || op === '!=') {
    const eq = valuesEqual(l, r);
    if (eq === undefined) return undefined;
    return op === '==' || op === 'is' ? eq : !eq;
  }
  const a = numOf(l);
  const b = numOf(r);
  if (a !== undefined && b !== undefined) {
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  }
  if (l.kind === 'str' && r.kind === 'str') {
    return op === '<' ? l.value < r.value : op === '<=' ? l.value <= r.value : op === '>' ? l.value > r.value : l.value >= r.value;
  }
  return undefined;
}

function valuesEqual(l: Value, r: Value): boolean | undefined {
  if (l.kind === 'unknown' || r.kind === 'unknown') return undefined;
  const kl = dictKey(l);
  const kr = dictKey(r);
  if (kl !== undefined && kr !== undefined) return kl === kr;
  if (l.kind === 'none' || r.kind === 'none') return l.kind === r.kind;
  if (isSequence(l) && isSequence(r)) {
    if (l.items.length !== r.items.length) return false;
    for (let i = 0; i < l.items.length; i++) {
      const eq = valuesEqual(l.items[i], r.items[i]);
      if (eq !== true) return eq;
    }
    return true;
  }
  if (l.kind === 'layer' && r.kind === 'layer') return l.layer === r.layer;
  if (l.kind === 'tensor' && r.kind === 'tensor') return l.id === r.id;
  return kl === undefined && kr === undefined ? undefined : false;
}
