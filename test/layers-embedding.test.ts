import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { kerasCatalogOutcome, rng, runOracle, type OracleCase } from './support/tfjsOracle';

describe('Embedding against TF.js', () => {
  it('agrees on shapes, table size, bad sizes and the inputLength check', (t) => {
    const r = rng(41);
    const cases: OracleCase[] = [];
    for (let i = 0; i < 300; i++) {
      const rank = r.int(1, 4);
      const shape: Dim[] = [null, ...Array.from({ length: rank - 1 }, () => r.int(1, 8))];
      if (rank > 1 && r.int(0, 6) === 0) shape[r.int(1, rank - 1)] = null;
      const size = () => (r.int(0, 12) === 0 ? r.pick<unknown>([0, -3, 2.5, null]) : r.int(1, 50));
      const config: Record<string, unknown> = { inputDim: size(), outputDim: size() };
      const roll = r.int(0, 5);
      // inputLength: matching, mismatching, a list for higher ranks, or with null entries.
      if (roll === 1) config.inputLength = shape[1] ?? r.int(1, 8);
      if (roll === 2) config.inputLength = r.int(1, 8);
      if (roll === 3) config.inputLength = shape.slice(1).map((d) => (r.int(0, 3) === 0 ? null : (d ?? r.int(1, 8))));
      if (roll === 4) config.maskZero = r.bool();
      if (r.int(0, 9) === 0) config.trainable = false;
      cases.push({ config, shapes: [shape] });
    }
    const report = runOracle('embedding', cases);
    t.diagnostic(JSON.stringify(report));
    assert.equal(report.agreed, report.total);
  });
});

describe('Embedding in Keras 3 (table)', () => {
  const table: [Record<string, unknown>, Shape, { shapes?: Shape[]; trainable?: number; nonTrainable?: number }][] = [
    [{ input_dim: 1000, output_dim: 64 }, [null, 10], { shapes: [[null, 10, 64]], trainable: 64000, nonTrainable: 0 }],
    // Keras 3 has no input_length: it warns and ignores it, so a mismatch is no error there (TF.js raises).
    [{ input_dim: 10, output_dim: 4, input_length: 5 }, [null, 6], { shapes: [[null, 6, 4]], trainable: 40, nonTrainable: 0 }],
    [{ input_dim: 10, output_dim: 4 }, [null, 2, 3], { shapes: [[null, 2, 3, 4]], trainable: 40, nonTrainable: 0 }],
    // LoRA freezes the table and trains two factors.
    [{ input_dim: 100, output_dim: 8, lora_rank: 2 }, [null, 5], { shapes: [[null, 5, 8]], trainable: 216, nonTrainable: 800 }],
  ];
  for (const [config, shape, expected] of table) {
    it(`Embedding(${JSON.stringify(config)}) on ${JSON.stringify(shape)}`, () => {
      assert.deepEqual(kerasCatalogOutcome('Embedding', config, [shape]), expected);
    });
  }

  it('takes input_dim and output_dim positionally, as Keras does', () => {
    assert.deepEqual(kerasCatalogOutcome('Embedding', {}, [[null, 3]], [20, 2]).trainable, 40);
  });
});
