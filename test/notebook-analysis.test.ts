// Notebooks analyzed as one program: the seed's four programs spread over tutorial cells give the same models as
// the .py files (and TF.js's parameter counts), a transfer-learning notebook and a GAN whose discriminator is frozen
// in a later cell count trainable weights as Keras does, magics and shell lines cost nothing, a 500-cell notebook
// finishes, an R/Julia notebook is declined once, and `# %%` markers in a .py stay plain Python.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult } from '../src/graph/ir';
import { analyzeNotebookText, type NotebookAnalysis } from '../src/notebook/analyze';
import { toCellPosition, type NotebookProgram } from '../src/notebook/program';
import { analyzeExample, layerRows, modelNamed } from './support/analysis';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/notebooks');

function analyzed(name: string): { result: AnalysisResult; program: NotebookProgram } {
  const a = analyzeNotebookText(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name);
  assert.equal(a.kind, 'analyzed');
  return a as Extract<NotebookAnalysis, { kind: 'analyzed' }>;
}

function cellOf(program: NotebookProgram, r: { line: number; column: number }) {
  return toCellPosition(program, r.line, r.column);
}

function paramsOf(model: tf.LayersModel): { total: number; trainable: number } {
  const count = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  return { total: model.countParams(), trainable: count(model.trainableWeights) };
}

describe('the tutorial notebook (the seed programs over cells)', () => {
  const { result, program } = analyzed('tutorial.ipynb');

  it('finds the four models with the .py files\' layers and parameters', () => {
    const pairs: [string, string, string][] = [
      ['chain', 'python/scenario1_basic_chain.py', 'model'],
      ['variables', 'python/scenario2_layer_variables.py', 'model'],
      ['shared_model', 'python/scenario3_shared_dense.py', 'model'],
      ['mismatch', 'python/scenario4_shared_mismatch.py', 'model'],
    ];
    for (const [variable, file, fileVariable] of pairs) {
      const nbModel = modelNamed(result, variable);
      const py = analyzeExample(file);
      const pyModel = modelNamed(py, fileVariable);
      assert.equal(nbModel.totalParams, pyModel.totalParams, variable);
      assert.equal(nbModel.trainableParams, pyModel.trainableParams, variable);
      // Layer names get Keras's running suffixes across the whole notebook, so compare classes and shapes.
      const rows = (r: AnalysisResult, m: typeof nbModel) => layerRows(r, m).map((row) => row.replace(/^\S+ /, ''));
      assert.deepEqual(rows(result, nbModel), rows(py, pyModel), variable);
    }
  });

  it('agrees with TF.js on the chain and the shared Dense', () => {
    const input = tf.input({ shape: [5] });
    const chain = tf.model({ inputs: input, outputs: tf.layers.activation({ activation: 'softmax' }).apply(tf.layers.dense({ units: 10 }).apply(input)) as tf.SymbolicTensor });
    assert.equal(modelNamed(result, 'chain').totalParams, paramsOf(chain).total);
    const shared = tf.layers.dense({ units: 5 });
    const input3 = tf.input({ shape: [5] });
    const sharedModel = tf.model({ inputs: input3, outputs: shared.apply(shared.apply(input3)) as tf.SymbolicTensor });
    assert.equal(modelNamed(result, 'shared_model').totalParams, paramsOf(sharedModel).total);
  });

  it('reports the shared-layer mismatch in the cell of the second call, with the first call in the cell before', () => {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1);
    const [d] = errors;
    assert.equal(d.code, 'shared-layer-input');
    // Cell 14 (0-based, markdown counted) is `x4 = bad(x4)`: the call starts at column 6 of its first line.
    assert.deepEqual(cellOf(program, d.range), { cell: 14, line: 1, column: 6 });
    assert.deepEqual(cellOf(program, d.related[0].range), { cell: 13, line: 3, column: 6 });
  });
});

describe('a transfer-learning notebook', () => {
  const { result } = analyzed('transfer.ipynb');
  it('freezes the base in a later cell: only the new head trains, as in TF.js', () => {
    const pixels = tf.input({ shape: [32, 32, 3] });
    let f = tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' }).apply(pixels) as tf.SymbolicTensor;
    f = tf.layers.maxPooling2d({ poolSize: 2 }).apply(f) as tf.SymbolicTensor;
    f = tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(f) as tf.SymbolicTensor;
    const base = tf.model({ inputs: pixels, outputs: tf.layers.globalAveragePooling2d({}).apply(f) as tf.SymbolicTensor });
    base.trainable = false;
    const inputs = tf.input({ shape: [32, 32, 3] });
    const x = tf.layers.dropout({ rate: 0.2 }).apply(base.apply(inputs) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const classifier = tf.model({ inputs, outputs: tf.layers.dense({ units: 10 }).apply(x) as tf.SymbolicTensor });
    const expected = paramsOf(classifier);
    const m = modelNamed(result, 'model');
    assert.equal(m.totalParams, expected.total);
    assert.equal(m.trainableParams, expected.trainable);
    assert.equal(m.nonTrainableParams, expected.total - expected.trainable);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('a GAN notebook', () => {
  const { result } = analyzed('gan.ipynb');
  it('the combined model trains the generator only once the discriminator is frozen in a later cell', () => {
    const z = tf.input({ shape: [32] });
    let h = tf.layers.dense({ units: 7 * 7 * 16, activation: 'relu' }).apply(z) as tf.SymbolicTensor;
    h = tf.layers.reshape({ targetShape: [7, 7, 16] }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.conv2dTranspose({ filters: 16, kernelSize: 4, strides: 2, padding: 'same', activation: 'relu' }).apply(h) as tf.SymbolicTensor;
    const generator = tf.model({ inputs: z, outputs: tf.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same' }).apply(h) as tf.SymbolicTensor });
    const image = tf.input({ shape: [28, 28, 1] });
    let d = tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same' }).apply(image) as tf.SymbolicTensor;
    d = tf.layers.flatten().apply(tf.layers.leakyReLU({ alpha: 0.2 }).apply(d)) as tf.SymbolicTensor;
    const discriminator = tf.model({ inputs: image, outputs: tf.layers.dense({ units: 1 }).apply(d) as tf.SymbolicTensor });
    const gan = modelNamed(result, 'gan');
    assert.equal(modelNamed(result, 'generator').totalParams, generator.countParams());
    assert.equal(modelNamed(result, 'discriminator').totalParams, discriminator.countParams());
    assert.equal(gan.totalParams, generator.countParams() + discriminator.countParams());
    assert.equal(gan.trainableParams, generator.countParams());
    assert.equal(gan.nonTrainableParams, discriminator.countParams());
    assert.deepEqual(result.diagnostics.filter((x) => x.severity === 'error'), []);
  });
});

describe('magics and shell lines', () => {
  const { result, program } = analyzed('magics.ipynb');
  it('cost nothing: no diagnostics, the model spans the %%time cell and the last one', () => {
    assert.deepEqual(result.diagnostics, []);
    const m = modelNamed(result, 'model');
    assert.deepEqual(layerRows(result, m), ['input_layer (InputLayer) [null,8] 0', 'dense (Dense) [null,4] 36']);
    const dense = result.calls.find((c) => result.layers[c.layer].className === 'Dense')!;
    // `x = keras.layers.Dense(4)(inputs);` is line 6 of cell 2, after the blanked `%%time`, `!ls`, `?` lines.
    assert.deepEqual(cellOf(program, dense.range), { cell: 2, line: 6, column: 5 });
  });
});

describe('bad and big notebooks', () => {
  it('declines an R or Julia notebook once, with its language', () => {
    const a = analyzeNotebookText(fs.readFileSync(path.join(FIXTURES, 'julia.ipynb'), 'utf8'), 'julia.ipynb');
    assert.equal(a.kind, 'foreign');
    assert.match((a as { message: string }).message, /julia/);
  });

  it('returns a message for malformed JSON instead of throwing', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'gan.ipynb'), 'utf8');
    const a = analyzeNotebookText(text.slice(0, 300), 'gan.ipynb');
    assert.equal(a.kind, 'invalid');
  });

  it('analyzes 500 cells to the end', () => {
    const cells = [{ cell_type: 'code', source: 'from tensorflow import keras\nx = keras.Input(shape=(4,))' }];
    for (let i = 0; i < 498; i++) cells.push({ cell_type: i % 3 === 0 ? 'markdown' : 'code', source: i % 3 === 0 ? `## step ${i}` : `x = keras.layers.Dense(4)(x)  # cell ${i}` });
    cells.push({ cell_type: 'code', source: 'model = keras.Model(x, x)\nbad = keras.layers.Dense(3)\ny = bad(x)\ny = bad(y)' });
    const a = analyzeNotebookText(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }), 'big.ipynb');
    assert.equal(a.kind, 'analyzed');
    const { result, program } = a as Extract<NotebookAnalysis, { kind: 'analyzed' }>;
    const d = result.diagnostics.find((x) => x.code === 'shared-layer-input');
    assert.ok(d, 'the last cell is still analyzed');
    assert.deepEqual(cellOf(program, d.range), { cell: 499, line: 4, column: 5 });
  });
});

describe('# %% cells in a .py file', () => {
  it('stay plain Python: the same analysis as without the markers', () => {
    const plain = fs.readFileSync(path.resolve(__dirname, '../../examples/python/scenario4_shared_mismatch.py'), 'utf8');
    const marked = plain.replace('inputs = Input', '# %% [markdown]\n# %%\ninputs = Input').replace('outputs =', '# %%\noutputs =');
    const a = analyzeText(plain, 'a.py');
    const b = analyzeText(marked, 'b.py');
    assert.deepEqual(b.diagnostics.map((d) => d.code), a.diagnostics.map((d) => d.code));
    assert.equal(b.models[0].totalParams, a.models[0].totalParams);
  });
});
