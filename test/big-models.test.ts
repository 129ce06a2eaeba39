// Models as deep as generated code makes them: nothing in the analysis recurses on the graph's depth, straight-line
// code of any length is followed whole (the fuel grows with the file), and a model that cannot be mapped is an
// error diagnostic — never a model silently missing from the summary.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import * as models from '../src/analysis/eval/models';

function pyChain(n: number): string {
  const lines = ['import keras', 'from keras import layers', 'x = keras.Input(shape=(4,))', 'h = x'];
  for (let i = 0; i < n; i++) lines.push('h = layers.Dense(4)(h)');
  lines.push('m = keras.Model(x, h)', '');
  return lines.join('\n');
}

const errors = (r: ReturnType<typeof analyzeText>) => r.diagnostics.filter((d) => d.severity === 'error' || d.code === 'analysis-limit' || d.code === 'internal-error');

describe('deep models are analyzed whole', () => {
  it('a 100,000-layer Python chain: one model, every layer, exact params', () => {
    const r = analyzeText(pyChain(100_000), 'chain.py');
    assert.deepEqual(errors(r), []);
    assert.equal(r.models.length, 1);
    assert.equal(r.models[0].layers.length, 100_001); // the InputLayer too
    assert.equal(r.models[0].totalParams, 100_000 * (4 * 4 + 4));
  });

  it('an 8,000-layer TF.js chain built in a loop (a loop still stops at 10,000 iterations)', () => {
    const src = [
      "import * as tf from '@tensorflow/tfjs';",
      'const input = tf.input({shape: [4]});',
      'let h: tf.SymbolicTensor = input;',
      'for (let i = 0; i < 8000; i++) h = tf.layers.dense({units: 4}).apply(h) as tf.SymbolicTensor;',
      'export const model = tf.model({inputs: input, outputs: h});',
      '',
    ].join('\n');
    const r = analyzeText(src, 'chain.ts');
    assert.deepEqual(errors(r), []);
    assert.equal(r.models.length, 1);
    assert.equal(r.models[0].totalParams, 8_000 * 20);
  });

  it('a 6,000-block ResNet-like chain with a skip around every block', () => {
    const lines = ['import keras', 'from keras import layers', 'x = keras.Input(shape=(8,))', 'h = x'];
    for (let i = 0; i < 6000; i++) lines.push('y = layers.Dense(8)(h)', 'h = layers.Add()([h, y])');
    lines.push('m = keras.Model(x, h)', '');
    const r = analyzeText(lines.join('\n'), 'skips.py');
    assert.deepEqual(errors(r), []);
    assert.equal(r.models[0].totalParams, 6000 * 72);
    assert.equal(r.models[0].layers.length, 1 + 2 * 6000);
  });

  it('calls nested 150 deep in one expression are followed whole', () => {
    const src = 'import keras\nfrom keras import layers\nx = keras.Input(shape=(4,))\ny = ' + 'layers.Dense(4)('.repeat(150) + 'x' + ')'.repeat(150) + '\nm = keras.Model(x, y)\n';
    const r = analyzeText(src, 'nested.py');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.models[0].totalParams, 150 * 20);
  });

  for (const [file, src] of [
    ['nested.py', 'import keras\nfrom keras import layers\nx = keras.Input(shape=(4,))\ny = ' + 'layers.Dense(4)('.repeat(500) + 'x' + ')'.repeat(500) + '\nm = keras.Model(x, y)\n'],
    ['nested.ts', "import * as tf from '@tensorflow/tfjs';\nconst x = tf.input({shape: [4]});\nconst y = " + 'tf.layers.dense({units: 4}).apply('.repeat(500) + 'x' + ')'.repeat(500) + ';\nconst m = tf.model({inputs: x, outputs: y});\n'],
  ]) {
    it(`${file}: calls nested 500 deep are cut with a note, never an error in valid code`, () => {
      const r = analyzeText(src, file);
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error' || d.code === 'internal-error'), []);
      assert.ok(r.diagnostics.some((d) => d.code === 'analysis-limit' && /nested too deeply/.test(d.message)), JSON.stringify(r.diagnostics));
    });
  }
});

describe('a model that cannot be mapped is an error', () => {
  it('is reported at the Model(...) call with severity error, and the rest of the file stays', () => {
    const original = models.finalizeModel;
    const patched = models as { finalizeModel: typeof models.finalizeModel };
    patched.finalizeModel = (g, m) => {
      if (m.name === 'broken') throw new RangeError('Maximum call stack size exceeded');
      return original(g, m);
    };
    try {
      const src = "import keras\nfrom keras import layers\nx = keras.Input((4,))\nok = keras.Model(x, layers.Dense(2)(x))\nbad = keras.Model(x, layers.Dense(3)(x), name='broken')\n";
      const r = analyzeText(src, 'a.py');
      const d = r.diagnostics.find((x) => x.code === 'model-not-mapped');
      assert.ok(d, JSON.stringify(r.diagnostics));
      assert.equal(d.severity, 'error');
      assert.match(d.message, /could not map model "broken".*Maximum call stack/);
      assert.equal(d.range.line, 5);
      assert.deepEqual(r.models.map((m) => m.variable), ['ok']);
    } finally {
      patched.finalizeModel = original;
    }
  });
});
