// Diagnostics that need the whole program: disconnected graphs, unused inputs, rank errors, unknown layers,
// Sequential models without a known input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, py, shapeOf, ts } from './support/snippets';

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
