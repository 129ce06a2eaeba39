// Python as real scripts write it, at the evaluator level: entry points and argparse defaults, module globals,
// isinstance with known types, the numeric/string/functools helpers, config objects and decorators on builders.
// Each case builds a tiny model whose size depends on the construct being followed, so a wrong value shows up
// as a wrong parameter count.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';

const HEAD = 'import argparse, math, functools\nimport numpy as np\nimport keras\nfrom keras import Input, Model, layers\n';

/** Analyze, and return [model count, params of each model, error diagnostics]. */
function run(body: string) {
  const r = analyzeText(HEAD + body, 'script.py');
  const errors = r.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { message: string }) => d.message);
  return { n: r.models.length, params: r.models.map((m) => m.totalParams), errors, r };
}

/** Dense(units) on a 4-wide input: 5·units parameters. */
const dense = (units: string) => `inp = Input((4,))\nmodel = Model(inp, layers.Dense(${units})(inp))\n`;

function expectUnits(body: string, units: number) {
  const { n, params, errors } = run(body);
  assert.deepEqual(errors, []);
  assert.equal(n, 1, `models: ${n}`);
  assert.equal(params[0], 5 * units);
}

const indent = (s: string) => s.split('\n').map((l) => (l ? '    ' + l : l)).join('\n');

describe('python entry points', () => {
  it("if __name__ == '__main__': main() with argparse defaults", () => {
    const src = [
      'def build(latent):',
      indent(dense('latent')),
      '    return model',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--latent_size', type=int, default=100)",
      "    parser.add_argument('--epochs', type=int, default=5, help='epochs')",
      '    args = parser.parse_args()',
      '    m = build(args.latent_size)',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    expectUnits(src, 100);
  });

  it('argparse dest=, store_true, parse_known_args()[0]', () => {
    const src = [
      'def main():',
      '    p = argparse.ArgumentParser()',
      "    p.add_argument('--hidden-units', dest='width', type=int, default=7)",
      "    p.add_argument('--big', action='store_true')",
      "    p.add_argument('--n-layers', type=int, default=3)",
      '    args = p.parse_known_args()[0]',
      '    units = args.width * 10 if args.big else args.width + args.n_layers',
      indent(dense('units')),
      'main()',
      '',
    ].join('\n');
    expectUnits(src, 10);
  });

  it('config passed through a class constructor into the builder', () => {
    const src = [
      'class Trainer:',
      '    def __init__(self, config):',
      '        self.config = config',
      "        self.model = self.build(config['units'])",
      '    def build(self, units):',
      indent(indent(dense('units'))),
      '        return model',
      "Trainer({'units': 12})",
      '',
    ].join('\n');
    expectUnits(src, 12);
  });

  it('a builder called only from an uncalled function is analyzed once', () => {
    const src = [
      'def build():',
      indent(dense('3')),
      '    return model',
      'def train():',
      '    m = build()',
      '    m.fit(None)',
      '',
    ].join('\n');
    const { n, params } = run(src);
    assert.equal(n, 1);
    assert.deepEqual(params, [15]);
  });

  it('module-level return is a syntax error', () => {
    const { r } = run('return 3\n');
    assert.ok(r.diagnostics.some((d: { severity: string; message: string }) => d.severity === 'error' && /return/.test(d.message)), JSON.stringify(r.diagnostics));
  });
});

describe('python scoping and types', () => {
  it('global set by a builder and read by a helper', () => {
    const src = [
      'WIDTH = None',
      'def helper(x):',
      '    return layers.Dense(WIDTH)(x)',
      'def build():',
      '    global WIDTH',
      '    WIDTH = 6',
      '    inp = Input((4,))',
      '    return Model(inp, helper(inp))',
      'model = build()',
      '',
    ].join('\n');
    expectUnits(src, 6);
  });

  it('nonlocal counter', () => {
    const src = [
      'def make():',
      '    n = 1',
      '    def bump():',
      '        nonlocal n',
      '        n += 4',
      '    bump()',
      '    bump()',
      '    return n',
      'u = make()',
      dense('u'),
    ].join('\n');
    expectUnits(src, 9);
  });

  it('isinstance with known types', () => {
    const src = [
      's = 8',
      'if isinstance(s, int):',
      '    s = (s, s)',
      'if isinstance(s, (tuple, list)):',
      '    u = s[0] + s[1]',
      'else:',
      '    u = 1',
      "if isinstance('a', int):",
      '    u = 99',
      dense('u'),
    ].join('\n');
    expectUnits(src, 16);
  });

  it('isinstance of an unknown does not take the wrong branch', () => {
    const src = [
      'import sys',
      'v = sys.argv',
      'u = 5',
      'if isinstance(v, int):',
      '    u = 7',
      dense('u'),
    ].join('\n');
    const { n, params } = run(src);
    assert.equal(n, 1);
    // An unknown value is taken as not being an int: the branch that would convert it is not run on a guess.
    assert.equal(params[0], 25);
  });
});

describe('python helpers', () => {
  const cases: [string, string, number][] = [
    ['np.prod', 'u = int(np.prod((2, 3, 4)))', 24],
    ['np.sum', 'u = int(np.sum([1, 2, 3]))', 6],
    ['math.ceil/floor/sqrt', 'u = math.ceil(2.1) + math.floor(3.9) + int(math.sqrt(16))', 10],
    ['functools.partial', 'def f(a, b):\n    return a * b\ng = functools.partial(f, b=3)\nu = g(4)', 12],
    ['dict.get / setdefault', "d = {'a': 2}\nd.setdefault('b', 5)\nu = d.get('a', 0) + d.get('c', 1) + d['b']", 8],
    ['str.split/join/startswith', "parts = '3-4'.split('-')\nu = int(''.join(parts)) if 'abc'.startswith('ab') else 0", 34],
    ['sorted / reversed', 'u = sorted([5, 1, 3])[0] * 10 + list(reversed([1, 2, 7]))[0]', 17],
    ['sorted(reverse=True)', 'u = sorted([5, 1, 3], reverse=True)[0]', 5],
    ['any / all', 'u = (2 if any([0, 1]) else 0) + (3 if all([1, 1]) else 0)', 5],
    ['a generator argument with a tuple target', 'pairs = [(0, 0), (1, 1)]\nu = 3 if any(n > 1 for _, n in pairs) else 4', 4],
    ['divmod', 'q, r = divmod(17, 5)\nu = q * 10 + r', 32],
    ['star-unpacking in calls', 'def f(a, b, c):\n    return a + b + c\nxs = [1, 2]\nu = f(*xs, 4)', 7],
    ['**config', "def f(units=1, scale=1):\n    return units * scale\nconfig = {'units': 3, 'scale': 2}\nu = f(**config)", 6],
    ['class attributes as constants', 'class C:\n    WIDTH = 11\nu = C.WIDTH', 11],
    ['dataclass config', 'from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 64\n    depth: int = 2\ncfg = Config(depth=3)\nu = cfg.units + cfg.depth', 67],
  ];
  for (const [name, code, units] of cases) {
    it(name, () => expectUnits(`${code}\n${dense('u')}`, units));
  }
});

describe('python classes and decorators', () => {
  it('super().__init__(**kwargs) chains', () => {
    const src = [
      'class Base:',
      '    def __init__(self, units=1, **kwargs):',
      '        self.units = units',
      'class Mid(Base):',
      '    def __init__(self, **kwargs):',
      '        super().__init__(**kwargs)',
      'class Top(Mid):',
      '    def __init__(self, extra, **kwargs):',
      '        super().__init__(**kwargs)',
      '        self.units += extra',
      'u = Top(2, units=5).units',
      dense('u'),
    ].join('\n');
    expectUnits(src, 7);
  });

  for (const deco of ['@keras.saving.register_keras_serializable()', '@tf.function', '@functools.lru_cache(maxsize=None)', '@functools.wraps(print)']) {
    it(`decorator ${deco} does not hide the builder`, () => {
      const src = ['import tensorflow as tf', deco, 'def build():', indent(dense('2')), '    return model', 'm = build()', ''].join('\n');
      expectUnits(src, 2);
    });
  }
});
