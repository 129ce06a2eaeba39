// Quick fixes applied to real-looking model code: each case analyzes a program with one diagnostic, applies the
// fix named, asserts the exact text change, re-analyzes (the diagnostic gone, no error left) and, for TS/JS, builds
// the fixed program with TensorFlow.js itself, which must agree with the re-analysis on parameter counts and shapes.

import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { answerRewrites } from '../src/extension/analysisWorker';
import type { AnalysisResult, DiagnosticCode } from '../src/graph/ir';
import { fixesAt, fixesFor } from '../src/rewrite/fixes';
import { applyEdits } from '../src/rewrite/types';
import { buildInChild } from './support/corpus';

const ROOT = join(__dirname, '..', '..');
const TMP = join(ROOT, 'out', 'test', 'rewrite-fix-programs');

interface Case {
  name: string;
  file: string;
  text: string;
  code: DiagnosticCode;
  /** The fix to apply, by title. */
  title: RegExp;
  preferred: boolean;
  /** The text diff: each [before, after] replaced once in the original gives the fixed text. */
  diff: [string, string][];
  /** Variable of the model TF.js builds (TS/JS) and that must agree with the re-analysis. */
  model?: string;
  /** The fix keeps the architecture: the model's parameter count before it (when known) stays. */
  params?: number;
}

const py = (lines: string[]) => lines.join('\n') + '\n';

const CASES: Case[] = [
  {
    name: 'Python: unshare the seed shared-layer error',
    file: 'shared.py',
    text: py([
      'from keras.layers import Input, Dense, Activation',
      'from keras.models import Model',
      '',
      'inputs = Input(shape=(5,))',
      'shared = Dense(10)',
      'x = shared(inputs)',
      'x = shared(x)',
      "outputs = Activation('softmax')(x)",
      'model = Model(inputs=inputs, outputs=outputs)',
    ]),
    code: 'shared-layer-input',
    title: /^Use a new layer for this call/,
    preferred: true,
    diff: [['x = shared(x)', 'x = Dense(10)(x)']],
  },
  {
    name: 'Python: a named shared layer gets a fresh name in its copy',
    file: 'shared_named.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'tokens = Input(shape=(16,))',
      "proj = layers.Dense(32, activation='relu', name='proj')",
      'h = proj(tokens)',
      'h = proj(h)',
      'model = Model(tokens, h)',
    ]),
    code: 'shared-layer-input',
    title: /^Use a new layer for this call/,
    preferred: true,
    diff: [['h = proj(h)', "h = layers.Dense(32, activation='relu', name='proj_2')(h)"]],
  },
  {
    name: "Python: or change the producing layer's units",
    file: 'shared_units.py',
    text: py([
      'from keras.layers import Input, Dense, Activation',
      'from keras.models import Model',
      '',
      'inputs = Input(shape=(5,))',
      'shared = Dense(10)',
      'x = shared(inputs)',
      'x = shared(x)',
      'model = Model(inputs=inputs, outputs=x)',
    ]),
    code: 'shared-layer-input',
    title: /^Change units of shared from 10 to 5$/,
    preferred: false,
    diff: [['shared = Dense(10)', 'shared = Dense(5)']],
  },
  {
    name: 'Python: RepeatVector on conv features gets Flatten()',
    file: 'flatten.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'image = Input(shape=(8, 8, 3))',
      "x = layers.Conv2D(4, 3, padding='same', activation='relu')(image)",
      'x = layers.RepeatVector(3)(x)',
      'model = Model(inputs=image, outputs=x)',
    ]),
    code: 'rank-mismatch',
    title: /^Insert Flatten\(\)/,
    preferred: true,
    diff: [['layers.RepeatVector(3)(x)', 'layers.RepeatVector(3)(layers.Flatten()(x))']],
  },
  {
    name: 'Python: or GlobalAveragePooling2D()',
    file: 'gap.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'image = Input(shape=(8, 8, 3))',
      "x = layers.Conv2D(4, 3, padding='same', activation='relu')(image)",
      'x = layers.RepeatVector(3)(x)',
      'model = Model(inputs=image, outputs=x)',
    ]),
    code: 'rank-mismatch',
    title: /^Insert GlobalAveragePooling2D\(\)/,
    preferred: false,
    diff: [['layers.RepeatVector(3)(x)', 'layers.RepeatVector(3)(layers.GlobalAveragePooling2D()(x))']],
  },
  {
    name: 'Python: Conv2D on flat pixels gets Reshape((28, 28, 1)), imported beside the others',
    file: 'reshape_up.py',
    text: py([
      'from keras.layers import Input, Dense, Conv2D, Flatten',
      'from keras.models import Model',
      '',
      'pixels = Input(shape=(784,))',
      "x = Conv2D(8, 3, activation='relu')(pixels)",
      'x = Flatten()(x)',
      "out = Dense(10, activation='softmax')(x)",
      'model = Model(inputs=pixels, outputs=out)',
    ]),
    code: 'rank-mismatch',
    title: /^Insert Reshape\(\(28, 28, 1\)\)/,
    preferred: true,
    diff: [
      ['Conv2D, Flatten\n', 'Conv2D, Flatten, Reshape\n'],
      ["activation='relu')(pixels)", "activation='relu')(Reshape((28, 28, 1))(pixels))"],
    ],
  },
  {
    name: 'Python: LSTM on conv features gets Reshape to a sequence',
    file: 'reshape_down.py',
    text: py([
      'import keras',
      'from keras import layers',
      '',
      'frames = keras.Input(shape=(10, 6, 4))',
      'x = layers.Conv2D(8, 3, padding="same")(frames)',
      'x = layers.LSTM(16)(x)',
      'model = keras.Model(inputs=frames, outputs=x)',
    ]),
    code: 'rank-mismatch',
    title: /^Insert Reshape\(\(10, 48\)\)/,
    preferred: true,
    diff: [['layers.LSTM(16)(x)', 'layers.LSTM(16)(layers.Reshape((10, 48))(x))']],
  },
  {
    name: 'Python: Multiply of unequal branches gets a Dense projection',
    file: 'merge.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'input_a = Input(shape=(5,))',
      'input_b = Input(shape=(5,))',
      'branch_a = layers.Dense(10)(input_a)',
      'branch_b = layers.Dense(8)(input_b)',
      'merged = layers.Multiply()([branch_a, branch_b])',
      'model = Model(inputs=[input_a, input_b], outputs=merged)',
    ]),
    code: 'merge-shape-mismatch',
    title: /^Project the smaller branch with Dense\(10\)$/,
    preferred: true,
    diff: [['[branch_a, branch_b]', '[branch_a, layers.Dense(10)(branch_b)]']],
  },
  {
    name: "Python: or the branch's units",
    file: 'merge_units.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'input_a = Input(shape=(5,))',
      'input_b = Input(shape=(5,))',
      'branch_a = layers.Dense(10)(input_a)',
      "branch_b = layers.Dense(units=8, activation='relu')(input_b)",
      'merged = layers.Add()([branch_a, branch_b])',
      'model = Model(inputs=[input_a, input_b], outputs=merged)',
    ]),
    code: 'merge-shape-mismatch',
    title: /^Change units of dense_1 from 8 to 10$/,
    preferred: false,
    diff: [['units=8', 'units=10']],
  },
  {
    name: 'Python: Concatenate of conv maps of unequal depth gets a 1×1 Conv2D',
    file: 'concat.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'img = Input(shape=(16, 16, 3))',
      "a = layers.Conv2D(8, 3, padding='same')(img)",
      "b = layers.Conv2D(4, 3, padding='same')(img)",
      'm = layers.Multiply()([a, b])',
      'model = Model(img, m)',
    ]),
    code: 'merge-shape-mismatch',
    title: /1×1 Conv2D\(8\)/,
    preferred: true,
    diff: [['[a, b]', '[a, layers.Conv2D(8, 1)(b)]']],
  },
  {
    name: "Python: the missing Input is added to Model(inputs=…)",
    file: 'disconnected.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'title = Input(shape=(12,), name="title")',
      'body = Input(shape=(40,), name="body")',
      'x = layers.Concatenate()([layers.Dense(8)(title), layers.Dense(8)(body)])',
      "priority = layers.Dense(1, activation='sigmoid')(x)",
      'model = Model(inputs=title, outputs=priority)',
    ]),
    code: 'graph-disconnected',
    title: /^Add body to the model's inputs$/,
    preferred: true,
    diff: [['inputs=title,', 'inputs=[title, body],']],
  },
  {
    name: 'Python: an unused Input is removed from the inputs list',
    file: 'unused.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'a = Input(shape=(4,))',
      'b = Input(shape=(4,))',
      'c = Input(shape=(4,))',
      'x = layers.Add()([layers.Dense(3)(a), layers.Dense(3)(c)])',
      'model = Model(inputs=[a, b, c], outputs=x)',
    ]),
    code: 'unused-input',
    title: /^Remove b from the model's inputs$/,
    preferred: true,
    diff: [['[a, b, c]', '[a, c]']],
    params: 30,
  },
  {
    name: "Python: padding='vaild' becomes the allowed 'valid'",
    file: 'config.py',
    text: py([
      'from keras import layers, Input, Model',
      '',
      'img = Input(shape=(32, 32, 3))',
      "x = layers.Conv2D(16, 3, padding='vaild')(img)",
      'x = layers.MaxPooling2D()(x)',
      'model = Model(img, x)',
    ]),
    code: 'invalid-config',
    title: /^Use 'valid' instead of 'vaild'$/,
    preferred: true,
    diff: [["padding='vaild'", "padding='valid'"]],
  },
  {
    name: 'TS: unshare the seed shared-layer error',
    file: 'shared.ts',
    text: py([
      "import {input, layers, model} from '@tensorflow/tfjs';",
      '',
      'const inp = input({shape: [5]});',
      'const shared = layers.dense({units: 10});',
      'let x = shared.apply(inp) as any;',
      'x = shared.apply(x);',
      "const out = layers.activation({activation: 'softmax'}).apply(x);",
      'export const m = model({inputs: inp, outputs: out});',
    ]),
    code: 'shared-layer-input',
    title: /^Use a new layer for this call/,
    preferred: true,
    diff: [['x = shared.apply(x);', 'x = layers.dense({units: 10}).apply(x);']],
    model: 'm',
  },
  {
    name: 'TS: Conv2D on flat pixels gets tf.layers.reshape',
    file: 'reshape_up.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const pixels = tf.input({shape: [784]});',
      "let x = tf.layers.conv2d({filters: 8, kernelSize: 3, activation: 'relu'}).apply(pixels) as tf.SymbolicTensor;",
      'x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;',
      "const out = tf.layers.dense({units: 10, activation: 'softmax'}).apply(x) as tf.SymbolicTensor;",
      'const net = tf.model({inputs: pixels, outputs: out});',
    ]),
    code: 'rank-mismatch',
    title: /^Insert Reshape\(\(28, 28, 1\)\)/,
    preferred: true,
    diff: [['.apply(pixels)', '.apply(tf.layers.reshape({targetShape: [28, 28, 1]}).apply(pixels))']],
    model: 'net',
  },
  {
    name: 'TS: RepeatVector on conv features gets tf.layers.flatten',
    file: 'flatten.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const image = tf.input({shape: [8, 8, 3]});',
      "const features = tf.layers.conv2d({filters: 4, kernelSize: 3, padding: 'same'}).apply(image);",
      'const repeated = tf.layers.repeatVector({n: 3}).apply(features) as tf.SymbolicTensor;',
      'const net = tf.model({inputs: image, outputs: repeated});',
    ]),
    code: 'rank-mismatch',
    title: /^Insert Flatten\(\)/,
    preferred: true,
    diff: [['.apply(features)', '.apply(tf.layers.flatten().apply(features))']],
    model: 'net',
  },
  {
    name: 'TS: multiply of unequal branches gets a dense projection',
    file: 'merge.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const a = tf.input({shape: [5]});',
      'const b = tf.input({shape: [5]});',
      'const ha = tf.layers.dense({units: 10}).apply(a) as tf.SymbolicTensor;',
      'const hb = tf.layers.dense({units: 8}).apply(b) as tf.SymbolicTensor;',
      'const merged = tf.layers.multiply().apply([ha, hb]) as tf.SymbolicTensor;',
      'const net = tf.model({inputs: [a, b], outputs: merged});',
    ]),
    code: 'merge-shape-mismatch',
    title: /^Project the smaller branch with Dense\(10\)$/,
    preferred: true,
    diff: [['[ha, hb]', '[ha, tf.layers.dense({units: 10}).apply(hb)]']],
    model: 'net',
  },
  {
    name: "TS: or the branch's units",
    file: 'merge_units.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const a = tf.input({shape: [5]});',
      'const b = tf.input({shape: [5]});',
      'const ha = tf.layers.dense({units: 10}).apply(a) as tf.SymbolicTensor;',
      "const hb = tf.layers.dense({units: 8, activation: 'relu'}).apply(b) as tf.SymbolicTensor;",
      'const merged = tf.layers.add().apply([ha, hb]) as tf.SymbolicTensor;',
      'const net = tf.model({inputs: [a, b], outputs: merged});',
    ]),
    code: 'merge-shape-mismatch',
    title: /^Change units of dense_Dense2 from 8 to 10$/,
    preferred: false,
    diff: [['units: 8', 'units: 10']],
    model: 'net',
  },
  {
    name: "TS: the missing input is added to tf.model({inputs})",
    file: 'disconnected.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const title = tf.input({shape: [12]});',
      'const body = tf.input({shape: [40]});',
      'const t = tf.layers.dense({units: 8}).apply(title) as tf.SymbolicTensor;',
      'const u = tf.layers.dense({units: 8}).apply(body) as tf.SymbolicTensor;',
      'const joined = tf.layers.concatenate().apply([t, u]) as tf.SymbolicTensor;',
      'const net = tf.model({inputs: [title], outputs: joined});',
    ]),
    code: 'graph-disconnected',
    title: /^Add body to the model's inputs$/,
    preferred: true,
    diff: [['inputs: [title]', 'inputs: [title, body]']],
    model: 'net',
  },
  {
    name: 'TS: an unused input is removed',
    file: 'unused.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const a = tf.input({shape: [4]});',
      'const b = tf.input({shape: [4]});',
      'const y = tf.layers.dense({units: 3}).apply(a) as tf.SymbolicTensor;',
      'const net = tf.model({inputs: [a, b], outputs: y});',
    ]),
    code: 'unused-input',
    title: /^Remove b from the model's inputs$/,
    preferred: true,
    diff: [['[a, b]', '[a]']],
    model: 'net',
    params: 15,
  },
  {
    name: "TS: padding 'Same' becomes 'same'",
    file: 'config.ts',
    text: py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const img = tf.input({shape: [32, 32, 3]});',
      "const x = tf.layers.conv2d({filters: 16, kernelSize: 3, padding: 'Same'}).apply(img) as tf.SymbolicTensor;",
      'const net = tf.model({inputs: img, outputs: x});',
    ]),
    code: 'invalid-config',
    title: /^Use 'same' instead of 'Same'$/,
    preferred: true,
    diff: [["padding: 'Same'", "padding: 'same'"]],
    model: 'net',
  },
];

function withDiff(text: string, diff: [string, string][]): string {
  let out = text;
  for (const [before, after] of diff) {
    assert.ok(out.includes(before), `diff source ${JSON.stringify(before)} is in the text`);
    out = out.replace(before, after);
  }
  return out;
}

const errors = (r: AnalysisResult) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

/** Applies the case's fix and returns the re-analysis of the fixed text (assertions on the way). */
function applyCase(c: Case): { fixed: string; after: AnalysisResult; before: AnalysisResult } {
  const before = analyzeText(c.text, c.file);
  const d = before.diagnostics.find((x) => x.code === c.code);
  assert.ok(d, `${c.file} reports ${c.code}; got ${JSON.stringify(before.diagnostics.map((x) => x.code))}`);
  const input = { text: c.text, fileName: c.file, result: before };
  const offered = fixesFor(input, d);
  const fix = offered.find((r) => c.title.test(r.title));
  assert.ok(fix, `a fix titled ${c.title} is offered; got ${JSON.stringify(offered.map((r) => r.title))}`);
  assert.equal(fix.isPreferred === true, c.preferred, `isPreferred of "${fix.title}"`);
  assert.equal(fix.kind, 'quickfix');
  // The editor asks with the diagnostics at the cursor: the same fix comes through the range entry.
  assert.ok(fixesAt(input, d.range.start, d.range.end, [d]).some((r) => r.title === fix.title));
  const fixed = applyEdits(c.text, fix.edits);
  assert.equal(fixed, withDiff(c.text, c.diff));
  const after = analyzeText(fixed, c.file);
  assert.deepEqual(errors(after), [], 'no error is left after the fix');
  assert.ok(!after.diagnostics.some((x) => x.code === c.code), `${c.code} is gone`);
  return { fixed, after, before };
}

describe('quick fixes, applied and re-analyzed', () => {
  mkdirSync(TMP, { recursive: true });
  for (const c of CASES) {
    it(c.name, async () => {
      const { fixed, after, before } = applyCase(c);
      if (c.params !== undefined) {
        assert.equal(before.models[0]?.totalParams, c.params);
        assert.equal(after.models[0]?.totalParams, c.params, 'the fix keeps the parameter count');
      }
      if (!c.model) return;
      const file = join(TMP, c.file);
      writeFileSync(file, fixed);
      const [built] = await buildInChild('program', file, [c.model]);
      const ours = after.models.find((m) => m.variable === c.model);
      assert.ok(ours, `the re-analysis finds model ${c.model}`);
      assert.equal(ours.totalParams, built.total, 'TF.js builds the fixed program with the same parameter count');
      const shapes = (r: AnalysisResult) => ours.layers.map((id) => r.layers[id]).map((l) => `${l.className}:${l.calls.map((k) => JSON.stringify(r.calls[k].outputs.map((t) => r.tensors[t].shape))).join('|')}`);
      const builtShapes = built.layers.map((l) => `${l.className}:${l.shapes.map((s) => `[${s.replace(/\+/g, ',')}]`).join('|')}`);
      assert.deepEqual(shapes(after), builtShapes, 'and the same layers and output shapes');
    });
  }
});

describe('share and unshare refactorings', () => {
  it('offers "Use a new layer for this call" on a working shared call, and the copy has weights of its own', () => {
    const text = py([
      'from keras import layers, Input, Model',
      '',
      'left = Input(shape=(6,))',
      'right = Input(shape=(6,))',
      'encode = layers.Dense(4)',
      'a = encode(left)',
      'b = encode(right)',
      'model = Model([left, right], layers.Add()([a, b]))',
    ]);
    const before = analyzeText(text, 'siamese.py');
    assert.equal(before.models[0].totalParams, 28);
    const at = text.indexOf('encode(right)');
    const offered = fixesAt({ text, fileName: 'siamese.py', result: before }, at, at, []);
    const unshare = offered.find((r) => r.title.startsWith('Use a new layer for this call'));
    assert.ok(unshare, JSON.stringify(offered.map((r) => r.title)));
    assert.equal(unshare.kind, 'refactor.extract');
    const fixed = applyEdits(text, unshare.edits);
    assert.equal(fixed, text.replace('b = encode(right)', 'b = layers.Dense(4)(right)'));
    const after = analyzeText(fixed, 'siamese.py');
    assert.deepEqual(errors(after), []);
    assert.equal(after.models[0].totalParams, 56, 'two Dense(4) layers now, each with its own 28 weights');
    assert.equal(after.layers.filter((l) => l.className === 'Dense').length, 2);
    // The first call is where the layer is built: nothing to unshare there.
    const first = text.indexOf('encode(left)');
    assert.ok(!fixesAt({ text, fileName: 'siamese.py', result: before }, first, first, []).some((r) => r.title.startsWith('Use a new layer')));
  });

  it('offers "Share this layer" on an identical layer for an input of the same shape (TF.js agrees)', async () => {
    const text = py([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'const left = tf.input({shape: [6]});',
      'const right = tf.input({shape: [6]});',
      "const encodeLeft = tf.layers.dense({units: 4, activation: 'relu'});",
      "const encodeRight = tf.layers.dense({units: 4, activation: 'relu'});",
      'const a = encodeLeft.apply(left) as tf.SymbolicTensor;',
      'const b = encodeRight.apply(right) as tf.SymbolicTensor;',
      'const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;',
      'const siamese = tf.model({inputs: [left, right], outputs: sum});',
    ]);
    const before = analyzeText(text, 'share.ts');
    assert.equal(before.models[0].totalParams, 56);
    const at = text.indexOf("tf.layers.dense({units: 4, activation: 'relu'});", text.indexOf('encodeRight'));
    const offered = fixesAt({ text, fileName: 'share.ts', result: before }, at, at + 5, []);
    const share = offered.find((r) => r.title.startsWith('Share this layer'));
    assert.ok(share, JSON.stringify(offered.map((r) => r.title)));
    const fixed = applyEdits(text, share.edits);
    assert.equal(fixed, text.replace("const encodeRight = tf.layers.dense({units: 4, activation: 'relu'});", 'const encodeRight = encodeLeft;'));
    const after = analyzeText(fixed, 'share.ts');
    assert.deepEqual(errors(after), []);
    assert.equal(after.models[0].totalParams, 28, 'one set of weights for both calls');
    const file = join(TMP, 'share.ts');
    mkdirSync(TMP, { recursive: true });
    writeFileSync(file, fixed);
    const [built] = await buildInChild('program', file, ['siamese']);
    assert.equal(built.total, 28);
  });

  it('does not offer "Share this layer" when the inputs differ in shape or the configs differ', () => {
    const text = py([
      'from keras import layers, Input, Model',
      'a = Input(shape=(6,))',
      'b = Input(shape=(7,))',
      'x = layers.Dense(4)(a)',
      'y = layers.Dense(4)(b)',
      'z = layers.Dense(5)(a)',
    ]);
    const result = analyzeText(text, 'noshare.py');
    const offered = fixesAt({ text, fileName: 'noshare.py', result }, 0, text.length, []);
    assert.deepEqual(offered.filter((r) => r.title.startsWith('Share')), []);
  });
});

describe('fixes on half-typed code', () => {
  it('never throw and offer nothing they cannot compute', () => {
    const texts = [
      'from keras import layers, Input, Model\nx = Input(shape=(5,))\ns = layers.Dense(10)\ny = s(x)\ny = s(y\n',
      'from keras import layers, Input, Model\na = Input(shape=(4,))\nb = Input(shape=(4,))\nm = Model(inputs=[a, b, outputs=layers.Dense(2)(a))\n',
      "import * as tf from '@tensorflow/tfjs';\nconst a = tf.input({shape: [4]});\nconst y = tf.layers.conv2d({filters: 2, kernelSize: 'x'}).apply(a",
    ];
    for (const text of texts) {
      const file = text.startsWith('import *') ? 'half.ts' : 'half.py';
      const result = analyzeText(text, file);
      const input = { text, fileName: file, result };
      for (const d of result.diagnostics) {
        for (const r of fixesFor(input, d)) applyEdits(text, r.edits);
      }
      fixesAt(input, 0, text.length, result.diagnostics);
    }
  });
});

describe('through the analysis process request the editor sends', () => {
  it('answers a code-action query at the shared-layer error with the preferred unshare fix', () => {
    const text = readFileSync(join(ROOT, 'examples', 'python', 'scenario4_shared_mismatch.py'), 'utf8');
    const d = analyzeText(text, 'scenario4.py').diagnostics.find((x) => x.code === 'shared-layer-input')!;
    const cursor = d.range.start + 1;
    const response = answerRewrites({
      id: 1, text, fileName: 'scenario4.py', version: 1,
      rewrite: { start: cursor, end: cursor, diagnostics: [{ code: d.code, start: d.range.start, end: d.range.end }] },
    });
    assert.ok(response.ok);
    const preferred = response.rewrites.rewrites.filter((r) => r.isPreferred);
    assert.deepEqual(preferred.map((r) => r.title), ['Use a new layer for this call (shared no longer shares its weights here)']);
    assert.equal(applyEdits(text, preferred[0].edits), text.replace('x = shared(x)', 'x = Dense(10)(x)'));
  });
});
