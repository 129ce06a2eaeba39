import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { layerByTfjsFactory } from '../src/layers/registry';
import { catalogOutcome, catalogOutcomeShared, kerasCatalogOutcome, nonPositiveSize, NON_POSITIVE, rng, runOracle, tfjsOutcomeNamed, tfjsOutcomeShared, assertDialectsAgree, type Outcome } from './support/tfjsOracle';

type R = ReturnType<typeof rng>;

/** A random conv config in TF.js spelling, with some invalid values mixed in. */
function randomConv(r: R, factory: string): { config: Record<string, unknown>; shape: Shape } {
  const rank = factory === 'conv1d' ? 1 : factory.startsWith('conv3d') ? 3 : 2;
  const transpose = factory.endsWith('Transpose');
  const config: Record<string, unknown> = {};
  const roll = r.int(0, 99);
  config.filters = roll < 3 ? r.pick([0, -1, 2.5]) : r.int(1, 8);
  const tuple = (lo: number, hi: number) => (r.bool() ? r.int(lo, hi) : Array.from({ length: rank }, () => r.int(lo, hi)));
  config.kernelSize = roll >= 3 && roll < 6 ? Array.from({ length: rank + 1 }, () => 2) : tuple(1, 5);
  if (r.bool()) config.strides = roll >= 6 && roll < 9 ? [1, 1, 1] : tuple(1, 3);
  const paddings = rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (r.bool()) config.padding = roll >= 9 && roll < 11 ? 'full' : r.pick(paddings);
  if (r.bool()) config.dataFormat = roll >= 11 && roll < 13 ? 'NHWC' : r.pick(['channelsLast', 'channelsFirst']);
  // TF.js validates dilation but rejects nothing about strides>1 with dilation>1; keep both small.
  if (!transpose && r.int(0, 3) === 0) config.dilationRate = tuple(1, 2);
  if (r.bool()) config.useBias = r.bool();
  // Input: mostly the right rank, sometimes one more or one less; spatial sizes sometimes unknown; channels known
  // (an unknown channel count is an explicit case below).
  const ndim = roll >= 90 ? r.pick([rank + 1, rank + 3]) : rank + 2;
  // 3-D volumes start at 3 so that most valid kernels fit all three axes at once.
  const dims = Array.from({ length: ndim - 1 }, () => (r.int(0, 9) === 0 ? null : r.int(rank === 3 ? 3 : 1, 12)));
  const first = config.dataFormat === 'channelsFirst';
  if (first) dims[0] = r.int(1, 6);
  else dims[dims.length - 1] = r.int(1, 6);
  return { config, shape: [r.pick([null, null, 2]), ...dims] };
}

const tfjsConvFactories = ['conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose'];

describe('Conv1D / Conv2D / Conv3D / Conv2DTranspose / Conv3DTranspose against TF.js', () => {
  for (const factory of tfjsConvFactories) {
    it(`${factory}: agrees on shapes, parameter counts and errors over random configurations`, (t) => {
      const r = rng(factory.length * 7919);
      const cases = Array.from({ length: 300 }, () => {
        const { config, shape } = randomConv(r, factory);
        return { config, shapes: [shape] };
      });
      const report = runOracle(factory, cases, { documented: nonPositiveSize });
      t.diagnostic(`${factory}: ${JSON.stringify(report)}`);
      // Transposed convolutions only grow, so only Conv1D/2D/3D meet the non-positive case.
      assert.ok(factory.endsWith('Transpose') || report.documented[NON_POSITIVE] > 0);
      assert.ok(report.agreedErrors > 10 && report.agreed > report.total / 2);
    });
  }

  for (const factory of tfjsConvFactories) {
    it(`${factory}: a shared layer object rejects a second call with another channel count, as TF.js does`, (t) => {
      const r = rng(factory.length * 13 + 5);
      const def = layerByTfjsFactory(factory)!;
      const rank = factory === 'conv1d' ? 1 : factory.startsWith('conv3d') ? 3 : 2;
      let errors = 0;
      for (let i = 0; i < 40; i++) {
        const config: Record<string, unknown> = { filters: r.int(1, 4), kernelSize: 2, padding: 'same' };
        if (r.bool()) config.dataFormat = r.pick(['channelsLast', 'channelsFirst']);
        const first = config.dataFormat === 'channelsFirst';
        const channels = r.int(1, 4);
        const input = (c: number): Shape => {
          const space = Array.from({ length: rank }, () => r.int(2, 8));
          return first ? [null, c, ...space] : [null, ...space, c];
        };
        const shapes = [input(channels), input(r.bool() ? channels : r.int(1, 4))];
        const expected = tfjsOutcomeShared(factory, config, shapes);
        assert.deepEqual(catalogOutcomeShared(def, config, shapes), expected, JSON.stringify({ config, shapes, expected }));
        if (expected.error) errors++;
      }
      t.diagnostic(`${factory}: 40 two-call configurations, all identical to TF.js (${errors} errors)`);
      assert.ok(errors > 5);
    });
  }

  it('rejects a 3-D input to Conv2D in TF.js words', () => {
    const expected = tfjsOutcomeNamed('conv2d', { filters: 2, kernelSize: 3 }, [[null, 5, 4]]);
    assert.deepEqual(catalogOutcome('conv2d', { filters: 2, kernelSize: 3 }, [[null, 5, 4]]), expected);
    assert.match(expected.error!, /expected ndim=4, found ndim=3/);
  });

  // Cases where TF.js 4.22's own behaviour is odd; each is asserted as it is, with what the catalog does instead.
  const oddCases: { why: string; factory: string; config: Record<string, unknown>; shape: Shape; tfjs: (o: Outcome) => boolean; catalog: Outcome }[] = [
    {
      why: 'strides 0: TF.js accepts it and computes Infinity/NaN sizes; the catalog says unknown',
      factory: 'conv2d',
      config: { filters: 2, kernelSize: 3, strides: 0 },
      shape: [null, 5, 5, 4],
      tfjs: (o) => o.shapes !== undefined && Number.isNaN(o.shapes[0][1]) === false && !Number.isFinite(o.shapes[0][1] as number),
      catalog: { shapes: [[null, null, null, 2]], trainable: 74, nonTrainable: 0 },
    },
    {
      why: 'an unknown channel count: TF.js throws, but null may only mean "not statically known" — no false error',
      factory: 'conv2d',
      config: { filters: 2, kernelSize: 3 },
      shape: [null, 5, 5, null],
      tfjs: (o) => o.error === 'The channel dimension of the input should be defined. Found null',
      catalog: { shapes: [[null, 3, 3, 2]], trainable: undefined, nonTrainable: 0 },
    },
    {
      why: 'an unknown channel count for Conv2DTranspose (same reason)',
      factory: 'conv2dTranspose',
      config: { filters: 2, kernelSize: 3 },
      shape: [null, 5, 5, null],
      tfjs: (o) => o.error === 'The channel dimension of the inputs should be defined. Found `None`.',
      catalog: { shapes: [[null, 7, 7, 2]], trainable: undefined, nonTrainable: 0 },
    },
  ];
  for (const c of oddCases) {
    it(`explicit TF.js oddity — ${c.why}`, () => {
      const expected = tfjsOutcomeNamed(c.factory, c.config, [c.shape]);
      assert.ok(c.tfjs(expected), JSON.stringify(expected));
      assert.deepEqual(catalogOutcome(c.factory, c.config, [c.shape]), c.catalog);
    });
  }

  it('follows TF.js for causal Conv1D: its shape rule treats causal as valid (Keras: as same)', () => {
    const config = { filters: 2, kernelSize: 3, padding: 'causal' };
    const expected = tfjsOutcomeNamed('conv1d', config, [[null, 5, 4]]);
    assert.deepEqual(expected.shapes, [[null, 3, 2]]);
    assert.deepEqual(catalogOutcome('conv1d', config, [[null, 5, 4]]), expected);
    assert.deepEqual(catalogOutcome('conv1d', { filters: 2, kernel_size: 3, padding: 'causal' }, [[null, 5, 4]], 'keras').shapes, [[null, 5, 2]]);
  });
});

describe('Conv layers in Keras 3 (table from compute_conv_output_shape and base_conv.py)', () => {
  const k = (factory: string, config: Record<string, unknown>, shape: Shape) => catalogOutcome(factory, config, [shape], 'keras');
  it('computes shapes and parameter counts', () => {
    // (5 - 3) // 1 + 1 = 3; kernel 3·3·4·8 + 8 bias = 296
    assert.deepEqual(k('conv2d', { filters: 8, kernel_size: 3 }, [null, 5, 5, 4]), { shapes: [[null, 3, 3, 8]], trainable: 296, nonTrainable: 0 });
    // same, stride 2: ceil(7 / 2) = 4
    assert.deepEqual(k('conv2d', { filters: 8, kernel_size: [3, 1], strides: 2, padding: 'same' }, [null, 7, 7, 4]).shapes, [[null, 4, 4, 8]]);
    // dilation 2, kernel 3 → effective 5: 9 - 5 + 1 = 5
    assert.deepEqual(k('conv1d', { filters: 2, kernel_size: 3, dilation_rate: 2 }, [null, 9, 3]).shapes, [[null, 5, 2]]);
    // channels_first
    assert.deepEqual(k('conv2d', { filters: 6, kernel_size: 3, data_format: 'channels_first' }, [null, 4, 5, 5]).shapes, [[null, 6, 3, 3]]);
    // groups: kernel (3, 3, 4 / 2, 8) = 144, + 8
    assert.deepEqual(k('conv2d', { filters: 8, kernel_size: 3, groups: 2 }, [null, 5, 5, 4]).trainable, 152);
    // symbolic and unknown sizes flow through
    assert.deepEqual(k('conv1d', { filters: 2, kernel_size: 3 }, [null, 'seq_len', 3]).shapes, [[null, 'seq_len - 2', 2]]);
    assert.deepEqual(k('conv1d', { filters: 2, kernel_size: 3, padding: 'same' }, [null, null, 3]).shapes, [[null, null, 2]]);
  });

  it('computes transposed shapes with and without output_padding', () => {
    // valid: 5·2 + max(3 - 2, 0) = 11; kernel (3, 3, filters, in) = 3·3·6·4 + 6
    assert.deepEqual(k('conv2dTranspose', { filters: 6, kernel_size: 3, strides: 2 }, [null, 5, 5, 4]), { shapes: [[null, 11, 11, 6]], trainable: 222, nonTrainable: 0 });
    // same: 5·2 = 10
    assert.deepEqual(k('conv2dTranspose', { filters: 6, kernel_size: 3, strides: 2, padding: 'same' }, [null, 5, 5, 4]).shapes, [[null, 10, 10, 6]]);
    // output_padding 1, valid: (5-1)·2 + 3 + 1 = 12; same: (5-1)·2 + 3 % 2 + 1 = 10
    assert.deepEqual(k('conv2dTranspose', { filters: 6, kernel_size: 3, strides: 2, output_padding: 1 }, [null, 5, 5, 4]).shapes, [[null, 12, 12, 6]]);
    assert.deepEqual(k('conv2dTranspose', { filters: 6, kernel_size: 3, strides: 2, output_padding: 1, padding: 'same' }, [null, 5, 5, 4]).shapes, [[null, 10, 10, 6]]);
    // dilation 2 (kernel 3 → 5), stride 1: 5 + 4 = 9 (TF.js ignores dilation: 7)
    assert.deepEqual(k('conv2dTranspose', { filters: 1, kernel_size: 3, dilation_rate: 2 }, [null, 5, 5, 1]).shapes, [[null, 9, 9, 1]]);
    assert.deepEqual(catalogOutcome('conv2dTranspose', { filters: 1, kernelSize: 3, dilationRate: 2 }, [[null, 5, 5, 1]]).shapes, [[null, 7, 7, 1]]);
  });

  it('raises Keras 3 errors in its words', () => {
    assert.equal(
      k('conv2d', { filters: 2, kernel_size: 3 }, [null, 2, 5, 4]).error,
      'Computed output size would be zero or negative. Received `inputs shape=(None, 2, 5, 4)`, `kernel shape=(3, 3, 4, 2)`, ' +
        '`dilation_rate=[1 1]`, `strides=(1, 1)`, `padding=valid`.',
    );
    assert.equal(
      k('conv1d', { filters: 2, kernel_size: 4 }, [null, 3, 4]).error,
      'Computed output size would be zero or negative. Received `inputs shape=(None, 3, 4)`, `kernel shape=(4, 4, 2)`, ' +
        '`dilation_rate=[1]`, `strides=(1,)`, `padding=valid`.',
    );
    assert.equal(
      k('conv2d', { filters: 2, kernel_size: 3 }, [null, 5, 5, 4, 3]).error,
      'Kernel shape must have the same length as input, but received kernel of shape (3, 3, 3, 2) and input of shape (None, 5, 5, 4, 3).',
    );
    assert.equal(
      k('conv2d', { filters: 2, kernel_size: 3 }, [null, 5]).error,
      'Input 0 of layer "conv2d_test" is incompatible with the layer: expected min_ndim=4, found ndim=2. Full shape received: (None, 5)',
    );
    assert.equal(
      k('conv2d', { filters: 4, kernel_size: 3, groups: 2 }, [null, 5, 5, 3]).error,
      'The number of input channels must be evenly divisible by the number of groups. Received groups=2, but the input has 3 channels (full input shape is (None, 5, 5, 3)).',
    );
    assert.equal(k('conv2d', { filters: 3, kernel_size: 3, groups: 2 }, [null, 5, 5, 4]).error, 'The number of filters must be evenly divisible by the number of groups. Received: groups=2, filters=3.');
    assert.equal(k('conv2d', { filters: 0, kernel_size: 3 }, [null, 5, 5, 4]).error, 'Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0.');
    assert.equal(
      k('conv2d', { filters: 2, kernel_size: 3, strides: 0 }, [null, 5, 5, 4]).error,
      'The `strides` argument must be a tuple of 2 integers. Received strides=0, including values {0} that do not satisfy `value > 0`',
    );
    assert.equal(k('conv2d', { filters: 2, kernel_size: [3, 3, 3] }, [null, 5, 5, 4]).error, 'The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(3, 3, 3)');
    assert.equal(
      k('conv2d', { filters: 2, kernel_size: 3, strides: 2, dilation_rate: 2 }, [null, 9, 9, 4]).error,
      '`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 2) and dilation_rate=(2, 2)',
    );
    assert.equal(
      k('conv2d', { filters: 2, kernel_size: 3, padding: 'causal' }, [null, 9, 9, 4]).error,
      "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal",
    );
    assert.equal(
      k('conv2dTranspose', { filters: 2, kernel_size: 3, output_padding: 1 }, [null, 5, 5, 4]).error,
      '`output_padding` must be < `strides`. output_padding=(1, 1), strides=(1, 1)',
    );
    // same padding never raises, even on a 1-long input
    assert.deepEqual(k('conv2d', { filters: 2, kernel_size: 5, padding: 'same' }, [null, 1, 1, 4]).shapes, [[null, 1, 1, 2]]);
  });
});

describe('Conv layers: the Keras dialect against TF.js where Keras documents the same formula', () => {
  for (const factory of tfjsConvFactories) {
    it(`${factory}: same shapes and parameter counts, same accept/reject, outside the listed differences`, (t) => {
      const r = rng(factory.length * 271 + 1);
      let compared = 0;
      let excluded = 0;
      for (let i = 0; i < 300; i++) {
        const { config, shape } = randomConv(r, factory);
        // Known Keras ↔ TF.js differences, each covered by its own test above:
        const big = (v: unknown) => (Array.isArray(v) ? Math.max(...(v as number[])) : (v as number | undefined) ?? 1) > 1;
        const differs =
          config.padding === 'causal' || // Keras: like 'same'; TF.js: like 'valid'
          (factory.endsWith('Transpose') && config.dilationRate !== undefined) || // TF.js ignores dilation
          (big(config.strides) && big(config.dilationRate)) || // Keras rejects at construction; TF.js only when run
          (typeof config.filters === 'number' && !Number.isInteger(config.filters)); // Keras fails later, in add_weight
        if (differs) {
          excluded++;
          continue;
        }
        assertDialectsAgree(factory, config, [shape]);
        compared++;
      }
      t.diagnostic(`${factory}: ${compared} configurations compared across dialects, ${excluded} excluded as known differences`);
    });
  }
});

describe('Keras positional arguments fill the signature in order', () => {
  it('gives the classic MNIST CNN its Keras numbers', () => {
    // Conv2D(32, (3, 3), activation='relu') on (28, 28, 1): 3·3·1·32 + 32 = 320
    assert.deepEqual(kerasCatalogOutcome('Conv2D', { activation: 'relu' }, [[null, 28, 28, 1]], [32, [3, 3]]), { shapes: [[null, 26, 26, 32]], trainable: 320, nonTrainable: 0 });
    assert.deepEqual(kerasCatalogOutcome('MaxPooling2D', {}, [[null, 26, 26, 32]], [[2, 2]]).shapes, [[null, 13, 13, 32]]);
    // Conv2D(64, (3, 3)): 3·3·32·64 + 64 = 18,496
    assert.deepEqual(kerasCatalogOutcome('Conv2D', {}, [[null, 13, 13, 32]], [64, [3, 3]]).trainable, 18496);
    assert.deepEqual(kerasCatalogOutcome('MaxPool2D', {}, [[null, 11, 11, 64]], [2]).shapes, [[null, 5, 5, 64]]);
    // Conv1D(16, 5, 2, 'same'): positional strides and padding
    assert.deepEqual(kerasCatalogOutcome('Convolution1D', {}, [[null, 100, 8]], [16, 5, 2, 'same']).shapes, [[null, 50, 16]]);
    // LSTM(64, 'tanh', 'sigmoid') on 100 features: 4·(64·(100 + 64) + 64) = 42,240
    assert.deepEqual(kerasCatalogOutcome('LSTM', { return_sequences: true }, [[null, 20, 100]], [64]), { shapes: [[null, 20, 64]], trainable: 42240, nonTrainable: 0 });
  });
});

describe('Conv3D and the transposed convolutions in Keras 3 (table from compute_conv_output_shape and base_conv_transpose.py)', () => {
  const k = (className: string, config: Record<string, unknown>, shape: Shape) => kerasCatalogOutcome(className, config, [shape]);
  it('computes Conv3D shapes and counts', () => {
    // valid: (8 - 3) // 1 + 1 = 6, (6 - 3) + 1 = 4, (5 - 3) + 1 = 3; kernel 3·3·3·2·4 + 4 bias = 220
    assert.deepEqual(k('Conv3D', { filters: 4, kernel_size: 3 }, [null, 8, 6, 5, 2]), { shapes: [[null, 6, 4, 3, 4]], trainable: 220, nonTrainable: 0 });
    // same, stride 2: ceil(8 / 2) = 4, ceil(6 / 2) = 3, ceil(5 / 2) = 3; channels_first
    assert.deepEqual(k('Convolution3D', { filters: 4, kernel_size: 3, strides: 2, padding: 'same', data_format: 'channels_first' }, [null, 2, 8, 6, 5]).shapes, [[null, 4, 4, 3, 3]]);
    // groups 2: kernel (1, 1, 1, 4 / 2, 6) = 12, + 6
    assert.equal(k('Conv3D', { filters: 6, kernel_size: 1, groups: 2 }, [null, 3, 3, 3, 4]).trainable, 18);
  });

  it('computes Conv1DTranspose and Conv3DTranspose shapes and counts (Keras only / Keras formulas)', () => {
    // Conv1DTranspose valid: L·s + max(k - s, 0) = 5·2 + 1 = 11; kernel (k, filters, in) = 3·6·4 + 6 = 78
    assert.deepEqual(k('Conv1DTranspose', { filters: 6, kernel_size: 3, strides: 2 }, [null, 5, 4]), { shapes: [[null, 11, 6]], trainable: 78, nonTrainable: 0 });
    // same: L·s = 10; output_padding 1: (L - 1)·s + k % 2 + p = 8 + 1 + 1 = 10
    assert.deepEqual(k('Conv1DTranspose', { filters: 6, kernel_size: 3, strides: 2, padding: 'same' }, [null, 5, 4]).shapes, [[null, 10, 6]]);
    assert.deepEqual(k('Conv1DTranspose', { filters: 6, kernel_size: 3, strides: 2, padding: 'same', output_padding: 1 }, [null, 5, 4]).shapes, [[null, 10, 6]]);
    // Conv3DTranspose valid, strides (1, 2, 3), kernel 2: 4 + 1 = 5, 4·2 + 0 = 8, 4·3 + 0 = 12; kernel 2·2·2·3·5 + 3 = 123
    assert.deepEqual(k('Conv3DTranspose', { filters: 3, kernel_size: 2, strides: [1, 2, 3] }, [null, 4, 4, 4, 5]), { shapes: [[null, 5, 8, 12, 3]], trainable: 123, nonTrainable: 0 });
    assert.equal(
      k('Conv1DTranspose', { filters: 2, kernel_size: 3, padding: 'causal' }, [null, 5, 4]).error,
      "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal",
    );
    assert.equal(
      k('Conv3DTranspose', { filters: 2, kernel_size: 3 }, [null, 5, 5, 4]).error,
      'Input 0 of layer "layer_test" is incompatible with the layer: expected ndim=5, found ndim=4. Full shape received: (None, 5, 5, 4)',
    );
  });

  it('lays out transposed kernels as (*kernel_size, filters, in_channels)', () => {
    const def = layerByTfjsFactory('conv3dTranspose')!;
    const config = { ...Object.fromEntries(def.args.map((a) => [a.py, a.default ?? null])), filters: 3, kernel_size: [1, 2, 3] };
    const built = def.build!(config, [[null, 4, 4, 4, 5]], { dialect: 'keras', layerName: 'c' });
    assert.deepEqual(built.weights.map((w) => [w.name, w.shape]), [['kernel', [1, 2, 3, 3, 5]], ['bias', [3]]]);
  });
});
