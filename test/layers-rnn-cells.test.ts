import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import type { Shape } from '../src/graph/shape';
import { callLayer, countParams, instantiateLayer, resolveConfig, validateConfig } from '../src/layers/apply';
import { layerByKerasName, layerByTfjsFactory } from '../src/layers/registry';
import type { ConfigValue, Dialect, LayerConfig, NestedLayer } from '../src/layers/types';
import { kerasCatalogOutcome, rng, withoutLayerName, type Outcome } from './support/tfjsOracle';

// Cells are layer objects passed to tf.layers.rnn / keras.layers.RNN, so the shared oracle (JSON configs) cannot
// build them: here a cell is described as { factory, config } and built once per runtime — by TF.js as a real cell,
// by the catalog as the { $layer, name, config } value the evaluator hands to the wrapper.

interface CellSpec {
  factory: string;
  config: Record<string, unknown>;
}
type CellArg = CellSpec | CellSpec[] | { stacked: CellSpec[] };

const cheap = { kernelInitializer: 'zeros', recurrentInitializer: 'zeros' };

function tfjsCell(arg: CellArg): unknown {
  const make = (s: CellSpec) => (tf.layers as unknown as Record<string, (c: unknown) => unknown>)[s.factory](structuredClone(s.config));
  if (Array.isArray(arg)) return arg.map(make);
  if ('stacked' in arg) return tf.layers.stackedRNNCells({ cells: arg.stacked.map(make) as tf.layers.RNNCell[] });
  return make(arg);
}

function tfjsRnn(cell: CellArg, config: Record<string, unknown>, shape: Shape): Outcome {
  try {
    const layer = tf.layers.rnn({ ...structuredClone(config), cell: tfjsCell(cell) as tf.layers.RNNCell });
    const out = layer.apply(tf.input({ batchShape: shape as number[] })) as tf.SymbolicTensor | tf.SymbolicTensor[];
    const outs = Array.isArray(out) ? out : [out];
    const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);
    return { shapes: outs.map((t) => t.shape as Shape), trainable: size(layer.trainableWeights), nonTrainable: size(layer.nonTrainableWeights) };
  } catch (e) {
    return { error: withoutLayerName(e instanceof Error ? e.message : String(e)) };
  }
}

let cellCount = 0;
/** The catalog side: each cell is created (its constructor checks run) and handed over as a nested layer. */
function catalogCell(spec: CellSpec, dialect: Dialect): NestedLayer {
  const def = layerByTfjsFactory(spec.factory)!;
  const { config, error } = instantiateLayer(def, { positional: [], keywords: spec.config as Record<string, ConfigValue> }, dialect, () => 'cell');
  if (error) throw error;
  return { $layer: def.className, name: `${spec.factory}_${++cellCount}`, config };
}

function catalogRnn(cell: CellArg, config: Record<string, unknown>, shape: Shape, dialect: Dialect = 'tfjs'): Outcome {
  const def = layerByTfjsFactory('rnn')!;
  let cellValue: ConfigValue;
  try {
    if (Array.isArray(cell)) cellValue = cell.map((c) => catalogCell(c, dialect));
    else if ('stacked' in cell) {
      const stackDef = layerByTfjsFactory('stackedRNNCells')!;
      const { config: stackConfig } = resolveConfig(stackDef, [], { cells: cell.stacked.map((c) => catalogCell(c, dialect)) }, dialect);
      cellValue = { $layer: 'StackedRNNCells', name: 'stack', config: stackConfig };
    } else cellValue = catalogCell(cell, dialect);
  } catch (e) {
    return { error: withoutLayerName((e as Error).message) };
  }
  const keys = dialect === 'keras' ? { cell: cellValue, ...config } : { ...config, cell: cellValue };
  const { config: resolved, error: bad } = instantiateLayer(def, { positional: [], keywords: keys as Record<string, ConfigValue> }, dialect, () => 'rnn_test');
  const ctx = { dialect, layerName: 'rnn_test' };
  if (bad) return { error: withoutLayerName(bad.message) };
  const outcome = callLayer(def, resolved, [shape], ctx, undefined);
  if (outcome.internalError) throw new Error(outcome.internalError);
  if (outcome.error) return { error: withoutLayerName(outcome.error.message) };
  const counts = countParams(outcome.build?.weights ?? []);
  return { shapes: outcome.outputs, trainable: counts.trainable ?? undefined, nonTrainable: counts.nonTrainable ?? undefined };
}

type R = ReturnType<typeof rng>;

function randomCell(r: R, roll: number): CellSpec {
  const factory = r.pick(['simpleRNNCell', 'lstmCell', 'gruCell']);
  const config: Record<string, unknown> = { units: roll < 4 ? r.pick([0, -1, 1.5]) : r.int(1, 6), ...cheap };
  if (r.int(0, 2) === 0) config.useBias = r.bool();
  if (factory === 'gruCell' && r.int(0, 6) === 0) config.resetAfter = r.bool();
  return { factory, config };
}

function randomCase(r: R): { cell: CellArg; config: Record<string, unknown>; shape: Shape } {
  const roll = r.int(0, 99);
  const form = r.int(0, 3);
  const cell: CellArg =
    form <= 1 ? randomCell(r, roll) : form === 2 ? Array.from({ length: r.int(1, 3) }, () => randomCell(r, roll)) : { stacked: Array.from({ length: r.int(1, 3) }, () => randomCell(r, roll)) };
  const config: Record<string, unknown> = {};
  if (r.bool()) config.returnSequences = r.bool();
  if (r.bool()) config.returnState = r.bool();
  if (r.int(0, 3) === 0) config.goBackwards = r.bool();
  if (r.int(0, 4) === 0) config.stateful = true;
  if (r.int(0, 5) === 0) config.unroll = true;
  const ndim = roll >= 92 ? r.pick([2, 4]) : 3;
  const dims = Array.from({ length: ndim - 1 }, (_, i) => (i === ndim - 2 ? r.int(1, 8) : r.int(0, 4) === 0 ? null : r.int(1, 12)));
  return { cell, config, shape: [r.pick([null, null, 3]), ...dims] };
}

describe('RNN(cell) with SimpleRNNCell / LSTMCell / GRUCell / StackedRNNCells against TF.js', () => {
  it('rnn: agrees on shapes, state outputs, parameter counts and errors over random configurations', (t) => {
    const r = rng(90210);
    let agreed = 0;
    let errors = 0;
    let stacks = 0;
    let lists = 0;
    const total = 300;
    for (let i = 0; i < total; i++) {
      const { cell, config, shape } = randomCase(r);
      const expected = tfjsRnn(cell, config, shape);
      const actual = catalogRnn(cell, config, shape);
      assert.ok(isDeepStrictEqual(expected, actual), JSON.stringify({ cell, config, shape, tfjs: expected, catalog: actual }));
      agreed++;
      if (expected.error) errors++;
      if (!('factory' in cell)) stacks++;
      if ((expected.shapes?.length ?? 0) > 2) lists++;
    }
    t.diagnostic(`rnn: ${total} configurations, ${agreed} identical to TF.js (${errors} errors, ${stacks} stacked, ${lists} with 2+ state outputs)`);
    assert.ok(errors > 10 && stacks > 50 && lists > 10);
  });

  it('lists the states of a stack in TF.js order (last cell first) and in Keras order (first cell first)', () => {
    const cell = [{ factory: 'lstmCell', config: { units: 4, ...cheap } }, { factory: 'gruCell', config: { units: 3, ...cheap } }];
    const expected = tfjsRnn(cell, { returnState: true }, [null, 5, 2]);
    assert.deepEqual(expected.shapes, [[null, 3], [null, 3], [null, 4], [null, 4]]);
    assert.deepEqual(catalogRnn(cell, { returnState: true }, [null, 5, 2]), expected);
    // Keras: state_size = [c.state_size for c in cells] → [[4, 4], 3], flattened: (None, 4), (None, 4), (None, 3)
    const keras = catalogRnn(
      [{ factory: 'lstmCell', config: { units: 4 } }, { factory: 'gruCell', config: { units: 3 } }],
      { return_state: true },
      [null, 5, 2],
      'keras',
    );
    assert.deepEqual(keras.shapes, [[null, 3], [null, 4], [null, 4], [null, 3]]);
  });

  it('rejects a cell argument that is not a cell, in each runtime’s words', () => {
    const dense: NestedLayer = { $layer: 'Dense', name: 'dense', config: { units: 3 } };
    const def = layerByKerasName('RNN')!;
    const check = (cell: ConfigValue, dialect: Dialect) => validateConfig(def, resolveConfig(def, [cell], {}, 'keras').config, { dialect, layerName: 'rnn' })?.message;
    assert.equal(
      check(dense, 'keras'),
      'The RNN cell should have a `state_size` attribute (single integer or list of integers, one integer per RNN state). Received: cell=<Dense name=dense, built=False>',
    );
    assert.equal(check(5, 'keras'), 'Argument `cell` should have a `call` method. Received: cell=5');
    assert.equal(check(dense, 'tfjs'), 'The RNN cell should have an attribute `stateSize` (tuple of integers, one integer per RNN state).');
    assert.equal(tfjsRnn({ factory: 'dense', config: { units: 3 } }, {}, [null, 5, 2]).error, 'The RNN cell should have an attribute `stateSize` (tuple of integers, one integer per RNN state).');
    // an unknown cell is no error: the output size is unknown
    assert.deepEqual(catalogRnn([], {}, [null, 5, 2]).shapes, [[null, null]]);
  });
});

describe('RNN(cell) in Keras 3 (table from the cells’ documented parameter formulas)', () => {
  const k = (cell: CellArg, config: Record<string, unknown>, shape: Shape) => catalogRnn(cell, config, shape, 'keras');
  it('computes shapes and counts', () => {
    // LSTMCell(4) on 3 features: 4·(4·(3 + 4) + 4) = 128
    assert.deepEqual(k({ factory: 'lstmCell', config: { units: 4 } }, {}, [null, 10, 3]), { shapes: [[null, 4]], trainable: 128, nonTrainable: 0 });
    // GRUCell(4), Keras default reset_after=True: 3·(4·(3 + 4) + 2·4) = 108
    assert.equal(k({ factory: 'gruCell', config: { units: 4 } }, {}, [null, 10, 3]).trainable, 108);
    // [SimpleRNNCell(5), LSTMCell(2)] on 3 features: 5·(3 + 5) + 5 = 45, then 4·(2·(5 + 2) + 2) = 64 → 109
    assert.deepEqual(k([{ factory: 'simpleRNNCell', config: { units: 5 } }, { factory: 'lstmCell', config: { units: 2 } }], { return_sequences: true }, [null, 'T', 3]), {
      shapes: [[null, 'T', 2]],
      trainable: 109,
      nonTrainable: 0,
    });
    // StackedRNNCells with return_state: (output, states of cell 1, states of cell 2)
    assert.deepEqual(k({ stacked: [{ factory: 'gruCell', config: { units: 5 } }, { factory: 'lstmCell', config: { units: 2 } }] }, { return_state: true }, [null, 7, 3]).shapes, [
      [null, 2],
      [null, 5],
      [null, 2],
      [null, 2],
    ]);
    assert.equal(k({ factory: 'lstmCell', config: { units: 0 } }, {}, [null, 10, 3]).error, 'Received an invalid value for argument `units`, expected a positive integer, got 0.');
    assert.equal(
      k({ factory: 'lstmCell', config: { units: 2 } }, { stateful: true }, [null, 10, 3]).error,
      'When using `stateful=True` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=(None, 10, 3)',
    );
  });

  it('a cell called on its own maps (batch, features) to (batch, units)', () => {
    assert.deepEqual(kerasCatalogOutcome('LSTMCell', {}, [[null, 3]], [4]), { shapes: [[null, 4]], trainable: 128, nonTrainable: 0 });
  });
});
