import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parser } from '@lezer/python';
import { lowerPython, lowerPythonTree } from '../src/analysis/python/lower';
import { MAX_NESTING } from '../src/analysis/core/frontEnd';
import { analyzeText } from '../src/analysis/analyze';
import type { Tree } from '@lezer/common';
import type { LoweredModule } from '../src/analysis/core/ast';

// Shapes without offsets, so the expected trees stay readable.
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'start' || k === 'end' || k === 'nameStart' || v === undefined) continue;
      out[k] = shape(v);
    }
    return out;
  }
  return value;
}

function lowered(src: string): unknown[] {
  const result = lowerPython(src);
  assert.deepEqual(result.syntaxErrors, [], `unexpected syntax errors in ${JSON.stringify(src)}`);
  return shape(result.body) as unknown[];
}

/** The single expression of `src` (an expression statement or the value of an assignment). */
function expr(src: string): unknown {
  const [stmt] = lowered(src) as Record<string, unknown>[];
  return stmt.kind === 'expr' ? stmt.expr : stmt.value;
}

// Builders for the expected shapes.
const name = (n: string) => ({ kind: 'name', name: n });
const num = (value: number) => ({ kind: 'num', value });
/** a literal written as a Python float (`2.0`): the core form says so, the interpreter never re-reads the text */
const float = (value: number) => ({ kind: 'num', value, float: true });
const str = (value: string) => ({ kind: 'str', value });
const attr = (object: unknown, n: string) => ({ kind: 'attr', object, name: n });
const pos = (value: unknown) => ({ kind: 'positional', value });
const kw = (n: string, value: unknown) => ({ kind: 'keyword', name: n, value });
const call = (callee: unknown, ...args: unknown[]) => ({ kind: 'call', callee, args });
const tuple = (...items: unknown[]) => ({ kind: 'tuple', items });
const list = (...items: unknown[]) => ({ kind: 'list', items });
const binop = (op: string, left: unknown, right: unknown) => ({ kind: 'binop', op, left, right });
const assign = (targets: unknown[], value: unknown) => ({ kind: 'assign', targets, value });
const exprStmt = (e: unknown) => ({ kind: 'expr', expr: e });
const unknownExpr = (what: string) => ({ kind: 'unknown', what });
const unsupported = (what: string) => ({ kind: 'unsupported', what });

/** Every node offset lies inside the text, and start <= end. */
function checkOffsets(result: LoweredModule, text: string): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (typeof node.start === 'number' || typeof node.end === 'number') {
      const { start, end } = node as { start: number; end: number };
      assert.ok(Number.isInteger(start) && Number.isInteger(end), `offsets of ${JSON.stringify(shape(node))}`);
      assert.ok(0 <= start && start <= end && end <= text.length, `offsets ${start}..${end} of ${node.kind} in ${text.length}`);
    }
    if (typeof node.nameStart === 'number') assert.ok(node.nameStart >= 0 && node.nameStart <= text.length);
    for (const v of Object.values(node)) visit(v);
  };
  visit(result.body);
  visit(result.syntaxErrors);
}

/** Positions of the outermost error nodes lezer produced. */
function errorPositions(tree: Tree): number[] {
  const positions: number[] = [];
  tree.iterate({
    enter(node) {
      if (!node.type.isError) return true;
      positions.push(node.from);
      return false;
    },
  });
  return positions;
}

describe('Python lowering: expressions', () => {
  const table: [string, unknown][] = [
    ['42', num(42)],
    ['0x1F', num(31)],
    ['0o17', num(15)],
    ['0b101', num(5)],
    ['1_000_000', num(1000000)],
    ['1e-3', float(0.001)],
    ['.5', float(0.5)],
    ['3.5e2', float(350)],
    ['2.0', float(2)],
    ['0xE', num(14)],
    ['2j', unknownExpr('imaginary number')],
    ["'a'", str('a')],
    ['"a"', str('a')],
    ["'''a\nb'''", str('a\nb')],
    ['"""x"""', str('x')],
    ["r'\\d\\n'", str('\\d\\n')],
    ["b'ab'", str('ab')],
    ["u'ab'", str('ab')],
    ["'a' 'b' \"c\"", str('abc')],
    ["'\\n\\t\\\\\\'\\x41\\u00e9\\101\\q'", str("\n\t\\'A\u00e9A\\q")],
    ["'\\U0001F600'", str('\u{1F600}')],
    ["'ab\\\ncd'", str('abcd')],
    ["'''a\r\nb\\\r\nc'''", str('a\nbc')],
    ['True', { kind: 'bool', value: true }],
    ['False', { kind: 'bool', value: false }],
    ['None', { kind: 'none' }],
    ['...', name('Ellipsis')],
    ['x', name('x')],
    ['a.b.c', attr(attr(name('a'), 'b'), 'c')],
    ['x[0]', { kind: 'index', object: name('x'), index: num(0) }],
    ['x[1:2]', { kind: 'index', object: name('x'), index: { kind: 'slice', lower: num(1), upper: num(2) } }],
    ['x[::2]', { kind: 'index', object: name('x'), index: { kind: 'slice', step: num(2) } }],
    ['x[:]', { kind: 'index', object: name('x'), index: { kind: 'slice' } }],
    ['x[:, 0]', { kind: 'index', object: name('x'), index: tuple({ kind: 'slice' }, num(0)) }],
    ['x[..., 1]', { kind: 'index', object: name('x'), index: tuple(name('Ellipsis'), num(1)) }],
    ['x[0,]', { kind: 'index', object: name('x'), index: tuple(num(0)) }],
    ['x[a:b:c, 1:]', {
      kind: 'index',
      object: name('x'),
      index: tuple({ kind: 'slice', lower: name('a'), upper: name('b'), step: name('c') }, { kind: 'slice', lower: num(1) }),
    }],
    ['f()', call(name('f'))],
    ['f(1, b=2, *a, **k)', call(name('f'), pos(num(1)), kw('b', num(2)), { kind: 'spread', value: name('a') }, { kind: 'kwspread', value: name('k') })],
    ['f(x for x in y)', call(name('f'), pos({
      kind: 'comprehension', type: 'gen', element: name('x'), clauses: [{ kind: 'for', target: name('x'), iter: name('y') }],
    }))],
    ['[1, 2]', list(num(1), num(2))],
    ['[]', list()],
    ['[*a, b]', list({ kind: 'starred', value: name('a') }, name('b'))],
    ['(1, 2)', tuple(num(1), num(2))],
    ['(1,)', tuple(num(1))],
    ['()', tuple()],
    ['(a)', name('a')],
    ['{1, 2}', list(num(1), num(2))],
    ["{'a': 1, **d}", { kind: 'dict', entries: [{ key: str('a'), value: num(1) }, { spread: name('d') }] }],
    ['{}', { kind: 'dict', entries: [] }],
    ['[x * 2 for x, y in z if x for w in x]', {
      kind: 'comprehension',
      type: 'list',
      element: binop('*', name('x'), num(2)),
      clauses: [
        { kind: 'for', target: { kind: 'tuple-target', items: [name('x'), name('y')] }, iter: name('z') },
        { kind: 'if', test: name('x') },
        { kind: 'for', target: name('w'), iter: name('x') },
      ],
    }],
    ['{x for x in y}', { kind: 'comprehension', type: 'set', element: name('x'), clauses: [{ kind: 'for', target: name('x'), iter: name('y') }] }],
    ['{k: v for k in y}', {
      kind: 'comprehension', type: 'dict', element: name('k'), value: name('v'), clauses: [{ kind: 'for', target: name('k'), iter: name('y') }],
    }],
    ['(x for x in y)', { kind: 'comprehension', type: 'gen', element: name('x'), clauses: [{ kind: 'for', target: name('x'), iter: name('y') }] }],
    ['a + b * c', binop('+', name('a'), binop('*', name('b'), name('c')))],
    ['a // b % c', binop('%', binop('//', name('a'), name('b')), name('c'))],
    ['a ** b', binop('**', name('a'), name('b'))],
    ['a @ b', binop('@', name('a'), name('b'))],
    ['a << 1 | b & c ^ d >> 2', binop('|', binop('<<', name('a'), num(1)), binop('^', binop('&', name('b'), name('c')), binop('>>', name('d'), num(2))))],
    ['-a', { kind: 'unary', op: '-', operand: name('a') }],
    ['+a', { kind: 'unary', op: '+', operand: name('a') }],
    ['~a', { kind: 'unary', op: '~', operand: name('a') }],
    ['not a', { kind: 'unary', op: 'not', operand: name('a') }],
    ['a < b', { kind: 'compare', ops: ['<'], operands: [name('a'), name('b')] }],
    ['a < b <= c == d', { kind: 'compare', ops: ['<', '<=', '=='], operands: [name('a'), name('b'), name('c'), name('d')] }],
    ['(a < b) < c', { kind: 'compare', ops: ['<'], operands: [{ kind: 'compare', ops: ['<'], operands: [name('a'), name('b')] }, name('c')] }],
    ['a in b', { kind: 'compare', ops: ['in'], operands: [name('a'), name('b')] }],
    ['a not in b', { kind: 'compare', ops: ['not in'], operands: [name('a'), name('b')] }],
    ['a is b', { kind: 'compare', ops: ['is'], operands: [name('a'), name('b')] }],
    ['a is not None', { kind: 'compare', ops: ['is not'], operands: [name('a'), { kind: 'none' }] }],
    ['a != b', { kind: 'compare', ops: ['!='], operands: [name('a'), name('b')] }],
    ['a and b or c', { kind: 'logic', op: 'or', left: { kind: 'logic', op: 'and', left: name('a'), right: name('b') }, right: name('c') }],
    ['a if b else c', { kind: 'cond', test: name('b'), then: name('a'), else: name('c') }],
    ['lambda: 1', { kind: 'function', params: [], body: [{ kind: 'return', value: num(1) }] }],
    ['lambda x, y=2, *r, **k: x', {
      kind: 'function',
      params: [{ name: 'x' }, { name: 'y', default: num(2) }, { name: 'r', rest: true }, { name: 'k', kwrest: true }],
      body: [{ kind: 'return', value: name('x') }],
    }],
    ['await f()', call(name('f'))],
    ['(y := 3)', unknownExpr('assignment expression')],
    ['f"a{x}b"', { kind: 'template', parts: ['a', { expr: name('x') }, 'b'] }],
    ['f"{x!r:>10}"', { kind: 'template', parts: [{ expr: name('x'), conversion: 'r', format: '>10' }] }],
    ['f"{x=}"', { kind: 'template', parts: ['x=', { expr: name('x'), conversion: 'r' }] }],
    ['f"{{lit}} {a.b:.2f}\\n"', { kind: 'template', parts: ['{lit} ', { expr: attr(name('a'), 'b'), format: '.2f' }, '\n'] }],
    ["'a' f'{x}' 'c'", { kind: 'template', parts: ['a', { expr: name('x') }, 'c'] }],
    ["rf'\\d{x}'", { kind: 'template', parts: ['\\d', { expr: name('x') }] }],
    ['a, b', tuple(name('a'), name('b'))],
    ['x = 1,', tuple(num(1))],
    ['x = *a, b', tuple({ kind: 'starred', value: name('a') }, name('b'))],
  ];
  for (const [src, expected] of table) {
    it(src.replace(/\n/g, '\\n'), () => assert.deepEqual(expr(src), expected));
  }

  it('yield is unknown', () => {
    assert.deepEqual(lowered('def g():\n    x = yield 1\n'), [
      { kind: 'def', name: 'g', params: [], body: [assign([name('x')], unknownExpr('yield expression'))], decorators: [] },
    ]);
  });
});

describe('Python lowering: statements', () => {
  const table: [string, unknown[]][] = [
    ['a = b = 1', [assign([name('a'), name('b')], num(1))]],
    ['a, *b = c', [assign([{ kind: 'tuple-target', items: [name('a'), { kind: 'star-target', target: name('b') }] }], name('c'))]],
    ['[a, (b, c)] = d', [assign([{ kind: 'tuple-target', items: [name('a'), { kind: 'tuple-target', items: [name('b'), name('c')] }] }], name('d'))]],
    ['(a) = 1', [assign([name('a')], num(1))]],
    ['self.w = 1', [assign([attr(name('self'), 'w')], num(1))]],
    ['x[0] = 1', [assign([{ kind: 'index', object: name('x'), index: num(0) }], num(1))]],
    ['x += 1', [{ kind: 'augassign', target: name('x'), op: '+', value: num(1) }]],
    ['x //= 2', [{ kind: 'augassign', target: name('x'), op: '//', value: num(2) }]],
    ['x **= 2', [{ kind: 'augassign', target: name('x'), op: '**', value: num(2) }]],
    ['x: int = 3', [assign([name('x')], num(3))]],
    ['x: int', []],
    ['pass', []],
    ['f(x)', [exprStmt(call(name('f'), pos(name('x'))))]],
    ['a; b', [exprStmt(name('a')), exprStmt(name('b'))]],
    ['if a:\n    x\nelif b:\n    y\nelif c: z\nelse:\n    w\n', [{
      kind: 'if', test: name('a'), body: [exprStmt(name('x'))],
      orelse: [{
        kind: 'if', test: name('b'), body: [exprStmt(name('y'))],
        orelse: [{ kind: 'if', test: name('c'), body: [exprStmt(name('z'))], orelse: [exprStmt(name('w'))] }],
      }],
    }]],
    ['for i in range(3):\n    break\nelse:\n    continue\n', [{
      kind: 'for', target: name('i'), iter: call(name('range'), pos(num(3))), body: [{ kind: 'break' }], orelse: [{ kind: 'continue' }],
    }]],
    ['for a, *b in x, y: pass', [{
      kind: 'for',
      target: { kind: 'tuple-target', items: [name('a'), { kind: 'star-target', target: name('b') }] },
      iter: tuple(name('x'), name('y')),
      body: [],
      orelse: [],
    }]],
    ['async for a in b: pass', [{ kind: 'for', target: name('a'), iter: name('b'), body: [], orelse: [] }]],
    ['while x: y\nelse: z\n', [{ kind: 'while', test: name('x'), body: [exprStmt(name('y'))], orelse: [exprStmt(name('z'))] }]],
    ['def f(a, b=2, /, *args, c, d=3, **kw) -> int:\n    return a\n', [{
      kind: 'def', name: 'f', decorators: [],
      params: [
        { name: 'a' }, { name: 'b', default: num(2) }, { name: 'args', rest: true },
        { name: 'c', keywordOnly: true }, { name: 'd', default: num(3), keywordOnly: true }, { name: 'kw', kwrest: true },
      ],
      body: [{ kind: 'return', value: name('a') }],
    }]],
    ['def g(x: int = 1, *, y): return x, y', [{
      kind: 'def', name: 'g', decorators: [],
      params: [{ name: 'x', default: num(1) }, { name: 'y', keywordOnly: true }],
      body: [{ kind: 'return', value: tuple(name('x'), name('y')) }],
    }]],
    ['def h():\n    return\n', [{ kind: 'def', name: 'h', params: [], decorators: [], body: [{ kind: 'return' }] }]],
    ['@tf.function\n@deco(1)\nasync def f(): pass\n', [{
      kind: 'def', name: 'f', params: [], body: [],
      decorators: [attr(name('tf'), 'function'), call(name('deco'), pos(num(1)))],
    }]],
    ['class M(keras.Model, metaclass=Meta):\n    units = 4\n    def call(self, x):\n        return x\n', [{
      kind: 'class', name: 'M', bases: [attr(name('keras'), 'Model')],
      body: [
        assign([name('units')], num(4)),
        { kind: 'def', name: 'call', params: [{ name: 'self' }, { name: 'x' }], decorators: [], body: [{ kind: 'return', value: name('x') }] },
      ],
    }]],
    ['@dataclass\nclass C: pass\n', [{ kind: 'class', name: 'C', bases: [], body: [] }]],
    ['import a.b', [{ kind: 'import', module: 'a.b' }]],
    ['import a.b as c, d', [{ kind: 'import', module: 'a.b', alias: 'c' }, { kind: 'import', module: 'd' }]],
    ['from a.b import x, y as z', [{ kind: 'import', module: 'a.b', names: [{ name: 'x' }, { name: 'y', alias: 'z' }] }]],
    ['from a import (x,\n    y)', [{ kind: 'import', module: 'a', names: [{ name: 'x' }, { name: 'y' }] }]],
    ['from . import x', [{ kind: 'import', module: '.', names: [{ name: 'x' }] }]],
    ['from ..pkg import y', [{ kind: 'import', module: '..pkg', names: [{ name: 'y' }] }]],
    ['from ...pkg.sub import y', [{ kind: 'import', module: '...pkg.sub', names: [{ name: 'y' }] }]],
    ['from a import *', [{ kind: 'import', module: 'a', star: true }]],
    ['try:\n    a\nexcept E as e:\n    b\nelse:\n    c\nfinally:\n    d\n', [{
      kind: 'block', body: [exprStmt(name('a')), exprStmt(name('c')), exprStmt(name('d'))],
    }]],
    ['with open(p) as f, g:\n    x\n', [{
      kind: 'block', body: [assign([name('f')], call(name('open'), pos(name('p')))), exprStmt(name('g')), exprStmt(name('x'))],
    }]],
    ['raise ValueError()', [unsupported('raise statement')]],
    ['del a, b', [unsupported('del statement')]],
    ['global q, r', [{ ...unsupported('global statement'), scopeNames: { names: ['q', 'r'], nonlocal: false } }]],
    ['nonlocal q', [{ ...unsupported('nonlocal statement'), scopeNames: { names: ['q'], nonlocal: true } }]],
    ['assert x, "m"', [unsupported('assert statement')]],
    ['x = 1  # comment\n# another\ny = (1,  # inside\n     2)\n', [assign([name('x')], num(1)), assign([name('y')], tuple(num(1), num(2)))]],
  ];
  for (const [src, expected] of table) {
    it(src.replace(/\n/g, '\\n'), () => assert.deepEqual(lowered(src), expected));
  }
});

describe('Python lowering: offsets', () => {
  it('points attribute and definition names at the name', () => {
    const src = 'x = layers.Dense\ndef  build(a):\n    pass\nclass   Net:\n    pass\n';
    const [assignStmt, def, cls] = lowerPython(src).body as any[];
    assert.equal(src.slice(assignStmt.value.nameStart, assignStmt.value.end), 'Dense');
    assert.equal(src.slice(assignStmt.value.start, assignStmt.value.end), 'layers.Dense');
    assert.equal(src.slice(def.nameStart, def.nameStart + 5), 'build');
    assert.equal(src.slice(cls.nameStart, cls.nameStart + 3), 'Net');
  });

  it('spans calls, arguments and parameters exactly', () => {
    const src = 'y = Dense(10, activation="relu")(x)\ndef f(a, b=2): pass\n';
    const [assignStmt, def] = lowerPython(src).body as any[];
    const inner = assignStmt.value.callee;
    assert.equal(src.slice(inner.start, inner.end), 'Dense(10, activation="relu")');
    assert.equal(src.slice(inner.args[1].value.start, inner.args[1].value.end), '"relu"');
    assert.equal(src.slice(def.params[1].start, def.params[1].end), 'b=2');
  });

  it('counts UTF-16 offsets past non-ASCII text', () => {
    const src = "s = '日本語 😀'\nx = Dense(5)\n";
    const [, second] = lowerPython(src).body as any[];
    assert.equal(src.slice(second.value.start, second.value.end), 'Dense(5)');
    assert.equal((lowerPython(src).body[0] as any).value.value, '日本語 😀');
  });
});

const KERAS_PROGRAM = `import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.layers import Input, Dense, Activation, Multiply
from tensorflow.keras.models import Model


def dense_block(x, units=10, activation='relu', depth=2):
    """A stack of Dense layers."""
    for i in range(depth):
        x = Dense(units, activation=activation, name=f'dense_{i}')(x)
    return x


class Scaled(layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor


inp_a = Input(shape=(5,), name='a')
inp_b = Input(shape=(5,), name='b')
shared = Dense(10)
h_a = shared(inp_a)
h_b = shared(inp_b)
merged = Multiply()([h_a, h_b])
trunk = Dense(5)(merged)
out_1 = Activation('softmax')(trunk)
out_2 = Dense(5, activation='softmax')(Dense(5)(trunk))
model = Model(inputs=[inp_a, inp_b], outputs=[out_1, out_2])
model.compile(loss='mse', optimizer=keras.optimizers.Adam(learning_rate=1e-3))
if __name__ == '__main__':
    xs = [np.random.rand(10, 5) for _ in range(2)]
    ys = {'out_1': np.zeros((10, 5)), 'out_2': np.zeros((10, 5))}
    history = model.fit(xs, ys, epochs=5, batch_size=None, verbose=0)
    weights = model.layers[2].get_weights()
    print(len(weights), weights[0].shape, weights[-1][:, 0])
    seq = keras.Sequential([
        layers.Dense(10, input_shape=(5,)),
        layers.Activation('softmax'),
    ])
    seq.add(layers.Dense(3))
    lam = layers.Lambda(lambda t: t[..., :2] * 2, output_shape=(2,))
    x = inp_a
    while x is not None and not False:
        x = None
    try:
        model.summary()
    except Exception as e:
        raise
    finally:
        total = sum(np.prod(w.shape) for w in model.weights)
    with open('log.txt', 'w') as fh:
        fh.write(f"{total:,} parameters\\n")
    scale = -1 if total > 100 else +1
`;

describe('Python lowering: Keras programs', () => {
  it('lowers a functional model definition', () => {
    const src = [
      'from tensorflow.keras.layers import Input, Dense',
      'from tensorflow.keras.models import Model',
      'x = Input(shape=(5,))',
      "y = Dense(10, activation='softmax')(x)",
      'model = Model(inputs=[x], outputs=[y])',
    ].join('\n');
    assert.deepEqual(lowered(src), [
      { kind: 'import', module: 'tensorflow.keras.layers', names: [{ name: 'Input' }, { name: 'Dense' }] },
      { kind: 'import', module: 'tensorflow.keras.models', names: [{ name: 'Model' }] },
      assign([name('x')], call(name('Input'), kw('shape', tuple(num(5))))),
      assign([name('y')], call(call(name('Dense'), pos(num(10)), kw('activation', str('softmax'))), pos(name('x')))),
      assign([name('model')], call(name('Model'), kw('inputs', list(name('x'))), kw('outputs', list(name('y'))))),
    ]);
  });

  it('lowers a helper def with defaults and a loop over range', () => {
    const src = "def block(x, units=10, activation='relu'):\n    for _ in range(2):\n        x = Dense(units, activation=activation)(x)\n    return x\n";
    assert.deepEqual(lowered(src), [{
      kind: 'def', name: 'block', decorators: [],
      params: [{ name: 'x' }, { name: 'units', default: num(10) }, { name: 'activation', default: str('relu') }],
      body: [
        {
          kind: 'for', target: name('_'), iter: call(name('range'), pos(num(2))), orelse: [],
          body: [assign([name('x')], call(call(name('Dense'), pos(name('units')), kw('activation', name('activation'))), pos(name('x'))))],
        },
        { kind: 'return', value: name('x') },
      ],
    }]);
  });

  it('lowers a CRLF file like its LF twin', () => {
    const crlf = KERAS_PROGRAM.replace(/\n/g, '\r\n');
    const result = lowerPython(crlf);
    assert.deepEqual(result.syntaxErrors, []);
    checkOffsets(result, crlf);
    assert.deepEqual(shape(result.body), shape(lowerPython(KERAS_PROGRAM).body));
  });

  it('lowers a realistic program without syntax errors', () => {
    const result = lowerPython(KERAS_PROGRAM);
    assert.deepEqual(result.syntaxErrors, []);
    checkOffsets(result, KERAS_PROGRAM);
    const kinds = result.body.map((s) => s.kind);
    assert.deepEqual(kinds.slice(0, 7), ['import', 'import', 'import', 'import', 'import', 'def', 'class']);
    assert.ok(!JSON.stringify(shape(result.body)).includes('"unsupported"') || kinds.includes('if'));
  });
});

describe('Python lowering: broken and hostile input', () => {
  it('keeps the rest of a call whose argument is missing', () => {
    const result = lowerPython('x = Dense(10, activation=)(inp)');
    assert.deepEqual(shape(result.body), [
      assign([name('x')], call(call(name('Dense'), pos(num(10)), kw('activation', unknownExpr('syntax error'))), pos(name('inp')))),
    ]);
    assert.deepEqual(result.syntaxErrors, [{ start: 25, end: 25, message: 'expected expression' }]);
  });

  const errorTable: [string, string[]][] = [
    ['x = Dense(10,\ny = 3', ["'(' was never closed"]],
    ['x = [1, 2', ["'[' was never closed"]],
    ['b = 1 +', ['expected expression']],
    ['y = layers.', ['expected attribute name']],
    ['if x:\n', ['expected an indented block']],
    ['s = "abc', ['unterminated string literal']],
    ['s = """abc\n', ['unterminated string literal']],
    ['f(a, class)', ["unexpected 'class'"]],
    ['def f(a, b=\nclass\nif x\n', ["'(' was never closed"]],
    ['print "x"', ["Missing parentheses in call to 'print'. Did you mean print(...)?"]],
    ['f() = 3', ['cannot assign to expression']],
  ];
  for (const [src, messages] of errorTable) {
    it(`reports ${JSON.stringify(src)}`, () => {
      const result = lowerPython(src);
      const reported = result.syntaxErrors.map((e) => e.message);
      for (const message of messages) assert.ok(reported.includes(message), JSON.stringify(reported));
      checkOffsets(result, src);
    });
  }

  it('does not report valid Python that lezer flags: bare yield, trailing-dot floats, form feeds', () => {
    assert.deepEqual(lowerPython('def g():\n    yield\n    x = yield\n').syntaxErrors, []);
    const floats = lowerPython('x = 24.*3600. + 1.');
    assert.deepEqual(floats.syntaxErrors, []);
    assert.deepEqual(shape(floats.body), [assign([name('x')], binop('+', binop('*', float(24), float(3600)), float(1)))]);
    const formFeed = lowerPython('a = 1\n\f\n# page\nb = 2\n');
    assert.deepEqual(formFeed.syntaxErrors, []);
    assert.deepEqual(shape(formFeed.body), [assign([name('a')], num(1)), assign([name('b')], num(2))]);
  });

  it('lowers every prefix of a realistic program, reporting every error node', () => {
    for (let cut = 0; cut <= KERAS_PROGRAM.length; cut++) {
      const text = KERAS_PROGRAM.slice(0, cut);
      const recovered = lowerPython(text);
      checkOffsets(recovered, text);
      assert.ok(!recovered.syntaxErrors.some((e) => e.message.startsWith('internal error')), `internal error at cut ${cut}`);
      // Error coverage is a property of one parse (recovery re-parses), and checking every third cut is plenty.
      if (cut % 3) continue;
      const tree = parser.parse(text);
      const result = lowerPythonTree(tree, text);
      checkOffsets(result, text);
      for (const p of errorPositions(tree)) {
        const covered = result.syntaxErrors.some(
          (e) => (e.start <= p && p <= e.end) || (/never closed|unterminated|indented block/.test(e.message) && e.start <= p),
        );
        // Gaps lezer reports in valid Python: a bare `yield`, a float with a trailing dot (`2.`).
        const falseAlarm = /(yield\s*|\d\.)$/.test(text.slice(0, p));
        assert.ok(covered || falseAlarm, `error node at ${p} not reported for cut ${cut}: ${JSON.stringify(result.syntaxErrors)}`);
      }
    }
  });

  it('keeps the lines after a statement whose bracket is still open', () => {
    const src = 'inp = Input(shape=(5,))\nx = Dense(10)(\ny = Dense(5)(inp)\nm = Model(inp, y)\n';
    const result = lowerPython(src);
    assert.deepEqual(shape(result.body), [
      assign([name('inp')], call(name('Input'), kw('shape', tuple(num(5))))),
      assign([name('x')], unknownExpr('syntax error')),
      assign([name('y')], call(call(name('Dense'), pos(num(5))), pos(name('inp')))),
      assign([name('m')], call(name('Model'), pos(name('inp')), pos(name('y')))),
    ]);
    assert.deepEqual(result.syntaxErrors, [{ start: 37, end: 38, message: "'(' was never closed" }]);
    checkOffsets(result, src);
  });

  it('recovers several open brackets, inside function bodies too', () => {
    const src = 'def build(inp):\n    x = Dense(10, activation="relu"\n    y = Dense(5)(inp)\n    return y\na = f(\nb = g([1,\nc = build(i)\n';
    const result = lowerPython(src);
    assert.deepEqual(shape(result.body), [
      {
        kind: 'def', name: 'build', params: [{ name: 'inp' }], decorators: [],
        body: [
          assign([name('x')], unknownExpr('syntax error')),
          assign([name('y')], call(call(name('Dense'), pos(num(5))), pos(name('inp')))),
          { kind: 'return', value: name('y') },
        ],
      },
      assign([name('a')], unknownExpr('syntax error')),
      assign([name('b')], unknownExpr('syntax error')),
      assign([name('c')], call(name('build'), pos(name('i')))),
    ]);
    assert.deepEqual(result.syntaxErrors.map((e) => [src[e.start], e.message]), [
      ['(', "'(' was never closed"],
      ['(', "'(' was never closed"],
      ['(', "'(' was never closed"],
    ]);
  });

  it('keeps a function whose only statement is being typed', () => {
    const src = 'def build():\n    x = Dense(\ny = 1\n';
    const result = lowerPython(src);
    assert.deepEqual(shape(result.body), [
      { kind: 'def', name: 'build', params: [], decorators: [], body: [assign([name('x')], unknownExpr('syntax error'))] },
      assign([name('y')], num(1)),
    ]);
    assert.deepEqual(result.syntaxErrors, [{ start: 26, end: 27, message: "'(' was never closed" }]);
  });

  it('leaves well-formed multi-line brackets alone', () => {
    assert.deepEqual(lowered('x = foo(1,\n    2,\n)\ny = [\n  3]\n'), [
      assign([name('x')], call(name('foo'), pos(num(1)), pos(num(2)))),
      assign([name('y')], list(num(3))),
    ]);
  });

  it('lowers random garbage without throwing', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ['(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '*', '**', '"', "'", 'f"', '{x}', '\\', '\n', '    ',
      'def ', 'class ', 'lambda ', 'if ', 'else ', 'for ', ' in ', 'import ', 'from ', 'x', 'Dense', '1', '0x', '@', '#', ';', 'yield', 'not '];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = lowerPython(text);
      checkOffsets(result, text);
      assert.ok(!result.syntaxErrors.some((e) => e.message.startsWith('internal error')), JSON.stringify(text));
    }
    for (const text of ['', '\n\n', '\0', '\uFFFF', ')))', '"""', "f'{", "f'{x!", 'lambda', '@', 'from', 'import', 'def', 'class (']) {
      checkOffsets(lowerPython(text), text);
    }
  });

  it('turns nesting deeper than the budget into unknown instead of overflowing the stack', () => {
    // lezer itself gives up on brackets nested a few thousand deep, so stay below that here.
    const depth = MAX_NESTING * 3;
    const deepParens = 'x = ' + '('.repeat(depth) + '1' + ')'.repeat(depth);
    const deepLists = 'x = ' + '['.repeat(depth) + ']'.repeat(depth);
    const longChain = 'x = ' + Array.from({ length: MAX_NESTING * 20 }, (_, i) => `a${i}`).join(' + ');
    const deepIfs = Array.from({ length: MAX_NESTING + 50 }, (_, i) => ' '.repeat(i) + 'if x:').join('\n') + '\n' + ' '.repeat(MAX_NESTING + 50) + 'y = 1\n';
    for (const text of [deepParens, deepLists, longChain, deepIfs]) {
      const result = lowerPython(text);
      checkOffsets(result, text);
      assert.ok(JSON.stringify(result.body).includes('nesting too deep'), text.slice(0, 40));
      assert.ok(result.syntaxErrors.some((e) => e.message === 'code is nested too deeply to analyze'));
    }
  });
});

describe("Python lowering: 'return' outside function", () => {
  const messages = (text: string) => lowerPython(text).syntaxErrors.map((e) => [e.message, text.slice(e.start, e.end)]);

  it('is a syntax error at module level and directly in a class body, as in CPython', () => {
    assert.deepEqual(messages('return 1\nx = 2\n'), [["'return' outside function", 'return']]);
    assert.deepEqual(messages('if x:\n    return\n'), [["'return' outside function", 'return']]);
    assert.deepEqual(messages('class A:\n    return 2\n'), [["'return' outside function", 'return']]);
  });

  it('is fine in a function, a method, and a function nested in a class in a function', () => {
    assert.deepEqual(messages('def f():\n    return 1\n'), []);
    assert.deepEqual(messages('class A:\n    def m(self):\n        return 1\n'), []);
    assert.deepEqual(messages('def f():\n    class B:\n        def g(self):\n            return 3\n    return B\n'), []);
  });

  it('does not end the module: later statements are still lowered, and the analyzer reports a syntax-error', () => {
    const lowered = lowerPython('return 1\nx = 2\n');
    assert.deepEqual(shape(lowered.body), [{ kind: 'unsupported', what: "'return' outside function" }, assign([name('x')], num(2))]);
    const r = analyzeText('from keras import layers, Input, Model\nreturn\ninp = Input(shape=(3,))\nm = Model(inp, layers.Dense(2)(inp))\n', 'ret.py');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code === 'syntax-error').map((d) => [d.message, d.range.line]),
      [["'return' outside function", 2]],
    );
    assert.equal(r.models.length, 1);
  });
});
