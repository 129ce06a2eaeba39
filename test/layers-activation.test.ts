import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { callLayer, resolveConfig } from '../src/layers/apply';
import { layerByKerasName } from '../src/layers/registry';
import { kerasCatalogOutcome, rng, runOracle, type OracleCase } from './support/tfjsOracle';

type Rng = ReturnType<typeof rng>;

function randomShape(r: Rng, minRank = 2, maxRank = 5, nullChance = 0): Dim[] {
  const rank = r.int(minRank, maxRank);
  const shape: Dim[] = [null, ...Array.from({ length: rank - 1 }, () => r.int(1, 7))];
  if (nullChance > 0 && r.int(0, nullChance) === 0) shape[r.int(1, rank - 1)] = null;
  return shape;
}

const number = (r: Rng) => r.pick([-2, -0.5, 0, 0.1, 0.3, 1, 1.5, 6]);

describe('shape-preserving activation layers against TF.js', () => {
  const families: [string, (r: Rng) => Record<string, unknown>][] = [
    ['reLU', (r) => (r.bool() ? {} : { maxValue: number(r) })],
    ['leakyReLU', (r) => (r.bool() ? {} : { alpha: number(r) })],
    // ELU: TF.js throws for any alpha other than 1 (invalid configurations on purpose).
    ['elu', (r) => (r.bool() ? {} : { alpha: r.pick([1, 1.0, 0.5, 2, -1]) })],
    ['softmax', (r) => (r.bool() ? {} : { axis: r.pick([-1, 1, 2, [1, 2]]) })],
    ['thresholdedReLU', (r) => (r.bool() ? {} : { theta: number(r) })],
  ];
  for (const [factory, makeConfig] of families) {
    it(`tf.layers.${factory}: 200 random configurations`, (t) => {
      const r = rng(factory.length * 101);
      const cases: OracleCase[] = [];
      for (let i = 0; i < 200; i++) cases.push({ config: makeConfig(r), shapes: [randomShape(r, 1, 5, 5)] });
      const report = runOracle(factory, cases);
      t.diagnostic(JSON.stringify(report));
      assert.equal(report.agreed, report.total);
    });
  }
});

/** Both runtimes reject an alpha weight with a None size; our null may mean "not statically known", so the catalog
 *  builds a weight of unknown size instead (the rule of src/layers/activation.ts, as for BatchNormalization). */
function nullAlphaSize(c: OracleCase, message: string | undefined): boolean {
  return c.shapes[0].slice(1).includes(null) && message !== undefined && /positive integers/.test(message);
}

/** TF.js writes `paramShape[i - 1] = 1` past the end of the JS array (holes in the weight shape); the catalog
 *  rejects a shared axis that is not an axis of the input. */
function sharedAxisPastEnd(c: OracleCase, message: string | undefined): boolean {
  const axes = c.config.sharedAxes;
  const list = Array.isArray(axes) ? axes : [axes];
  return list.some((a) => typeof a === 'number' && Number.isInteger(a) && a >= c.shapes[0].length) && /is not an axis of an input/.test(message ?? '');
}

describe('PReLU against TF.js', () => {
  it('agrees on alpha shapes with shared axes, the built spec, and bad sharedAxes', (t) => {
    const r = rng(7);
    const cases: OracleCase[] = [];
    for (let i = 0; i < 400; i++) {
      const shape = randomShape(r, 2, 5, 8);
      const rank = shape.length;
      const roll = r.int(0, 11);
      const sharedAxes =
        roll <= 3 ? undefined : roll <= 6 ? r.int(1, rank - 1) : roll <= 9 ? [r.int(1, rank - 1), r.int(1, rank - 1)] : roll === 10 ? r.pick([0, -1, 1.5, rank + 1]) : 'a';
      const config: Record<string, unknown> = sharedAxes === undefined ? {} : { sharedAxes };
      if (r.int(0, 6) === 0) config.trainable = false;
      // A second call with another shape checks the built InputSpec (TF.js pins all axes when sharedAxes is set).
      cases.push({ config, shapes: [shape] });
    }
    const report = runOracle('prelu', cases, {
      documented: (c, cmp) =>
        nullAlphaSize(c, cmp.expected.error) && cmp.actual.shapes
          ? 'null-size-is-unknown'
          : sharedAxisPastEnd(c, cmp.actual.error)
            ? 'shared-axis-past-the-end'
            : undefined,
    });
    t.diagnostic(JSON.stringify(report));
    assert.ok(report.agreed >= 360, JSON.stringify(report));
  });
});

describe('Activation layers in Keras 3 (table, from keras/src/layers/activations)', () => {
  // PReLU: alpha has the input's shape without the batch axis, with each shared axis i set to 1 (param_shape[i-1]).
  //   (None, 8, 8, 3), shared_axes=[1, 2] → alpha (1, 1, 3) → 3 parameters; without shared_axes → 8·8·3 = 192.
  const table: [string, Record<string, unknown>, Shape, { trainable?: number; error?: string }][] = [
    ['PReLU', {}, [null, 8, 8, 3], { trainable: 192 }],
    ['PReLU', { shared_axes: [1, 2] }, [null, 8, 8, 3], { trainable: 3 }],
    ['PReLU', { shared_axes: 1 }, [null, 5, 4], { trainable: 4 }],
    // Python's negative index: shared axis 0 sets param_shape[-1], the channel axis.
    ['PReLU', { shared_axes: [0] }, [null, 5, 4], { trainable: 5 }],
    [
      'PReLU',
      { shared_axes: [4] },
      [null, 5, 4],
      { error: 'list assignment index out of range: PReLU shared_axes entry 4 is not an axis of an input of shape (None, 5, 4)' },
    ],
    ['ReLU', { max_value: 6 }, [null, 3], { trainable: 0 }],
    ['ReLU', { max_value: -1 }, [null, 3], { error: 'max_value of a ReLU layer cannot be a negative value. Received: max_value=-1' }],
    ['ReLU', { negative_slope: null }, [null, 3], { error: 'negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope=None' }],
    ['ReLU', { threshold: -0.5 }, [null, 3], { error: 'threshold of a ReLU layer cannot be a negative value. Received: threshold=-0.5' }],
    ['LeakyReLU', {}, [null, 3], { trainable: 0 }],
    [
      'LeakyReLU',
      { negative_slope: -0.1 },
      [null, 3],
      { error: 'The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=-0.1' },
    ],
    // The deprecated alpha= keyword still sets the slope in Keras 3.
    [
      'LeakyReLU',
      { alpha: -1 },
      [null, 3],
      { error: 'The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=-1' },
    ],
    ['ELU', { alpha: 2 }, [null, 3], { trainable: 0 }], // Keras takes any alpha; TF.js only 1
    ['Softmax', { axis: 1 }, [null, 4, 5], { trainable: 0 }],
  ];
  for (const [cls, config, shape, expected] of table) {
    it(`${cls}(${JSON.stringify(config)}) on ${JSON.stringify(shape)}`, () => {
      const actual = kerasCatalogOutcome(cls, config, [shape]);
      if (expected.error) assert.equal(actual.error, expected.error);
      else assert.deepEqual(actual, { shapes: [shape], trainable: expected.trainable, nonTrainable: 0 });
    });
  }

  it('ThresholdedReLU does not exist in Keras 3', () => {
    assert.match(kerasCatalogOutcome('ThresholdedReLU', {}, [[null, 3]]).error ?? '', /has no attribute 'ThresholdedReLU'/);
  });

  it('LeakyReLU: Keras negative_slope and TF.js alpha are the same argument, default 0.3 in both', () => {
    const def = layerByKerasName('LeakyReLU')!;
    assert.equal(resolveConfig(def, [], {}, 'keras').config.negative_slope, 0.3);
    assert.equal(resolveConfig(def, [], {}, 'tfjs').config.negative_slope, 0.3);
    assert.equal(resolveConfig(def, [], { alpha: 0.1 }, 'tfjs').config.negative_slope, 0.1);
    assert.equal(resolveConfig(def, [0.2], {}, 'keras').config.negative_slope, 0.2);
  });

  it('PReLU with shared_axes pins the unshared axes in Keras and every axis in TF.js', () => {
    const def = layerByKerasName('PReLU')!;
    const run = (dialect: 'keras' | 'tfjs', second: Shape) => {
      const { config } = resolveConfig(def, [], dialect === 'keras' ? { shared_axes: [1] } : { sharedAxes: [1] }, dialect);
      const ctx = { dialect, layerName: 'p_re_lu' };
      const first = callLayer(def, config, [[null, 5, 4]], ctx, undefined);
      return callLayer(def, config, [second], ctx, first.build).error?.message;
    };
    assert.equal(run('keras', [null, 7, 4]), undefined); // axis 1 is shared: any size
    assert.equal(
      run('keras', [null, 5, 3]),
      'Input 0 of layer "p_re_lu" is incompatible with the layer: expected axis 2 of input shape to have value 4, but received input with shape (None, 5, 3)',
    );
    assert.match(run('tfjs', [null, 7, 4]) ?? '', /expected axis 1 of input shape to have value 5/);
  });
});

describe('activation layers: Keras and TF.js dialects agree where both runtimes document the same rule', () => {
  it('non-negative ReLU/LeakyReLU arguments, ELU alpha 1, Softmax, PReLU without shared axes', async () => {
    const { assertDialectsAgree } = await import('./support/tfjsOracle');
    const r = rng(99);
    for (let i = 0; i < 200; i++) {
      const shape = randomShape(r, 2, 5);
      assertDialectsAgree('reLU', r.bool() ? {} : { maxValue: r.pick([0, 1, 6]) }, [shape]);
      assertDialectsAgree('leakyReLU', r.bool() ? {} : { alpha: r.pick([0, 0.1, 0.3]) }, [shape]);
      assertDialectsAgree('elu', {}, [shape]);
      assertDialectsAgree('softmax', {}, [shape]);
      assertDialectsAgree('prelu', {}, [shape]);
    }
  });
});
