// The evaluator on the code people write: helpers, loops, names, unpacking, imports, and the diagnostics that
// need the whole program (disconnected graphs, unused inputs, rank errors, unknown layers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult } from '../src/graph/ir';

const py = (text: string) => analyzeText(text, 'snippet.py');
const ts = (text: string) => analyzeText(text, 'snippet.ts');
const names = (r: AnalysisResult) => r.models[0].layers.map((id) => r.layers[id].name);
const shapeOf = (r: AnalysisResult, layerName: string, call = 0) => {
  const l = r.layers.find((x) => x.name === layerName);
  assert.ok(l, `no layer ${layerName}; have ${r.layers.map((x) => x.name).join(', ')}`);
  return r.tensors[r.calls[l.calls[call]].outputs[0]].shape;
};
const codes = (r: AnalysisResult) => r.diagnostics.map((d) => `${d.severity}:${d.code}@${d.range.line}`);

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

describe('whole-program diagnostics', () => {
  it('Conv2D on a 2-D tensor is a rank error in Keras words', () => {
    const r = py(`
from keras import layers, Input, Model
x = Input((5,))
y = layers.Conv2D(4, 3)(x)
model = Model(x, y)
`);
    const e = r.diagnostics.find((d) => d.code === 'rank-mismatch');
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.equal(e.range.line, 4);
    assert.equal(e.message, 'Input 0 of layer "conv2d" is incompatible with the layer: expected min_ndim=4, found ndim=2. Full shape received: (None, 5)');
  });

  it('an output that depends on an Input outside the model is graph-disconnected', () => {
    const r = py(`
from keras import layers, Input, Model
a = Input((5,))
b = Input((5,))
s = layers.Add()([layers.Dense(3)(a), layers.Dense(3)(b)])
model = Model(inputs=a, outputs=s)
`);
    const e = r.diagnostics.find((d) => d.code === 'graph-disconnected');
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.equal(e.severity, 'error');
    assert.equal(e.range.line, 6);
    assert.match(e.message, /^Graph disconnected: cannot obtain value for tensor input_layer_1 at layer "input_layer_1"/);
    assert.equal(e.related[0].range.line, 4);
  });

  it('the same in TS uses TF.js words', () => {
    const r = ts(`
import * as tf from '@tensorflow/tfjs';
const a = tf.input({shape: [5]});
const b = tf.input({shape: [5]});
const s = tf.layers.add().apply([a, b]);
const model = tf.model({inputs: a, outputs: s});
`);
    const e = r.diagnostics.find((d) => d.code === 'graph-disconnected');
    assert.ok(e);
    assert.equal(e.message, 'Graph disconnected: cannot obtain value for tensor input2 at layer "input2". The following previous layers were accessed without issue: input1');
  });

  it('an input never used is a warning at the input', () => {
    const r = py(`
from keras import layers, Input, Model
a = Input((5,))
unused = Input((3,))
model = Model([a, unused], layers.Dense(2)(a))
`);
    assert.deepEqual(codes(r), ['warning:unused-input@4']);
  });

  it('unknown layer classes and modules are notes at most, and shapes downstream stay unknown', () => {
    const r = py(`
import mylib
from keras import layers, Input, Model
x = Input((5,))
y = layers.FancyNewLayer(3)(x)
z = mylib.Custom()(y)
out = layers.Dense(2)(z)
model = Model(x, out)
`);
    assert.deepEqual(codes(r), ['information:unknown-layer@5']);
    assert.equal(shapeOf(r, 'dense'), null);
    assert.equal(r.models[0].totalParams, null);
  });

  it('a model with errors still yields a graph and other diagnostics', () => {
    const r = py(`
from keras import layers, Input, Model
x = Input((5,))
y = layers.Dense(3)(x
z = layers.Dense(4)(x)
model = Model(x, z)
`);
    assert.ok(r.diagnostics.some((d) => d.code === 'syntax-error'));
    assert.ok(r.layers.some((l) => l.className === 'Dense'));
  });
});

describe('Sequential without a known input', () => {
  it('keeps the chain, with unknown shapes and parameters', () => {
    const r = py(`
from keras import Sequential, layers
model = Sequential([layers.Dense(8), layers.Dense(2)])
`);
    assert.deepEqual(codes(r), []);
    assert.equal(r.models[0].layers.length, 2);
    assert.equal(r.models[0].totalParams, null);
  });
});

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

describe('subclassed layers and models', () => {
  const source = `
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

class ResidualBlock(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense1 = layers.Dense(units, activation="relu")
        self.dense2 = layers.Dense(units)
        self.add = layers.Add()

    def call(self, inputs):
        return self.add([inputs, self.dense2(self.dense1(inputs))])

class MLP(keras.Model):
    def __init__(self, hidden=32, classes=10):
        super().__init__()
        self.inp = layers.Dense(hidden)
        self.blocks = [ResidualBlock(hidden) for _ in range(2)]
        self.out = layers.Dense(classes, activation="softmax")

    def call(self, x, training=False):
        x = self.inp(x)
        for block in self.blocks:
            x = block(x)
        return self.out(x)

model = MLP()
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(np.random.rand(64, 20), np.random.randint(0, 10, (64, 1)), epochs=2)
inputs = keras.Input((16,))
functional = keras.Model(inputs, ResidualBlock(16, name="res")(inputs))
`;
  it('a subclassed model is built from call() on the fit() data shape; its blocks are layers with their sublayers\' weights', () => {
    const r = py(source);
    assert.deepEqual(codes(r), []);
    const mlp = r.models.find((m) => m.name === 'mlp')!;
    assert.equal(mlp.variable, 'model');
    assert.deepEqual(mlp.layers.map((id) => `${r.layers[id].name} ${r.layers[id].className} ${r.layers[id].params}`), [
      'dense Dense 672',
      'residual_block ResidualBlock 2112',
      'residual_block_1 ResidualBlock 2112',
      'dense_5 Dense 330',
    ]);
    assert.equal(mlp.totalParams, 5226);
    assert.equal(mlp.training?.epochs, 2, 'compile() before the model had a graph is kept');
    assert.equal(mlp.training?.loss, 'sparse_categorical_crossentropy');
  });
  it('a subclassed layer in a functional model is one node with its inferred shape', () => {
    const r = py(source);
    const f = r.models.find((m) => m.variable === 'functional')!;
    assert.equal(f.totalParams, 2 * (16 * 16 + 16));
    assert.deepEqual(shapeOf(r, 'res'), [null, 16]);
  });
  it('errors inside a subclassed layer surface where they happen', () => {
    const r = py(`
from keras import layers, Input, Model
class Bad(layers.Layer):
    def __init__(self):
        super().__init__()
        self.a = layers.Dense(4)
        self.b = layers.Dense(6)
    def call(self, x):
        return layers.Multiply()([self.a(x), self.b(x)])
i = Input((3,))
m = Model(i, Bad()(i))
`);
    const e = r.diagnostics.find((d) => d.code === 'merge-shape-mismatch');
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.equal(e.range.line, 9);
  });
  it('TF.js: a custom layer with computeOutputShape and a model subclass name', () => {
    const r = ts(`
import * as tf from '@tensorflow/tfjs';
class Pair extends tf.layers.Layer {
  static className = 'Pair';
  computeOutputShape(inputShape: number[]) { return [inputShape[0], inputShape[1] * 2]; }
  call(inputs: tf.Tensor) { return tf.concat([inputs, inputs], -1); }
}
const input = tf.input({shape: [5]});
const paired = new Pair({name: 'pair'}).apply(input) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: tf.layers.dense({units: 2}).apply(paired) as tf.SymbolicTensor});
`);
    assert.deepEqual(codes(r), []);
    assert.deepEqual(shapeOf(r, 'pair'), [null, 10]);
    assert.equal(r.models[0].totalParams, 22);
  });
  it('a subclassed model never built still shows its layers', () => {
    const r = py(`
from keras import layers, Model
class Net(Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(4)
    def call(self, x):
        return self.d(x)
net = Net()
`);
    assert.equal(r.models.length, 1);
    assert.equal(r.models[0].variable, 'net');
    assert.deepEqual(r.models[0].layers.map((id) => r.layers[id].className), ['Dense']);
    assert.equal(r.models[0].totalParams, null);
  });
});

describe('framework helpers with a static meaning', () => {
  it('image_data_format, int_shape, a layers module passed in, and Lambda bodies using backend ops', () => {
    const r = py(`
from tensorflow.keras import backend as K
from keras import layers, Input, Model, ops

def block(x, layers_mod):
    channel_axis = 1 if K.image_data_format() == 'channels_first' else -1
    filters = K.int_shape(x)[channel_axis]
    y = layers_mod.Conv2D(filters * 2, 1)(x)
    return layers_mod.BatchNormalization(axis=channel_axis)(y)

inp = Input((8, 8, 3))
out = block(inp, get_layers_module())
s = layers.Lambda(lambda t: K.mean(t, axis=[1, 2]))(out)
c = layers.Lambda(lambda t: K.concatenate([t, K.square(t)]))(s)
e = layers.Lambda(lambda t: ops.expand_dims(t, 1))(c)
m = Model(inp, e)
`);
    assert.deepEqual(codes(r), ['information:assumed-layer-class@8', 'information:assumed-layer-class@9']);
    assert.deepEqual(shapeOf(r, 'conv2d'), [null, 8, 8, 6]);
    assert.deepEqual(shapeOf(r, 'lambda'), [null, 6]);
    assert.deepEqual(shapeOf(r, 'lambda_1'), [null, 12]);
    assert.deepEqual(shapeOf(r, 'lambda_2'), [null, 1, 12]);
    assert.ok(!r.layers.some((l) => l.op), 'trial evaluations of Lambda bodies leave no operations behind');
  });
  it('backend ops on tensors outside Lambdas are operations: graph nodes that are not layers', () => {
    const r = py(`
from keras import layers, Input, Model, ops
x = Input((4, 6))
pooled = ops.sum(x, axis=1, keepdims=True)
y = layers.Dense(3)(pooled + 1.0)
m = Model(x, y)
`);
    assert.deepEqual(codes(r), []);
    const m = r.models[0];
    assert.deepEqual(m.operations.map((id) => r.layers[id].name), ['input_layer', 'sum', 'add', 'dense']);
    assert.deepEqual(m.layers.map((id) => r.layers[id].name), ['input_layer', 'dense']);
    assert.deepEqual(shapeOf(r, 'dense'), [null, 1, 3]);
  });
});

describe('projects split across files', () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { diskWorkspace } = require('../src/analysis/workspace') as typeof import('../src/analysis/workspace');
  const project = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'lg-project-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  };
  const blocks = `from keras import layers

def conv_block(x, filters, name):
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)

WIDTH = 16
`;

  it('Python: absolute and relative imports are followed; layers keep their file and line', () => {
    const root = project({
      'mypkg/__init__.py': '',
      'mypkg/blocks.py': blocks,
      'mypkg/net.py': 'from keras import Input, Model\nfrom .blocks import conv_block, WIDTH\nfrom . import blocks\ni = Input((8, 8, 3))\nnet = Model(i, blocks.conv_block(conv_block(i, WIDTH, "a"), WIDTH * 2, "b"))\n',
    });
    const file = join(root, 'mypkg/net.py');
    const r = analyzeText(require('node:fs').readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(root) });
    assert.deepEqual(codes(r), []);
    assert.deepEqual(names(r), ['input_layer', 'a_conv', 'a_relu', 'b_conv', 'b_relu']);
    assert.deepEqual(shapeOf(r, 'b_conv'), [null, 8, 8, 32]);
    const conv = r.layers.find((l) => l.name === 'a_conv')!;
    assert.equal(conv.range.file, join(root, 'mypkg/blocks.py'));
    assert.equal(conv.range.line, 4);
    assert.deepEqual(r.importedFiles, [join(root, 'mypkg/blocks.py'), join(root, 'mypkg/__init__.py')]);
    const call = r.calls[conv.calls[0]];
    assert.equal(call.scope[0].callRange.file, undefined, 'the helper was called from the analyzed file');
    assert.equal(call.scope[0].callRange.line, 5);
  });

  it('an error inside imported code is reported at the call in the analyzed file, with where it happened', () => {
    const root = project({ 'mypkg/__init__.py': '', 'mypkg/blocks.py': blocks, 'app/bad.py': 'from keras import Input, Model\nfrom mypkg.blocks import conv_block\nx = Input((32,))\nm = Model(x, conv_block(x, 4, "b"))\n' });
    const file = join(root, 'app/bad.py');
    const r = analyzeText(require('node:fs').readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(root) });
    const e = r.diagnostics.find((d) => d.code === 'rank-mismatch')!;
    assert.equal(e.range.file, undefined);
    assert.equal(e.range.line, 4);
    assert.equal(e.related[0].range.file, join(root, 'mypkg/blocks.py'));
    assert.equal(e.related[0].range.line, 4);
  });

  it('TS: relative imports of exported helpers', () => {
    const root = project({
      'lib/tower.ts': "import * as tf from '@tensorflow/tfjs';\nexport function tower(x: tf.SymbolicTensor, units: number) {\n  return tf.layers.dense({units, name: `tower_${units}`}).apply(x) as tf.SymbolicTensor;\n}\n",
      'main.ts': "import * as tf from '@tensorflow/tfjs';\nimport {tower} from './lib/tower';\nconst input = tf.input({shape: [4]});\nconst model = tf.model({inputs: input, outputs: tower(input, 8)});\n",
    });
    const file = join(root, 'main.ts');
    const r = analyzeText(require('node:fs').readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(root) });
    assert.deepEqual(codes(r), []);
    assert.equal(r.models[0].totalParams, 40);
    assert.equal(r.layers.find((l) => l.name === 'tower_8')!.range.file, join(root, 'lib/tower.ts'));
  });

  it('without workspace access imports stay unknown, never an error', () => {
    const r = py('from mypkg.blocks import conv_block\nfrom keras import Input, Model\nx = Input((4,))\nm = Model(x, conv_block(x, 4, "b"))\n');
    assert.deepEqual(r.diagnostics.filter((d) => d.severity !== 'information'), []);
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
