import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { layerByKerasName } from '../src/layers/registry';
import { catalogOutcome, kerasCatalogOutcome, nonPositiveSize, rng, runOracle, tfjsOutcomeNamed, assertDialectsAgree } from './support/tfjsOracle';

type R = ReturnType<typeof rng>;

function randomPool(r: R, factory: string): { config: Record<string, unknown>; shape: Shape } {
  const rank = factory.endsWith('1d') ? 1 : factory.endsWith('3d') ? 3 : 2;
  const global = factory.startsWith('global');
  const config: Record<string, unknown> = {};
  const roll = r.int(0, 99);
  if (!global) {
    const tuple = (lo: number, hi: number) => (r.bool() ? r.int(lo, hi) : Array.from({ length: rank }, () => r.int(lo, hi)));
    if (r.int(0, 3) > 0) config.poolSize = roll < 4 ? 0 : tuple(1, 4);
    if (r.bool()) config.strides = roll >= 4 && roll < 8 ? [1, 1, 1] : roll >= 8 && roll < 10 ? -1 : tuple(1, 3);
    if (r.bool()) config.padding = roll >= 10 && roll < 12 ? 'full' : r.pick(['valid', 'same']);
  }
  if (rank > 1 && r.bool()) config.dataFormat = roll >= 12 && roll < 14 ? 'NCHW' : r.pick(['channelsLast', 'channelsFirst']);
  const ndim = roll >= 90 ? r.pick([rank + 1, rank + 3]) : rank + 2;
  const dims = Array.from({ length: ndim - 1 }, () => (r.int(0, 9) === 0 ? null : r.int(1, 10)));
  return { config, shape: [r.pick([null, null, 3]), ...dims] };
}

const factories = [
  'maxPooling1d',
  'maxPooling2d',
  'maxPooling3d',
  'averagePooling1d',
  'averagePooling2d',
  'averagePooling3d',
  'globalMaxPooling1d',
  'globalMaxPooling2d',
  'globalAveragePooling1d',
  'globalAveragePooling2d',
];

describe('Pooling layers against TF.js', () => {
  for (const factory of factories) {
    it(`${factory}: agrees on shapes and errors over random configurations`, (t) => {
      const r = rng(factory.length * 104729 + factory.charCodeAt(0));
      const cases = Array.from({ length: 200 }, () => {
        const { config, shape } = randomPool(r, factory);
        return { config, shapes: [shape] };
      });
      // The same explicit divergence as for convolutions: TF.js builds a pooling whose output size is <= 0.
      const report = runOracle(factory, cases, { documented: nonPositiveSize });
      t.diagnostic(`${factory}: ${JSON.stringify(report)}`);
      assert.ok(report.agreedErrors > 5 && report.agreed > report.total / 2);
    });
  }

  it('explicit TF.js oddity — 1-D pooling and global 1-D pooling ignore dataFormat (Keras 3 honours it)', () => {
    for (const factory of ['maxPooling1d', 'globalAveragePooling1d']) {
      const config = { dataFormat: 'channelsFirst' };
      const expected = tfjsOutcomeNamed(factory, config, [[null, 6, 4]]);
      assert.deepEqual(catalogOutcome(factory, config, [[null, 6, 4]]), expected);
    }
    assert.deepEqual(catalogOutcome('maxPooling1d', { data_format: 'channels_first' }, [[null, 6, 4]], 'keras').shapes, [[null, 6, 2]]);
    assert.deepEqual(catalogOutcome('globalAveragePooling1d', { data_format: 'channels_first' }, [[null, 6, 4]], 'keras').shapes, [[null, 6]]);
  });

  it('explicit TF.js oddity — keepDims is not a TF.js option; global pooling always drops the axes there', () => {
    const expected = tfjsOutcomeNamed('globalMaxPooling2d', { keepDims: true }, [[null, 5, 4, 3]]);
    assert.deepEqual(expected.shapes, [[null, 3]]);
    assert.deepEqual(catalogOutcome('globalMaxPooling2d', { keepDims: true }, [[null, 5, 4, 3]]), expected);
  });
});

describe('Pooling layers in Keras 3 (table from compute_pooling_output_shape and base_global_pooling.py)', () => {
  const k = (factory: string, config: Record<string, unknown>, shape: Shape) => catalogOutcome(factory, config, [shape], 'keras');
  it('computes shapes', () => {
    assert.deepEqual(k('maxPooling2d', {}, [null, 7, 6, 3]), { shapes: [[null, 3, 3, 3]], trainable: 0, nonTrainable: 0 });
    assert.deepEqual(k('averagePooling2d', { pool_size: 3, strides: 1 }, [null, 7, 6, 3]).shapes, [[null, 5, 4, 3]]);
    assert.deepEqual(k('maxPooling2d', { pool_size: 3, padding: 'same' }, [null, 7, 6, 3]).shapes, [[null, 3, 2, 3]]);
    assert.deepEqual(k('maxPooling2d', { data_format: 'channels_first' }, [null, 3, 8, 8]).shapes, [[null, 3, 4, 4]]);
    assert.deepEqual(k('maxPooling1d', { pool_size: 4 }, [null, 'steps', 3]).shapes, [[null, '((steps - 4) // 4) + 1', 3]]);
    assert.deepEqual(k('globalAveragePooling2d', { keepdims: true }, [null, 5, 4, 3]).shapes, [[null, 1, 1, 3]]);
    assert.deepEqual(k('globalAveragePooling2d', { keepdims: true, data_format: 'channels_first' }, [null, 3, 5, 4]).shapes, [[null, 3, 1, 1]]);
    assert.deepEqual(k('globalMaxPooling1d', { keepdims: true }, [null, 5, 3]).shapes, [[null, 1, 3]]);
    assert.deepEqual(k('globalMaxPooling2d', {}, [null, 5, 4, 3]).shapes, [[null, 3]]);
  });

  it('raises Keras 3 errors in its words', () => {
    assert.equal(
      k('maxPooling2d', { pool_size: 3 }, [null, 2, 5, 4]).error,
      'Computed output size would be zero or negative. Received: `inputs.shape=[None 2 5 4]`, `pool_size=[3 3]`, `strides=(3, 3)`, `padding=valid`.',
    );
    // numpy has already replaced the unknown spatial size with -1 when it prints the shape
    assert.equal(
      k('maxPooling2d', { pool_size: 3 }, [null, null, 2, 4]).error,
      'Computed output size would be zero or negative. Received: `inputs.shape=[None -1 2 4]`, `pool_size=[3 3]`, `strides=(3, 3)`, `padding=valid`.',
    );
    assert.equal(k('maxPooling1d', { padding: 'full' }, [null, 4, 4]).error, "Argument `padding` must be either 'valid' or 'same'. Received: padding=full");
    assert.equal(
      k('maxPooling2d', { pool_size: 0 }, [null, 4, 4, 4]).error,
      'The `pool_size` argument must be a tuple of 2 integers. Received pool_size=0, including values {0} that do not satisfy `value > 0`',
    );
    assert.equal(
      k('maxPooling2d', {}, [null, 4, 4]).error,
      'Input 0 of layer "maxPooling2d_test" is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: (None, 4, 4)',
    );
  });

  it('finds the layers by their aliases', () => {
    for (const [alias, name] of [['MaxPool2D', 'MaxPooling2D'], ['AvgPool1D', 'AveragePooling1D'], ['GlobalAvgPool2D', 'GlobalAveragePooling2D'], ['GlobalMaxPool1D', 'GlobalMaxPooling1D'], ['MaxPool3D', 'MaxPooling3D'], ['AvgPool3D', 'AveragePooling3D'], ['GlobalMaxPool3D', 'GlobalMaxPooling3D'], ['GlobalAvgPool3D', 'GlobalAveragePooling3D']]) {
      assert.equal(layerByKerasName(alias)?.className, name);
    }
  });
});

describe('Pooling layers: the Keras dialect against TF.js where Keras documents the same formula', () => {
  for (const factory of factories) {
    it(`${factory}: same shapes, same accept/reject`, (t) => {
      const r = rng(factory.length * 577 + 2);
      let compared = 0;
      for (let i = 0; i < 200; i++) {
        // The random configurations avoid the known differences (dataFormat on 1-D pooling, 'causal' padding,
        // strides 0, keepdims), which have their own tests.
        const { config, shape } = randomPool(r, factory);
        assertDialectsAgree(factory, config, [shape]);
        compared++;
      }
      t.diagnostic(`${factory}: ${compared} configurations compared across dialects`);
    });
  }
});

describe('3-D pooling in Keras 3 (table from compute_pooling_output_shape; the global 3-D layers are Keras only)', () => {
  const k = (className: string, config: Record<string, unknown>, shape: Shape) => kerasCatalogOutcome(className, config, [shape]);
  it('computes shapes', () => {
    // valid, pool 2 = strides: floor((L - 2) / 2) + 1 → 7 → 3, 6 → 3, 5 → 2
    assert.deepEqual(k('MaxPooling3D', {}, [null, 7, 6, 5, 3]), { shapes: [[null, 3, 3, 2, 3]], trainable: 0, nonTrainable: 0 });
    // same, pool 3, strides 2: ceil(L / 2) → 4, 3, 3; channels_first keeps axis 1
    assert.deepEqual(k('AveragePooling3D', { pool_size: 3, strides: 2, padding: 'same', data_format: 'channels_first' }, [null, 3, 7, 6, 5]).shapes, [[null, 3, 4, 3, 3]]);
    assert.deepEqual(k('GlobalMaxPooling3D', {}, [null, 7, 6, 5, 3]).shapes, [[null, 3]]);
    assert.deepEqual(k('GlobalAveragePooling3D', { keepdims: true }, [null, 7, 6, 5, 3]).shapes, [[null, 1, 1, 1, 3]]);
    assert.deepEqual(k('GlobalAvgPool3D', { data_format: 'channels_first' }, [null, 3, 7, 6, 5]).shapes, [[null, 3]]);
    assert.equal(
      k('GlobalMaxPooling3D', {}, [null, 7, 6, 3]).error,
      'Input 0 of layer "layer_test" is incompatible with the layer: expected ndim=5, found ndim=4. Full shape received: (None, 7, 6, 3)',
    );
    assert.equal(
      k('MaxPooling3D', { pool_size: 3 }, [null, 2, 5, 5, 4]).error,
      'Computed output size would be zero or negative. Received: `inputs.shape=[None 2 5 5 4]`, `pool_size=[3 3 3]`, `strides=(3, 3, 3)`, `padding=valid`.',
    );
  });
});
