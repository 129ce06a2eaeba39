// Models beyond one functional graph: compile()/fit() read for training, nested models, model-building functions
// never called, layers taking several tensors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, py, shapeOf, ts } from './support/snippets';

describe('training setup read from compile() and fit()', () => {
  it('Python: optimizer object, loss list, metrics, data from numpy and files', () => {
    const r = py(`
import numpy as np
from tensorflow import keras
a = keras.Input((4,))
b = keras.Input((3,))
h = keras.layers.Concatenate()([a, b])
o1 = keras.layers.Dense(2)(h)
o2 = keras.layers.Dense(1)(h)
model = keras.Model([a, b], [o1, o2])
model.compile(keras.optimizers.Adam(learning_rate=0.01), loss=["mse", "binary_crossentropy"], metrics=["accuracy"])
n = 64
xa = np.random.normal(0, 2, size=(n, 4))
xb = np.load("xb.npy")
y1 = np.zeros((n, 2))
y2 = np.random.randint(0, 2, (n, 1))
model.fit([xa, xb], [y1, y2], 16, epochs=3)
`);
    const t = r.models[0].training!;
    assert.equal(t.optimizer, 'adam');
    assert.equal(t.learningRate, 0.01);
    assert.deepEqual(t.loss, ['mse', 'binary_crossentropy']);
    assert.deepEqual(t.metrics, ['accuracy']);
    assert.equal(t.epochs, 3);
    assert.equal(t.batchSize, 16);
    assert.deepEqual(t.x, [{ kind: 'random-normal', shape: [64, 4], mean: 0, std: 2 }, { kind: 'npy', path: 'xb.npy' }]);
    assert.deepEqual(t.y, [{ kind: 'zeros', shape: [64, 2] }, { kind: 'random-int', shape: [64, 1], low: 0, high: 2 }]);
    assert.equal(t.compileRange?.line, 10);
    assert.equal(t.fitRange?.line, 16);
  });

  it('TS: config objects, tf.train optimizers, tensor literals; defaults when fit() omits them', () => {
    const r = ts(`
import * as tf from '@tensorflow/tfjs';
const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]})]});
model.compile({optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError'});
const xs = tf.tensor2d([[0, 1], [1, 0], [1, 1]]);
const ys = tf.tensor([1, 1, 2], [3, 1]);
model.fit(xs, ys);
`);
    const t = r.models[0].training!;
    assert.equal(t.optimizer, 'sgd');
    assert.equal(t.learningRate, 0.1);
    assert.equal(t.epochs, 1);
    assert.equal(t.batchSize, 32);
    assert.deepEqual(t.x, [{ kind: 'literal', values: [[0, 1], [1, 0], [1, 1]], shape: [3, 2] }]);
    assert.deepEqual(t.y, [{ kind: 'literal', values: [1, 1, 2], shape: [3, 1] }]);
  });

  it('data the analyzer cannot know is said to be unknown, not guessed', () => {
    const r = py(`
from keras import layers, Input, Model
x = Input((2,))
model = Model(x, layers.Dense(1)(x))
model.compile("adam", "mse")
model.fit(load_my_data(), None)
`);
    const t = r.models[0].training!;
    assert.deepEqual(t.x, [{ kind: 'unknown', reason: 'not statically known' }]);
    assert.equal(t.y, null);
  });
});

describe('nested models', () => {
  const siamese = `
from keras import layers, Input, Model, Sequential
tower_in = Input(shape=(28, 28, 1))
t = layers.Conv2D(8, 3, activation="relu")(tower_in)
t = layers.GlobalAveragePooling2D()(t)
tower = Model(tower_in, layers.Dense(16)(t), name="tower")
left = Input(shape=(28, 28, 1))
right = Input(shape=(28, 28, 1))
d = layers.Subtract()([tower(left), tower(right)])
siamese = Model([left, right], layers.Dense(1, activation="sigmoid")(d))
`;
  it('a model called twice is one shared layer whose weights count once', () => {
    const r = py(siamese);
    assert.deepEqual(codes(r), []);
    const outer = r.models[1];
    const towerLayer = r.layers.find((l) => l.name === 'tower')!;
    assert.equal(towerLayer.className, 'Functional');
    assert.equal(towerLayer.model, 0);
    assert.equal(towerLayer.calls.length, 2);
    assert.equal(towerLayer.params, 8 * 9 + 8 + 8 * 16 + 16);
    assert.equal(outer.totalParams, towerLayer.params! + 17);
    assert.deepEqual(shapeOf(r, 'tower', 1), [null, 16]);
  });

  it('a nested model replays its graph on new input shapes, and reports what rejects them at the call', () => {
    const r = py(siamese + `
wide = Input(shape=(40, 40, 1))
ok = tower(wide)
rgb = Input(shape=(28, 28, 3))
bad = tower(rgb)
`);
    assert.deepEqual(shapeOf(r, 'tower', 2), [null, 16]);
    const e = r.diagnostics.find((d) => d.severity === 'error')!;
    assert.equal(e.range.line, 15);
    assert.match(e.message, /expected axis -1 of input shape to have value 1, but received input with shape \(None, 28, 28, 3\) \(inside model "tower", called here\)$/);
    assert.equal(e.related[0].range.line, 4);
  });

  it('Sequential models as layers of a GAN-style combined model (Python and TS)', () => {
    const r = py(`
from keras import layers, Input, Model, Sequential
gen = Sequential([Input((4,)), layers.Dense(8), layers.Dense(6)], name="generator")
disc = Sequential([Input((6,)), layers.Dense(1)], name="discriminator")
z = Input((4,))
combined = Model(z, disc(gen(z)))
`);
    assert.deepEqual(codes(r), []);
    const c = r.models[2];
    assert.deepEqual(c.layers.map((id) => `${r.layers[id].name} (${r.layers[id].className}) ${r.layers[id].params}`), ['input_layer_2 (InputLayer) 0', 'generator (Sequential) 94', 'discriminator (Sequential) 7']);
    assert.equal(c.totalParams, 101);
    const t = ts(`
import * as tf from '@tensorflow/tfjs';
const gen = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dense({units: 6})], name: 'generator'});
const disc = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [6]})]});
const z = tf.input({shape: [4]});
const combined = tf.model({inputs: z, outputs: disc.apply(gen.apply(z)) as tf.SymbolicTensor});
`);
    assert.deepEqual(codes(t), []);
    assert.equal(t.models[2].totalParams, 101);
  });
});

describe('model-building functions', () => {
  const source = `
from keras import layers, Input, Model

def build_tagger(seq_len, vocab_size, embed_dim=64, classes=10):
    inputs = Input(shape=(seq_len,))
    x = layers.Embedding(vocab_size, embed_dim)(inputs)
    x = layers.LSTM(32, return_sequences=True)(x)
    return Model(inputs, layers.Dense(classes)(x), name="tagger")

def build_cnn(input_shape=(32, 32, 3), classes=10):
    inputs = Input(shape=input_shape)
    x = layers.Flatten()(layers.Conv2D(16, 3, padding="same")(inputs))
    return Model(inputs, layers.Dense(classes)(x))

def double(x):
    return x * 2

cnn = build_cnn(classes=5)
`;
  it('a builder never called is analyzed alone: defaults used, other parameters symbolic', () => {
    const r = py(source);
    assert.deepEqual(codes(r), []);
    const tagger = r.models.find((m) => m.name === 'tagger')!;
    assert.deepEqual(tagger.builder, { function: 'build_tagger', symbolic: ['seq_len', 'vocab_size'] });
    assert.deepEqual(shapeOf(r, 'lstm'), [null, 'seq_len', 32]);
    assert.equal(r.layers.find((l) => l.name === 'embedding')!.paramsExpr, 'vocab_size*64');
    assert.equal(tagger.totalParams, null);
    assert.equal(tagger.totalParamsExpr, 'vocab_size*64 + 12416 + 330');
  });
  it('a builder called in the file uses the real arguments and is not analyzed twice', () => {
    const r = py(source);
    const cnns = r.models.filter((m) => m.layers.some((id) => r.layers[id].className === 'Conv2D'));
    assert.equal(cnns.length, 1);
    assert.equal(cnns[0].variable, 'cnn');
    assert.equal(cnns[0].builder, undefined);
    assert.deepEqual(r.tensors[cnns[0].outputs[0]].shape, [null, 5]);
  });
  it('functions that make no model leave nothing behind', () => {
    const r = py(source);
    assert.equal(r.models.length, 2);
    assert.ok(!r.layers.some((l) => l.op), 'the trial run of double() is undone');
  });
});

describe('layers taking several tensors as arguments', () => {
  it('MultiHeadAttention(query, value) receives both; its parameters are known', () => {
    const r = py(`
from keras import layers, Input, Model
q = Input((10, 16))
v = Input((12, 16))
o = layers.MultiHeadAttention(num_heads=2, key_dim=8)(q, value=v)
m = Model([q, v], o)
`);
    assert.deepEqual(codes(r), []);
    assert.equal(r.layers.find((l) => l.className === 'MultiHeadAttention')!.params, 4 * (16 * 2 * 8 + 2 * 8));
    assert.equal(r.calls[r.layers.find((l) => l.className === 'MultiHeadAttention')!.calls[0]].inputs.length, 2);
  });
});
