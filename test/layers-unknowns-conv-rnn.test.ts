import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { convLayers } from '../src/layers/conv';
import { paddingLayers } from '../src/layers/padding';
import { poolingLayers } from '../src/layers/pooling';
import { recurrentLayers } from '../src/layers/recurrent';
import { depthwiseLayers } from '../src/layers/depthwise';
import { convLstmLayers } from '../src/layers/convLstm';
import { rnnCellLayers } from '../src/layers/rnnCells';
import { UNKNOWN, type LayerDef } from '../src/layers/types';
import { catalogOutcomeForDef, rng, type Outcome } from './support/tfjsOracle';

// The catalog's first rule for the conv / pooling / padding / recurrent families: an error only when two known
// facts conflict. Take a call that succeeds; make any one argument statically unknown, or some input sizes
// unknown (null) or symbolic ('n'): the call must still succeed, with the same output rank(s).

const defs = new Map([...convLayers, ...depthwiseLayers, ...poolingLayers, ...paddingLayers, ...recurrentLayers, ...convLstmLayers, ...rnnCellLayers].map((d) => [d.className, d]));

type Case = { layer: string; keras: Record<string, unknown>; tfjs: Record<string, unknown>; shape: Shape };

const cases: Case[] = [
  { layer: 'Conv1D', keras: { filters: 4, kernel_size: 3, strides: 2 }, tfjs: { filters: 4, kernelSize: 3, strides: 2 }, shape: [null, 9, 3] },
  { layer: 'Conv2D', keras: { filters: 4, kernel_size: 3, groups: 1 }, tfjs: { filters: 4, kernelSize: 3 }, shape: [null, 6, 6, 2] },
  { layer: 'Conv2D', keras: { filters: 4, kernel_size: [3, 2], data_format: 'channels_first' }, tfjs: { filters: 4, kernelSize: [3, 2], dataFormat: 'channelsFirst' }, shape: [null, 2, 6, 6] },
  { layer: 'Conv2DTranspose', keras: { filters: 4, kernel_size: 3, strides: 2 }, tfjs: { filters: 4, kernelSize: 3, strides: 2 }, shape: [null, 5, 5, 2] },
  { layer: 'MaxPooling1D', keras: { pool_size: 2 }, tfjs: { poolSize: 2 }, shape: [null, 8, 3] },
  { layer: 'MaxPooling2D', keras: { pool_size: 2, strides: 1 }, tfjs: { poolSize: 2, strides: 1 }, shape: [null, 6, 6, 3] },
  { layer: 'AveragePooling2D', keras: { pool_size: 3, padding: 'same' }, tfjs: { poolSize: 3, padding: 'same' }, shape: [null, 6, 6, 3] },
  { layer: 'GlobalAveragePooling2D', keras: {}, tfjs: {}, shape: [null, 6, 6, 3] },
  { layer: 'GlobalMaxPooling1D', keras: {}, tfjs: {}, shape: [null, 6, 3] },
  { layer: 'ZeroPadding2D', keras: { padding: [1, 2] }, tfjs: { padding: [1, 2] }, shape: [null, 6, 6, 3] },
  { layer: 'UpSampling2D', keras: { size: 2 }, tfjs: { size: [2, 2] }, shape: [null, 6, 6, 3] },
  { layer: 'Conv3D', keras: { filters: 4, kernel_size: 2 }, tfjs: { filters: 4, kernelSize: 2 }, shape: [null, 5, 5, 5, 2] },
  { layer: 'Conv3DTranspose', keras: { filters: 4, kernel_size: 2, strides: 2 }, tfjs: { filters: 4, kernelSize: 2, strides: 2 }, shape: [null, 3, 3, 3, 2] },
  { layer: 'Conv1DTranspose', keras: { filters: 4, kernel_size: 3, output_padding: 1, strides: 2 }, tfjs: {}, shape: [null, 6, 2] },
  { layer: 'MaxPooling3D', keras: { pool_size: 2 }, tfjs: { poolSize: 2 }, shape: [null, 6, 6, 6, 3] },
  { layer: 'GlobalAveragePooling3D', keras: {}, tfjs: {}, shape: [null, 6, 6, 6, 3] },
  { layer: 'ZeroPadding1D', keras: { padding: [1, 2] }, tfjs: {}, shape: [null, 6, 3] },
  { layer: 'ZeroPadding3D', keras: { padding: 1 }, tfjs: {}, shape: [null, 6, 6, 6, 3] },
  { layer: 'UpSampling1D', keras: { size: 3 }, tfjs: {}, shape: [null, 6, 3] },
  { layer: 'UpSampling3D', keras: { size: 2 }, tfjs: {}, shape: [null, 6, 6, 6, 3] },
  { layer: 'Cropping1D', keras: { cropping: [1, 2] }, tfjs: {}, shape: [null, 6, 3] },
  { layer: 'Cropping2D', keras: { cropping: [[1, 2], [0, 1]] }, tfjs: { cropping: [[1, 2], [0, 1]] }, shape: [null, 6, 6, 3] },
  { layer: 'Cropping3D', keras: { cropping: 1 }, tfjs: {}, shape: [null, 6, 6, 6, 3] },
  { layer: 'SeparableConv2D', keras: { filters: 4, kernel_size: 3, depth_multiplier: 2 }, tfjs: { filters: 4, kernelSize: 3, depthMultiplier: 2 }, shape: [null, 6, 6, 2] },
  { layer: 'DepthwiseConv2D', keras: { kernel_size: 3, strides: 2 }, tfjs: { kernelSize: 3, strides: 2 }, shape: [null, 7, 7, 2] },
  { layer: 'SeparableConv1D', keras: { filters: 4, kernel_size: 3 }, tfjs: {}, shape: [null, 7, 2] },
  { layer: 'DepthwiseConv1D', keras: { kernel_size: 3 }, tfjs: {}, shape: [null, 7, 2] },
  { layer: 'ConvLSTM2D', keras: { filters: 2, kernel_size: 3 }, tfjs: { filters: 2, kernelSize: 3, kernelInitializer: 'zeros', recurrentInitializer: 'zeros' }, shape: [null, 4, 6, 6, 2] },
  { layer: 'ConvLSTM1D', keras: { filters: 2, kernel_size: 3 }, tfjs: {}, shape: [null, 4, 6, 2] },
  // The cell as the evaluator hands it over (a nested layer); a list of cells is a stack.
  { layer: 'RNN', keras: { cell: [{ $layer: 'LSTMCell', name: 'c1', config: { units: 4 } }, { $layer: 'GRUCell', name: 'c2', config: { units: 3, reset_after: true } }] }, tfjs: { cell: { $layer: 'LSTMCell', name: 'c', config: { units: 4 } } }, shape: [null, 7, 3] },
  { layer: 'SimpleRNN', keras: { units: 4 }, tfjs: { units: 4 }, shape: [null, 7, 3] },
  { layer: 'LSTM', keras: { units: 4, return_state: true }, tfjs: { units: 4, returnState: true }, shape: [null, 7, 3] },
  { layer: 'GRU', keras: { units: 4 }, tfjs: { units: 4 }, shape: [null, 7, 3] },
];

const ranks = (o: Outcome) => o.shapes?.map((s) => s.length);

function masked(r: ReturnType<typeof rng>, shape: Shape): Shape {
  return shape.map((d: Dim, i) => (i === 0 || r.int(0, 2) > 0 ? d : r.bool() ? null : 'n'));
}

describe('Conv / pooling / padding / recurrent: unknowns never raise an error', () => {
  for (const c of cases) {
    // Keras-only layers have no TF.js case.
    for (const dialect of defs.get(c.layer)?.tfjsFactory ? (['keras', 'tfjs'] as const) : (['keras'] as const)) {
      it(`${c.layer} ${dialect} ${JSON.stringify(dialect === 'keras' ? c.keras : c.tfjs)} on ${JSON.stringify(c.shape)}`, () => {
        const def = defs.get(c.layer) as LayerDef;
        const config = dialect === 'keras' ? c.keras : c.tfjs;
        const base = catalogOutcomeForDef(def, config, [c.shape], dialect);
        assert.equal(base.error, undefined);
        for (const arg of def.args) {
          const key = dialect === 'keras' ? arg.py : arg.js;
          // return_state decides how many tensors come back; an unknown one cannot keep the count.
          if (!key || arg.py === 'return_state') continue;
          const outcome = catalogOutcomeForDef(def, { ...config, [key]: UNKNOWN }, [c.shape], dialect);
          assert.equal(outcome.error, undefined, `${key} unknown`);
          assert.deepEqual(ranks(outcome), ranks(base), `${key} unknown`);
        }
        const r = rng(c.layer.length * 17 + c.shape.length);
        for (let i = 0; i < 30; i++) {
          const shape = masked(r, c.shape);
          const outcome = catalogOutcomeForDef(def, config, [shape], dialect);
          assert.equal(outcome.error, undefined, JSON.stringify(shape));
          assert.deepEqual(ranks(outcome), ranks(base), JSON.stringify(shape));
        }
      });
    }
  }

  it('leaves every non-batch size unknown when data_format is not statically known', () => {
    const conv = defs.get('Conv2D') as LayerDef;
    // channels_first data read as channels_last would give a negative size here: no false error.
    assert.deepEqual(catalogOutcomeForDef(conv, { filters: 4, kernel_size: 5, data_format: UNKNOWN }, [[null, 3, 32, 32]], 'keras').shapes, [[null, null, null, null]]);
    const pool = defs.get('GlobalMaxPooling2D') as LayerDef;
    assert.deepEqual(catalogOutcomeForDef(pool, { dataFormat: UNKNOWN }, [[null, 3, 32, 32]]).shapes, [[null, null]]);
  });
});
