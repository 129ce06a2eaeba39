// Hostile inputs: short files whose values blow up (strings, lists, dicts grown by repetition, doubling, copying,
// formatting) or whose control flow runs away. Each starts with a small model so a test can check that what comes
// before the bomb is still found. Shared by test/hostile-input.test.ts and `npm run bench -- worst`; data only.

export interface HostileCase {
  name: string;
  file: 'bomb.py' | 'bomb.ts' | 'bomb.js';
  code: string;
  /** whether the analyzer models the bomb's value (so it must say where it stopped, with an analysis-limit note) */
  noted: boolean;
}

const PY_MODEL = `import keras
from keras import layers
inp = keras.Input(shape=(4,))
model = keras.Model(inp, layers.Dense(2)(inp))
`;

const TS_MODEL = `import * as tf from '@tensorflow/tfjs';
const inp = tf.input({ shape: [4] });
const model = tf.model({ inputs: inp, outputs: tf.layers.dense({ units: 2 }).apply(inp) as tf.SymbolicTensor });
`;

const py = (name: string, bomb: string, noted = true): HostileCase => ({ name, file: 'bomb.py', code: PY_MODEL + bomb + '\n', noted });
const ts = (name: string, bomb: string, noted = true): HostileCase => ({ name, file: 'bomb.ts', code: TS_MODEL + bomb + '\n', noted });

export const HOSTILE_CASES: HostileCase[] = [
  py('py: string repeat, then repeat of the result, then index', `t = 'a' * 100000\nv = t * 5000\nw = v[0]`),
  py('py: string repeat chained in one expression', `v = 'a' * 100000 * 5000`),
  py('py: list repeat of a repeated list', `b = [0] * 100000\nc = b * 1000`),
  py('py: list repeat chained in one expression', `c = [0] * 100000 * 1000`),
  py('py: xs = xs + xs in a loop', `xs = [0]\nfor i in range(64):\n    xs = xs + xs`),
  py('py: xs += xs in a loop', `xs = [0]\nfor i in range(64):\n    xs += xs`),
  py('py: tuple doubling in a loop', `xs = (0,)\nfor i in range(64):\n    xs = xs + xs`),
  py('py: s = s + s in a loop', `s = 'a'\nfor i in range(64):\n    s = s + s`),
  py('py: s += s in a loop', `s = 'a'\nfor i in range(64):\n    s += s`),
  py('py: f-string doubling in a loop', `s = 'a'\nfor i in range(64):\n    s = f'{s}{s}'`),
  py('py: f-string with a huge width', `s = f'{1:>1000000000}'`),
  py('py: format with a huge width', `s = '{:>1000000000}'.format(1)`),
  py('py: percent-format doubling', `s = 'a'\nfor i in range(64):\n    s = '%s%s' % (s, s)`),
  py('py: join of a repeated list', `s = ','.join(['abc' * 1000] * 100000)`),
  py('py: nested list doubling, then str()', `xs = [0]\nfor i in range(60):\n    xs = [xs, xs]\ns = str(xs)`),
  py('py: extend in a loop', `big = [0] * 100000\nfor i in range(100000):\n    ys = []\n    ys.extend(big)`, false),
  py('py: list() copies in a loop', `big = [0] * 100000\nfor i in range(100000):\n    ys = list(big)`, false),
  py('py: huge range', `for i in range(10 ** 9):\n    pass\nr = list(range(10 ** 9))`, false),
  py('py: nested comprehension', `xs = [x for x in range(100000) for y in range(100000)]`, false),
  py('py: iterate a huge string', `s = 'a' * 1000000\nfor c in s:\n    pass`, false),
  py('py: dict growth', `d = {}\nfor i in range(1000000):\n    d[i] = i`, false),
  py('py: dict copies in a loop', `d = {i: i for i in range(50000)}\nfor k in range(100000):\n    e = dict(d)`, false),
  py('py: deep recursion', `def f(n):\n    return f(n + 1)\nf(0)`),
  py('py: endless while', `while True:\n    pass`),
  ts('ts: xs = xs.concat(xs) in a loop', `let xs: number[] = [0];\nfor (let i = 0; i < 64; i++) xs = xs.concat(xs);`),
  ts('ts: spread doubling in a loop', `let xs: number[] = [0];\nfor (let i = 0; i < 64; i++) xs = [...xs, ...xs];`),
  ts('ts: push(...xs) doubling in a loop', `const xs: number[] = [0];\nfor (let i = 0; i < 64; i++) xs.push(...xs);`),
  ts('ts: s += s in a loop', `let s = 'a';\nfor (let i = 0; i < 64; i++) s += s;`),
  ts('ts: template literal doubling in a loop', 'let s = \'a\';\nfor (let i = 0; i < 64; i++) s = `${s}${s}`;'),
  ts("ts: 'x'.repeat(1e9)", `const s = 'x'.repeat(1e9);\nconst c = s[0];`),
  ts('ts: repeat of a repeat', `const s = 'x'.repeat(100000).repeat(5000);`),
  ts('ts: padStart to a huge width', `const s = 'x'.padStart(1e9);`),
  ts('ts: join of a huge array', `let xs: string[] = ['abc'];\nfor (let i = 0; i < 64; i++) xs = xs.concat(xs);\nconst s = xs.join(',');`),
  ts('ts: Array(1e9) and new Array(n).fill', `const a = Array(1e9);\nconst b = new Array(1e9).fill(0);`, false),
  ts('ts: object spread growth in a loop', `let o: Record<string, number> = {};\nfor (let i = 0; i < 100000; i++) o = { ...o, ['k' + i]: i };`, false),
  ts('ts: regex-heavy string', `const s = 'a'.repeat(100000) + 'b';\nconst t = s.replace(/(a+)+c/, '').split('a').join('b');`, false),
  ts('ts: deep recursion', `function f(n: number): number { return f(n + 1); }\nf(0);`),
];
