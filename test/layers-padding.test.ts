import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { paddingLayers } from '../src/layers/padding';
import type { LayerDef } from '../src/layers/types';
import { catalogOutcomeForDef, rng, tfjsOutcomeNamed } from './support/tfjsOracle';

// padding.ts is not registered yet (registry.ts belongs to the lead), so the tests call the LayerDefs directly.
const def = (factory: string): LayerDef => paddingLayers.find((d) => d.tfjsFactory === factory)!;
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
