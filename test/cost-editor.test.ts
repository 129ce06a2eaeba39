// What the editor shows of a model's cost, through the real analyzer: the model CodeLens text, hovers on layers,
// tensors and models (MACs, FLOPs, activation and weight memory; `?` where unknown; code text escaped), and the
// dtype rules behind the memory figures (a layer's `dtype=`, a global mixed-precision policy).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { costOfModel } from '../src/graph/cost';
import { hoverAt, modelHoverMarkdown } from '../src/extension/hoverText';
import { compactCount, lensItems } from '../src/extension/lensModel';
import { formatMessage as t } from '../src/extension/text';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/cost');

function analyze(code: string, file = 'case.py') {
  return { lines: code.split('\n'), result: analyzeText(code, file) };
}

/** 0-based position of the first `needle`, plus `offset` characters. */
function at(lines: string[], needle: string, offset = 0) {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + offset };
}

const SMALL = [
  'import keras',
  'from keras import layers',
  'inputs = keras.Input(shape=(20,))',
  'hidden = layers.Dense(10, activation="relu")',
  'h = hidden(inputs)',
  'outputs = layers.Dense(3)(h)',
  'model = keras.Model(inputs, outputs)',
  'model.compile(optimizer="adam", loss="mse")',
  'model.fit(x, y, batch_size=8)',
  '',
].join('\n');

describe('cost in the CodeLens', () => {
  it('ResNet-50: "177 layers · 25.6 M params · 3.86 GMACs · 7.76 GFLOPs", per sample, with a tooltip saying so', () => {
    const r = analyzeText(fs.readFileSync(path.join(FIXTURES, 'resnet50.py'), 'utf8'), 'resnet50.py');
    const lenses = lensItems(r, t).filter((i) => i.action.kind === 'showSummary');
    // 25,636,712 params; 3.86 G MACs (Keras's v1 layout) and 4.09 G for v1.5 — the published figures.
    assert.deepEqual(lenses.map((l) => l.title), [
      '177 layers · 25.6 M params · 3.86 GMACs · 7.76 GFLOPs',
      '177 layers · 25.6 M params · 4.09 GMACs · 8.23 GFLOPs',
    ]);
    assert.match(lenses[0].tooltip ?? '', /Per sample.*FLOPs = 2 × MACs/);
  });
  it('a small model: exact figures below ten thousand (20·10 + 10·3 = 230 MACs)', () => {
    const { result } = analyze(SMALL);
    const lens = lensItems(result, t).find((i) => i.action.kind === 'showSummary');
    // FLOPs: 2·230 + 10 bias + 10 ReLU + 3 bias = 483
    assert.equal(lens?.title, '3 layers · 243 params · 230 MACs · 483 FLOPs');
  });
  it('unknown sizes give ?, symbolic ones their expression — never a guess', () => {
    const unknown = analyze('import keras\nfrom keras import layers\ni = keras.Input(shape=(None,))\no = layers.Dense(4)(i)\nm = keras.Model(i, o)\n');
    assert.equal(lensItems(unknown.result, t).find((i) => i.action.kind === 'showSummary')?.title, '2 layers · ? params · ? MACs · ? FLOPs');
    const symbolic = analyze('import keras\nfrom keras import layers\ndef build(units):\n    i = keras.Input(shape=(16,))\n    o = layers.Dense(units)(i)\n    return keras.Model(i, o)\n');
    const title = lensItems(symbolic.result, t).find((i) => i.action.kind === 'showSummary')?.title ?? '';
    assert.match(title, /units\*16 MACs/);
  });
  it('compactCount: three significant digits with an SI prefix from ten thousand on', () => {
    assert.deepEqual([205, 9_999, 10_000, 25_636_712, 138_357_544, 999_960_000, 4.09e9].map(compactCount), ['205', '9,999', '10 K', '25.6 M', '138 M', '1 G', '4.09 G']);
  });
});

describe('cost in hovers', () => {
  it('a layer: MACs and FLOPs per sample, its outputs\' and weights\' memory', () => {
    const { lines, result } = analyze(SMALL);
    const h = hoverAt(result, lines, at(lines, 'hidden ='), t);
    assert.ok(h);
    // 200 MACs; FLOPs 2·200 + 10 bias + 10 ReLU; 10 float32 outputs; 210 float32 weights
    assert.match(h.markdown, /Cost per sample: 200 MACs · 420 FLOPs/);
    assert.match(h.markdown, /activations 40\.00 B per sample · weights 840\.00 B \(float32\)/);
  });
  it('a shared layer sums its calls and says so', () => {
    const code = 'import keras\nfrom keras import layers\ni = keras.Input(shape=(5,))\nshared = layers.Dense(5)\nx = shared(shared(i))\nm = keras.Model(i, x)\n';
    const { lines, result } = analyze(code);
    const h = hoverAt(result, lines, at(lines, 'shared ='), t);
    // per call 25 MACs, 55 FLOPs
    assert.match(h!.markdown, /Cost per sample: 50 MACs · 110 FLOPs \(2 calls\)/);
  });
  it('a tensor: the cost of the call that produced it', () => {
    const { lines, result } = analyze(SMALL);
    const h = hoverAt(result, lines, at(lines, 'outputs)', 1), t);
    assert.match(h!.markdown, /That call per sample: 30 MACs · 63 FLOPs · output 12\.00 B/);
  });
  it('a model (its variable or the Model word): totals, per batch from fit(batch_size=8), the training estimate', () => {
    const { lines, result } = analyze(SMALL);
    const byVariable = hoverAt(result, lines, at(lines, 'model.compile', 2), t);
    const byConstructor = hoverAt(result, lines, at(lines, 'Model(', 2), t);
    assert.ok(byVariable && byConstructor);
    assert.equal(byVariable.markdown, byConstructor.markdown);
    const md = byVariable.markdown;
    assert.match(md, /3 layers · Parameters: 243/);
    assert.match(md, /Cost per sample: 230 MACs · 483 FLOPs/);
    assert.match(md, /Per batch of 8: 1\\\.84 K MACs · 3\\\.86 K FLOPs/);
    // weights 972 B, gradients 972 B, Adam 2 × 972 B, activations (20 + 10 + 3) · 4 B · 8
    const c = costOfModel(result, result.models[0]);
    assert.equal(c.training?.total, 972 * 4 + 33 * 4 * 8);
    assert.match(md, /Peak training memory \(batch 8, adam\): 4\.83 KB — weights 972\.00 B, gradients 972\.00 B, optimizer 1\.90 KB, activations 1\.03 KB/);
  });
  it('unknown figures print ?; symbolic ones are escaped Markdown', () => {
    const unknown = analyze('import keras\nfrom keras import layers\ni = keras.Input(shape=(None,))\nd = layers.Dense(4)\no = d(i)\nm = keras.Model(i, o)\n');
    const h = hoverAt(unknown.result, unknown.lines, at(unknown.lines, 'd ='), t);
    assert.match(h!.markdown, /Cost per sample: \? MACs · \? FLOPs/);
    assert.match(h!.markdown, /weights \? \(float32\)/);
    const symbolic = analyze('import keras\nfrom keras import layers\ndef build(units):\n    i = keras.Input(shape=(16,))\n    o = layers.Dense(units)(i)\n    return keras.Model(i, o)\n');
    const md = modelHoverMarkdown(symbolic.result, symbolic.result.models[0], t);
    assert.match(md, /units\\\*16 MACs/);
  });
  it('a model name from the code is escaped', () => {
    const { result } = analyze('import keras\nfrom keras import layers\ni = keras.Input(shape=(2,))\no = layers.Dense(1)(i)\nm = keras.Model(i, o, name="*x*<img src=y>")\n');
    const md = modelHoverMarkdown(result, result.models[0], t);
    // Every Markdown character from the code is backslash-escaped: no emphasis, no HTML.
    assert.ok(md.startsWith('**\\*x\\*\\<img src=y\\>** (Functional)'), md);
  });
});

describe('memory by dtype', () => {
  it("a layer's dtype='float16' halves its weights and outputs; bfloat16 likewise", () => {
    const code = (dtype: string) => `import keras\nfrom keras import layers\ni = keras.Input(shape=(20,))\no = layers.Dense(10, dtype='${dtype}')(i)\nm = keras.Model(i, o)\n`;
    for (const dtype of ['float16', 'bfloat16']) {
      const { result } = analyze(code(dtype));
      const c = costOfModel(result, result.models[0]);
      // 210 weights × 2 B; outputs 20 float32 (Input) + 10 × 2 B
      assert.equal(c.weightBytes, 420, dtype);
      assert.equal(c.activationBytes, 80 + 20, dtype);
    }
  });
  it("set_global_policy('mixed_float16'): float32 variables, float16 activations for layers created after it", () => {
    const code = [
      'import tensorflow as tf',
      'from tensorflow import keras',
      'i = keras.Input(shape=(20,))',
      'before = keras.layers.Dense(10)(i)',
      "keras.mixed_precision.set_global_policy('mixed_float16')",
      'o = keras.layers.Dense(10)(before)',
      'm = keras.Model(i, o)',
      '',
    ].join('\n');
    const { result } = analyze(code);
    const c = costOfModel(result, result.models[0]);
    assert.equal(c.weightBytes, (210 + 110) * 4);
    // Input 20 × 4 B, the first Dense 10 × 4 B, the one after the policy 10 × 2 B
    assert.equal(c.activationBytes, 80 + 40 + 20);
    assert.equal(result.layers.find((l) => l.name === 'dense_1')?.dtypePolicy, 'mixed_float16');
  });
  it('the policy through `from keras import mixed_precision`; a policy the analyzer cannot read makes memory unknown', () => {
    const ok = analyze("import keras\nfrom keras import mixed_precision\nmixed_precision.set_global_policy('mixed_bfloat16')\ni = keras.Input(shape=(4,))\no = keras.layers.Dense(2)(i)\nm = keras.Model(i, o)\n");
    assert.equal(costOfModel(ok.result, ok.result.models[0]).activationBytes, 16 + 4);
    const opaque = analyze('import keras\nfrom keras import mixed_precision\nmixed_precision.set_global_policy(POLICY)\ni = keras.Input(shape=(4,))\no = keras.layers.Dense(2)(i)\nm = keras.Model(i, o)\n');
    const c = costOfModel(opaque.result, opaque.result.models[0]);
    assert.equal(c.activationBytes, null);
    assert.equal(c.weightBytes, null);
  });
});
