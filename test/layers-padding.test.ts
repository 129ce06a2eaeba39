import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { paddingLayers } from '../src/layers/padding';
import type { LayerDef } from '../src/layers/types';
import { catalogOutcomeForDef, nonPositiveSize, NON_POSITIVE, rng, runOracle, tfjsOutcomeNamed, type OracleCase } from './support/tfjsOracle';

// The tests call the LayerDefs directly (by TF.js factory, or by class name for the Keras-only ones).
const def = (factory: string): LayerDef => paddingLayers.find((d) => d.tfjsFactory === factory || d.className === factory)!;
const catalog = (factory: string, config: Record<string, unknown>, shape: Shape, dialect: 'keras' | 'tfjs' = 'tfjs') =>
  catalogOutcomeForDef(def(factory), config, [shape], dialect, `${factory}_test`);

type R = ReturnType<typeof rng>;

function randomInput(r: R, roll: number): Shape {
  const ndim = roll >= 90 ? r.pick([3, 5]) : 4;
  return [r.pick([null, null, 2]), ...Array.from({ length: ndim - 1 }, () => (r.int(0, 7) === 0 ? null : r.int(1, 9)))];
}

function randomZeroPadding(r: R): { config: Record<string, unknown>; shape: Shape } {
  const roll = r.int(0, 99);
  const config: Record<string, unknown> = {};
  const p = () => r.int(0, 3);
  const form = r.int(0, 3);
  if (form === 1) config.padding = p();
  if (form === 2) config.padding = roll < 5 ? [p(), p(), p()] : [p(), p()];
  if (form === 3) config.padding = roll < 5 ? [[p(), p()], [p(), p(), p()]] : roll < 10 ? [[p()], [p(), p()]] : [[p(), p()], [p(), p()]];
  if (r.bool()) config.dataFormat = r.pick(['channelsLast', 'channelsFirst']);
  return { config, shape: randomInput(r, roll) };
}

function randomUpSampling(r: R): { config: Record<string, unknown>; shape: Shape } {
  const roll = r.int(0, 99);
  const config: Record<string, unknown> = {};
  if (r.bool()) config.size = [r.int(1, 4), r.int(1, 4)];
  if (r.bool()) config.dataFormat = roll < 4 ? 'NHWC' : r.pick(['channelsLast', 'channelsFirst']);
  if (r.bool()) config.interpolation = roll >= 4 && roll < 8 ? 'bicubic' : r.pick(['nearest', 'bilinear']);
  return { config, shape: randomInput(r, roll) };
}

describe('ZeroPadding2D / UpSampling2D against TF.js', () => {
  for (const [factory, generate] of [['zeroPadding2d', randomZeroPadding], ['upSampling2d', randomUpSampling]] as const) {
    it(`${factory}: agrees on shapes and errors over random configurations`, (t) => {
      const r = rng(factory.length * 31337);
      let errors = 0;
      const total = 200;
      for (let i = 0; i < total; i++) {
        const { config, shape } = generate(r);
        const expected = tfjsOutcomeNamed(factory, config, [shape]);
        assert.deepEqual(catalog(factory, config, shape), expected, JSON.stringify({ factory, config, shape, expected }));
        if (expected.error) errors++;
      }
      t.diagnostic(`${factory}: ${total} configurations, all identical to TF.js (${errors} of them errors)`);
      assert.ok(errors > 5);
    });
  }

  it('explicit TF.js oddity — a number as UpSampling2D size gives NaN sizes in TF.js; unknown in the catalog', () => {
    const expected = tfjsOutcomeNamed('upSampling2d', { size: 3 }, [[null, 5, 4, 3]]);
    assert.ok(Number.isNaN(expected.shapes![0][1]) && Number.isNaN(expected.shapes![0][2]));
    assert.deepEqual(catalog('upSampling2d', { size: 3 }, [null, 5, 4, 3]), { shapes: [[null, null, null, 3]], trainable: 0, nonTrainable: 0 });
    // Keras expands the int
    assert.deepEqual(catalog('upSampling2d', { size: 3 }, [null, 5, 4, 3], 'keras').shapes, [[null, 15, 12, 3]]);
  });

  it('explicit TF.js oddity — negative padding shrinks the shape in both runtimes, with no error', () => {
    const expected = tfjsOutcomeNamed('zeroPadding2d', { padding: -1 }, [[null, 5, 4, 3]]);
    assert.deepEqual(expected.shapes, [[null, 3, 2, 3]]);
    assert.deepEqual(catalog('zeroPadding2d', { padding: -1 }, [null, 5, 4, 3]), expected);
  });
});

describe('ZeroPadding2D / UpSampling2D in Keras 3 (table from zero_padding2d.py and up_sampling2d.py)', () => {
  it('computes shapes', () => {
    assert.deepEqual(catalog('zeroPadding2d', {}, [null, 5, 4, 3], 'keras').shapes, [[null, 7, 6, 3]]);
    assert.deepEqual(catalog('zeroPadding2d', { padding: [1, 2] }, [null, 5, 4, 3], 'keras').shapes, [[null, 7, 8, 3]]);
    assert.deepEqual(catalog('zeroPadding2d', { padding: [[1, 2], [3, 4]] }, [null, 5, 4, 3], 'keras').shapes, [[null, 8, 11, 3]]);
    assert.deepEqual(catalog('zeroPadding2d', { padding: 2, data_format: 'channels_first' }, [null, 3, 'h', null], 'keras').shapes, [[null, 3, 'h + 4', null]]);
    assert.deepEqual(catalog('upSampling2d', {}, [null, 5, 4, 3], 'keras'), { shapes: [[null, 10, 8, 3]], trainable: 0, nonTrainable: 0 });
    assert.deepEqual(catalog('upSampling2d', { size: [2, 3], data_format: 'channels_first' }, [null, 3, 5, 4], 'keras').shapes, [[null, 3, 10, 12]]);
  });

  it('raises Keras 3 errors in its words', () => {
    assert.equal(catalog('zeroPadding2d', { padding: [1, 2, 3] }, [null, 5, 4, 3], 'keras').error, '`padding` should have two elements. Received: padding=(1, 2, 3).');
    assert.equal(
      catalog('zeroPadding2d', { padding: [[1, -2], [3, 4]] }, [null, 5, 4, 3], 'keras').error,
      'The `1st entry of padding` argument must be a tuple of 2 integers. Received 1st entry of padding=(1, -2), including values {-2} that do not satisfy `value >= 0`',
    );
    assert.equal(
      catalog('upSampling2d', { size: [2, 0] }, [null, 5, 4, 3], 'keras').error,
      'The `size` argument must be a tuple of 2 integers. Received size=(2, 0), including values {0} that do not satisfy `value > 0`',
    );
    assert.equal(
      catalog('upSampling2d', {}, [null, 5, 4], 'keras').error,
      'Input 0 of layer "upSampling2d_test" is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: (None, 5, 4)',
    );
  });
});

function randomCropping(r: R): { config: Record<string, unknown>; shape: Shape } {
  const roll = r.int(0, 99);
  const c = () => r.int(0, 3);
  const form = r.int(0, 2);
  const config: Record<string, unknown> = { cropping: form === 0 ? c() : form === 1 ? [c(), c()] : [[c(), c()], [c(), c()]] };
  if (r.bool()) config.dataFormat = roll < 4 ? 'NHWC' : r.pick(['channelsLast', 'channelsFirst']);
  // Sizes mostly larger than the cropping; unknown spatial sizes are their own explicit case (TF.js computes
  // null - crop as a negative number).
  const shape = randomInput(r, roll);
  return { config, shape: shape.map((d, i) => (i > 0 ? r.int(3, 16) : d)) };
}

const NULL_MINUS_CROP = 'TF.js computes an unknown size minus the cropping as a negative number; the catalog keeps it unknown';

describe('Cropping2D against TF.js', () => {
  it('cropping2D: agrees on shapes and errors over random configurations', (t) => {
    const r = rng(424242);
    const cases: OracleCase[] = Array.from({ length: 300 }, () => {
      const { config, shape } = randomCropping(r);
      return { config, shapes: [shape] };
    });
    // Cropping as much as the input or more: TF.js builds a size <= 0, as it does for convolutions.
    const report = runOracle('cropping2D', cases, { documented: nonPositiveSize });
    t.diagnostic(`cropping2D: ${JSON.stringify(report)}`);
    assert.ok(report.documented[NON_POSITIVE] > 5 && report.agreedErrors > 5 && report.agreed > report.total / 2);
  });

  it(`explicit TF.js oddity — ${NULL_MINUS_CROP}`, () => {
    const expected = tfjsOutcomeNamed('cropping2D', { cropping: [1, 2] }, [[null, null, 6, 3]]);
    assert.deepEqual(expected.shapes, [[null, -2, 2, 3]]);
    assert.deepEqual(catalog('cropping2D', { cropping: [1, 2] }, [null, null, 6, 3]).shapes, [[null, null, 2, 3]]);
  });

  it('explicit TF.js oddity — cropping2D without `cropping` fails with a TypeError in TF.js; the catalog uses the Keras default', () => {
    assert.match(tfjsOutcomeNamed('cropping2D', {}, [[null, 5, 6, 3]]).error!, /Cannot read properties of undefined/);
    assert.deepEqual(catalog('cropping2D', {}, [null, 5, 6, 3]).shapes, [[null, 5, 6, 3]]);
  });
});

describe('ZeroPadding / UpSampling / Cropping 1-D and 3-D in Keras 3 (table from their compute_output_shape; Keras only)', () => {
  const k = (className: string, config: Record<string, unknown>, shape: Shape) => catalog(className, config, shape, 'keras');
  it('computes shapes', () => {
    // ZeroPadding1D: steps + left + right
    assert.deepEqual(k('ZeroPadding1D', {}, [null, 5, 3]), { shapes: [[null, 7, 3]], trainable: 0, nonTrainable: 0 });
    assert.deepEqual(k('ZeroPadding1D', { padding: [1, 3] }, [null, 'T', 3]).shapes, [[null, 'T + 4', 3]]);
    // ZeroPadding3D: each spatial axis + before + after; default ((1, 1), (1, 1), (1, 1))
    assert.deepEqual(k('ZeroPadding3D', {}, [null, 4, 5, 6, 3]).shapes, [[null, 6, 7, 8, 3]]);
    assert.deepEqual(k('ZeroPadding3D', { padding: [1, 2, 3], data_format: 'channels_first' }, [null, 3, 4, 5, 6]).shapes, [[null, 3, 6, 9, 12]]);
    assert.deepEqual(k('ZeroPadding3D', { padding: [[0, 1], [2, 0], [1, 1]] }, [null, 4, null, 6, 3]).shapes, [[null, 5, null, 8, 3]]);
    // UpSampling1D: steps · size; UpSampling3D: each spatial axis · size
    assert.deepEqual(k('UpSampling1D', {}, [null, 5, 3]).shapes, [[null, 10, 3]]);
    assert.deepEqual(k('UpSampling1D', { size: 3 }, [null, null, 3]).shapes, [[null, null, 3]]);
    assert.deepEqual(k('UpSampling3D', {}, [null, 2, 3, 4, 5]).shapes, [[null, 4, 6, 8, 5]]);
    assert.deepEqual(k('UpSampling3D', { size: [1, 2, 3], data_format: 'channels_first' }, [null, 5, 2, 3, 4]).shapes, [[null, 5, 2, 6, 12]]);
    // Cropping1D default (1, 1): steps - 2; Cropping2D default ((0, 0), (0, 0)); Cropping3D default ((1, 1),)·3
    assert.deepEqual(k('Cropping1D', {}, [null, 5, 3]).shapes, [[null, 3, 3]]);
    assert.deepEqual(k('Cropping2D', {}, [null, 5, 6, 3]).shapes, [[null, 5, 6, 3]]);
    assert.deepEqual(k('Cropping2D', { cropping: [[1, 2], [0, 3]] }, [null, 5, 6, 3]).shapes, [[null, 2, 3, 3]]);
    assert.deepEqual(k('Cropping3D', {}, [null, 4, 5, 6, 3]).shapes, [[null, 2, 3, 4, 3]]);
    assert.deepEqual(k('Cropping3D', { cropping: [1, 0, 2], data_format: 'channels_first' }, [null, 3, 4, 5, 6]).shapes, [[null, 3, 2, 5, 2]]);
  });

  it('raises Keras 3 errors in its words', () => {
    assert.equal(
      k('Cropping1D', { cropping: [2, 3] }, [null, 5, 7]).error,
      '`cropping` parameter of `Cropping1D` layer must be smaller than the input length. Received: input_shape=(None, 5, 7), cropping=(2, 3)',
    );
    assert.equal(
      k('Cropping2D', { cropping: 3 }, [null, 6, 5, 2]).error,
      'Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape=(None, 6, 5, 2), cropping=((3, 3), (3, 3))',
    );
    assert.equal(
      k('Cropping3D', { cropping: [1, 1, 3] }, [null, 6, 5, 6, 2]).error,
      'Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape=(None, 6, 5, 6, 2), cropping=((1, 1), (1, 1), (3, 3))',
    );
    assert.equal(k('Cropping2D', { cropping: -1 }, [null, 6, 5, 2]).error, '`cropping` cannot be negative. Received: cropping=-1.');
    assert.equal(k('Cropping3D', { cropping: [1, 2] }, [null, 6, 5, 6, 2]).error, '`cropping` should have 3 elements. Received: (1, 2).');
    assert.equal(k('ZeroPadding3D', { padding: [1, 2] }, [null, 6, 5, 6, 2]).error, '`padding` should have 3 elements. Received: (1, 2).');
    assert.equal(
      k('ZeroPadding3D', { padding: [[1, 1], [1, -1], [0, 0]] }, [null, 6, 5, 6, 2]).error,
      'The `2nd entry of padding` argument must be a tuple of 2 integers. Received 2nd entry of padding=(1, -1), including values {-1} that do not satisfy `value >= 0`',
    );
    assert.equal(
      k('ZeroPadding1D', { padding: [1, 2, 3] }, [null, 6, 2]).error,
      'The `padding` argument must be a tuple of 2 integers. Received padding=(1, 2, 3)',
    );
    assert.equal(
      k('UpSampling3D', { size: [2, 2] }, [null, 6, 5, 6, 2]).error,
      'The `size` argument must be a tuple of 3 integers. Received size=(2, 2)',
    );
    assert.equal(
      k('UpSampling1D', {}, [null, 6, 5, 2]).error,
      'Input 0 of layer "UpSampling1D_test" is incompatible with the layer: expected ndim=3, found ndim=4. Full shape received: (None, 6, 5, 2)',
    );
  });
});
