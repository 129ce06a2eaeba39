// Subclassed layers and models, and framework helpers with a static meaning (keras.ops, backend, tf.*).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, py, shapeOf, ts } from './support/snippets';

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
