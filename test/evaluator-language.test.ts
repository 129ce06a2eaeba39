// The evaluator on the language people write: helper functions, loops, names, unpacking, lists of tensors and
// everyday Keras idioms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, names, py, shapeOf, ts } from './support/snippets';

describe('helper functions, loops and names', () => {
  it('a block helper called in a loop with f-string names (Python)', () => {
    const r = py(`
from tensorflow.keras import layers, Model, Input

def block(x, units, name, activation="relu"):
    x = layers.Dense(units, name=f"{name}_dense")(x)
    return layers.Activation(activation, name="%s_act" % name)(x)

inputs = Input((8,))
x = inputs
for i, units in enumerate([16, 32, 64]):
    x = block(x, units, "block{}".format(i + 1))
model = Model(inputs, x)
`);
    assert.deepEqual(codes(r), []);
    assert.deepEqual(names(r), ['input_layer', 'block1_dense', 'block1_act', 'block2_dense', 'block2_act', 'block3_dense', 'block3_act']);
    assert.deepEqual(shapeOf(r, 'block3_act'), [null, 64]);
    assert.equal(r.models[0].totalParams, 8 * 16 + 16 + 16 * 32 + 32 + 32 * 64 + 64);
    const scopes = r.calls.filter((c) => r.layers[c.layer].className === 'Dense').map((c) => c.scope.map((s) => s.name).join('/'));
    assert.deepEqual(scopes, ['block', 'block', 'block'], 'calls made inside a helper carry its frame');
    const invocations = new Set(r.calls.filter((c) => c.scope.length).map((c) => c.scope[0].invocation));
    assert.equal(invocations.size, 3, 'each helper call is its own group');
  });

  it('a helper with arrow functions, map and template literals (TS)', () => {
    const r = ts(`
import * as tf from '@tensorflow/tfjs';
const dense = (x: tf.SymbolicTensor, units: number, i: number) =>
  tf.layers.dense({units, activation: 'relu', name: \`fc\${i}\`}).apply(x) as tf.SymbolicTensor;
const input = tf.input({shape: [8]});
const sizes = [16, 32].map((s) => s * 2);
let x = input;
sizes.forEach((units, i) => { x = dense(x, units, i); });
const {length} = sizes;
const model = tf.model({inputs: input, outputs: x, name: \`mlp\${length}\`});
`);
    assert.deepEqual(codes(r), []);
    assert.equal(r.models[0].name, 'mlp2');
    assert.deepEqual(names(r), ['input1', 'fc0', 'fc1']);
    assert.deepEqual(shapeOf(r, 'fc1'), [null, 64]);
  });

  it('auto names count per class in creation order; name= does not consume a number', () => {
    const r = py(`
from keras import layers, Input, Model
a = layers.Dense(4)
b = layers.Dense(4, name="head")
c = layers.Dense(4)
i = Input((2,))
model = Model(i, c(b(a(i))))
`);
    assert.deepEqual(names(r), ['input_layer', 'dense', 'head', 'dense_1']);
  });

  it('positional and keyword arguments map to the Keras signature', () => {
    const r = py(`
import keras
x = keras.Input(shape=(28, 28, 1))
y = keras.layers.Conv2D(8, (3, 3), 2, "same", activation="relu")(x)
model = keras.Model(x, y)
`);
    assert.deepEqual(shapeOf(r, 'conv2d'), [null, 14, 14, 8]);
    assert.equal(r.layers[1].params, 3 * 3 * 1 * 8 + 8);
  });
});

describe('unpacking, lists of tensors and multiple outputs', () => {
  it('LSTM return_state unpacks into output and states; states feed a decoder', () => {
    const r = py(`
from keras.layers import Input, LSTM, Dense
from keras.models import Model
enc_in = Input(shape=(None, 12))
enc_out, h, c = LSTM(32, return_state=True)(enc_in)
dec_in = Input(shape=(None, 7))
dec_seq = LSTM(32, return_sequences=True)(dec_in, initial_state=[h, c])
out = Dense(7, activation="softmax")(dec_seq)
model = Model([enc_in, dec_in], out)
`);
    assert.deepEqual(codes(r), []);
    assert.deepEqual(shapeOf(r, 'lstm'), [null, 32]);
    assert.deepEqual(shapeOf(r, 'lstm_1'), [null, null, 32]);
    const encoder = r.layers.find((l) => l.name === 'lstm')!;
    assert.deepEqual(r.calls[encoder.calls[0]].outputs.length, 3);
    assert.ok(r.models[0].layers.includes(encoder.id), 'the encoder is part of the model through the decoder states');
  });

  it('Concatenate over a list built in a loop', () => {
    const r = py(`
from keras import layers, Input, Model
inp = Input((10, 4))
branches = []
for k in (1, 3, 5):
    branches.append(layers.Conv1D(6, k, padding="same")(inp))
merged = layers.Concatenate()(branches)
model = Model(inp, merged)
`);
    assert.deepEqual(codes(r), []);
    assert.deepEqual(shapeOf(r, 'concatenate'), [null, 10, 18]);
  });
});

describe('loops', () => {
  it('do…while runs its body before the first test, and break inside it leaves only that loop', () => {
    const r = ts(`
import * as tf from '@tensorflow/tfjs';
let x = tf.input({shape: [4]});
let n = 0;
do {
  x = tf.layers.dense({units: 4}).apply(x);
  n++;
  if (n === 2) break;
} while (false);
for (const k of [1, 2]) {
  do { n++; break; } while (true);
}
const model = tf.model({inputs: tf.input({shape: [1]}), outputs: x, name: \`n\${n}\`});
`);
    assert.equal(r.layers.filter((l) => l.className === 'Dense').length, 1);
    assert.equal(r.models[0].name, 'n3');
  });
});

describe('everyday Keras idioms', () => {
  it('layers.add / layers.concatenate functional helpers, a Lambda over a list, and frozen models', () => {
    const r = py(`
import keras
from keras import layers
import keras.backend as K
a = keras.Input((6,))
b = keras.Input((6,))
s = layers.add([layers.Dense(4)(a), layers.Dense(4)(b)])
c = layers.concatenate([s, a], axis=-1, name="joined")
d = layers.Lambda(lambda t: t[0] - t[1], output_shape=(4,))([s, s])
disc = keras.Model([a, b], [c, d], name="disc")
disc.trainable = False
`);
    assert.deepEqual(codes(r), []);
    assert.deepEqual(shapeOf(r, 'joined'), [null, 10]);
    assert.deepEqual(shapeOf(r, 'lambda'), [null, 4]);
    const m = r.models[0];
    assert.equal(m.totalParams, 56);
    assert.equal(m.trainableParams, 0, 'model.trainable = False freezes every layer in it');
    assert.equal(m.nonTrainableParams, 56);
  });

  it('custom weights made in build() with add_weight count, in both languages', () => {
    const r = py(`
import keras
class Scale(keras.layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="scale")
        self.offset = self.add_weight(shape=(1,), trainable=False, name="offset")
    def call(self, x):
        return x * self.scale + self.offset
i = keras.Input((7,))
m = keras.Model(i, Scale(name="scale")(i))
`);
    assert.deepEqual(codes(r), []);
    const scale = r.layers.find((l) => l.name === 'scale')!;
    assert.deepEqual([scale.params, scale.trainableParams, scale.nonTrainableParams], [8, 7, 1]);
    assert.deepEqual(shapeOf(r, 'scale'), [null, 7]);
    const t = ts(`
import * as tf from '@tensorflow/tfjs';
class ChannelScale extends tf.layers.Layer {
  static className = 'ChannelScale';
  build(inputShape: tf.Shape) { this.scale = this.addWeight('scale', [inputShape[inputShape.length - 1]], 'float32', tf.initializers.ones()); this.built = true; }
  computeOutputShape(inputShape: tf.Shape) { return inputShape; }
  call(x: tf.Tensor) { return tf.mul(x, this.scale.read()); }
}
const input = tf.input({shape: [16]});
const model = tf.model({inputs: input, outputs: new ChannelScale({name: 'cs'}).apply(input) as tf.SymbolicTensor});
`);
    assert.equal(t.layers.find((l) => l.name === 'cs')!.params, 16);
  });

  it('TF.js: an Embedding with inputLength gives a Sequential its input', () => {
    const r = ts(`
import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.embedding({inputDim: 100, outputDim: 8, inputLength: 12}));
model.add(tf.layers.globalAveragePooling1d({}));
`);
    assert.deepEqual(codes(r), []);
    assert.equal(r.models[0].totalParams, 800);
    assert.deepEqual(r.tensors[r.models[0].outputs[0]].shape, [null, 8]);
  });
});
