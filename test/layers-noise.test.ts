import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { kerasCatalogOutcome, rng, runOracle, type OracleCase } from './support/tfjsOracle';

// Dropout, SpatialDropout1D, GaussianNoise, GaussianDropout, AlphaDropout, Masking: shape-preserving, no weights.
const layers: [string, (r: ReturnType<typeof rng>) => Record<string, unknown>][] = [
  ['dropout', (r) => ({ rate: r.pick([0, 0.1, 0.5, 1, 1.5]) })],
  ['spatialDropout1d', (r) => ({ rate: r.pick([0.2, 0.5]) })],
  ['gaussianNoise', (r) => ({ stddev: r.pick([0.1, 1, 2]) })],
  ['gaussianDropout', (r) => ({ rate: r.pick([0.1, 0.9]) })],
  ['alphaDropout', (r) => ({ rate: r.pick([0.1, 0.9]) })],
  ['masking', (r) => (r.bool() ? {} : { maskValue: r.pick([0, -1]) })],
];

describe('Shape-preserving layers against TF.js', () => {
  for (const [factory, config] of layers) {
    it(`tf.layers.${factory}`, (t) => {
      const r = rng(factory.length * 7);
      const cases: OracleCase[] = Array.from({ length: 60 }, () => ({
        config: config(r),
        shapes: [[null, ...Array.from({ length: r.int(0, 4) }, () => r.int(1, 6))]] as Shape[],
      }));
      const report = runOracle(factory, cases);
      t.diagnostic(JSON.stringify(report));
      assert.equal(report.agreed, report.total);
    });
  }
});

describe('Shape-preserving layers in Keras 3 (table)', () => {
  it('rejects a rate outside [0, 1] in the constructor, as Keras does (TF.js clamps it)', () => {
    assert.equal(
      kerasCatalogOutcome('Dropout', { rate: 1.5 }, [[null, 3]]).error,
      'Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5',
    );
    assert.equal(
      kerasCatalogOutcome('GaussianNoise', { stddev: 2 }, [[null, 3]]).error,
      'Invalid value received for argument `stddev`. Expected a float value between 0 and 1. Received: stddev=2',
    );
  });

  it('requires the spatial dropouts\' ranks and keeps every shape', () => {
    assert.deepEqual(kerasCatalogOutcome('SpatialDropout2D', { rate: 0.5 }, [[null, 8, 8, 3]]).shapes, [[null, 8, 8, 3]]);
    assert.equal(
      kerasCatalogOutcome('SpatialDropout3D', { rate: 0.5 }, [[null, 8, 8, 3]]).error,
      'Input 0 of layer "layer_test" is incompatible with the layer: expected ndim=5, found ndim=4. Full shape received: (None, 8, 8, 3)',
    );
    assert.deepEqual(kerasCatalogOutcome('ActivityRegularization', { l1: 0.01 }, [[null, 4]]), { shapes: [[null, 4]], trainable: 0, nonTrainable: 0 });
  });
});
