// Train & Show Weights: building TF.js models from the IR (shared layers stay one layer, parameter counts
// equal the analysis), data from specs and files, the trainer process protocol (scenarios 3 and 5, cancel, refusals),
// and numpy-exact weight printing against reference strings made by numpy (test/fixtures/train/gen_*.py).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult, DataSpec, TrainingIR } from '../src/graph/ir';
import { buildModel } from '../src/train/buildModel';
import { startTraining, TrainError, trainInChild } from '../src/train/client';
import { DataError, makeDataSet, readNpy, readText } from '../src/train/data';
import { estimateTrainingMemory } from '../src/train/estimate';
import { arrayRepr, formatWeights } from '../src/train/format';
import type { NestedNumbers, TrainResult } from '../src/train/protocol';
import { train } from '../src/train/session';
import { lossPerOutput } from '../src/train/setup';
import { planModel, UnsupportedError } from '../src/train/translate';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'train');

function analyze(rel: string): AnalysisResult {
  const file = path.join(ROOT, rel);
  return analyzeText(fs.readFileSync(file, 'utf8'), file);
}

function analyzeCode(code: string, file: string): AnalysisResult {
  return analyzeText(code, path.join(FIXTURES, file));
}

function training(over: Partial<TrainingIR>): TrainingIR {
  return { loss: 'mse', optimizer: 'adam', learningRate: null, metrics: [], epochs: 5, batchSize: 32, x: null, y: null, compileRange: null, fitRange: null, ...over };
}

function flat(v: NestedNumbers): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}

function assertScenario3Weights(r: TrainResult, layer: string): void {
  assert.equal(r.weights.length, 2, 'exactly two weight arrays');
  assert.deepEqual(r.weights.map((w) => w.shape), [[5, 5], [5]]);
  assert.deepEqual(r.weights.map((w) => w.name), [`${layer}/kernel`, `${layer}/bias`]);
  assert.ok(r.weights.every((w) => w.layer === layer));
  assert.equal(r.weights.reduce((n, w) => n + flat(w.values).length, 0), 30);
  assert.equal(r.history.loss.length, 5);
  assert.equal(r.epochs, 5);
  assert.equal(r.synthetic, false, 'scenario 3 states its data: 10 random samples of 5 features');
  assert.ok(['tensorflow', 'wasm', 'cpu'].includes(r.backend));
  for (const w of r.weights) {
    const xs = flat(w.values);
    assert.ok(Math.abs(w.stats.mean - xs.reduce((a, b) => a + b, 0) / xs.length) < 1e-6);
    // Values travel as the shortest decimals of their float32 (as numpy prints them); stats come from the exact values.
    assert.equal(Math.fround(w.stats.min), Math.fround(Math.min(...xs)));
    assert.equal(Math.fround(w.stats.max), Math.fround(Math.max(...xs)));
    assert.ok(xs.every((v) => v.toPrecision(9) === Number(v.toPrecision(9)).toPrecision(9) && String(Math.abs(v)).replace(/^0\.0*|\.|e.*$/g, '').length <= 9), 'at most 9 significant digits');
  }
}

describe('trainer process: mission scenario 3 (Dense(5) called twice, MSE, Adam, 10 samples, 5 epochs)', () => {
  it('Python: two weight arrays, 5x5 and 5, named dense/kernel and dense/bias, progress per epoch', async () => {
    const epochs: number[] = [];
    let backend = '';
    const r = await trainInChild({ analysis: analyze('examples/python/scenario3_shared_dense.py') }, { onBackend: (n) => (backend = n), onEpoch: (e) => epochs.push(e) });
    assertScenario3Weights(r, 'dense');
    assert.deepEqual(epochs, [0, 1, 2, 3, 4]);
    assert.equal(backend, r.backend);
    assert.ok(formatWeights(r.weights).startsWith('<KerasVariable shape=(5, 5), dtype=float32, path=dense/kernel>\narray([['));
  });

  it('TypeScript: the same two arrays, under TF.js layer naming (dense_Dense1)', async () => {
    const r = await trainInChild({ analysis: analyze('examples/tfjs/scenario3_shared_dense.ts') });
    assertScenario3Weights(r, 'dense_Dense1');
  });

  it('is reproducible: the same seed gives the same weights', async () => {
    const analysis = analyze('examples/python/scenario3_shared_dense.py');
    const [a, b] = await Promise.all([trainInChild({ analysis, backend: 'cpu', seed: 3 }), trainInChild({ analysis, backend: 'cpu', seed: 3 })]);
    assert.deepEqual(a.weights.map((w) => w.values), b.weights.map((w) => w.values));
    assert.deepEqual(a.history, b.history);
  });
});

describe('building TF.js models from the IR', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  it('a shared layer is one TF.js layer with two inbound nodes, and 30 parameters', () => {
    for (const file of ['examples/python/scenario3_shared_dense.py', 'examples/tfjs/scenario3_shared_dense.ts']) {
      const analysis = analyze(file);
      const built = buildModel(analysis, analysis.models[0]);
      const dense = built.model.layers.filter((l) => l.getClassName() === 'Dense');
      assert.equal(dense.length, 1, file);
      assert.equal(dense[0].inboundNodes.length, 2, file);
      assert.equal(built.model.countParams(), 30, file);
      built.model.dispose();
    }
  });

  it('countParams() and every output shape equal the analysis for each bundled example TF.js can build', () => {
    const refused: string[] = [];
    let builtCount = 0;
    for (const dir of ['examples/python', 'examples/tfjs']) {
      for (const f of fs.readdirSync(path.join(ROOT, dir)).sort()) {
        const analysis = analyze(`${dir}/${f}`);
        for (const model of analysis.models) {
          let plan;
          try {
            plan = planModel(analysis, model);
          } catch (e) {
            assert.ok(e instanceof UnsupportedError, String(e));
            refused.push(`${f}:${model.name}`);
            continue;
          }
          // buildModel itself compares every output shape with the analysis and throws when they differ.
          const built = buildModel(analysis, model, plan);
          assert.equal(built.model.countParams(), model.totalParams, `${f}: ${model.name}`);
          built.model.dispose();
          builtCount++;
        }
      }
    }
    // Scenarios 1, 2, 3, 5 and both Sequential forms of 6, in both languages.
    assert.ok(builtCount >= 12, `built ${builtCount}`);
    // Shape errors (4, 5-mismatch), Lambda and a custom layer class (7) are refused before building.
    for (const f of ['scenario4_shared_mismatch.py', 'scenario5_branch_mismatch.py', 'scenario7_lambda.py', 'scenario4_shared_mismatch.ts', 'scenario5_branch_mismatch.ts', 'scenario7_custom_layer.ts']) {
      assert.ok(refused.some((r) => r.startsWith(f)), `${f} refused (refused: ${refused.join(', ')})`);
    }
  });

  it('Keras names and defaults map to TF.js: glorot_uniform for Python, TF.js\'s own default left in place for TS', () => {
    const py = analyzeCode('import keras\nx = keras.Input(shape=(4,))\ny = keras.layers.Dense(3, activation="hard_sigmoid", kernel_initializer="he_normal")(x)\nm = keras.Model(x, y)\n', 'k.py');
    const pyPlan = [...planModel(py, py.models[0]).layers.values()].find((p) => p.factory === 'dense')!;
    assert.equal(pyPlan.config.kernelInitializer, 'heNormal');
    assert.equal(pyPlan.config.biasInitializer, 'zeros');
    assert.equal(pyPlan.config.activation, 'hardSigmoid');
    assert.equal(pyPlan.config.name, 'dense');
    const py2 = analyze('examples/python/scenario1_basic_chain.py');
    assert.equal([...planModel(py2, py2.models[0]).layers.values()].find((p) => p.factory === 'dense')!.config.kernelInitializer, 'glorotUniform');
    const ts = analyze('examples/tfjs/scenario1_basic_chain.ts');
    assert.equal([...planModel(ts, ts.models[0]).layers.values()].find((p) => p.factory === 'dense')!.config.kernelInitializer, undefined);
  });

  it('an input with a symbolic or unknown dimension is refused before building', () => {
    const a = analyzeCode('import keras\ndef build(n):\n    x = keras.Input(shape=(n,))\n    return keras.Model(x, keras.layers.Dense(2)(x))\nm = build(4)\n', 'sym.py');
    const b = analyzeCode('import keras\nx = keras.Input(shape=(4,))\nm = keras.Model(x, keras.layers.Dense(2)(x))\n', 'ok.py');
    b.tensors[0].shape = [null, 'n'];
    assert.throws(() => planModel(b, b.models[0]), /Input "input_layer" \(InputLayer, line 2\) of model "functional" has shape \(None, n\); training needs every dimension but the batch/);
    // A called builder gives concrete shapes and trains.
    assert.doesNotThrow(() => planModel(a, a.models[a.models.length - 1]));
  });

  it('a Keras-only option at a non-default value is refused, naming the layer, its line and the option', () => {
    const a = analyzeCode('import keras\nx = keras.Input(shape=(4,))\ny = keras.layers.BatchNormalization(synchronized=True)(x)\nm = keras.Model(x, y)\n', 'bn.py');
    assert.throws(() => planModel(a, a.models[0]), (e: unknown) => e instanceof UnsupportedError && /"batch_normalization" \(BatchNormalization, line 3\).*`synchronized`/.test(e.message));
  });
});

describe('trainer process: refusals, errors and cancel', () => {
  it('Subtract (Python): a clear error before any process starts, and no weights', async () => {
    const code = 'import keras\na = keras.Input(shape=(4,))\nb = keras.Input(shape=(4,))\nd = keras.layers.Subtract()([a, b])\nm = keras.Model([a, b], d)\n';
    const h = startTraining({ analysis: analyzeCode(code, 'sub.py') });
    assert.equal(h.child, null);
    await assert.rejects(h.result, (e: unknown) => e instanceof TrainError && e.kind === 'unsupported' && e.line === 4 && /"subtract" \(Subtract, line 4\): TF\.js 4\.22 has no Subtract layer/.test(e.message));
  });

  it('Lambda: refused, naming the layer and line', async () => {
    await assert.rejects(trainInChild({ analysis: analyze('examples/python/scenario7_lambda.py') }), /"lambda" \(Lambda, line 6\): TF\.js 4\.22 has no Lambda layer/);
  });

  it('what only TF.js rejects (Flatten of a 2-D tensor) comes back from the trainer as an error, with no weights', async () => {
    const code = 'import keras\nx = keras.Input(shape=(4,))\ny = keras.layers.Flatten()(x)\nz = keras.layers.Dense(2)(y)\nm = keras.Model(x, z)\n';
    const h = startTraining({ analysis: analyzeCode(code, 'flat.py'), backend: 'cpu' });
    assert.notEqual(h.child, null);
    await assert.rejects(h.result, (e: unknown) => e instanceof TrainError && e.kind === 'unsupported' && /flatten/.test(e.message));
    assert.equal((await h.exited).code, 1);
  });

  it('data that does not fit the model is a data error in the user\'s terms', async () => {
    const analysis = analyze('examples/python/scenario3_shared_dense.py');
    analysis.models[0].training = training({ x: [{ kind: 'random-uniform', shape: [10, 4], low: 0, high: 1 }], y: [{ kind: 'zeros', shape: [10, 5] }] });
    await assert.rejects(trainInChild({ analysis, backend: 'cpu' }), (e: unknown) => e instanceof TrainError && e.kind === 'data' && e.message === 'x for input "input_layer": the data has shape (10, 4) but the model expects (None, 5)');
  });

  it('recurrent and convolutional layers train; kernels the wasm backend lacks make it retrain on CPU and say so', async () => {
    const code = 'import keras\nx = keras.Input(shape=(6, 3))\nc = keras.layers.Conv1D(4, 3)(x)\nh = keras.layers.LSTM(2)(c)\nm = keras.Model(x, h)\n';
    let started = '';
    const r = await trainInChild({ analysis: analyzeCode(code, 'rnn.py'), epochs: 1 }, { onBackend: (n) => (started = n) });
    assert.deepEqual(r.weights.map((w) => w.name), ['conv1d/kernel', 'conv1d/bias', 'lstm/lstm_cell/kernel', 'lstm/lstm_cell/recurrent_kernel', 'lstm/lstm_cell/bias']);
    assert.deepEqual(r.weights.map((w) => w.shape), [[3, 3, 4], [4], [4, 8], [2, 8], [8]]);
    // TF.js 4.22's wasm backend has no Conv2DBackpropFilter: a wasm start ends on CPU, with a note saying why.
    if (started !== r.backend) assert.ok(r.notes.some((n) => new RegExp(`the ${started} backend lacks .*trained on the CPU backend instead`).test(n)), r.notes.join('; '));
  });

  it('GRU with Keras 3\'s default reset_after=True is refused with the way out', async () => {
    const code = 'import keras\nx = keras.Input(shape=(6, 3))\nh = keras.layers.GRU(2)(x)\nm = keras.Model(x, h)\n';
    await assert.rejects(trainInChild({ analysis: analyzeCode(code, 'gru.py') }), /"gru" \(GRU, line 3\): .*pass reset_after=False/);
  });

  it('cancel() kills the trainer process and no result is delivered', async () => {
    // A model big enough that 200 epochs cannot finish before the cancel.
    const code = 'import keras\nx = keras.Input(shape=(64,))\nh = keras.layers.Dense(256)(x)\ny = keras.layers.Dense(64)(h)\nm = keras.Model(x, y)\n';
    const analysis = analyzeCode(code, 'big.py');
    analysis.models[0].training = training({ epochs: 200, x: [{ kind: 'random-uniform', shape: [512, 64], low: 0, high: 1 }], y: [{ kind: 'random-uniform', shape: [512, 64], low: 0, high: 1 }] });
    let epochsSeen = 0;
    let cancelAt = -1;
    const h = startTraining({ analysis, backend: 'cpu' }, { onEpoch: () => {
      epochsSeen++;
      if (cancelAt < 0) {
        cancelAt = epochsSeen;
        h.cancel();
      }
    } });
    await assert.rejects(h.result, (e: unknown) => e instanceof TrainError && e.kind === 'cancelled');
    const exit = await h.exited;
    assert.equal(exit.signal, 'SIGKILL');
    assert.equal(h.child!.exitCode === null && h.child!.signalCode === 'SIGKILL', true);
    assert.equal(epochsSeen, cancelAt, 'no progress after cancel');
  });
});

describe('training in process (CPU backend)', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });
  after(() => tf.disposeVariables());

  it('scenario 5 trains with two losses (a list in Python, a dict by output name in TS)', async () => {
    const py = analyze('examples/python/scenario5_two_inputs.py');
    py.models[0].training = training({ loss: ['mse', 'categorical_crossentropy'], epochs: 2 });
    const r = await train({ analysis: py, epochs: 2 });
    assert.deepEqual(Object.keys(r.history).sort(), ['activation_1_loss', 'activation_loss', 'loss']);
    assert.equal(r.synthetic, true, 'no fit() data: synthetic, and said so');
    assert.ok(r.notes.some((n) => /synthetic/.test(n)));
    assert.equal(r.weights.length, 8);
    assert.equal(r.weights.reduce((n, w) => n + flat(w.values).length, 0), 205);
    for (let i = 0; i < 2; i++) assert.ok(Math.abs(r.history.loss[i] - r.history.activation_loss[i] - r.history.activation_1_loss[i]) < 1e-5);

    const ts = analyze('examples/tfjs/scenario5_two_inputs.ts');
    ts.models[0].training = training({ loss: { activation_Activation1: 'meanSquaredError', activation_Activation2: 'categoricalCrossentropy' }, epochs: 1 });
    const r2 = await train({ analysis: ts });
    assert.deepEqual(Object.keys(r2.history).sort(), ['activation_Activation1_loss', 'activation_Activation2_loss', 'loss']);
  });

  it('on a learnable task (y = x·W) the loss goes down', async () => {
    const code = 'import keras\nx = keras.Input(shape=(4,))\ny = keras.layers.Dense(2)(x)\nm = keras.Model(x, y)\n';
    const analysis = analyzeCode(code, 'lin.py');
    const W = [[1, -2], [0.5, 1], [-1, 0], [2, 1]];
    const xs = Array.from({ length: 64 }, (_, i) => [0, 1, 2, 3].map((j) => Math.sin(i * 7 + j * 3)));
    const ys = xs.map((row) => [0, 1].map((k) => row.reduce((s, v, j) => s + v * W[j][k], 0)));
    analysis.models[0].training = training({ optimizer: 'adam', learningRate: 0.05, epochs: 30, batchSize: 16, x: [{ kind: 'literal', values: xs, shape: [64, 4] }], y: [{ kind: 'literal', values: ys, shape: [64, 2] }] });
    const r = await train({ analysis });
    const loss = r.history.loss;
    assert.equal(loss.length, 30);
    assert.ok(loss[29] < loss[0] * 0.2, `loss ${loss[0]} → ${loss[29]}`);
  });

  it('data files next to the source: .npy (float64, Fortran order, version 2) and CSV with a header row', async () => {
    const analysis = analyze('examples/python/scenario3_shared_dense.py');
    analysis.models[0].training = training({ epochs: 1, x: [{ kind: 'npy', path: 'x_f32_fortran.npy' }], y: [{ kind: 'csv', path: 'y.csv', delimiter: ',', skiprows: 1 }] });
    const r = await train({ analysis, baseDir: FIXTURES });
    assert.equal(r.synthetic, false);
    analysis.models[0].training = training({ epochs: 1, x: [{ kind: 'npy', path: 'x_f64.npy' }], y: [{ kind: 'npy', path: 'y_v2.npy' }] });
    assert.equal((await train({ analysis, baseDir: FIXTURES })).history.loss.length, 1);
  });
});

describe('data', () => {
  it('reads .npy files as numpy wrote them', () => {
    const x = readNpy(fs.readFileSync(path.join(FIXTURES, 'x_f64.npy')));
    const xf = readNpy(fs.readFileSync(path.join(FIXTURES, 'x_f32_fortran.npy')));
    assert.deepEqual(x.shape, [10, 5]);
    assert.deepEqual(Array.from(xf.data), Array.from(x.data), 'Fortran order is rewritten to row-major');
    assert.ok(Math.abs(x.data[7] - 7 / 50) < 1e-7);
    const labels = readNpy(fs.readFileSync(path.join(FIXTURES, 'labels_i64.npy')));
    assert.equal(labels.dtype, 'int32');
    assert.deepEqual(Array.from(labels.data), [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    assert.deepEqual(readNpy(fs.readFileSync(path.join(FIXTURES, 'y_v2.npy'))).shape, [10, 5]);
  });

  it('reads text like np.loadtxt: whitespace or a delimiter, skiprows, comments, 1-D for one column', () => {
    assert.deepEqual(readText('# c\n1 2\n3 4\n', null, 0), { shape: [2, 2], dtype: 'float32', data: Float32Array.from([1, 2, 3, 4]) });
    assert.deepEqual(readText('a;b\n1;2\n', ';', 1).shape, [2]);
    assert.deepEqual(readText('1\n2\n3\n', null, 0).shape, [3]);
    assert.throws(() => readText('1,2\n3\n', ',', 0, 'd.csv'), /d\.csv, line 2: 1 columns, the first row had 2/);
  });

  it('synthesizes data of the model\'s shapes when the code\'s data is unknown, with valid targets for the loss', () => {
    const model = { inputs: [{ name: 'in', shape: [null, 3] }], outputs: [{ name: 'out', shape: [null, 4], target: 'one-hot' as const }] };
    const unknown: DataSpec[] = [{ kind: 'unknown', reason: 'read from a database' }];
    const d = makeDataSet(model, unknown, null, { baseDir: FIXTURES, seed: 1 });
    assert.equal(d.synthetic, true);
    assert.deepEqual(d.x[0].shape, [32, 3]);
    assert.deepEqual(d.y[0].shape, [32, 4]);
    for (let r = 0; r < 32; r++) assert.equal(Array.from(d.y[0].data.slice(r * 4, r * 4 + 4)).reduce((a, b) => a + b, 0), 1);
    assert.ok(d.notes.some((n) => /read from a database/.test(n)));
    assert.throws(() => makeDataSet(model, [{ kind: 'zeros', shape: [8, 3] }], [{ kind: 'zeros', shape: [9, 4] }], { baseDir: FIXTURES, seed: 1 }), DataError);
  });

  it('estimates training memory from the IR: weights, gradients and Adam slots; activations; data', () => {
    const a = analyze('examples/python/scenario3_shared_dense.py');
    const e = estimateTrainingMemory(a, a.models[0], { samples: 10 });
    // The model's part is the summary's trainingMemory: weights, gradients, Adam's 2 slots; one batch of 32 of the
    // input, two Dense outputs and the softmax, 5 floats each.
    assert.deepEqual(e.training, { weights: 120, gradients: 120, optimizerSlots: 240, activations: 4 * 32 * 5 * 4, total: 480 + 2560 });
    // TF.js's workspace on top, 4× the model's state (measured: test/train-memory.test.ts).
    assert.equal(e.parameterBytes, 30 * 4 * 4 * 4);
    assert.equal(e.activationBytes, 4 * 32 * 5 * 4 * 4);
    // x and y, 10 × 5 float32 each, held as an array and as a tensor.
    assert.equal(e.dataBytes, 2 * 10 * 5 * 4 * 2);
    // The weights' way back: 16 bytes per value (sent float32, reassembled float32, nested double).
    assert.equal(e.resultBytes, 30 * 16);
    assert.equal(e.totalBytes, e.parameterBytes + e.activationBytes + e.dataBytes + e.resultBytes);
  });

  it("the estimate counts the code's own data: np.random.rand(100000, 2500) is gigabytes, not 1 MB", () => {
    const code = 'import keras\nimport numpy as np\nx = keras.Input(shape=(2500,))\ny = keras.layers.Dense(1)(x)\nm = keras.Model(x, y)\nm.compile(loss="mse", optimizer="adam")\nm.fit(np.random.rand(100000, 2500), np.random.rand(100000, 1))\n';
    const a = analyzeCode(code, 'bigdata.py');
    const e = estimateTrainingMemory(a, a.models[0]);
    assert.equal(e.dataBytes, (100000 * 2500 + 100000) * 4 * 2);
    assert.ok(e.totalBytes > 1.9e9, `${e.totalBytes} bytes`);
    console.log(`# np.random.rand(100000, 2500): estimated ${(e.totalBytes / 2 ** 30).toFixed(2)} GiB`);
  });

  it('losses per output as Keras reads them: one for all, a list, a dict by output name', () => {
    assert.deepEqual(lossPerOutput('mse', ['a', 'b'], []), ['meanSquaredError', 'meanSquaredError']);
    assert.deepEqual(lossPerOutput(['mae', 'binary_crossentropy'], ['a', 'b'], []), ['meanAbsoluteError', 'binaryCrossentropy']);
    assert.deepEqual(lossPerOutput({ b: 'categorical_crossentropy', a: 'meanSquaredError' }, ['a', 'b'], []), ['meanSquaredError', 'categoricalCrossentropy']);
    assert.throws(() => lossPerOutput(['mse'], ['a', 'b'], []), /1 losses for a model with 2 outputs/);
    assert.throws(() => lossPerOutput('huber_loss', ['a'], []), /no loss 'huber_loss'/);
  });
});

describe('weights as text: numpy\'s repr of float32 arrays', () => {
  const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'numpy-format.json'), 'utf8')) as { numpy: string; cases: { name: string; values: NestedNumbers; repr: string }[] };
  // JSON has no NaN/Infinity: the generator writes them as strings.
  const decode = (v: unknown): NestedNumbers => (Array.isArray(v) ? v.map(decode) : typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : (v as number));
  for (const c of reference.cases) {
    it(`${c.name} (numpy ${reference.numpy})`, () => {
      assert.equal(arrayRepr(decode(c.values)), c.repr);
    });
  }

  it('each weight is headed the way Keras 3 prints the variable', () => {
    assert.equal(
      formatWeights([{ name: 'dense/bias', shape: [3], values: [0, 0.5, -1] }]),
      '<KerasVariable shape=(3,), dtype=float32, path=dense/bias>\narray([ 0. ,  0.5, -1. ], dtype=float32)\n',
    );
  });
});
