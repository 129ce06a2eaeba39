// The mission's scenarios, in both languages, with their exact numbers; TF.js builds the TS twins for real.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { analyzeExample, errors, layerRows, modelNamed } from './support/analysis';

describe('scenario 1: basic chain', () => {
  for (const file of ['python/scenario1_basic_chain.py', 'tfjs/scenario1_basic_chain.ts']) {
    it(file, () => {
      const r = analyzeExample(file);
      assert.deepEqual(r.diagnostics, []);
      const m = modelNamed(r, 'model');
      assert.equal(m.totalParams, 60);
      assert.equal(m.trainableParams, 60);
      assert.equal(m.nonTrainableParams, 0);
      assert.equal(m.sequentialLike, true);
      const py = file.endsWith('.py');
      assert.deepEqual(layerRows(r, m), py
        ? ['input_layer (InputLayer) [null,5] 0', 'dense (Dense) [null,10] 60', 'activation (Activation) [null,10] 0']
        : ['input1 (InputLayer) [null,5] 0', 'dense_Dense1 (Dense) [null,10] 60', 'activation_Activation1 (Activation) [null,10] 0']);
      assert.equal(m.name, py ? 'functional' : 'model1');
    });
  }
});

describe('scenario 2: layer objects in variables', () => {
  for (const file of ['python/scenario2_layer_variables.py', 'tfjs/scenario2_layer_variables.js']) {
    it(file, () => {
      const r = analyzeExample(file);
      assert.deepEqual(r.diagnostics, []);
      const m = modelNamed(r, 'model');
      assert.equal(m.totalParams, 60);
      assert.deepEqual(m.layers.map((id) => r.layers[id].variable), [null, 'dense', 'softmax']);
      assert.equal(r.language, file.endsWith('.py') ? 'python' : 'javascript');
    });
  }
});

describe('scenario 3: one Dense(5) called twice shares its weights', () => {
  for (const file of ['python/scenario3_shared_dense.py', 'tfjs/scenario3_shared_dense.ts']) {
    it(file, () => {
      const r = analyzeExample(file);
      assert.deepEqual(r.diagnostics, []);
      const m = modelNamed(r, 'model');
      assert.equal(m.totalParams, 30);
      const dense = r.layers.filter((l) => l.className === 'Dense');
      assert.equal(dense.length, 1, 'one layer object');
      assert.equal(dense[0].calls.length, 2, 'two calls');
      assert.deepEqual(dense[0].weights.map((w) => w.shape), [[5, 5], [5]]);
      assert.deepEqual(dense[0].calls.map((c) => r.calls[c].range.line), file.endsWith('.py') ? [7, 8] : [6, 7]);
      assert.equal(m.sequentialLike, false, 'a shared layer gets the Connected-to column');
      assert.equal(m.calls.length, 4);
    });
  }
});

describe('scenario 4: a reused Dense(10) fed 10 features at its second call', () => {
  it('Python: Keras words, at the second call, first call related', () => {
    const r = analyzeExample('python/scenario4_shared_mismatch.py');
    const errs = errors(r);
    assert.equal(errs.length, 1);
    const e = errs[0];
    assert.equal(e.code, 'shared-layer-input');
    assert.equal(e.message, 'Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 10)');
    assert.deepEqual([e.range.line, e.range.column, e.range.endLine, e.range.endColumn], [8, 5, 8, 14]);
    assert.equal(e.related[0].range.line, 7);
    assert.match(e.related[0].message, /first called here and built for input shape \(None, 5\)/);
  });
  it('TS: TF.js words', () => {
    const r = analyzeExample('tfjs/scenario4_shared_mismatch.ts');
    const errs = errors(r);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].range.line, 7);
    assert.equal(errs[0].message, 'Input 0 is incompatible with layer dense_Dense1: expected axis -1 of input shape to have value 5 but got shape ,10.');
    assert.equal(errs[0].related[0].range.line, 6);
  });
  it('TF.js itself rejects the same program with the same words', () => {
    const inp = tf.input({ shape: [5] });
    const shared = tf.layers.dense({ units: 10 });
    const x = shared.apply(inp) as tf.SymbolicTensor;
    assert.throws(() => shared.apply(x), (e: Error) => e.message === `Input 0 is incompatible with layer ${shared.name}: expected axis -1 of input shape to have value 5 but got shape ,10.`);
  });
});

describe('scenario 5: two inputs, branch and merge, two outputs', () => {
  for (const file of ['python/scenario5_two_inputs.py', 'tfjs/scenario5_two_inputs.ts']) {
    it(file, () => {
      const r = analyzeExample(file);
      assert.deepEqual(r.diagnostics, []);
      const m = modelNamed(r, 'model');
      assert.equal(m.totalParams, 205);
      assert.equal(m.inputs.length, 2);
      assert.equal(m.outputs.length, 2);
      assert.equal(m.sequentialLike, false);
      const names = m.layers.map((id) => r.layers[id].name);
      assert.deepEqual(names, file.endsWith('.py')
        ? ['input_layer', 'input_layer_1', 'dense', 'dense_1', 'multiply', 'dense_2', 'dense_3', 'activation', 'activation_1']
        : ['input1', 'input2', 'dense_Dense1', 'dense_Dense2', 'multiply_Multiply1', 'dense_Dense3', 'dense_Dense4', 'activation_Activation1', 'activation_Activation2']);
    });
  }
  it('agrees with the same model built in TF.js (layer order, shapes, parameters)', () => {
    const a = tf.input({ shape: [5] });
    const b = tf.input({ shape: [5] });
    const ba = tf.layers.dense({ units: 10 }).apply(a) as tf.SymbolicTensor;
    const bb = tf.layers.dense({ units: 10 }).apply(b) as tf.SymbolicTensor;
    const merged = tf.layers.multiply().apply([ba, bb]) as tf.SymbolicTensor;
    const hidden = tf.layers.dense({ units: 5 }).apply(merged) as tf.SymbolicTensor;
    const o1 = tf.layers.activation({ activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor;
    const h2 = tf.layers.dense({ units: 5 }).apply(hidden) as tf.SymbolicTensor;
    const o2 = tf.layers.activation({ activation: 'softmax' }).apply(h2) as tf.SymbolicTensor;
    const real = tf.model({ inputs: [a, b], outputs: [o1, o2] });
    const r = analyzeExample('tfjs/scenario5_two_inputs.ts');
    const m = modelNamed(r, 'model');
    assert.equal(m.totalParams, real.countParams());
    assert.deepEqual(
      m.layers.map((id) => [r.layers[id].className, r.layers[id].params, JSON.stringify(r.tensors[r.calls[r.layers[id].calls[0]].outputs[0]].shape)]),
      real.layers.map((l) => [l.getClassName() === 'InputLayer' ? 'InputLayer' : l.getClassName(), l.countParams(), JSON.stringify(l.outputShape)]),
    );
  });
  it('Dense(8) on one branch: the error is at the Multiply call', () => {
    const py = errors(analyzeExample('python/scenario5_branch_mismatch.py'));
    assert.equal(py.length, 1);
    assert.equal(py[0].code, 'merge-shape-mismatch');
    assert.equal(py[0].range.line, 8);
    assert.equal(py[0].message, 'Inputs have incompatible shapes. Received shapes (10,) and (8,)');
    assert.deepEqual(py[0].related.map((x) => x.range.line), [6, 7]);
    const ts = errors(analyzeExample('tfjs/scenario5_branch_mismatch.ts'));
    assert.equal(ts.length, 1);
    assert.equal(ts[0].range.line, 8);
    assert.equal(ts[0].message, 'Operands could not be broadcast together with shapes [10] [8]');
  });
});

describe('scenario 6: Sequential, list form and add form', () => {
  for (const file of ['python/scenario6_sequential.py', 'tfjs/scenario6_sequential.ts']) {
    it(file, () => {
      const r = analyzeExample(file);
      assert.deepEqual(r.diagnostics, []);
      for (const v of ['listed', 'added']) {
        const m = modelNamed(r, v);
        assert.equal(m.kind, 'sequential');
        assert.equal(m.totalParams, 60);
        assert.deepEqual(m.layers.map((id) => r.layers[id].className), ['Dense', 'Activation'], 'no InputLayer row, as model.layers');
        assert.deepEqual(r.tensors[m.outputs[0]].shape, [null, 10]);
      }
      assert.deepEqual(r.models.map((m) => m.name), file.endsWith('.py') ? ['sequential', 'sequential_1'] : ['sequential_1', 'sequential_2']);
    });
  }
});

describe('scenario 7: Lambda and custom layers are nodes, never false errors', () => {
  it('Python Lambda: simple body inferred, stated output_shape used, opaque body unknown', () => {
    const r = analyzeExample('python/scenario7_lambda.py');
    assert.deepEqual(r.diagnostics, []);
    const shapes = r.layers.filter((l) => l.className === 'Lambda').map((l) => r.tensors[r.calls[l.calls[0]].outputs[0]].shape);
    assert.deepEqual(shapes, [[null, 5], [null, 1], null]);
    const dense = r.layers.find((l) => l.className === 'Dense')!;
    assert.equal(dense.params, null, 'a Dense after an unknown shape has unknown parameters, not a guess');
  });
  it('TS custom layer class', () => {
    const r = analyzeExample('tfjs/scenario7_custom_layer.ts');
    assert.deepEqual(errors(r), []);
    const custom = r.layers.find((l) => l.className === 'Doubler')!;
    assert.equal(custom.known, false);
    assert.equal(custom.name, 'doubler_Doubler1');
    assert.equal(r.models[0].layers.length, 3);
  });
});
