import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { layerByKerasName, layerByTfjsFactory } from '../src/layers/registry';
import {
  assertDialectsAgree,
  catalogOutcome,
  catalogOutcomeShared,
  kerasCatalogOutcome,
  nonPositiveSize,
  NON_POSITIVE,
  rng,
  runOracle,
  tfjsOutcomeNamed,
  tfjsOutcomeShared,
  type Comparison,
  type OracleCase,
} from './support/tfjsOracle';

type R = ReturnType<typeof rng>;

/** A random SeparableConv2D / DepthwiseConv2D config in TF.js spelling, some of it invalid. */
function randomConfig(r: R, factory: string): { config: Record<string, unknown>; shape: Shape } {
  const separable = factory === 'separableConv2d';
  const roll = r.int(0, 99);
  const config: Record<string, unknown> = {};
  const tuple = (lo: number, hi: number) => (r.bool() ? r.int(lo, hi) : [r.int(lo, hi), r.int(lo, hi)]);
  if (separable) config.filters = roll < 3 ? r.pick([0, -1, 2.5]) : r.int(1, 6);
  config.kernelSize = roll >= 3 && roll < 6 ? [2, 2, 2] : tuple(1, 4);
  if (r.bool()) config.strides = roll >= 6 && roll < 8 ? [1, 1, 1] : tuple(1, 3);
  if (r.bool()) config.padding = roll >= 8 && roll < 11 ? r.pick(['causal', 'full']) : r.pick(['valid', 'same']);
  if (r.bool()) config.dataFormat = roll >= 11 && roll < 13 ? 'NHWC' : r.pick(['channelsLast', 'channelsFirst']);
  if (r.int(0, 3) === 0) config.dilationRate = tuple(1, 2);
  if (r.bool()) config.depthMultiplier = roll >= 13 && roll < 16 ? r.pick([0, 1.5, -1]) : r.int(1, 3);
  if (r.bool()) config.useBias = r.bool();
  const ndim = roll >= 92 ? r.pick([3, 5]) : 4;
  const dims = Array.from({ length: ndim - 1 }, () => (r.int(0, 9) === 0 ? null : r.int(1, 12)));
  if (config.dataFormat === 'channelsFirst') dims[0] = r.int(1, 5);
  else dims[dims.length - 1] = r.int(1, 5);
  return { config, shape: [r.pick([null, null, 2]), ...dims] };
}

const DEPTHWISE_RANK5 =
  'TF.js DepthwiseConv2D declares no input spec and reads a 5-D input with 4-D axes (a 4-D shape, or an error about axis 3); the catalog reports the ndim mismatch';

/** Named divergences for these two layers (beyond the shared non-positive-size rule). */
function documented(c: OracleCase, cmp: Comparison): string | undefined {
  const size = nonPositiveSize(c, cmp);
  if (size) return size;
  if (c.shapes[0].length === 5 && c.config.filters === undefined && /expected ndim=4, found ndim=5/.test(cmp.actual.error ?? '')) return DEPTHWISE_RANK5;
  return undefined;
}

describe('SeparableConv2D / DepthwiseConv2D against TF.js', () => {
  for (const factory of ['separableConv2d', 'depthwiseConv2d']) {
    it(`${factory}: agrees on shapes, parameter counts and errors over random configurations`, (t) => {
      const r = rng(factory.length * 1009 + 7);
      const cases = Array.from({ length: 300 }, () => {
        const { config, shape } = randomConfig(r, factory);
        return { config, shapes: [shape] };
      });
      const report = runOracle(factory, cases, { documented });
      t.diagnostic(`${factory}: ${JSON.stringify(report)}`);
      assert.ok(report.documented[NON_POSITIVE] > 0 && report.agreedErrors > 10 && report.agreed > report.total / 2);
    });

    it(`${factory}: a shared layer object on a second channel count does what TF.js does`, (t) => {
      const r = rng(factory.length * 31 + 1);
      const def = layerByTfjsFactory(factory)!;
      let errors = 0;
      for (let i = 0; i < 30; i++) {
        const config: Record<string, unknown> = { kernelSize: 2, padding: 'same', depthMultiplier: r.int(1, 2) };
        if (factory === 'separableConv2d') config.filters = r.int(1, 4);
        const channels = r.int(1, 4);
        const shapes: Shape[] = [[null, 5, 5, channels], [null, 4, 6, r.bool() ? channels : r.int(1, 4)]];
        const expected = tfjsOutcomeShared(factory, config, shapes);
        assert.deepEqual(catalogOutcomeShared(def, config, shapes), expected, JSON.stringify({ config, shapes, expected }));
        if (expected.error) errors++;
      }
      // SeparableConv2D pins the channel axis when built; DepthwiseConv2D pins nothing, so never rejects.
      t.diagnostic(`${factory}: 30 two-call configurations, all identical to TF.js (${errors} errors)`);
      assert.ok(factory === 'depthwiseConv2d' ? errors === 0 : errors > 3);
    });
  }

  it('explicit TF.js oddity — DepthwiseConv2D ignores dilation in its output shape (Keras uses it)', () => {
    const config = { kernelSize: 3, dilationRate: 2 };
    const expected = tfjsOutcomeNamed('depthwiseConv2d', config, [[null, 9, 9, 3]]);
    assert.deepEqual(expected.shapes, [[null, 7, 7, 3]]);
    assert.deepEqual(catalogOutcome('depthwiseConv2d', config, [[null, 9, 9, 3]]), expected);
    // Keras: 9 - (2·(3 - 1) + 1) + 1 = 5
    assert.deepEqual(catalogOutcome('depthwiseConv2d', { kernel_size: 3, dilation_rate: 2 }, [[null, 9, 9, 3]], 'keras').shapes, [[null, 5, 5, 3]]);
  });

  it('explicit TF.js oddity — an unknown channel count: TF.js throws, the catalog leaves the weights unknown', () => {
    const expected = tfjsOutcomeNamed('separableConv2d', { filters: 2, kernelSize: 3 }, [[null, 5, 5, null]]);
    assert.equal(expected.error, 'The channel dimension of the inputs should be defined, but found null');
    assert.deepEqual(catalogOutcome('separableConv2d', { filters: 2, kernelSize: 3 }, [[null, 5, 5, null]]), { shapes: [[null, 3, 3, 2]], trainable: undefined, nonTrainable: 0 });
  });
});

describe('Separable / depthwise convolutions in Keras 3 (table from base_separable_conv.py, base_depthwise_conv.py)', () => {
  const k = (className: string, config: Record<string, unknown>, shape: Shape, positional: unknown[] = []) => kerasCatalogOutcome(className, config, [shape], positional);
  it('computes shapes and parameter counts', () => {
    // SeparableConv2D(8, 3) on 4 channels, dm 1: depthwise 3·3·4·1 = 36, pointwise 1·1·4·8 = 32, bias 8 → 76
    assert.deepEqual(k('SeparableConv2D', {}, [null, 10, 10, 4], [8, 3]), { shapes: [[null, 8, 8, 8]], trainable: 76, nonTrainable: 0 });
    // dm 2: depthwise 3·3·4·2 = 72, pointwise 1·1·8·8 = 64, bias 8 → 144
    assert.equal(k('SeparableConv2D', { depth_multiplier: 2 }, [null, 10, 10, 4], [8, 3]).trainable, 144);
    // SeparableConv1D(6, 5, padding='same') on 3 channels: 5·3 + 3·6 + 6 = 39; length kept
    assert.deepEqual(k('SeparableConvolution1D', { padding: 'same' }, [null, 20, 3], [6, 5]), { shapes: [[null, 20, 6]], trainable: 39, nonTrainable: 0 });
    // DepthwiseConv2D(3, depth_multiplier=2) on 4 channels: 3·3·4·2 + 8 = 80; channels 4·2 = 8
    assert.deepEqual(k('DepthwiseConv2D', { depth_multiplier: 2 }, [null, 10, 10, 4], [3]), { shapes: [[null, 8, 8, 8]], trainable: 80, nonTrainable: 0 });
    // DepthwiseConv1D(3, strides=2) channels_first on (None, 4, 9): (9 - 3) // 2 + 1 = 4; 3·4·1 + 4 = 16
    assert.deepEqual(k('DepthwiseConv1D', { strides: 2, data_format: 'channels_first' }, [null, 4, 9], [3]), { shapes: [[null, 4, 4]], trainable: 16, nonTrainable: 0 });
  });

  it('lays out the kernels as Keras does', () => {
    const def = layerByKerasName('SeparableConv2D')!;
    const config = { ...Object.fromEntries(def.args.map((a) => [a.py, a.default ?? null])), filters: 8, kernel_size: [3, 2], depth_multiplier: 2 };
    const built = def.build!(config, [[null, 10, 10, 4]], { dialect: 'keras', layerName: 's' });
    assert.deepEqual(built.weights.map((w) => [w.name, w.shape]), [['depthwise_kernel', [3, 2, 4, 2]], ['pointwise_kernel', [1, 1, 8, 8]], ['bias', [8]]]);
    const dw = layerByKerasName('DepthwiseConv2D')!;
    const dwConfig = { ...Object.fromEntries(dw.args.map((a) => [a.py, a.default ?? null])), kernel_size: 3, depth_multiplier: 3 };
    assert.deepEqual(dw.build!(dwConfig, [[null, 10, 10, 4]], { dialect: 'keras', layerName: 'd' }).weights.map((w) => [w.name, w.shape]), [['depthwise_kernel', [3, 3, 4, 3]], ['bias', [12]]]);
  });

  it('raises Keras 3 errors in its words', () => {
    assert.equal(
      k('DepthwiseConv1D', { depth_multiplier: 0 }, [null, 10, 4], [1]).error,
      'Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier=0.',
    );
    assert.equal(k('SeparableConv1D', {}, [null, 10, 4], [0, 1]).error, 'Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0.');
    assert.equal(
      k('DepthwiseConv2D', {}, [null, 10, 4], [[1, 0]]).error,
      'The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(1, 0), including values {0} that do not satisfy `value > 0`',
    );
    assert.equal(k('SeparableConv1D', { padding: 'causal' }, [null, 10, 4], [2, 3]).error, "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal");
    assert.equal(
      k('DepthwiseConv2D', { depth_multiplier: 2 }, [null, 2, 5, 4], [3]).error,
      'Computed output size would be zero or negative. Received `inputs shape=(None, 2, 5, 4)`, `kernel shape=(3, 3, 4, 8)`, `dilation_rate=[1 1]`, `strides=(1, 1)`, `padding=valid`.',
    );
    assert.equal(
      k('SeparableConv2D', {}, [null, 5, 4], [2, 3]).error,
      'Input 0 of layer "layer_test" is incompatible with the layer: expected min_ndim=4, found ndim=3. Full shape received: (None, 5, 4)',
    );
  });
});

describe('Separable / depthwise: the Keras dialect against TF.js where Keras documents the same formula', () => {
  for (const factory of ['separableConv2d', 'depthwiseConv2d']) {
    it(`${factory}: same shapes and parameter counts, same accept/reject, outside the listed differences`, (t) => {
      const r = rng(factory.length * 613 + 3);
      let compared = 0;
      for (let i = 0; i < 200; i++) {
        const { config, shape } = randomConfig(r, factory);
        const big = (v: unknown) => (Array.isArray(v) ? Math.max(...(v as number[])) : (v as number | undefined) ?? 1) > 1;
        const dm = config.depthMultiplier as number | undefined;
        const differs =
          typeof config.padding === 'string' || // Keras rejects 'causal'/'full' with its own message at construction, TF.js another
          shape.length !== 4 || // Keras: min_ndim; TF.js: its build-time rank messages
          (big(config.strides) && big(config.dilationRate)) || // Keras rejects at construction
          (dm !== undefined && dm <= 0) || // Keras rejects; TF.js builds empty kernels
          (dm !== undefined && !Number.isInteger(dm)) ||
          (typeof config.filters === 'number' && !Number.isInteger(config.filters)) ||
          (factory === 'depthwiseConv2d' && config.dilationRate !== undefined); // TF.js's shape ignores dilation
        if (differs) continue;
        assertDialectsAgree(factory, config, [shape]);
        compared++;
      }
      t.diagnostic(`${factory}: ${compared} configurations compared across dialects`);
      assert.ok(compared > 50);
    });
  }
});
