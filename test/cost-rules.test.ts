// Every family's cost rule against a hand computation, through the real analyzer (Keras code → IR → cost), plus
// the guard that every layer in the catalog has a rule, unknown sizes staying unknown, and the training estimate.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { costOfCall, trainingMemory } from '../src/graph/cost';
import type { AnalysisResult } from '../src/graph/ir';
import { toCliJson } from '../src/graph/json';
import { costRuleFor } from '../src/layers/cost';
import { allLayers } from '../src/layers/registry';

/** The cost of the last layer call of a tiny Keras program: inputs of the given shapes, then `call`. */
function lastCallCost(inputs: string[], call: string) {
  const lines = ['import keras', 'from keras import layers'];
  inputs.forEach((s, i) => lines.push(`i${i} = keras.Input(shape=${s})`));
  const args = inputs.length === 1 ? 'i0' : `[${inputs.map((_, i) => `i${i}`).join(', ')}]`;
  lines.push(`y = ${call}(${args})`);
  const result: AnalysisResult = analyzeText(lines.join('\n') + '\n', 'case.py');
  assert.deepEqual(result.diagnostics.map((d) => d.message), [], call);
  const last = result.calls[result.calls.length - 1];
  return costOfCall(result, last);
}

// [inputs, layer call, MACs, FLOPs] — each worked out by hand in the comment.
const CASES: [string[], string, number | null, number | null][] = [
  // 20·10 multiply-adds; + 10 bias adds
  [['(20,)'], 'layers.Dense(10)', 200, 410],
  // + 10 ReLUs
  [['(20,)'], 'layers.Dense(10, activation="relu")', 200, 420],
  // applied on each of 5 rows, no bias
  [['(5, 20)'], 'layers.Dense(10, use_bias=False)', 1000, 2000],
  // out 30·30·8 = 7200, each 3·3·3 = 27: 194,400; + 7200 bias
  [['(32, 32, 3)'], 'layers.Conv2D(8, 3)', 194400, 396000],
  // groups=2: each output sees 3·3·(4/2) = 18 inputs; out 14·14·8 = 1568
  [['(16, 16, 4)'], 'layers.Conv2D(8, 3, groups=2)', 28224, 58016],
  // same padding: out 10·4 = 40, each 5·3 = 15
  [['(10, 3)'], 'layers.Conv1D(4, 5, padding="same")', 600, 1240],
  // out 3·3·3·2 = 54, each 2·2·2·1 = 8
  [['(4, 4, 4, 1)'], 'layers.Conv3D(2, 2)', 432, 918],
  // 5·5·2 = 50 inputs scatter into 3·3·4 = 36 weights; out 11·11·4 = 484 bias adds
  [['(5, 5, 2)'], 'layers.Conv2DTranspose(4, 3, strides=2)', 1800, 4084],
  // out 6·6·6 = 216, each 3·3 = 9
  [['(8, 8, 3)'], 'layers.DepthwiseConv2D(3, depth_multiplier=2)', 1944, 4104],
  // depthwise 36 positions · 27 + pointwise 180 outputs · 3 = 972 + 540; 180 bias adds
  [['(8, 8, 3)'], 'layers.SeparableConv2D(5, 3)', 1512, 3204],
  // 48 outputs · 4 comparisons
  [['(8, 8, 3)'], 'layers.MaxPooling2D(2)', 0, 192],
  [['(8, 8, 3)'], 'layers.AveragePooling2D(2)', 0, 192],
  // every input once
  [['(8, 8, 3)'], 'layers.GlobalAveragePooling2D()', 0, 192],
  // folded scale and shift: 2 per element
  [['(10, 4)'], 'layers.BatchNormalization()', 0, 80],
  // mean, variance (2), normalize (2), scale, shift: 7 per element
  [['(10, 4)'], 'layers.LayerNormalization()', 0, 280],
  // a lookup
  [['(10,)'], 'layers.Embedding(100, 8)', 0, 0],
  // per step 3·4 + 4·4 = 28 MACs, 4 activations + 4 bias; 10 steps
  [['(10, 3)'], 'layers.SimpleRNN(4)', 280, 640],
  // per step 3·16 + 4·16 = 112 MACs; 16 gates + 16 bias + 5·4 state ops = 52
  [['(10, 3)'], 'layers.LSTM(4)', 1120, 2760],
  // reset_after (Keras 3 default): per step 3·12 + 4·12 = 84; 12 gates + 2·12 bias + 5·4 = 56
  [['(10, 3)'], 'layers.GRU(4)', 840, 2240],
  // both directions of the LSTM above, concatenated
  [['(10, 3)'], 'layers.Bidirectional(layers.LSTM(4))', 2240, 5520],
  // Dense(4) on each of 6 steps: 12 MACs, 24 + 4 FLOPs a step
  [['(6, 3)'], 'layers.TimeDistributed(layers.Dense(4))', 72, 168],
  // n − 1 operations per element; Average divides once more
  [['(10,)', '(10,)'], 'layers.Add()', 0, 10],
  [['(10,)', '(10,)', '(10,)'], 'layers.Average()', 0, 30],
  [['(10,)', '(10,)'], 'layers.Maximum()', 0, 10],
  [['(10,)', '(6,)'], 'layers.Concatenate()', 0, 0],
  // one output, a 10-long dot product
  [['(10,)', '(10,)'], 'layers.Dot(axes=1)', 10, 20],
  // scores 5·7 = 35 over 8 features, weighted sum 35·8; softmax 35
  [['(5, 8)', '(7, 8)'], 'layers.Attention()', 560, 1155],
  // projections 5·64 + 7·64 + 7·64 = 1216; scores 5·7·2 = 70 · (4 + 4) = 560; output 5·64 = 320
  // elementwise: biases 40 + 56 + 56 + 40, softmax 70, query scaling 40
  [['(5, 8)', '(7, 8)'], 'layers.MultiHeadAttention(num_heads=2, key_dim=4)', 2096, 4494],
  // per step 25 positions · (9 + 18) · 8 = 5400; per position 8 bias + 8 gates + 5·2 state ops = 26; 3 steps
  [['(3, 5, 5, 1)'], 'layers.ConvLSTM2D(2, 3, padding="same")', 16200, 34350],
  [['(10,)'], 'layers.ReLU()', 0, 10],
  [['(10,)'], 'layers.Softmax()', 0, 10],
  [['(10,)'], 'layers.Activation("tanh")', 0, 10],
  [['(10,)'], 'layers.Dropout(0.5)', 0, 0],
  [['(4, 4, 3)'], 'layers.Flatten()', 0, 0],
  [['(12,)'], 'layers.Reshape((3, 4))', 0, 0],
  [['(4, 4, 3)'], 'layers.ZeroPadding2D(1)', 0, 0],
  [['(4, 4, 1)'], 'layers.UpSampling2D()', 0, 0],
  // bilinear: 4 neighbours blended per output element, 8·8 outputs
  [['(4, 4, 1)'], 'layers.UpSampling2D(interpolation="bilinear")', 256, 512],
  // a multiply and an add per element
  [['(4, 4, 3)'], 'layers.Rescaling(1.0 / 255)', 0, 96],
  // arbitrary code: unknown, not zero
  [['(10,)'], 'layers.Lambda(lambda t: t * 2)', null, null],
];

describe('cost rules against hand computation', () => {
  for (const [inputs, call, macs, flops] of CASES) {
    it(`${call} on ${inputs.join(' + ')}: ${macs} MACs, ${flops} FLOPs`, () => {
      const c = lastCallCost(inputs, call);
      assert.equal(c.macs, macs);
      assert.equal(c.flops, flops);
    });
  }

  it('every layer the catalog registers has a cost rule', () => {
    const missing = allLayers().filter((d) => costRuleFor(d.className) === undefined).map((d) => d.className);
    assert.deepEqual(missing, []);
    assert.ok(allLayers().length > 80);
  });

  it('activation memory is the output elements times 4 bytes of float32, or of the dtype the layer sets', () => {
    assert.equal(lastCallCost(['(8, 8, 3)'], 'layers.Conv2D(4, 3)').activationBytes, 6 * 6 * 4 * 4);
    assert.equal(lastCallCost(['(8, 8, 3)'], 'layers.Conv2D(4, 3, dtype="float16")').activationBytes, 6 * 6 * 4 * 2);
  });

  it('unknown sizes give unknown cost, never a guess; JSON says null', () => {
    // the time axis is unknown: the Dense runs an unknown number of times
    const c = lastCallCost(['(None, 20)'], 'layers.Dense(10)');
    assert.equal(c.macs, null);
    assert.equal(c.flops, null);
    const result = analyzeText('import keras\nfrom keras import layers\nx = keras.Input(shape=(None, 20))\ny = layers.Dense(10)(x)\nm = keras.Model(x, y)\n', 'u.py');
    const json = toCliJson(result).models[0];
    assert.equal(json.macs, null);
    assert.equal(json.flops, null);
    assert.equal(json.layers[1].calls[0].macs, null);
    assert.equal(json.weightBytes, 840);
  });

  it('symbolic sizes give an expression beside a null number', () => {
    const source = 'import keras\nfrom keras import layers\n\ndef build(units):\n    x = keras.Input(shape=(16,))\n    y = layers.Dense(units)(x)\n    return keras.Model(x, y)\n';
    const json = toCliJson(analyzeText(source, 's.py')).models[0];
    assert.ok(json, 'a model from the builder function');
    const call = json.layers[1].calls[0];
    assert.equal(call.macs, null);
    assert.equal(typeof call.macsExpr, 'string');
    assert.match(call.macsExpr ?? '', /units/);
  });
});

describe('training memory estimate', () => {
  const base = { weightBytes: 400, trainableWeightBytes: 300, activationBytesPerSample: 100, batchSize: 8 };
  it('Adam keeps two slots per trainable weight: weights + gradients + 2× + activations of the batch', () => {
    assert.deepEqual(trainingMemory({ ...base, optimizer: 'adam' }), { weights: 400, gradients: 300, optimizerSlots: 600, activations: 800, total: 2100 });
  });
  it('SGD keeps none, with momentum one; an optimizer we do not know gives no estimate', () => {
    assert.equal(trainingMemory({ ...base, optimizer: 'sgd' })?.total, 1500);
    assert.equal(trainingMemory({ ...base, optimizer: 'SGD', momentum: true })?.total, 1800);
    assert.equal(trainingMemory({ ...base, optimizer: 'my_optimizer' }), null);
    assert.equal(trainingMemory({ ...base, optimizer: null }), null);
  });
});
