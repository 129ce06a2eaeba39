import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { catalogOutcome, kerasCatalogOutcome, rng, type Outcome } from './support/tfjsOracle';

// The catalog's first rule: an error only when two known facts conflict. Property: take a call that succeeds,
// make some input dims unknown (null) or symbolic ('n'), and the call must still succeed with the same rank.

type Case = { tfjs: string; keras: string; config: Record<string, unknown>; kerasConfig?: Record<string, unknown>; shapes: Shape[] };

const cases: Case[] = [
  { tfjs: 'flatten', keras: 'Flatten', config: {}, shapes: [[null, 3, 4, 5]] },
  { tfjs: 'reshape', keras: 'Reshape', config: { targetShape: [-1, 6] }, kerasConfig: { target_shape: [-1, 6] }, shapes: [[null, 4, 3]] },
  { tfjs: 'reshape', keras: 'Reshape', config: { targetShape: [2, 6] }, kerasConfig: { target_shape: [2, 6] }, shapes: [[null, 4, 3]] },
  { tfjs: 'permute', keras: 'Permute', config: { dims: [2, 1] }, shapes: [[null, 4, 3]] },
  { tfjs: 'repeatVector', keras: 'RepeatVector', config: { n: 3 }, shapes: [[null, 4]] },
  { tfjs: 'add', keras: 'Add', config: {}, shapes: [[null, 3, 5], [null, 3, 5], [null, 5]] },
  { tfjs: 'multiply', keras: 'Multiply', config: {}, shapes: [[null, 10], [null, 10]] },
  { tfjs: 'concatenate', keras: 'Concatenate', config: { axis: 1 }, shapes: [[null, 2, 5], [null, 3, 5]] },
  { tfjs: 'concatenate', keras: 'Concatenate', config: {}, shapes: [[null, 2, 5], [null, 2, 4]] },
  { tfjs: 'dot', keras: 'Dot', config: { axes: [2, 1] }, shapes: [[null, 3, 5], [null, 5, 4]] },
  { tfjs: 'dot', keras: 'Dot', config: { axes: -1 }, shapes: [[null, 5], [null, 5]] },
  { tfjs: 'batchNormalization', keras: 'BatchNormalization', config: { axis: 1 }, shapes: [[null, 3, 4]] },
  { tfjs: 'layerNormalization', keras: 'LayerNormalization', config: { axis: [1, 2] }, shapes: [[null, 3, 4]] },
  { tfjs: 'embedding', keras: 'Embedding', config: { inputDim: 10, outputDim: 3, inputLength: 4 }, kerasConfig: { input_dim: 10, output_dim: 3 }, shapes: [[null, 4]] },
  { tfjs: 'spatialDropout1d', keras: 'SpatialDropout1D', config: { rate: 0.2 }, shapes: [[null, 4, 3]] },
];

function masked(r: ReturnType<typeof rng>, shapes: Shape[]): Shape[] {
  return shapes.map((s) => s.map((d: Dim, i) => (i === 0 || r.int(0, 2) > 0 ? d : r.bool() ? null : 'n')));
}

const ranks = (o: Outcome) => o.shapes?.map((s) => s.length);

describe('Unknown and symbolic dims never raise an error', () => {
  for (const c of cases) {
    it(`${c.keras} ${JSON.stringify(c.config)} on ${JSON.stringify(c.shapes)}`, () => {
      const multi = c.shapes.length > 1;
      const baseJs = catalogOutcome(c.tfjs, c.config, c.shapes);
      const baseKeras = kerasCatalogOutcome(c.keras, c.kerasConfig ?? c.config, c.shapes);
      assert.equal(baseJs.error, undefined);
      assert.equal(baseKeras.error, undefined);
      const r = rng(c.keras.length * 13 + c.shapes.length);
      for (let i = 0; i < 40; i++) {
        const shapes = masked(r, c.shapes);
        const js = catalogOutcome(c.tfjs, c.config, multi ? shapes : [shapes[0]]);
        const keras = kerasCatalogOutcome(c.keras, c.kerasConfig ?? c.config, shapes);
        assert.equal(js.error, undefined, JSON.stringify(shapes));
        assert.equal(keras.error, undefined, JSON.stringify(shapes));
        assert.deepEqual(ranks(js), ranks(baseJs));
        assert.deepEqual(ranks(keras), ranks(baseKeras));
      }
    });
  }

  it('carries symbolic dims through the arithmetic', () => {
    assert.deepEqual(kerasCatalogOutcome('Flatten', {}, [[null, 'n', 4]]).shapes, [[null, 'n*4']]);
    assert.deepEqual(kerasCatalogOutcome('Concatenate', { axis: 1 }, [[null, 'n', 4], [null, 3, 4]]).shapes, [[null, 'n + 3', 4]]);
    assert.deepEqual(kerasCatalogOutcome('Reshape', { target_shape: [-1] }, [[null, 'n', 4]]).shapes, [[null, 'n*4']]);
    assert.deepEqual(kerasCatalogOutcome('Add', {}, [[null, 'n', 4], [null, 'n', 4]]).shapes, [[null, 'n', 4]]);
    assert.deepEqual(kerasCatalogOutcome('Embedding', { input_dim: 'vocab', output_dim: 8 }, [[null, 'len']]), {
      shapes: [[null, 'len', 8]],
      trainable: undefined,
      nonTrainable: 0,
    });
  });
});
