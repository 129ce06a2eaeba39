import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { layerByKerasName, layerByTfjsFactory } from '../src/layers/registry';
import { resolveConfig } from '../src/layers/apply';
import type { ConfigValue } from '../src/layers/types';
import { catalogOutcome, kerasCatalogOutcome, rng, type Outcome } from './support/tfjsOracle';

// The catalog's first rule for the activation, attention, normalization2, preprocessing and wrapper families: a
// call that succeeds still succeeds, with the same ranks, when input dims become unknown (null) or symbolic ('n'),
// or when any one argument becomes statically unknown.

const UNKNOWN = { $unknown: true };
const lstm = { $layer: 'LSTM', name: 'lstm', config: resolveConfig(layerByKerasName('LSTM')!, [4], { return_sequences: true }, 'keras').config };
const dense = { $layer: 'Dense', name: 'dense', config: resolveConfig(layerByKerasName('Dense')!, [3], {}, 'keras').config };

const kerasCases: [string, Record<string, unknown>, Shape[]][] = [
  ['ReLU', { max_value: 6 }, [[null, 4, 5]]],
  ['LeakyReLU', {}, [[null, 4]]],
  ['PReLU', { shared_axes: [1] }, [[null, 4, 5]]],
  ['ELU', {}, [[null, 4]]],
  ['Softmax', {}, [[null, 4]]],
  ['MultiHeadAttention', { num_heads: 2, key_dim: 4 }, [[null, 5, 8], [null, 6, 8]]],
  ['MultiHeadAttention', { num_heads: 2, key_dim: 4, output_shape: 3 }, [[null, 5, 8], [null, 6, 8], [null, 6, 2]]],
  ['Attention', { use_scale: true }, [[null, 5, 8], [null, 6, 8]]],
  ['AdditiveAttention', {}, [[null, 5, 8], [null, 6, 8]]],
  ['GroupNormalization', { groups: 2 }, [[null, 6, 8]]],
  ['UnitNormalization', {}, [[null, 8]]],
  ['Rescaling', { scale: 2 }, [[null, 8, 8, 3]]],
  ['Resizing', { height: 4, width: 4 }, [[null, 8, 8, 3]]],
  ['CenterCrop', { height: 4, width: 4 }, [[null, 8, 8, 3]]],
  ['RandomWidth', { factor: 0.2 }, [[null, 8, 8, 3]]],
  ['CategoryEncoding', { num_tokens: 5, output_mode: 'one_hot' }, [[null, 3]]],
  ['Identity', {}, [[null, 3]]],
  ['TimeDistributed', { layer: dense }, [[null, 5, 4]]],
  ['Bidirectional', { layer: lstm }, [[null, 5, 4]]],
];

function masked(r: ReturnType<typeof rng>, shapes: Shape[]): Shape[] {
  return shapes.map((s) => s.map((d: Dim, i) => (i === 0 || r.int(0, 2) > 0 ? d : r.bool() ? null : 'n')));
}
const ranks = (o: Outcome) => o.shapes?.map((s) => s.length);

describe('Unknown dims and unknown arguments never raise (Keras dialect)', () => {
  for (const [cls, config, shapes] of kerasCases) {
    it(`${cls} ${JSON.stringify(config).slice(0, 60)}`, () => {
      const base = kerasCatalogOutcome(cls, config, shapes);
      assert.equal(base.error, undefined);
      const r = rng(cls.length * 31);
      for (let i = 0; i < 30; i++) {
        const out = kerasCatalogOutcome(cls, config, masked(r, shapes));
        assert.equal(out.error, undefined);
        assert.deepEqual(ranks(out), ranks(base));
      }
      for (const arg of layerByKerasName(cls)!.args) {
        const out = kerasCatalogOutcome(cls, { ...config, [arg.py]: UNKNOWN }, shapes);
        assert.equal(out.error, undefined, `${arg.py} unknown: ${out.error}`);
      }
    });
  }
});

describe('Unknown arguments never raise (TF.js dialect)', () => {
  const jsCases: [string, Record<string, unknown>, Shape[]][] = [
    ['reLU', {}, [[null, 4]]],
    ['leakyReLU', {}, [[null, 4]]],
    ['prelu', { sharedAxes: 1 }, [[null, 4, 5]]],
    ['elu', {}, [[null, 4]]],
    ['softmax', {}, [[null, 4]]],
    ['thresholdedReLU', {}, [[null, 4]]],
    ['rescaling', { scale: 2 }, [[null, 4]]],
    ['resizing', { height: 2, width: 2 }, [[null, 8, 8, 3]]],
    ['centerCrop', { height: 2, width: 2 }, [[null, 8, 8, 3]]],
    ['randomWidth', { factor: 0.5 }, [[null, 8, 8, 3]]],
    ['categoryEncoding', { numTokens: 4 }, [[null, 3]]],
  ];
  for (const [factory, config, shapes] of jsCases) {
    it(factory, () => {
      for (const arg of layerByTfjsFactory(factory)!.args.filter((a) => a.js)) {
        const out = catalogOutcome(factory, { ...config, [arg.js!]: UNKNOWN as unknown as ConfigValue }, shapes);
        assert.equal(out.error, undefined, `${arg.js} unknown: ${out.error}`);
      }
    });
  }
});
