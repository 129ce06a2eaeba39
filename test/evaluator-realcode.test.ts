// Real-code patterns at the evaluator level: data work before the model (loops that build nothing symbolic are cut
// short and do not starve the model's fuel).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';

describe('data loops', () => {
  it('Python: a 50,000-sample while loop before the model leaves fuel for the model', () => {
    const src = [
      'import random',
      'from keras import Input, Model, layers',
      'xs = []',
      'ys = []',
      'i = 0',
      'while i < 50000:',
      '    a = random.random()',
      '    xs.append([a, a * 2])',
      '    ys.append(a + 1)',
      '    i += 1',
      'n = len(xs)',
      'inp = Input((2,))',
      'out = layers.Dense(3)(inp)',
      'model = Model(inp, out)',
      '',
    ].join('\n');
    const r = analyzeText(src, 'data.py');
    assert.equal(r.models.length, 1);
    assert.ok(!r.diagnostics.some((d: { severity: string }) => d.severity === 'error'), JSON.stringify(r.diagnostics));
  });

  it('TS: a 50,000-iteration for loop pushing samples before tf.sequential leaves fuel for the model', () => {
    const src = [
      "import * as tf from '@tensorflow/tfjs';",
      'const xs: number[][] = [];',
      'for (let i = 0; i < 50000; i++) { xs.push([i, i * 2]); }',
      'const model = tf.sequential();',
      'model.add(tf.layers.dense({units: 3, inputShape: [2]}));',
      '',
    ].join('\n');
    const r = analyzeText(src, 'data.ts');
    assert.equal(r.models.length, 1);
    assert.ok(!r.diagnostics.some((d: { severity: string }) => d.severity === 'error'), JSON.stringify(r.diagnostics));
  });

  it('a loop that builds layers is not cut', () => {
    const src = 'from keras import Input, Model, layers\ninp = Input((2,))\nx = inp\nfor i in range(30):\n    x = layers.Dense(4)(x)\nmodel = Model(inp, x)\n';
    const r = analyzeText(src, 'deep.py');
    assert.equal(r.models.length, 1);
    assert.equal(r.layers.length, 31); // the InputLayer and 30 Dense
  });
});
