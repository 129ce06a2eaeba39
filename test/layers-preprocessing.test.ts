import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim } from '../src/graph/shape';
import { rng, runOracle, type OracleCase } from './support/tfjsOracle';

type Rng = ReturnType<typeof rng>;

function imageShape(r: Rng): Dim[] {
  const rank = r.pick([2, 3, 4, 4, 4]);
  return Array.from({ length: rank }, (_, i) => (i === 0 && rank === 4 ? null : r.int(1, 12)));
}

function cases(seed: number, n: number, make: (r: Rng) => OracleCase): OracleCase[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => make(r));
}

describe('preprocessing layers against TF.js', () => {
  it('tf.layers.rescaling', (t) => {
    const report = runOracle(
      'rescaling',
      cases(61, 200, (r) => ({ config: r.bool() ? { scale: r.pick([1 / 255, 2, -1]) } : { scale: 0.5, offset: r.pick([0, -1, 3]) }, shapes: [imageShape(r)] })),
    );
    t.diagnostic(JSON.stringify(report));
    assert.equal(report.agreed, report.total);
  });

  it('tf.layers.resizing (TF.js\'s symbolic [height, width, inputShape[2]] reproduced), bad interpolation', (t) => {
    const report = runOracle(
      'resizing',
      cases(62, 300, (r) => {
        const config: Record<string, unknown> = { height: r.int(1, 9), width: r.int(1, 9) };
        if (r.int(0, 3) === 0) config.interpolation = r.pick(['bilinear', 'nearest', 'bicubic', 'area']);
        if (r.int(0, 4) === 0) config.cropToAspectRatio = r.bool();
        // Rank >= 3: on a smaller rank TF.js reads inputShape[2] as undefined (not a shape at all).
        return { config, shapes: [imageShape(r).concat([3]).slice(-4)] };
      }),
    );
    t.diagnostic(JSON.stringify(report));
    assert.equal(report.agreed, report.total);
  });

  it('tf.layers.centerCrop on ranks 2–4 (JS array semantics for rank 2)', (t) => {
    const report = runOracle('centerCrop', cases(63, 300, (r) => ({ config: { height: r.int(1, 9), width: r.int(1, 9) }, shapes: [imageShape(r)] })));
    t.diagnostic(JSON.stringify(report));
    assert.equal(report.agreed, report.total);
  });

  it('tf.layers.categoryEncoding: one-hot appends an axis unless the last is 1', (t) => {
    const report = runOracle(
      'categoryEncoding',
      cases(64, 300, (r) => {
        const config: Record<string, unknown> = { numTokens: r.int(1, 20) };
        if (r.int(0, 3) > 0) config.outputMode = r.pick(['oneHot', 'multiHot', 'count']);
        const rank = r.int(1, 3);
        const shape: Dim[] = [null, ...Array.from({ length: rank - 1 }, () => r.pick([1, 1, 2, 5, null]))];
        return { config, shapes: [shape] };
      }),
    );
    t.diagnostic(JSON.stringify(report));
    assert.equal(report.agreed, report.total);
  });

  it('tf.layers.randomWidth: constructor checks agree; the symbolic shape is a documented TF.js bug', (t) => {
    const report = runOracle(
      'randomWidth',
      cases(65, 300, (r) => {
        const factor = r.pick<unknown>([0.2, 0.5, 1.5, 0, -0.3, [-0.2, 0.3], [0.3, -0.2], [-2, 0.1], [0.1, 0.2, 0.3]]);
        const config: Record<string, unknown> = { factor };
        if (r.int(0, 3) === 0) config.interpolation = r.pick(['bilinear', 'nearest', 'lanczos3']);
        return { config, shapes: [[null, r.int(2, 9), r.int(2, 9), 3]] };
      }),
      {
        // TF.js 4.22 computes [this.imgHeight (undefined before a call), -1, inputShape[2]]; the catalog gives
        // Keras's (batch, height, None, channels). Evidence: TF.js's shape has a -1 where the catalog has null.
        documented: (_c, cmp) => (cmp.expected.shapes?.[0]?.[1] === -1 && cmp.actual.shapes?.[0]?.[2] === null ? 'tfjs-random-width-symbolic-shape' : undefined),
      },
    );
    t.diagnostic(JSON.stringify(report));
    assert.equal(report.agreed + (report.documented['tfjs-random-width-symbolic-shape'] ?? 0), report.total);
  });
});
