// Tests for the TypeScript/JavaScript front-end: snippets against expected core-form shapes, TF.js-looking programs,
// and robustness (prefixes, garbage, deep nesting). Offsets are checked separately from shapes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoweredModule, Stmt } from '../src/analysis/core/ast';
import { lowerTypeScript, scriptKindOf } from '../src/analysis/typescript/lower';
import { MAX_NESTING } from '../src/analysis/core/frontEnd';
import * as ts from 'typescript';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: shapes without offsets, and small builders for expected trees

/** The lowered tree without start/end/nameStart, so expectations read like the code. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'start' || key === 'end' || key === 'nameStart') continue;
    out[key] = shape(item);
  }
  return out;
}

function lower(code: string, fileName = 'test.ts'): LoweredModule {
  return lowerTypeScript(code, fileName);
}

function body(code: string, fileName = 'test.ts'): unknown {
  const lowered = lower(code, fileName);
  assert.deepEqual(lowered.syntaxErrors, [], `unexpected syntax errors in ${JSON.stringify(code)}`);
  return shape(lowered.body);
}

/** Every offset in the tree (and in the syntax errors) lies within the text, and every start is at most its end. */
function assertOffsetsWithin(lowered: LoweredModule, length: number, context: string): void {
  const visit = (value: unknown, depth: number): void => {
    if (depth > 10 * MAX_NESTING || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of ['start', 'end', 'nameStart']) {
      const offset = record[key];
      if (offset === undefined) continue;
      assert.ok(typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= length, `${key}=${String(offset)} outside 0..${length} in ${context}`);
    }
    if (typeof record.start === 'number' && typeof record.end === 'number') {
      assert.ok(record.start <= record.end, `start ${record.start} > end ${record.end} in ${context}`);
    }
    for (const item of Object.values(record)) visit(item, depth + 1);
  };
  visit(lowered.body, 0);
  visit(lowered.syntaxErrors, 0);
}

/** Depth of a plain-object tree, measured without recursion. */
function treeDepth(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  return deepest;
}

const name = (n: string) => ({ kind: 'name', name: n });
const num = (value: number) => ({ kind: 'num', value });
const str = (value: string) => ({ kind: 'str', value });
const bool = (value: boolean) => ({ kind: 'bool', value });
const none = { kind: 'none' };
const attr = (object: unknown, n: string) => ({ kind: 'attr', object, name: n });
/** `dotted('tf.layers.dense')` → attr(attr(name tf, layers), dense) */
const dotted = (path: string): unknown => {
  const parts = path.split('.');
  return parts.slice(1).reduce<unknown>((object, part) => attr(object, part), name(parts[0]));
};
const pos = (value: unknown) => ({ kind: 'positional', value });
const spreadArg = (value: unknown) => ({ kind: 'spread', value });
const isArg = (a: unknown) => (a as { kind: string }).kind === 'spread';
const call = (callee: unknown, ...args: unknown[]) => ({ kind: 'call', callee, args: args.map((a) => (isArg(a) ? a : pos(a))) });
const newCall = (callee: unknown, ...args: unknown[]) => ({ ...call(callee, ...args), isNew: true });
const list = (...items: unknown[]) => ({ kind: 'list', items });
const dict = (entries: Record<string, unknown>) => ({ kind: 'dict', entries: Object.entries(entries).map(([key, value]) => ({ key: str(key), value })) });
const binop = (op: string, left: unknown, right: unknown) => ({ kind: 'binop', op, left, right });
const compare = (op: string, left: unknown, right: unknown) => ({ kind: 'compare', ops: [op], operands: [left, right] });
const logic = (op: string, left: unknown, right: unknown) => ({ kind: 'logic', op, left, right });
const unary = (op: string, operand: unknown) => ({ kind: 'unary', op, operand });
const unknown = (what: string) => ({ kind: 'unknown', what });
const exprStmt = (expr: unknown) => ({ kind: 'expr', expr });
const assign = (target: unknown, value: unknown, declare?: string) => (declare ? { kind: 'assign', targets: [target], value, declare } : { kind: 'assign', targets: [target], value });
const aug = (target: unknown, op: string, value: unknown) => ({ kind: 'augassign', target, op, value });
const ret = (value?: unknown) => (value === undefined ? { kind: 'return' } : { kind: 'return', value });
const param = (n: string, extra: Record<string, unknown> = {}) => ({ name: n, ...extra });
const fn = (params: unknown[], stmts: unknown[], n?: string) => (n ? { kind: 'function', params, body: stmts, name: n } : { kind: 'function', params, body: stmts });
const def = (n: string, params: unknown[], stmts: unknown[]) => ({ kind: 'def', name: n, params, body: stmts, decorators: [] });
const unsupported = (what: string) => ({ kind: 'unsupported', what });

// ---------------------------------------------------------------------------------------------------------------
// The construct table

const constructs: [title: string, code: string, expected: unknown[]][] = [
  // imports and exports
  ['namespace import', "import * as tf from '@tensorflow/tfjs';", [{ kind: 'import', module: '@tensorflow/tfjs', alias: 'tf' }]],
  ['default import', "import tf from '@tensorflow/tfjs';", [{ kind: 'import', module: '@tensorflow/tfjs', alias: 'tf', isDefault: true }]],
  [
    'named imports with as',
    "import {layers, sequential as seq} from '@tensorflow/tfjs';",
    [{ kind: 'import', module: '@tensorflow/tfjs', names: [{ name: 'layers' }, { name: 'sequential', alias: 'seq' }] }],
  ],
  [
    'default and named import together',
    "import tf, {layers} from 'm';",
    [
      { kind: 'import', module: 'm', alias: 'tf', isDefault: true },
      { kind: 'import', module: 'm', names: [{ name: 'layers' }] },
    ],
  ],
  ['side-effect import is skipped', "import '@tensorflow/tfjs-node';", []],
  ['type-only imports are skipped', "import type {Tensor} from 'm'; import {type Rank} from 'm';", []],
  ['import = require', "import tf = require('@tensorflow/tfjs');", [{ kind: 'import', module: '@tensorflow/tfjs', alias: 'tf' }]],
  ['import = namespace alias', 'import L = tf.layers;', [assign(name('L'), dotted('tf.layers'), 'const')]],
  ['require stays a call', "const tf = require('@tensorflow/tfjs');", [assign(name('tf'), call(name('require'), str('@tensorflow/tfjs')), 'const')]],
  ['export const', 'export const a = 1;', [assign(name('a'), num(1), 'const')]],
  ['export function', 'export function f() {}', [def('f', [], [])]],
  ['export class', 'export class M {}', [{ kind: 'class', name: 'M', bases: [], body: [] }]],
  ['export default expression', 'export default model;', [exprStmt(name('model'))]],
  ['export list and re-exports are skipped', "export {a, b as c}; export * from 'm';", []],

  // declarations
  ['let without initializer assigns none', 'let x;', [assign(name('x'), none, 'let')]],
  ['var', 'var x = 2;', [assign(name('x'), num(2), 'var')]],
  ['several declarators', 'let a = 1, b;', [assign(name('a'), num(1), 'let'), assign(name('b'), none, 'let')]],
  [
    'array destructuring with rest and hole',
    'const [a, , ...rest] = xs;',
    [assign({ kind: 'tuple-target', items: [name('a'), unknown('hole'), { kind: 'star-target', target: name('rest') }] }, name('xs'), 'const')],
  ],
  [
    'object destructuring with rename, default, nesting and rest',
    'const {units, name: n = "d", shape: [b], ...others} = config;',
    [
      assign(
        {
          kind: 'object-target',
          props: [
            { key: 'units', target: name('units') },
            { key: 'name', target: name('n'), default: str('d') },
            { key: 'shape', target: { kind: 'tuple-target', items: [name('b')] } },
          ],
          rest: name('others'),
        },
        name('config'),
        'const',
      ),
    ],
  ],
  ['declare const is skipped', 'declare const x: number;', []],

  // assignments
  ['plain assignment', 'x = 1;', [assign(name('x'), num(1))]],
  ['chained assignment has two targets', 'a = b = 3;', [{ kind: 'assign', targets: [name('a'), name('b')], value: num(3) }]],
  ['attribute and index targets', 'this.units = u; xs[0] = 1;', [assign(attr(name('this'), 'units'), name('u')), assign({ kind: 'index', object: name('xs'), index: num(0) }, num(1))]],
  [
    'destructuring assignment',
    '[a, b] = [b, a]; ({c, d: e = 1} = o);',
    [
      assign({ kind: 'tuple-target', items: [name('a'), name('b')] }, list(name('b'), name('a'))),
      assign({ kind: 'object-target', props: [{ key: 'c', target: name('c') }, { key: 'd', target: name('e'), default: num(1) }] }, name('o')),
    ],
  ],
  ['compound assignments', 'x += 1; y **= 2; z -= w;', [aug(name('x'), '+', num(1)), aug(name('y'), '**', num(2)), aug(name('z'), '-', name('w'))]],
  ['increments', 'i++; --j; ++k;', [aug(name('i'), '+', num(1)), aug(name('j'), '-', num(1)), aug(name('k'), '+', num(1))]],
  ['logical assignment', 'a ??= b;', [assign(name('a'), logic('??', name('a'), name('b')))]],
  ['comma in statement position splits', 'a = 1, b = 2;', [assign(name('a'), num(1)), assign(name('b'), num(2))]],

  // control flow
  ['if/else', 'if (a) { f(); } else g();', [{ kind: 'if', test: name('a'), body: [exprStmt(call(name('f')))], orelse: [exprStmt(call(name('g')))] }]],
  [
    'else if chains nest',
    'if (a) x = 1; else if (b) x = 2; else x = 3;',
    [
      {
        kind: 'if',
        test: name('a'),
        body: [assign(name('x'), num(1))],
        orelse: [{ kind: 'if', test: name('b'), body: [assign(name('x'), num(2))], orelse: [assign(name('x'), num(3))] }],
      },
    ],
  ],
  ['for…of', 'for (const u of units) f(u);', [{ kind: 'for', target: name('u'), iter: name('units'), body: [exprStmt(call(name('f'), name('u')))], orelse: [] }]],
  [
    'for…of with destructuring',
    'for (const [i, u] of units.entries()) {}',
    [{ kind: 'for', target: { kind: 'tuple-target', items: [name('i'), name('u')] }, iter: call(dotted('units.entries')), body: [], orelse: [] }],
  ],
  ['for…in iterates Object.keys', 'for (const k in obj) {}', [{ kind: 'for', target: name('k'), iter: call(dotted('Object.keys'), name('obj')), body: [], orelse: [] }]],
  [
    'C-style for',
    'for (let i = 0; i < n; i++) { if (i == 2) continue; x = i; }',
    [
      {
        kind: 'block',
        body: [
          assign(name('i'), num(0), 'let'),
          {
            kind: 'while',
            test: compare('<', name('i'), name('n')),
            body: [{ kind: 'if', test: compare('==', name('i'), num(2)), body: [{ kind: 'continue' }], orelse: [] }, assign(name('x'), name('i'))],
            orelse: [],
            update: [aug(name('i'), '+', num(1))],
          },
        ],
      },
    ],
  ],
  ['C-style for with nothing', 'for (;;) break;', [{ kind: 'block', body: [{ kind: 'while', test: bool(true), body: [{ kind: 'break' }], orelse: [] }] }]],
  [
    'C-style for with expression init and comma update',
    'for (i = 0, j = 9; i < j; i++, j--) {}',
    [
      {
        kind: 'block',
        body: [
          assign(name('i'), num(0)),
          assign(name('j'), num(9)),
          { kind: 'while', test: compare('<', name('i'), name('j')), body: [], orelse: [], update: [aug(name('i'), '+', num(1)), aug(name('j'), '-', num(1))] },
        ],
      },
    ],
  ],
  ['while', 'while (n > 0) n--;', [{ kind: 'while', test: compare('>', name('n'), num(0)), body: [aug(name('n'), '-', num(1))], orelse: [] }]],
  [
    'do…while runs the body once, then loops',
    'do { n--; } while (n);',
    [{ kind: 'while', test: name('n'), body: [aug(name('n'), '-', num(1))], orelse: [], testAfter: true }],
  ],
  ['labels are ignored', 'outer: for (const a of b) { break outer; }', [{ kind: 'for', target: name('a'), iter: name('b'), body: [{ kind: 'break' }], orelse: [] }]],
  [
    'switch becomes an if-chain',
    "switch (act) { case 'relu': case 'elu': a(); break; case 'tanh': { b(); break; } default: c(); }",
    [
      {
        kind: 'block',
        body: [
          {
            kind: 'if',
            test: logic('or', compare('==', name('act'), str('relu')), compare('==', name('act'), str('elu'))),
            body: [exprStmt(call(name('a')))],
            orelse: [{ kind: 'if', test: compare('==', name('act'), str('tanh')), body: [exprStmt(call(name('b')))], orelse: [exprStmt(call(name('c')))] }],
          },
        ],
      },
    ],
  ],
  ['switch with fall-through is unsupported', 'switch (x) { case 1: a(); case 2: b(); }', [unsupported('switch statement with fall-through')]],
  ['switch with an inner break is unsupported', 'switch (x) { case 1: if (y) break; a(); break; }', [unsupported('switch statement with fall-through')]],
  [
    'try/catch/finally keeps try body and finally',
    'try { a(); } catch (e) { b(); } finally { c(); }',
    [{ kind: 'block', body: [exprStmt(call(name('a'))), exprStmt(call(name('c')))] }],
  ],
  ['block', '{ let a = 1; }', [{ kind: 'block', body: [assign(name('a'), num(1), 'let')] }]],
  ['throw is unsupported', "throw new Error('x');", [unsupported('throw statement')]],
  ['return forms', 'function f() { return; } function g() { return 1; }', [def('f', [], [ret()]), def('g', [], [ret(num(1))])]],

  // functions
  [
    'function declaration with defaults, rest and destructured parameter',
    'function block(x, units = 10, {act = "relu"} = {}, ...more) { return x; }',
    [
      def(
        'block',
        [
          param('x'),
          param('units', { default: num(10) }),
          param('{act = "relu"}', { pattern: { kind: 'object-target', props: [{ key: 'act', target: name('act'), default: str('relu') }] }, default: { kind: 'dict', entries: [] } }),
          param('more', { rest: true }),
        ],
        [ret(name('x'))],
      ),
    ],
  ],
  ['arrow with expression body', 'const f = (x) => x * 2;', [assign(name('f'), fn([param('x')], [ret(binop('*', name('x'), num(2)))]), 'const')]],
  ['arrow with block body', 'const f = async x => { await g(x); };', [assign(name('f'), fn([param('x')], [exprStmt(call(name('g'), name('x')))]), 'const')]],
  ['named function expression', 'const f = function inner(a) {};', [assign(name('f'), fn([param('a')], [], 'inner'), 'const')]],
  ['TS this parameter and types are dropped', 'function f(this: Layer, x: number): number { return x; }', [def('f', [param('x')], [ret(name('x'))])]],
  ['overloads keep only the implementation', 'function f(x: string): void; function f(x: any) {}', [def('f', [param('x')], [])]],

  // classes
  [
    'Layer subclass',
    `class M extends tf.layers.Layer {
       static className = 'M';
       units: number;
       constructor(config) { super(config); this.units = config.units; }
       call(inputs, kwargs) { return inputs; }
       computeOutputShape(s) { return s; }
     }`,
    [
      {
        kind: 'class',
        name: 'M',
        bases: [dotted('tf.layers.Layer')],
        body: [
          assign(name('className'), str('M')),
          def('constructor', [param('config')], [exprStmt(call(name('super'), name('config'))), assign(attr(name('this'), 'units'), dotted('config.units'))]),
          def('call', [param('inputs'), param('kwargs')], [ret(name('inputs'))]),
          def('computeOutputShape', [param('s')], [ret(name('s'))]),
        ],
      },
    ],
  ],
  [
    'parameter properties store on this after super',
    'class A extends B { constructor(private units: number, x) { super(); } }',
    [
      {
        kind: 'class',
        name: 'A',
        bases: [name('B')],
        body: [def('constructor', [param('units'), param('x')], [exprStmt(call(name('super'))), assign(attr(name('this'), 'units'), name('units'))])],
      },
    ],
  ],
  [
    'method decorators are kept, class decorators dropped',
    '@register class A { @memo(1) f() {} }',
    [{ kind: 'class', name: 'A', bases: [], body: [{ ...def('f', [], []), decorators: [call(name('memo'), num(1))] }] }],
  ],
  [
    'getters lowered (read as attributes), abstract methods and index signatures skipped',
    'abstract class A { abstract f(): void; [k: string]: any; get g() { return 1; } }',
    [{ kind: 'class', name: 'A', bases: [], body: [{ ...def('g', [], [ret(num(1))]), getter: true }] }],
  ],

  // expressions
  ['numeric literals', 'x = [1_000, 0xff, 1e-3, .5];', [assign(name('x'), list(num(1000), num(255), num(0.001), num(0.5)))]],
  ['strings and templates', "a = 'x'; b = `plain`; c = `n=${n}!`;", [assign(name('a'), str('x')), assign(name('b'), { kind: 'template', parts: ['plain'] }), assign(name('c'), { kind: 'template', parts: ['n=', { expr: name('n') }, '!'] })]],
  ['booleans, null and undefined', 'x = [true, false, null, undefined];', [assign(name('x'), list(bool(true), bool(false), none, none))]],
  ['optional chaining', 'a?.b?.(c);', [exprStmt(call(attr(name('a'), 'b'), name('c')))]],
  ['element access', 'x = shape[shape.length - 1];', [assign(name('x'), { kind: 'index', object: name('shape'), index: binop('-', dotted('shape.length'), num(1)) })]],
  ['new', 'x = new Foo(1); y = new Bar;', [assign(name('x'), newCall(name('Foo'), num(1))), assign(name('y'), newCall(name('Bar')))]],
  ['spreads in arrays and calls', 'f(...args, [...xs, 1]);', [exprStmt(call(name('f'), spreadArg(name('args')), list({ kind: 'starred', value: name('xs') }, num(1))))]],
  [
    'object literal keys',
    "x = {units, 'a-b': 1, 2: 3, [k]: 4, ...rest, f(y) { return y; }};",
    [
      assign(name('x'), {
        kind: 'dict',
        entries: [
          { key: str('units'), value: name('units') },
          { key: str('a-b'), value: num(1) },
          { key: str('2'), value: num(3) },
          { key: name('k'), value: num(4) },
          { spread: name('rest') },
          { key: str('f'), value: fn([param('y')], [ret(name('y'))], 'f') },
        ],
      }),
    ],
  ],
  [
    'binary operators',
    'x = [a === b, a !== b, a == b, a < b, a >= b, k in o, a && b, a || b, a ?? b, a ** 2, a % 2, a << 1, a & b];',
    [
      assign(
        name('x'),
        list(
          compare('==', name('a'), name('b')),
          compare('!=', name('a'), name('b')),
          compare('==', name('a'), name('b')),
          compare('<', name('a'), name('b')),
          compare('>=', name('a'), name('b')),
          compare('in', name('k'), name('o')),
          logic('and', name('a'), name('b')),
          logic('or', name('a'), name('b')),
          logic('??', name('a'), name('b')),
          binop('**', name('a'), num(2)),
          binop('%', name('a'), num(2)),
          binop('<<', name('a'), num(1)),
          binop('&', name('a'), name('b')),
        ),
      ),
    ],
  ],
  ['unary operators', 'x = [-a, +a, !a, typeof a, ~a];', [assign(name('x'), list(unary('-', name('a')), unary('+', name('a')), unary('not', name('a')), unary('typeof', name('a')), unary('~', name('a'))))]],
  ['conditional', 'x = a ? b : c;', [assign(name('x'), { kind: 'cond', test: name('a'), then: name('b'), else: name('c') })]],
  ['type wrappers are transparent', 'x = [(a as any), <T>b, c!, d satisfies T, (e), await f];', [assign(name('x'), list(name('a'), name('b'), name('c'), name('d'), name('e'), name('f')))]],
  [
    'constructs lowered to unknown',
    'x = [void 0, (a, b), a instanceof B, a >>> 1, i++, /re/, class {}, (y = 1), delete o.p];',
    [
      assign(
        name('x'),
        list(
          unknown('void expression'),
          unknown('comma expression'),
          unknown("'instanceof' expression"),
          unknown("'>>>' expression"),
          unknown('increment inside an expression'),
          unknown('regular expression'),
          unknown('class expression'),
          unknown('assignment inside an expression'),
          unknown('delete expression'),
        ),
      ),
    ],
  ],

  // type-level code
  ['interfaces and type aliases are skipped', 'interface A { x: number } type B = A[]; declare module "m" {} declare function f(): void;', []],
  ['enums and namespaces are unsupported', 'enum E { A } namespace N { }', [unsupported('enum declaration'), unsupported('namespace declaration')]],
];

describe('TypeScript front-end: constructs', () => {
  for (const [title, code, expected] of constructs) {
    it(title, () => {
      assert.deepEqual(body(code), expected);
      assertOffsetsWithin(lower(code), code.length, title);
    });
  }

  it('lowers plain JavaScript the same way', () => {
    const code = "const tf = require('@tensorflow/tfjs');\nconst m = tf.sequential();";
    assert.deepEqual(body(code, 'model.js'), body(code, 'model.ts'));
    assert.deepEqual(body('const el = <div/>;', 'view.jsx'), [assign(name('el'), unknown('JSX'), 'const')]);
  });

  it('picks the script kind from the extension', () => {
    assert.equal(scriptKindOf('a.mts'), ts.ScriptKind.TS);
    assert.equal(scriptKindOf('a.cts'), ts.ScriptKind.TS);
    assert.equal(scriptKindOf('a.TSX'), ts.ScriptKind.TSX);
    assert.equal(scriptKindOf('a.mjs'), ts.ScriptKind.JS);
    assert.equal(scriptKindOf('a.cjs'), ts.ScriptKind.JS);
    assert.equal(scriptKindOf('dir.v2/a.jsx'), ts.ScriptKind.JSX);
    // `<T>x` is a type assertion in .ts but JSX in .tsx.
    assert.deepEqual(body('x = <T>y;', 'a.ts'), [assign(name('x'), name('y'))]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Offsets

describe('TypeScript front-end: offsets', () => {
  it('points start/end at the node without trivia, and nameStart at names', () => {
    const code = '/* c */ const out = dense.apply(input);\nclass Block extends L { constructor() { super(); } call(x) { return x; } }\nfunction build() {}';
    const lowered = lower(code);
    const [decl, cls, fun] = lowered.body as Stmt[];
    assert.equal(code.slice(decl.start, decl.end), 'const out = dense.apply(input);');
    assert.ok(decl.kind === 'assign' && decl.value.kind === 'call' && decl.value.callee.kind === 'attr');
    const callee = decl.value.callee;
    assert.equal(code.slice(callee.start, callee.end), 'dense.apply');
    assert.equal(code.slice(callee.nameStart, callee.end), 'apply');
    assert.ok(cls.kind === 'class');
    assert.equal(code.slice(cls.nameStart, cls.nameStart + 5), 'Block');
    const [ctor, method] = cls.body;
    assert.ok(ctor.kind === 'def' && method.kind === 'def');
    assert.equal(code.slice(ctor.nameStart, ctor.nameStart + 11), 'constructor');
    assert.equal(code.slice(method.nameStart, method.nameStart + 4), 'call');
    assert.ok(fun.kind === 'def');
    assert.equal(code.slice(fun.nameStart, fun.nameStart + 5), 'build');
  });

  it('gives each declarator its own span when a statement has several', () => {
    const code = 'let a = f(), b;';
    const [a, b] = lower(code).body;
    assert.equal(code.slice(a.start, a.end), 'a = f()');
    assert.equal(code.slice(b.start, b.end), 'b');
  });

  it('counts offsets in UTF-16 code units', () => {
    const code = "const s = '日本語🙂'; const d = tf.layers.dense({units: 1});";
    const [, d] = lower(code).body;
    assert.equal(code.slice(d.start, d.end), 'const d = tf.layers.dense({units: 1});');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// TF.js programs

describe('TypeScript front-end: TF.js programs', () => {
  it('lowers the basic functional chain', () => {
    const code = [
      "import * as tf from '@tensorflow/tfjs';",
      'const input = tf.input({shape: [5]});',
      "const dense = tf.layers.dense({units: 10, activation: 'softmax'});",
      'const out = dense.apply(input);',
      'const model = tf.model({inputs: input, outputs: out});',
      'model.summary();',
    ].join('\n');
    assert.deepEqual(body(code), [
      { kind: 'import', module: '@tensorflow/tfjs', alias: 'tf' },
      assign(name('input'), call(dotted('tf.input'), dict({ shape: list(num(5)) })), 'const'),
      assign(name('dense'), call(dotted('tf.layers.dense'), dict({ units: num(10), activation: str('softmax') })), 'const'),
      assign(name('out'), call(dotted('dense.apply'), name('input')), 'const'),
      assign(name('model'), call(dotted('tf.model'), dict({ inputs: name('input'), outputs: name('out') })), 'const'),
      exprStmt(call(dotted('model.summary'))),
    ]);
  });

  it('lowers a sequential model in list form and add form', () => {
    const code = [
      'const a = tf.sequential({layers: [',
      '  tf.layers.dense({units: 10, inputShape: [5]}),',
      "  tf.layers.activation({activation: 'softmax'}),",
      ']});',
      'const b = tf.sequential();',
      'b.add(tf.layers.dense({units: 10, inputShape: [5]}));',
    ].join('\n');
    assert.deepEqual(body(code, 'seq.js'), [
      assign(
        name('a'),
        call(
          dotted('tf.sequential'),
          dict({
            layers: list(
              call(dotted('tf.layers.dense'), dict({ units: num(10), inputShape: list(num(5)) })),
              call(dotted('tf.layers.activation'), dict({ activation: str('softmax') })),
            ),
          }),
        ),
        'const',
      ),
      assign(name('b'), call(dotted('tf.sequential')), 'const'),
      exprStmt(call(dotted('b.add'), call(dotted('tf.layers.dense'), dict({ units: num(10), inputShape: list(num(5)) })))),
    ]);
  });

  it('lowers a helper function with a loop', () => {
    const code = [
      'function stack(x: tf.SymbolicTensor, sizes: number[]): tf.SymbolicTensor {',
      '  for (const units of sizes) {',
      "    x = tf.layers.dense({units, activation: 'relu'}).apply(x) as tf.SymbolicTensor;",
      '  }',
      '  return x;',
      '}',
    ].join('\n');
    assert.deepEqual(body(code), [
      def(
        'stack',
        [param('x'), param('sizes')],
        [
          {
            kind: 'for',
            target: name('units'),
            iter: name('sizes'),
            body: [assign(name('x'), call(attr(call(dotted('tf.layers.dense'), dict({ units: name('units'), activation: str('relu') })), 'apply'), name('x')))],
            orelse: [],
          },
          ret(name('x')),
        ],
      ),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Robustness

const realisticProgram = `// Two inputs, branch and merge, two outputs.
import * as tf from '@tensorflow/tfjs';
import {layers as L} from '@tensorflow/tfjs';

interface BlockOptions { units: number; activation?: string; }

const FEATURES = 5;
const inputA = tf.input({shape: [FEATURES], name: 'a'});
const inputB = tf.input({shape: [FEATURES], name: 'b'});

function branch(x: tf.SymbolicTensor, {units, activation = 'relu'}: BlockOptions) {
  const dense = L.dense({units, activation});
  return dense.apply(x) as tf.SymbolicTensor;
}

class Scale extends tf.layers.Layer {
  static className = 'Scale';
  constructor(private readonly factor = 2) { super({}); }
  call(inputs: tf.Tensor | tf.Tensor[]) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.factor));
  }
}
tf.serialization.registerClass(Scale);

const left = branch(inputA, {units: 10});
const right = branch(inputB, {units: 10});
const merged = tf.layers.multiply().apply([left, right]) as tf.SymbolicTensor;
const shared = tf.layers.dense({units: 5});
let hidden = shared.apply(merged) as tf.SymbolicTensor;
for (let i = 0; i < 2; i++) {
  hidden = new Scale(i + 1).apply(hidden) as tf.SymbolicTensor;
}
const out1 = tf.layers.activation({activation: 'softmax'}).apply(hidden);
const out2 = tf.layers.dense({units: 5, activation: \`soft\${'max'}\`}).apply(hidden);
const model = tf.model({inputs: [inputA, inputB], outputs: [out1, out2] as tf.SymbolicTensor[]});
model.summary();

async function train(epochs = 5) {
  model.compile({optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError'});
  const xs = [tf.randomNormal([10, FEATURES]), tf.randomNormal([10, FEATURES])];
  const ys = [tf.randomNormal([10, 10]), tf.randomNormal([10, 5])];
  const history = await model.fit(xs, ys, {epochs, batchSize: 2, verbose: 0});
  switch (history.epoch.length) {
    case 0:
      console.warn('no epochs');
      break;
    default:
      console.log(history.history.loss);
  }
  try {
    for (const w of model.getWeights()) {
      console.log(w.shape, await w.data());
    }
  } finally {
    tf.dispose([...xs, ...ys]);
  }
  return history;
}

train().catch((e) => console.error(e?.message ?? e));
export default model;
`;

/** A deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    state ^= state + Math.imul(state ^ (state >>> 7), 61);
    return ((state ^ (state >>> 14)) >>> 0) / 4294967296;
  };
}

describe('TypeScript front-end: robustness', () => {
  it('lowers the realistic program without syntax errors', () => {
    const lowered = lower(realisticProgram);
    assert.deepEqual(lowered.syntaxErrors, []);
    assert.ok(realisticProgram.split('\n').length >= 60);
    const kinds = (lowered.body as Stmt[]).map((s) => s.kind);
    assert.ok(!kinds.includes('unsupported'), kinds.join(','));
  });

  it('starts every node at a token, past whitespace and comments', () => {
    const text = `#!/usr/bin/env node\n/** doc */ const a = /* c */ f( // x\n  1,\n\t  b ) ;\n` + realisticProgram;
    const visit = (value: unknown): void => {
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.start === 'number' && typeof record.end === 'number' && record.start < record.end) {
        assert.match(text.slice(record.start, record.end), /^[^\s/#]/, JSON.stringify(shape(record)).slice(0, 80));
      }
      for (const item of Object.values(record)) visit(item);
    };
    const lowered = lower(text);
    assert.deepEqual(lowered.syntaxErrors, []);
    visit(lowered.body);
    const first = lowered.body[0];
    assert.equal(text.slice(first.start, first.end), 'const a = /* c */ f( // x\n  1,\n\t  b ) ;');
  });

  it('lowers every prefix of the realistic program without throwing, with offsets in range', () => {
    for (const fileName of ['prefix.ts', 'prefix.js']) {
      for (let cut = 0; cut <= realisticProgram.length; cut++) {
        const text = realisticProgram.slice(0, cut);
        const lowered = lowerTypeScript(text, fileName);
        assertOffsetsWithin(lowered, text.length, `${fileName} cut at ${cut}`);
      }
    }
  });

  it('lowers random garbage without throwing, with offsets in range', () => {
    const next = random(7);
    const tokens = ['(', ')', '{', '}', '[', ']', '=>', '...', '?.', '`${', '}`', "'", '"', '/', '/*', '//', '\n', ';', ',', '=', '+=', '++', 'const', 'let', 'function', 'class', 'extends', 'import', 'export', 'default', 'from', 'for', 'of', 'in', 'switch', 'case', 'if', 'else', 'do', 'while', 'try', 'finally', 'return', 'new', 'as', '<', '>', 'tf', 'x', '1', '0x', '1_', ':', '?', '!', '@', '#', '\\u', 'type', 'enum', 'declare', 'async', 'await', 'yield', '*', ' '];
    for (let sample = 0; sample < 400; sample++) {
      const parts: string[] = [];
      const length = Math.floor(next() * 80);
      for (let i = 0; i < length; i++) {
        parts.push(next() < 0.85 ? tokens[Math.floor(next() * tokens.length)] : String.fromCharCode(Math.floor(next() * 0x3000)));
        if (next() < 0.5) parts.push(' ');
      }
      const text = parts.join('');
      for (const fileName of ['garbage.ts', 'garbage.tsx', 'garbage.js']) {
        const lowered = lowerTypeScript(text, fileName);
        assertOffsetsWithin(lowered, text.length, `${fileName}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('reports syntax errors and lowers what the parser recovered', () => {
    const code = 'const d = tf.layers.dense({units: });\nconst x = tf.;\nmodel.summary(';
    const lowered = lower(code);
    assert.ok(lowered.syntaxErrors.length >= 2);
    for (const error of lowered.syntaxErrors) assert.ok(error.message.length > 0);
    assert.deepEqual(shape(lowered.body), [
      assign(name('d'), call(dotted('tf.layers.dense'), { kind: 'dict', entries: [{ key: str('units'), value: unknown('syntax error') }] }), 'const'),
      assign(name('x'), unknown('syntax error'), 'const'),
      exprStmt(call(dotted('model.summary'))),
    ]);
    assert.equal(lowered.syntaxErrors[0].message, 'Expression expected.');
  });

  it('turns nesting beyond MAX_NESTING into unknown instead of overflowing', () => {
    const deepExpression = `x = ${'['.repeat(MAX_NESTING * 3)}1${']'.repeat(MAX_NESTING * 3)};`;
    const lowered = lower(deepExpression);
    // one syntax error for the file, worded as the Python front-end words it
    assert.deepEqual(lowered.syntaxErrors.map((e) => e.message), ['code is nested too deeply to analyze']);
    assert.ok(JSON.stringify(shape(lowered.body)).includes('"nesting too deep"'));

    const deepStatements = 'if (a) {'.repeat(MAX_NESTING * 2) + 'f();' + '}'.repeat(MAX_NESTING * 2);
    assert.ok(JSON.stringify(shape(lower(deepStatements).body)).includes('"nesting too deep"'));

    // Chains the parser reads in a loop, so they nest deeper than its own recursion would allow.
    for (const chain of [`x = a${'.a'.repeat(50_000)};`, `x = ${'a + '.repeat(50_000)}a;`, `import L = a${'.a'.repeat(50_000)};`, `${'{'.repeat(3000)}${'}'.repeat(3000)}`]) {
      const lowered = lower(chain);
      assertOffsetsWithin(lowered, chain.length, chain.slice(0, 20));
      // Consumers walk the tree recursively too, so its depth must stay bounded by the guard.
      assert.ok(treeDepth(lowered.body) < 8 * MAX_NESTING, `tree too deep for ${chain.slice(0, 20)}`);
    }

    // Deep enough that even the parser might give up: still no exception.
    const absurd = '('.repeat(200_000) + 'x' + ')'.repeat(200_000);
    const result = lower(absurd);
    assertOffsetsWithin(result, absurd.length, 'absurd nesting');
  });

  it('never throws on empty or whitespace input', () => {
    for (const text of ['', ' ', '\n\n', '/* unterminated', '\uFEFF']) {
      const lowered = lowerTypeScript(text, 'empty.ts');
      assert.deepEqual(lowered.body, []);
      assertOffsetsWithin(lowered, text.length, JSON.stringify(text));
    }
  });
});
