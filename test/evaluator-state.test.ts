// One AnalysisState per analysis, undone as a whole: a model-building function run on its own and discarded leaves
// nothing behind (the layer standing for a nested model included), and analyzeText never throws, whatever phase
// fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { GraphBuilder } from '../src/analysis/eval/graphBuilder';
import { AnalysisState } from '../src/analysis/eval/state';
import { py, ts } from './support/snippets';

describe('speculative evaluation is undone as a whole', () => {
  it('a model used only inside a function the file never calls is kept, with no internal error', () => {
    const r = py('from keras import Input, Model, layers\ninp = Input((4,))\ntower = Model(inp, layers.Dense(3)(inp))\ndef use(x):\n    return tower(x)\n');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.models.map((m) => [m.variable, m.totalParams]), [['tower', 15]]);
    // nothing of the discarded run remains: no layer stands for the model, every id points inside the tables
    assert.equal(r.layers.filter((l) => l.model !== undefined).length, 0);
    for (const l of r.layers) for (const c of l.calls) assert.ok(r.calls[c], `layer ${l.name} lists a removed call`);
  });

  it('the same in TS, and a model called in a builder that makes its own model keeps both', () => {
    const t = ts("import * as tf from '@tensorflow/tfjs';\nconst inp = tf.input({shape: [4]});\nconst tower = tf.model({inputs: inp, outputs: tf.layers.dense({units: 3}).apply(inp) as tf.SymbolicTensor});\nfunction use(x: tf.SymbolicTensor) { return tower.apply(x); }\n");
    assert.deepEqual(t.diagnostics, []);
    assert.equal(t.models.length, 1);
    const r = py('from keras import Input, Model, layers\ninp = Input((4,))\ntower = Model(inp, layers.Dense(3)(inp))\ndef outer(n):\n    x = Input((4,))\n    return Model(x, layers.Dense(n)(tower(x)))\n');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.models.map((m) => m.variable ?? m.builder?.function), ['tower', 'outer']);
    const asLayer = r.layers.find((l) => l.model === 0)!;
    assert.equal(asLayer.params, 15, 'the nested model carries its totals');
  });

  it('restore() removes records and map entries made after snapshot()', () => {
    const state = new AnalysisState('m.py');
    const g = new GraphBuilder(state, 'keras', () => ({ range: (start: number, end: number, file = 0) => ({ file, start, end, line: 1, column: 1, endLine: 1, endColumn: 1 }) }) as never, { frames: [], currentFile: undefined });
    const kept = g.createLayer(undefined, 'Dense', {}, { start: 0, end: 1 });
    const snap = state.snapshot();
    const layer = g.createLayer(undefined, 'Dense', {}, { start: 0, end: 1 });
    state.models.push({ id: 0, name: 'm', kind: 'functional', node: g.range({ start: 0, end: 1 }), inputs: [], outputs: [], variable: null });
    state.modelLayers.set(0, layer);
    state.layerModels.set(layer.id, state.models[0]);
    state.lambdaFns.set(layer.id, { kind: 'unknown' });
    g.callLayer(kept, [], { start: 0, end: 1 });
    g.diagnose('error', 'invalid-config', 'x', { start: 0, end: 1 });
    state.restore(snap);
    assert.equal(state.layers.length, 1);
    assert.deepEqual([state.models.length, state.modelLayers.size, state.layerModels.size, state.lambdaFns.size, state.calls.length, state.diagnostics.length], [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(kept.calls, []);
    assert.equal(g.autoName('Dense'), 'dense_1', 'name counters are restored too');
  });
});

describe('analyzeText never throws', () => {
  /** Makes GraphBuilder.createLayer throw for one class name (a stand-in for a bug of ours) while `run` runs. */
  function withFaultyLayer<T>(className: string, run: () => T): T {
    const original = GraphBuilder.prototype.createLayer;
    GraphBuilder.prototype.createLayer = function (this: GraphBuilder, ...a: Parameters<typeof original>) {
      if (a[1] === className) throw new Error(`injected failure for ${className}`);
      return original.apply(this, a);
    };
    try {
      return run();
    } finally {
      GraphBuilder.prototype.createLayer = original;
    }
  }

  it('an internal error inside a model-building function that is never called is one internal-error diagnostic', () => {
    const r = withFaultyLayer('Dropout', () =>
      py('from keras import Input, Model, layers\nx = Input((4,))\nm = Model(x, layers.Dense(2)(x))\ndef build(n):\n    i = Input((n,))\n    return Model(i, layers.Dropout(0.5)(i))\n'),
    );
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.code]), [['information', 'internal-error']]);
    assert.match(r.diagnostics[0].message, /build\(\).*injected failure/);
    assert.deepEqual(r.models.map((m) => m.variable), ['m'], 'the rest of the file is analyzed');
  });

  it('an internal error while building a subclassed model the code never builds', () => {
    const r = withFaultyLayer('Dense', () => py('import keras\nclass Net(keras.Model):\n    def call(self, x):\n        return keras.layers.Dense(3)(x)\nnet = Net()\n'));
    assert.ok(r.diagnostics.some((d) => d.code === 'internal-error'));
  });

  it('an internal error in the main program keeps what was built before it', () => {
    const r = withFaultyLayer('Dropout', () => analyzeText('from keras import Input, layers\nx = Input((4,))\ny = layers.Dense(2)(x)\nz = layers.Dropout(0.1)(y)\n', 'a.py'));
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['internal-error']);
    assert.ok(r.layers.some((l) => l.className === 'Dense'));
  });
});
