import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { callLayer, resolveConfig } from '../src/layers/apply';
import { layerByKerasName } from '../src/layers/registry';
import { kerasCatalogOutcome, rng, runOracle, type OracleCase } from './support/tfjsOracle';

type Rng = ReturnType<typeof rng>;
const dims = (r: Rng, n: number, lo = 1, hi = 6) => Array.from({ length: n }, () => r.int(lo, hi));

/** Both runtimes reject a normalized axis whose size is None (a null dim, or the batch axis itself); our null may
 *  only mean "unknown to the analyzer", so the catalog builds weights of unknown size instead. */
function nullAxisDim(c: OracleCase, message: string | undefined): boolean {
  return c.shapes[0].includes(null) && message !== undefined && /should have a defined dimension|positive integers/.test(message);
}

describe('BatchNormalization against TF.js', () => {
  it('agrees on shapes, trainable gamma/beta and non-trainable moving statistics, and bad axes', (t) => {
    const r = rng(31);
    const cases: OracleCase[] = [];
    for (let i = 0; i < 300; i++) {
      const rank = r.int(2, 5);
      const shape: Dim[] = [null, ...dims(r, rank - 1, 1, 9)];
      if (r.int(0, 9) === 0) shape[r.int(1, rank - 1)] = null;
      const axis = r.int(0, 3) === 0 ? r.int(-rank - 2, rank + 1) : r.pick([-1, 1, rank - 1]);
      const config: Record<string, unknown> = r.bool() ? {} : { axis };
      if (r.bool()) config.center = r.bool();
      if (r.bool()) config.scale = r.bool();
      if (r.int(0, 5) === 0) config.trainable = false;
      cases.push({ config, shapes: [shape] });
    }
    const report = runOracle('batchNormalization', cases, {
      documented: (c, cmp) => (nullAxisDim(c, cmp.expected.error) && cmp.actual.shapes ? 'null-axis-dim-is-unknown' : undefined),
    });
    t.diagnostic(JSON.stringify(report));
    assert.ok(report.agreed >= 270);
  });
});

describe('LayerNormalization against TF.js', () => {
  it('agrees over int and list axes, duplicates, out-of-range and non-integer axes', (t) => {
    const r = rng(32);
    const cases: OracleCase[] = [];
    for (let i = 0; i < 300; i++) {
      const rank = r.int(2, 4);
      const shape: Dim[] = [null, ...dims(r, rank - 1, 1, 9)];
      if (r.int(0, 12) === 0) shape[r.int(1, rank - 1)] = null;
      const oneAxis = () => (r.int(0, 7) === 0 ? r.int(-rank - 1, rank) : r.int(1, rank - 1) - (r.bool() ? rank : 0));
      const roll = r.int(0, 9);
      const axis = roll === 0 ? 1.5 : roll <= 3 ? [oneAxis(), oneAxis()] : roll === 4 ? [oneAxis()] : oneAxis();
      const config: Record<string, unknown> = roll === 9 ? {} : { axis };
      if (r.bool()) config.center = r.bool();
      if (r.bool()) config.scale = r.bool();
      cases.push({ config, shapes: [shape] });
    }
    const report = runOracle('layerNormalization', cases, {
      documented: (c, cmp) => (nullAxisDim(c, cmp.expected.error) && cmp.actual.shapes ? 'null-axis-dim-is-unknown' : undefined),
    });
    t.diagnostic(JSON.stringify(report));
    assert.ok(report.agreed >= 270);
  });
});

describe('Normalization in Keras 3 (table, from keras/src/layers/normalization)', () => {
  const table: [string, Record<string, unknown>, Shape, { trainable?: number; nonTrainable?: number; error?: string }][] = [
    ['BatchNormalization', {}, [null, 5], { trainable: 10, nonTrainable: 10 }],
    ['BatchNormalization', { axis: 1 }, [null, 3, 8, 8], { trainable: 6, nonTrainable: 6 }],
    ['BatchNormalization', { center: false }, [null, 4], { trainable: 4, nonTrainable: 8 }],
    ['BatchNormalization', { trainable: false }, [null, 4], { trainable: 0, nonTrainable: 16 }],
    ['BatchNormalization', { axis: 3 }, [null, 4], { error: 'BatchNormalization axis 3 is out of range for an input of shape (None, 4)' }],
    ['LayerNormalization', {}, [null, 7, 5], { trainable: 10, nonTrainable: 0 }],
    ['LayerNormalization', { axis: [1, 2] }, [null, 7, 5], { trainable: 70, nonTrainable: 0 }],
    ['LayerNormalization', { axis: [1, 1] }, [null, 3], { trainable: 18, nonTrainable: 0 }], // Keras keeps both
    ['LayerNormalization', { rms_scaling: true }, [null, 6], { trainable: 6, nonTrainable: 0 }],
    [
      'LayerNormalization',
      { axis: 2 },
      [null, 6],
      { error: 'Axis 2 is out of bounds for input shape (None, 6). Ensure axis is within the range of input dimensions.' },
    ],
    ['LayerNormalization', { axis: 'x' }, [null, 6], { error: "Expected an int or a list/tuple of ints for the argument 'axis', but received: 'x'" }],
  ];
  for (const [cls, config, shape, expected] of table) {
    it(`${cls}(${JSON.stringify(config)}) on ${JSON.stringify(shape)}`, () => {
      const actual = kerasCatalogOutcome(cls, config, [shape]);
      if (expected.error) assert.equal(actual.error, expected.error);
      else assert.deepEqual(actual, { shapes: [shape], trainable: expected.trainable, nonTrainable: expected.nonTrainable });
    });
  }

  it('checks later calls against the built axis size, in Keras\'s words with the axis as written', () => {
    const def = layerByKerasName('BatchNormalization')!;
    const { config } = resolveConfig(def, [], {}, 'keras');
    const ctx = { dialect: 'keras' as const, layerName: 'batch_normalization' };
    const first = callLayer(def, config, [[null, 5]], ctx, undefined);
    const second = callLayer(def, config, [[null, 6]], ctx, first.build);
    assert.equal(
      second.error?.message,
      'Input 0 of layer "batch_normalization" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 6)',
    );
  });
});
