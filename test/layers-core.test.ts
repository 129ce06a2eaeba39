import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogOutcome, rng, tfjsOutcome } from './support/tfjsOracle';

describe('Dense against TF.js', () => {
  it('agrees on shapes and parameter counts over random configurations', () => {
    const r = rng(1);
    for (let i = 0; i < 60; i++) {
      const rank = r.int(2, 4);
      const shape = [null, ...Array.from({ length: rank - 1 }, () => r.int(1, 9))];
      const config = { units: r.int(1, 20), useBias: r.bool() };
      const expected = tfjsOutcome('dense', config, [shape]);
      assert.deepEqual(catalogOutcome('dense', config, [shape]), expected, JSON.stringify({ config, shape }));
    }
  });

  it('rejects a 1-D input as TF.js does', () => {
    const expected = tfjsOutcome('dense', { units: 3 }, [[null]]);
    const actual = catalogOutcome('dense', { units: 3 }, [[null]]);
    assert.ok(expected.error && actual.error);
    assert.equal(actual.error, expected.error.replace(/dense_Dense\d+/, 'dense_test'));
  });
});
