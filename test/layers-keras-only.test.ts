import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape } from '../src/graph/shape';
import { callLayer, resolveConfig } from '../src/layers/apply';
import { layerByKerasName } from '../src/layers/registry';
import { kerasCatalogOutcome } from './support/tfjsOracle';

type Expected = { shapes?: Shape[]; trainable?: number; error?: string };

/** One Keras-dialect call; `shapes` lists the call's inputs (several for the attention layers). */
function check(cls: string, config: Record<string, unknown>, inputs: Shape[], expected: Expected): void {
  const actual = kerasCatalogOutcome(cls, config, inputs);
  if (expected.error) return assert.equal(actual.error, expected.error);
  assert.equal(actual.error, undefined);
  if (expected.shapes) assert.deepEqual(actual.shapes, expected.shapes);
  if (expected.trainable !== undefined) assert.equal(actual.trainable, expected.trainable);
  assert.equal(actual.nonTrainable, 0);
}

describe('MultiHeadAttention (Keras 3 formulas)', () => {
  // Keras 3 builds four EinsumDense layers:
  //   query:  kernel (q_dim, heads, key_dim)   + bias (heads, key_dim)
  //   key:    kernel (k_dim, heads, key_dim)   + bias (heads, key_dim)
  //   value:  kernel (v_dim, heads, value_dim) + bias (heads, value_dim)
  //   output: kernel (heads, value_dim, out)   + bias (out,), out = output_shape or q_dim
  it('query 16, heads 2, key_dim 8, self-attention', () => {
    const q = 16, h = 2, k = 8, v = 8;
    const query = q * h * k + h * k; // 256 + 16 = 272
    const key = q * h * k + h * k; // 272
    const value = q * h * v + h * v; // 272
    const output = h * v * q + q; // 256 + 16 = 272
    assert.equal(query + key + value + output, 1088);
    check('MultiHeadAttention', { num_heads: 2, key_dim: 8 }, [[null, 10, 16], [null, 10, 16]], { shapes: [[null, 10, 16]], trainable: 1088 });
  });

  it('cross-attention with value_dim, output_shape and no bias', () => {
    // query (None, 5, 12), value (None, 7, 20), heads 3, key_dim 4, value_dim 6, output_shape 10, use_bias False:
    //   query 12·3·4 = 144; key (= value) 20·3·4 = 240; value 20·3·6 = 360; output 3·6·10 = 180 → 924.
    check(
      'MultiHeadAttention',
      { num_heads: 3, key_dim: 4, value_dim: 6, output_shape: 10, use_bias: false },
      [[null, 5, 12], [null, 7, 20]],
      { shapes: [[null, 5, 10]], trainable: 924 },
    );
  });

  it('a separate key of another width; positional num_heads/key_dim', () => {
    // query 8, value 6, key 4, heads 2, key_dim 3 (value_dim = key_dim):
    //   query 8·2·3+2·3 = 54; key 4·2·3+6 = 30; value 6·2·3+6 = 42; output 2·3·8+8 = 56 → 182.
    const out = kerasCatalogOutcome('MultiHeadAttention', {}, [[null, 5, 8], [null, 9, 6], [null, 9, 4]], [2, 3]);
    assert.deepEqual(out, { shapes: [[null, 5, 8]], trainable: 182, nonTrainable: 0 });
  });

  it('a tuple output_shape keeps every axis', () => {
    // output kernel (heads 2, value_dim 4, 3, 5) = 120, bias (3, 5) = 15.
    check('MultiHeadAttention', { num_heads: 2, key_dim: 4, output_shape: [3, 5] }, [[null, 6, 8], [null, 6, 8]], {
      shapes: [[null, 6, 3, 5]],
      trainable: 3 * (8 * 2 * 4 + 2 * 4) + 120 + 15,
    });
  });

  it('rejects value and key that differ off the last axis, in Keras\'s words', () => {
    check('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, [[null, 5, 8], [null, 6, 8], [null, 7, 8]], {
      error: 'All dimensions of `value` and `key`, except the last one, must be equal. Received: value_shape=(None, 6, 8) and key_shape=(None, 7, 8)',
    });
  });

  it('rejects an output_shape that is not an int, list or tuple', () => {
    check('MultiHeadAttention', { num_heads: 2, key_dim: 4, output_shape: 'x' }, [[null, 5, 8], [null, 5, 8]], {
      error: 'Invalid `output_shape`: x. When specified, the `output_shape` should be of type tuple, list, or int.',
    });
  });

  it('only the query known (a value the evaluator could not follow): shape from the query, counts unknown, no error', () => {
    const out = kerasCatalogOutcome('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, [[null, 5, 8]]);
    assert.deepEqual(out.shapes, [[null, 5, 8]]);
    assert.equal(out.trainable, undefined);
    assert.equal(out.error, undefined);
  });
});

describe('Attention and AdditiveAttention (Keras 3 formulas)', () => {
  // Output: (*query.shape[:-1], value.shape[-1]).
  it('Attention: no weights by default; scalar scale and concat_score_weight', () => {
    check('Attention', {}, [[null, 4, 8], [null, 6, 8]], { shapes: [[null, 4, 8]], trainable: 0 });
    check('Attention', { use_scale: true }, [[null, 4, 8], [null, 6, 8]], { trainable: 1 });
    check('Attention', { use_scale: true, score_mode: 'concat' }, [[null, 4, 8], [null, 6, 8]], { trainable: 2 });
    check('Attention', {}, [[null, 4, 8], [null, 6, 5], [null, 6, 8]], { shapes: [[null, 4, 5]] });
  });
  it('Attention: score_mode and input-count checks in Keras\'s words', () => {
    check('Attention', { score_mode: 'add' }, [[null, 4, 8], [null, 6, 8]], {
      error: "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received: score_mode=add",
    });
    check('Attention', {}, [[null, 4, 8], [null, 6, 8], [null, 6, 8], [null, 6, 8]], {
      error: 'Attention layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value, key]. Received length: 4.',
    });
  });
  it('AdditiveAttention: a scale of the query width by default', () => {
    check('AdditiveAttention', {}, [[null, 4, 8], [null, 6, 8]], { shapes: [[null, 4, 8]], trainable: 8 });
    check('AdditiveAttention', { use_scale: false }, [[null, 4, 8], [null, 6, 8]], { trainable: 0 });
  });
});

describe('GroupNormalization and UnitNormalization (Keras 3)', () => {
  // gamma and beta of shape (channels,): 2·channels trainable parameters; channels must divide into the groups.
  const table: [Record<string, unknown>, Shape, Expected][] = [
    [{ groups: 4 }, [null, 8, 8, 32], { trainable: 64 }],
    [{}, [null, 64], { trainable: 128 }], // groups defaults to 32
    [{ groups: -1 }, [null, 10, 6], { trainable: 12 }], // -1: one group per channel
    [{ groups: 2, axis: 1, center: false }, [null, 6, 5], { trainable: 6 }],
    [{ groups: 3 }, [null, 8], { error: 'Number of groups (3) must be a multiple of the number of channels (8).' }],
    [{}, [null, 16], { error: 'Number of groups (32) cannot be more than the number of channels (16).' }],
    [{ groups: 2, axis: 3 }, [null, 4], { error: 'Axis 3 is out of bounds for input shape (None, 4). Ensure axis is within the range of input dimensions.' }],
  ];
  for (const [config, shape, expected] of table) {
    it(`GroupNormalization(${JSON.stringify(config)}) on ${JSON.stringify(shape)}`, () => check('GroupNormalization', config, [shape], expected));
  }
  it('GroupNormalization pins the channel size for later calls', () => {
    const def = layerByKerasName('GroupNormalization')!;
    const { config } = resolveConfig(def, [4], {}, 'keras');
    const ctx = { dialect: 'keras' as const, layerName: 'group_normalization' };
    const first = callLayer(def, config, [[null, 8]], ctx, undefined);
    assert.match(callLayer(def, config, [[null, 12]], ctx, first.build).error?.message ?? '', /expected axis -1 of input shape to have value 8/);
  });
  it('UnitNormalization keeps the shape and rejects a non-int axis', () => {
    check('UnitNormalization', {}, [[null, 3, 4]], { shapes: [[null, 3, 4]], trainable: 0 });
    check('UnitNormalization', { axis: 'x' }, [[null, 3]], {
      error: "Invalid value for `axis` argument: expected an int or a list/tuple of ints. Received: axis=x",
    });
  });
});

describe('Preprocessing layers in Keras 3', () => {
  const table: [string, Record<string, unknown>, Shape, Expected][] = [
    ['Identity', {}, [null, 3, 4], { shapes: [[null, 3, 4]] }],
    ['Rescaling', { scale: 1 / 255 }, [null, 8, 8, 3], { shapes: [[null, 8, 8, 3]] }],
    ['Resizing', { height: 5, width: 6 }, [null, 32, 32, 3], { shapes: [[null, 5, 6, 3]] }],
    ['Resizing', { height: 5, width: 6, data_format: 'channels_first' }, [null, 3, 32, 32], { shapes: [[null, 3, 5, 6]] }],
    ['Resizing', { height: 5, width: 6 }, [32, 32, 3], { shapes: [[5, 6, 3]] }],
    ['CenterCrop', { height: 4, width: 4 }, [null, 8, 9, 3], { shapes: [[null, 4, 4, 3]] }],
    ['RandomWidth', { factor: 0.2 }, [null, 8, 9, 3], { shapes: [[null, 8, null, 3]] }],
    ['CategoryEncoding', { num_tokens: 5 }, [null, 3], { shapes: [[null, 5]] }],
    ['CategoryEncoding', { num_tokens: 5, output_mode: 'one_hot' }, [null], { shapes: [[null, 5]] }],
    ['CategoryEncoding', { num_tokens: 5, output_mode: 'one_hot' }, [null, 3], { shapes: [[null, 3, 5]] }],
    ['CategoryEncoding', { num_tokens: 5, output_mode: 'one_hot' }, [null, 1], { shapes: [[null, 5]] }],
    [
      'CategoryEncoding',
      {},
      [null, 3],
      { error: 'num_tokens must be set to use this layer. If the number of tokens is not known beforehand, use the IntegerLookup layer instead.' },
    ],
    ['CategoryEncoding', { num_tokens: 0 }, [null, 3], { error: '`num_tokens` must be >= 1. Received: num_tokens=0.' }],
    ['CategoryEncoding', { num_tokens: 4, output_mode: 'oneHot' }, [null, 3], { error: 'Unknown arg for output_mode: oneHot' }],
  ];
  for (const [cls, config, shape, expected] of table) {
    it(`${cls}(${JSON.stringify(config)}) on ${JSON.stringify(shape)}`, () => check(cls, config, [shape], expected));
  }
});
