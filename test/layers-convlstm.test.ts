import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { layerByTfjsFactory } from '../src/layers/registry';
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

// Zero initializers keep TF.js from running its orthogonal initializer on every build.
const cheap = { kernelInitializer: 'zeros', recurrentInitializer: 'zeros' };

function randomConvLstm(r: R): { config: Record<string, unknown>; shape: Shape } {
  const roll = r.int(0, 99);
  const tuple = (lo: number, hi: number) => (r.bool() ? r.int(lo, hi) : [r.int(lo, hi), r.int(lo, hi)]);
  const config: Record<string, unknown> = { filters: roll < 4 ? r.pick([0, -1, 1.5]) : r.int(1, 4), kernelSize: roll >= 4 && roll < 7 ? r.pick([0, [2, 2, 2]]) : tuple(1, 3), ...cheap };
  if (r.bool()) config.strides = roll >= 7 && roll < 9 ? r.pick([0, [1, 2, 1]]) : tuple(1, 2);
  if (r.bool()) config.padding = roll >= 9 && roll < 12 ? r.pick(['causal', 'full']) : r.pick(['valid', 'same']);
  if (r.bool()) config.dataFormat = roll >= 12 && roll < 14 ? 'NHWC' : r.pick(['channelsLast', 'channelsFirst']);
  if (r.int(0, 3) === 0) config.dilationRate = tuple(1, 2);
  if (r.bool()) config.returnSequences = r.bool();
  if (r.bool()) config.returnState = r.bool();
  if (r.int(0, 4) === 0) config.stateful = true;
  if (r.int(0, 6) === 0) config.unroll = true;
  if (r.int(0, 2) === 0) config.useBias = r.bool();
  const ndim = roll >= 92 ? r.pick([4, 6]) : 5;
  const dims = Array.from({ length: ndim - 1 }, () => (r.int(0, 9) === 0 ? null : r.int(1, 9)));
  if (config.dataFormat === 'channelsFirst') dims[1] = r.int(1, 4);
  else dims[dims.length - 1] = r.int(1, 4);
  return { config, shape: [r.pick([null, null, 2]), ...dims] };
}

const STATEFUL_UNKNOWN_SIZE =
  'stateful ConvLSTM2D with an unknown spatial size: TF.js cannot allocate its zero state; null may only mean "not statically known" to the catalog';

function documented(c: OracleCase, cmp: Comparison): string | undefined {
  const size = nonPositiveSize(c, cmp);
  if (size) return size;
  const [batch, , ...rest] = c.shapes[0];
  if (c.config.stateful === true && batch !== null && rest.includes(null) && /^Tensor must have a shape comprised of positive integers/.test(cmp.expected.error ?? '') && cmp.actual.shapes) {
    return STATEFUL_UNKNOWN_SIZE;
  }
  return undefined;
}

describe('ConvLSTM2D against TF.js', () => {
  it('convLstm2d: agrees on shapes, state outputs, parameter counts and errors over random configurations', (t) => {
    const r = rng(1997);
    const cases = Array.from({ length: 300 }, () => {
      const { config, shape } = randomConvLstm(r);
      return { config, shapes: [shape] };
    });
    const report = runOracle('convLstm2d', cases, { documented });
    t.diagnostic(`convLstm2d: ${JSON.stringify(report)}`);
    assert.ok(report.documented[NON_POSITIVE] > 0 && report.agreedErrors > 20 && report.agreed > report.total / 2);
  });

  it('convLstm2d: a shared layer object pins every size after the time axis, as TF.js does', (t) => {
    const r = rng(77);
    const def = layerByTfjsFactory('convLstm2d')!;
    let errors = 0;
    for (let i = 0; i < 30; i++) {
      const config = { filters: 2, kernelSize: 2, padding: 'same', ...cheap };
      const size = () => r.int(3, 5);
      const shapes: Shape[] = [[null, r.int(1, 4), 4, 4, 3], [null, r.int(1, 4), r.pick([4, size()]), 4, r.pick([3, 2])]];
      const expected = tfjsOutcomeShared('convLstm2d', config, shapes);
      assert.deepEqual(catalogOutcomeShared(def, config, shapes), expected, JSON.stringify({ config, shapes, expected }));
      if (expected.error) errors++;
    }
    t.diagnostic(`convLstm2d: 30 two-call configurations, all identical to TF.js (${errors} errors)`);
    assert.ok(errors > 5);
  });

  it('explicit TF.js oddity — an unknown channel count: TF.js throws, the catalog leaves the weights unknown', () => {
    const config = { filters: 2, kernelSize: 3, ...cheap };
    assert.equal(tfjsOutcomeNamed('convLstm2d', config, [[null, 4, 5, 5, null]]).error, 'The channel dimension of the input should be defined. Found null');
    assert.deepEqual(catalogOutcome('convLstm2d', config, [[null, 4, 5, 5, null]]), { shapes: [[null, 3, 3, 2]], trainable: undefined, nonTrainable: 0 });
  });

  it('tf.layers.convLstm2dCell on its own computes one step', () => {
    assert.deepEqual(catalogOutcome('convLstm2dCell', { filters: 2, kernelSize: 3 }, [[null, 5, 5, 3]]), { shapes: [[null, 3, 3, 2]], trainable: 3 * 3 * 3 * 8 + 3 * 3 * 2 * 8 + 8, nonTrainable: 0 });
  });
});

describe('ConvLSTM1D/2D/3D in Keras 3 (table from conv_lstm.py: compute_conv_output_shape on one step)', () => {
  const k = (className: string, config: Record<string, unknown>, shape: Shape) => kerasCatalogOutcome(className, config, [shape]);
  it('computes shapes and counts', () => {
    // ConvLSTM2D(4, 3) on (T, 8, 8, 2): step 8 - 3 + 1 = 6; kernel 3·3·2·16 = 288, recurrent 3·3·4·16 = 576, bias 16 → 880
    assert.deepEqual(k('ConvLSTM2D', { filters: 4, kernel_size: 3 }, [null, 10, 8, 8, 2]), { shapes: [[null, 6, 6, 4]], trainable: 880, nonTrainable: 0 });
    assert.deepEqual(k('ConvLSTM2D', { filters: 4, kernel_size: 3, return_sequences: true, return_state: true, padding: 'same' }, [null, 'T', 8, 8, 2]).shapes, [
      [null, 'T', 8, 8, 4],
      [null, 8, 8, 4],
      [null, 8, 8, 4],
    ]);
    // ConvLSTM1D(3, 2) on (T, 10, 5): 10 - 2 + 1 = 9; kernel 2·5·12 = 120, recurrent 2·3·12 = 72, bias 12 → 204
    assert.deepEqual(k('ConvLSTM1D', { filters: 3, kernel_size: 2 }, [null, 7, 10, 5]), { shapes: [[null, 9, 3]], trainable: 204, nonTrainable: 0 });
    // ConvLSTM3D(2, 1, channels_first) on (T, 3, 4, 4, 4): kernel 1·1·1·3·8 = 24, recurrent 1·1·1·2·8 = 16, bias 8 → 48
    assert.deepEqual(k('ConvLSTM3D', { filters: 2, kernel_size: 1, data_format: 'channels_first' }, [null, 5, 3, 4, 4, 4]), { shapes: [[null, 2, 4, 4, 4]], trainable: 48, nonTrainable: 0 });
  });

  it('raises Keras 3 errors in its words', () => {
    assert.equal(k('ConvLSTM2D', { filters: 2, kernel_size: 3, padding: 'causal' }, [null, 4, 8, 8, 2]).error, "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal");
    assert.equal(
      k('ConvLSTM2D', { filters: 2, kernel_size: 4 }, [null, 4, 3, 8, 2]).error,
      'Computed output size would be zero or negative. Received `inputs shape=(None, 3, 8, 2)`, `kernel shape=(4, 4, 2, 2)`, `dilation_rate=[1 1]`, `strides=(1, 1)`, `padding=valid`.',
    );
    assert.equal(
      k('ConvLSTM1D', { filters: 2, kernel_size: 3 }, [null, 4, 8]).error,
      'Input 0 of layer "layer_test" is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: (None, 4, 8)',
    );
  });
});

describe('ConvLSTM2D: the Keras dialect against TF.js outside the listed differences', () => {
  it('convLstm2d: same shapes and parameter counts, same accept/reject', (t) => {
    const r = rng(4242);
    let compared = 0;
    for (let i = 0; i < 150; i++) {
      const { config, shape } = randomConvLstm(r);
      const differs =
        typeof config.padding === 'string' || // Keras rejects causal at construction, with its own message
        config.unroll === true || // Keras's ConvLSTM has no unroll
        config.strides === 0 || config.kernelSize === 0 || // TF.js reads strides 0 as 1; messages differ
        (typeof config.filters === 'number' && !(Number.isInteger(config.filters) && config.filters > 0)) || // TF.js says `units`
        Array.isArray(config.kernelSize) && config.kernelSize.length !== 2 ||
        Array.isArray(config.strides) && config.strides.length !== 2 ||
        config.dataFormat === 'NHWC' ||
        shape.length !== 5;
      if (differs) continue;
      assertDialectsAgree('convLstm2d', config, [shape]);
      compared++;
    }
    t.diagnostic(`convLstm2d: ${compared} configurations compared across dialects`);
    assert.ok(compared > 40);
  });
});
