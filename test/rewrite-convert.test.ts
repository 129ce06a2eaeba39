// Sequential -> functional conversion on real-looking models (test/fixtures/sequential): every one is converted, the
// result re-analyzed (no errors, the same parameter count, output shapes and layer names), TS/JS ones also run by
// TF.js itself, before and after, and agreeing; text diffs for a few; refusals where a guess would be wrong.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import * as ts from 'typescript';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult, ModelIR } from '../src/graph/ir';
import { fillAnswer } from '../src/rewrite';
import { conversionRefusalsAt, conversionsAt, convertModel } from '../src/rewrite/convert';
import { applyEdits, type Rewrite } from '../src/rewrite/types';

tf.setBackend('cpu');

const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'sequential');
const FIXTURES = readdirSync(DIR).sort();

function convert(text: string, file: string, model?: string): { out: string; rewrite: Rewrite; before: AnalysisResult } {
  const before = analyzeText(text, file);
  const r = convertModel({ text, fileName: file, result: before }, 'functional', model);
  if (!('edits' in r)) throw new Error(`${file}: refused: ${r.reason}`);
  return { out: applyEdits(text, r.edits), rewrite: r, before };
}

interface Summary {
  params: number | null;
  outputs: unknown[];
  inputs: unknown[];
  layers: string[];
}

function summary(r: AnalysisResult, m: ModelIR): Summary {
  return {
    params: m.totalParams,
    inputs: m.inputs.map((t) => r.tensors[t].shape),
    outputs: m.outputs.map((t) => r.tensors[t].shape),
    layers: m.layers.map((l) => r.layers[l]).filter((l) => l.className !== 'InputLayer').map((l) => `${l.name}:${l.className}:${l.params}`),
  };
}

function modelOf(r: AnalysisResult, variable: string): ModelIR {
  const m = r.models.find((x) => x.variable === variable);
  assert.ok(m, `no model bound to ${variable}`);
  return m;
}

/** Runs a TS/JS program with the real TF.js and returns what `variable` holds at its end. */
function runTfjs(source: string, variable: string): tf.LayersModel {
  const js = ts.transpileModule(`${source}\n;(globalThis as any).__model = ${variable};\n`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const req = (m: string) => {
    if (m !== '@tensorflow/tfjs') throw new Error(`unexpected import ${m}`);
    return tf;
  };
  new Function('require', 'exports', 'module', js)(req, {}, { exports: {} });
  return (globalThis as unknown as { __model: tf.LayersModel }).__model;
}

function tfjsSummary(m: tf.LayersModel) {
  return {
    params: m.countParams(),
    outputs: m.outputs.map((o) => o.shape),
    layers: m.layers.filter((l) => l.getClassName() !== 'InputLayer').map((l) => `${l.name}:${l.getClassName()}:${l.countParams()}`),
  };
}

describe('Convert to functional API: every Sequential fixture', () => {
  assert.ok(FIXTURES.length >= 30, `at least 30 models (${FIXTURES.length})`);
  for (const name of FIXTURES) {
    it(name, () => {
      const file = join(DIR, name);
      const text = readFileSync(file, 'utf8');
      const { out, before } = convert(text, file);
      const seq = before.models.find((m) => m.kind === 'sequential')!;
      const variable = seq.variable!;
      const after = analyzeText(out, file);
      assert.deepEqual(after.diagnostics.filter((d) => d.severity === 'error'), [], out);
      assert.ok(!/Sequential|sequential\(/.test(out.slice(out.search(new RegExp(`(^|\s)${variable} =`)))) || name === 'indented_function.py', 'the Sequential is gone');
      const m = modelOf(after, variable);
      assert.equal(m.kind, 'functional');
      assert.equal(m.name === seq.name || (seq.name.startsWith('sequential') && /^(functional|model)/.test(m.name)), true, `model name ${m.name} vs ${seq.name}`);
      assert.ok(seq.totalParams !== null && seq.totalParams > 0);
      assert.deepEqual(summary(after, m), summary(before, seq), out);
      if (!name.endsWith('.py')) {
        // TF.js builds both programs: the converted one agrees with the original and with our analysis.
        const original = tfjsSummary(runTfjs(text, variable));
        const converted = tfjsSummary(runTfjs(out, variable));
        assert.equal(converted.params, original.params);
        assert.deepEqual(converted.outputs, original.outputs);
        assert.deepEqual(converted.layers.map((l) => l.replace(/\d+:/, ':')), original.layers.map((l) => l.replace(/\d+:/, ':')));
        assert.equal(converted.params, m.totalParams);
        assert.deepEqual(converted.outputs, m.outputs.map((t) => after.tensors[t].shape));
      }
    });
  }
});

describe('Convert to functional API: the text', () => {
  it('Python list form: Input from input_shape, one line per layer, comments and the name kept', () => {
    const file = join(DIR, 'mlp_list.py');
    const { out } = convert(readFileSync(file, 'utf8'), file);
    assert.equal(
      out,
      `import keras
from keras import layers

inputs = keras.Input(shape=(784,))
x = layers.Dense(64, activation='relu')(inputs)  # hidden
# the classifier
outputs = layers.Dense(10, activation='softmax')(x)
model = keras.Model(inputs=inputs, outputs=outputs, name='mlp')
model.compile(optimizer='adam', loss='categorical_crossentropy')
`,
    );
  });

  it('Python add form with bare imports: Input and Model imported the file’s way, comments on add lines kept', () => {
    const file = join(DIR, 'mlp_add.py');
    const { out } = convert(readFileSync(file, 'utf8'), file);
    assert.equal(
      out,
      `from keras.models import Sequential
from keras import Input, Model
from keras.layers import Dense, Dropout

inputs = Input(shape=(20,))
x = Dense(128, activation='relu')(inputs)
x = Dropout(0.5)(x)  # regularize
x = Dense(64, activation='relu')(x)
outputs = Dense(1, activation='sigmoid', name='score')(x)
model = Model(inputs=inputs, outputs=outputs)
model.compile(optimizer='rmsprop', loss='binary_crossentropy')
`,
    );
  });

  it('TF.js add form: tf.input, .apply, tf.model; comments between adds stay', () => {
    const file = join(DIR, 'tfjs_add.ts');
    const { out } = convert(readFileSync(file, 'utf8'), file);
    assert.equal(
      out,
      `import * as tf from '@tensorflow/tfjs';

const input = tf.input({shape: [10]});
let x = tf.layers.dense({units: 32, activation: 'relu'}).apply(input) as tf.SymbolicTensor;
// a second hidden layer
x = tf.layers.dense({units: 16, activation: 'relu'}).apply(x) as tf.SymbolicTensor;
const output = tf.layers.dense({units: 1, name: 'out'}).apply(x) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: output});
`,
    );
  });

  it('keeps the indentation of a model built inside a function', () => {
    const file = join(DIR, 'indented_function.py');
    const { out } = convert(readFileSync(file, 'utf8'), file);
    assert.match(out, /\ndef build\(\):\n    inputs = keras\.Input\(shape=\(5,\)\)\n    x = layers\.Dense\(10, activation='relu'\)\(inputs\)\n    outputs = layers\.Dense\(1\)\(x\)\n    model = keras\.Model\(inputs=inputs, outputs=outputs\)\n    return model\n/);
  });

  it('does not reuse a name the file already has for the new variables', () => {
    const text = `import keras\nx = 3\ninputs = 'data'\nmodel = keras.Sequential([keras.layers.Dense(2, input_shape=(x,))])\nprint(x, inputs)\n`;
    const { out } = convert(text, '/tmp/names.py');
    assert.match(out, /inputs_ = keras\.Input\(shape=\(x,\)\)\noutputs = keras\.layers\.Dense\(2\)\(inputs_\)\nmodel = keras\.Model\(inputs=inputs_, outputs=outputs\)/);
  });
});

describe('Convert to functional API: the input shape the code does not say', () => {
  it('asks for it; the answer gives the same model as input_shape would', () => {
    const text = `import keras\nfrom keras import layers\n\nmodel = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(2)])\n`;
    const { rewrite } = convert(text, '/tmp/ask.py');
    assert.ok(rewrite.ask, 'asks');
    const filled = fillAnswer(rewrite, '12', 'python');
    assert.ok(!('error' in filled));
    const out = applyEdits(text, filled.edits);
    const after = analyzeText(out, '/tmp/ask.py');
    const m = modelOf(after, 'model');
    assert.equal(m.totalParams, 12 * 8 + 8 + 8 * 2 + 2);
    assert.match(out, /inputs = keras\.Input\(shape=\(12,\)\)/);
  });
});

describe('Convert to functional API: refusals', () => {
  const refuse = (text: string, file: string, reason: RegExp) => {
    const result = analyzeText(text, file);
    const r = convertModel({ text, fileName: file, result }, 'functional');
    assert.ok(!('edits' in r), `must refuse:\n${text}`);
    assert.match(r.reason, reason);
  };
  it('add inside a loop or a condition', () => {
    refuse(`import keras\nmodel = keras.Sequential()\nmodel.add(keras.layers.Dense(4, input_shape=(3,)))\nfor u in [8, 8]:\n    model.add(keras.layers.Dense(u))\n`, '/tmp/l.py', /line 5 is inside a loop, a condition or another block/);
    refuse(`import keras\nmodel = keras.Sequential()\nmodel.add(keras.layers.Dense(4, input_shape=(3,)))\nif True:\n    model.add(keras.layers.Dense(2))\n`, '/tmp/c.py', /inside a loop, a condition/);
    refuse(`import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nfor (const u of [4, 2]) {\n  model.add(tf.layers.dense({units: u, inputShape: [3]}));\n}\n`, '/tmp/l.ts', /inside a loop, a condition/);
  });
  it('layers from a comprehension or a helper', () => {
    refuse(`import keras\nmodel = keras.Sequential([keras.layers.Dense(n) for n in (4, 2)])\n`, '/tmp/comp.py', /comprehension/);
    refuse(`import keras\ndef make():\n    return [keras.layers.Dense(4, input_shape=(3,))]\nmodel = keras.Sequential(make())\n`, '/tmp/h.py', /helper or a comprehension/);
  });
  it('the model used between its adds', () => {
    refuse(`import keras\nmodel = keras.Sequential()\nmodel.add(keras.layers.Dense(4, input_shape=(3,)))\nmodel.summary()\nmodel.add(keras.layers.Dense(2))\n`, '/tmp/u.py', /comes after 'model' is used at line 4/);
  });
  it('shows the refusal at the cursor (a disabled code action) instead of a rewrite', () => {
    const text = `import keras\nmodel = keras.Sequential()\nmodel.add(keras.layers.Dense(4, input_shape=(3,)))\nfor u in [8, 8]:\n    model.add(keras.layers.Dense(u))\n`;
    const result = analyzeText(text, '/tmp/l.py');
    const at = text.indexOf('Sequential');
    assert.deepEqual(conversionsAt({ text, fileName: '/tmp/l.py', result }, at, at), []);
    assert.equal(conversionRefusalsAt({ text, fileName: '/tmp/l.py', result }, at, at).length, 1);
  });
});

describe('Convert to functional API: where it is offered', () => {
  const file = join(DIR, 'mlp_add.py');
  const text = readFileSync(file, 'utf8');
  const result = analyzeText(text, file);
  it('on the construction and on each add call, not elsewhere', () => {
    for (const probe of ['Sequential()', "model.add(Dropout", "Dense(1, activation"]) {
      const at = text.indexOf(probe) + 2;
      assert.equal(conversionsAt({ text, fileName: file, result }, at, at).length, 1, probe);
    }
    const elsewhere = text.indexOf('model.compile') + 8;
    assert.deepEqual(conversionsAt({ text, fileName: file, result }, elsewhere, elsewhere), []);
  });
});

describe('Convert to Sequential, and the round trip', () => {
  for (const name of FIXTURES) {
    it(`${name}: Sequential -> functional -> Sequential gives the same summary`, () => {
      const file = join(DIR, name);
      const text = readFileSync(file, 'utf8');
      const { out, before } = convert(text, file);
      const seq = before.models.find((m) => m.kind === 'sequential')!;
      const functional = analyzeText(out, file);
      const back = convertModel({ text: out, fileName: file, result: functional }, 'sequential', seq.variable!);
      if (name === 'tfjs_variables.ts') {
        // The first layer is a variable made elsewhere: the input shape has no config object here to go into.
        assert.ok(!('edits' in back) && /config object/.test(back.reason));
        return;
      }
      assert.ok('edits' in back, `refused: ${'reason' in back ? back.reason : ''}\n${out}`);
      const again = applyEdits(out, back.edits);
      const after = analyzeText(again, file);
      assert.deepEqual(after.diagnostics.filter((d) => d.severity === 'error'), [], again);
      const m = modelOf(after, seq.variable!);
      assert.equal(m.kind, 'sequential');
      assert.equal(m.name, seq.name);
      assert.deepEqual(summary(after, m), summary(before, seq), again);
      if (!name.endsWith('.py')) {
        const original = tfjsSummary(runTfjs(text, seq.variable!));
        const roundTrip = tfjsSummary(runTfjs(again, seq.variable!));
        assert.equal(roundTrip.params, original.params);
        assert.deepEqual(roundTrip.outputs, original.outputs);
      }
    });
  }

  it('the text of a TF.js round trip: inputShape back on the first layer', () => {
    const file = join(DIR, 'tfjs_add.ts');
    const { out } = convert(readFileSync(file, 'utf8'), file);
    const result = analyzeText(out, file);
    const back = convertModel({ text: out, fileName: file, result }, 'sequential');
    assert.ok('edits' in back);
    assert.equal(
      applyEdits(out, back.edits),
      `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({
  layers: [
    tf.layers.dense({units: 32, activation: 'relu', inputShape: [10]}),
    // a second hidden layer
    tf.layers.dense({units: 16, activation: 'relu'}),
    tf.layers.dense({units: 1, name: 'out'}),
  ],
});
`,
    );
  });

  it('refuses a model that branches, shares a layer or whose tensors live on', () => {
    const cases: [string, RegExp][] = [
      [`import keras\nfrom keras import layers\ni = keras.Input(shape=(4,))\na = layers.Dense(3)(i)\nb = layers.Dense(3)(i)\nc = layers.Add()([a, b])\nmodel = keras.Model(i, c)\n`, /plain chain/],
      [`import keras\nfrom keras import layers\ni = keras.Input(shape=(4,))\nd = layers.Dense(4)\nx = d(i)\ny = d(x)\nmodel = keras.Model(i, y)\n`, /more than once/],
      [`import keras\nfrom keras import layers\ni = keras.Input(shape=(4,))\nx = layers.Dense(4)(i)\nmodel = keras.Model(i, x)\nprint(x)\n`, /'x' is used after the model/],
    ];
    for (const [text, reason] of cases) {
      const result = analyzeText(text, '/tmp/f.py');
      const r = convertModel({ text, fileName: '/tmp/f.py', result }, 'sequential');
      assert.ok(!('edits' in r), text);
      assert.match(r.reason, reason);
    }
  });
});
