import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dim, Shape } from '../src/graph/shape';
import { layerByTfjsFactory } from '../src/layers/registry';
import { kerasCatalogOutcome, rng, runOracle, tfjsExecOutcome, tfjsOutcome, type OracleCase } from './support/tfjsOracle';

type Rng = ReturnType<typeof rng>;
const dims = (r: Rng, n: number, lo = 1, hi = 6) => Array.from({ length: n }, () => r.int(lo, hi));

/** Inputs for an elementwise merge: one base shape, each input a variant of it (fewer leading dims, 1s, a wrong
 *  size, a null, a known batch size) so broadcasting, rank differences and mismatches all occur. */
function elementwiseCase(r: Rng): OracleCase {
  const base = dims(r, r.int(1, 3));
  const n = r.int(0, 6) === 0 ? 1 : r.int(2, 4);
  const shapes: Shape[] = [];
  for (let k = 0; k < n; k++) {
    const s: Dim[] = base.slice(r.int(0, 4) === 0 ? r.int(0, base.length - 1) : 0).map((d) => {
      const roll = r.int(0, 11);
      return roll === 0 ? 1 : roll === 1 ? d + r.int(1, 3) : roll === 2 ? null : d;
    });
    shapes.push([r.int(0, 7) === 0 ? r.int(2, 3) : null, ...s]);
  }
  return { config: {}, shapes };
}

describe('Elementwise merges against TF.js', () => {
  for (const factory of ['add', 'multiply', 'average', 'maximum', 'minimum']) {
    it(`tf.layers.${factory}: broadcasting, rank differences, batch sizes, too few inputs`, (t) => {
      const r = rng(factory.length * 101);
      const cases = Array.from({ length: 200 }, () => elementwiseCase(r));
      const report = runOracle(factory, cases, { multiInput: true });
      t.diagnostic(JSON.stringify(report));
      assert.equal(report.agreed, report.total);
    });
  }

  it('uses TF.js\'s exact words for the scenario-5 mistake (Dense(10) and Dense(8) multiplied)', () => {
    const [c] = [{ config: {}, shapes: [[null, 10], [null, 8]] as Shape[] }];
    const report = runOracle('multiply', [c], { multiInput: true });
    assert.equal(report.agreed, 1);
    assert.equal(kerasCatalogOutcome('Multiply', {}, c.shapes).error, 'Inputs have incompatible shapes. Received shapes (10,) and (8,)');
  });
});

describe('Concatenate against TF.js', () => {
  it('agrees over axes, off-axis mismatches, rank mismatches and input counts', (t) => {
    const r = rng(21);
    const cases: OracleCase[] = [];
    for (let i = 0; i < 300; i++) {
      const rank = r.int(2, 4);
      const base = [null, ...dims(r, rank - 1)];
      const axis = r.int(0, 9) === 0 ? r.pick([rank, rank + 1, -rank - 1]) : r.int(-rank, rank - 1);
      const at = axis < 0 ? axis + rank : axis;
      const n = r.int(0, 6) === 0 ? 1 : r.int(2, 4);
      const shapes: Shape[] = [];
      for (let k = 0; k < n; k++) {
        const s: Dim[] = base.slice();
        if (at >= 0 && at < rank) s[at] = r.int(1, 6);
        const roll = r.int(0, 9);
        if (roll === 0) s[r.int(1, rank - 1)] = r.int(1, 6); // an off-axis mismatch (or, by chance, not)
        if (roll === 1) s.push(2); // a rank mismatch
        if (roll === 2) s[r.int(1, rank - 1)] = null;
        shapes.push(s);
      }
      cases.push({ config: r.int(0, 5) === 0 && axis === -1 ? {} : { axis }, shapes });
    }
    const report = runOracle('concatenate', cases, {
      multiInput: true,
      documented: (c, cmp) => {
        const axis = (c.config.axis as number | undefined) ?? -1;
        const outOfRange = c.shapes.some((s) => axis >= s.length || axis < -s.length);
        // TF.js does not check the axis: it builds a malformed shape (e.g. [null,3,5,null,null,null]) or reports
        // a mismatch of the full shapes; we name the axis.
        if (outOfRange && cmp.actual.error?.includes('out of range')) return 'tfjs-no-axis-range-check';
        // TF.js compares shapes exactly, so null against a size is a mismatch there; Keras (and we) skip nulls.
        if (c.shapes.some((s) => s.slice(1).includes(null)) && cmp.expected.error?.includes('matching shapes') && cmp.actual.shapes) return 'tfjs-rejects-null-against-size';
        return undefined;
      },
    });
    t.diagnostic(JSON.stringify(report));
    assert.ok(report.agreed >= 250);
  });
});

describe('Dot against TF.js', () => {
  it('agrees over int and pair axes, mismatched sizes, ranks up to 4 and input counts', (t) => {
    const r = rng(22);
    const cases: OracleCase[] = [];
    for (let i = 0; i < 300; i++) {
      const r1 = r.int(2, 4);
      const r2 = r.int(0, 3) === 0 ? r.int(2, 4) : r1;
      const s1: Dim[] = [null, ...dims(r, r1 - 1)];
      const s2: Dim[] = [null, ...dims(r, r2 - 1)];
      let axes: number | [number, number];
      if (r.bool()) {
        axes = r.int(0, 9) === 0 ? r.pick([Math.max(r1, r2), -Math.max(r1, r2) - 1]) : r.int(-Math.min(r1, r2) + 1, Math.min(r1, r2) - 1);
        if (axes === 0) axes = 1;
      } else {
        axes = [r.int(1, r1 - 1), r.int(1, r2 - 1)];
        if (r.int(0, 3) === 0) axes = [axes[0] - r1, axes[1] - r2];
      }
      // Make the dotted sizes agree most of the time.
      const [a0, a1] = typeof axes === 'number' ? [axes < 0 ? axes + r1 : axes, axes < 0 ? axes + r2 : axes] : [axes[0] < 0 ? axes[0] + r1 : axes[0], axes[1] < 0 ? axes[1] + r2 : axes[1]];
      if (r.int(0, 4) > 0 && a0 > 0 && a0 < r1 && a1 > 0 && a1 < r2) s2[a1] = s1[a0];
      const shapes = r.int(0, 9) === 0 ? [s1, s2, s2] : r.int(0, 20) === 0 ? [s1] : [s1, s2];
      cases.push({ config: r.bool() ? { axes, normalize: r.bool() } : { axes }, shapes });
    }
    const report = runOracle('dot', cases, {
      multiInput: true,
      documented: (c, cmp) => {
        const axes = c.config.axes as number | [number, number];
        const [s1, s2] = c.shapes;
        const pair = Array.isArray(axes) ? axes : [axes, axes];
        const outOfRange = (a: number, s: Shape) => a >= s.length || a < -s.length;
        // TF.js does not range-check axes: an int beyond one input's rank reads `undefined` (a garbled
        // "Dimension incompatibility: 5 !== undefined", or no error and a malformed shape); we name the axis.
        if ((outOfRange(pair[0], s1) || outOfRange(pair[1], s2)) && cmp.actual.error?.includes('out of range')) return 'tfjs-no-axis-range-check';
        // A negative pair is used as JS indices (undefined === undefined), so apply() checks nothing; the
        // mismatch surfaces only in execution (as a matMul error). We report it at the call, in Dot's words.
        if (Array.isArray(axes) && pair.some((a) => a < 0) && cmp.expected.shapes && cmp.actual.error?.startsWith('Dimension incompatibility')) {
          return tfjsExecOutcome('dot', structuredClone(c.config), c.shapes, true).error ? 'tfjs-defers-negative-pair-check-to-execution' : undefined;
        }
        return undefined;
      },
    });
    t.diagnostic(JSON.stringify(report));
    assert.ok(report.agreed >= 220);
  });
});

describe('Merge layers in Keras 3 (table, from keras/src/layers/merging)', () => {
  const table: [string, Record<string, unknown>, Shape[], { shapes?: Shape[]; error?: string }][] = [
    ['Add', {}, [[null, 5], [null, 5]], { shapes: [[null, 5]] }],
    ['Add', {}, [[null, 5]], { shapes: [[null, 5]] }], // Keras 3 accepts one input; TF.js wants two
    ['Add', {}, [[null, 5], [null, 10]], { error: 'Inputs have incompatible shapes. Received shapes (5,) and (10,)' }],
    ['Add', {}, [[null, 3, 5], [null, 5]], { shapes: [[null, 3, 5]] }],
    ['Add', {}, [[null, 3, 1], [null, 4]], { shapes: [[null, 3, 4]] }],
    ['Add', {}, [[null, 'n', 4], [null, 3, 4]], { shapes: [[null, 3, 4]] }],
    ['Add', {}, [[2, 5], [3, 5]], { error: 'Cannot merge tensors with different batch sizes. Received tensors with shapes [(2, 5), (3, 5)]' }],
    ['Multiply', {}, [[null, 2, 5], [null, 3, 5]], { error: 'Inputs have incompatible shapes. Received shapes (2, 5) and (3, 5)' }],
    ['Multiply', {}, [[null, 5], [null, 3, 4]], { error: 'Inputs have incompatible shapes. Received shapes (3, 4) and (5,)' }],
    ['Subtract', {}, [[null, 5], [null, 5]], { shapes: [[null, 5]] }],
    ['Subtract', {}, [[null, 5], [null, 1]], { shapes: [[null, 5]] }],
    ['Subtract', {}, [[null, 5], [null, 5], [null, 5]], { error: 'A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=[(None, 5), (None, 5), (None, 5)]' }],
    ['Subtract', {}, [[null, 5], [null, 4]], { error: 'Inputs have incompatible shapes. Received shapes (5,) and (4,)' }],
    ['Average', {}, [[null, 4], [null, 4], [null, 4]], { shapes: [[null, 4]] }],
    ['Concatenate', {}, [[null, 3], [null, 4]], { shapes: [[null, 7]] }],
    ['Concatenate', { axis: 1 }, [[null, 2, 5], [null, 1, 5]], { shapes: [[null, 3, 5]] }],
    ['Concatenate', {}, [[null, 3, null], [null, 3, 5]], { shapes: [[null, 3, null]] }],
    ['Concatenate', { axis: 1 }, [[null, 3, null], [null, 4, 5]], { shapes: [[null, 7, null]] }], // None is a wildcard
    ['Concatenate', {}, [[null, 3]], { shapes: [[null, 3]] }],
    [
      'Concatenate',
      {},
      [[null, 3, 5], [null, 4, 5]],
      { error: 'A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=[(None, 3, 5), (None, 4, 5)]' },
    ],
    ['Dot', { axes: 1 }, [[null, 5], [null, 5]], { shapes: [[null, 1]] }],
    ['Dot', { axes: [1, 2] }, [[null, 3, 5], [null, 10, 3]], { shapes: [[null, 5, 10]] }],
    ['Dot', { axes: -1 }, [[null, 2, 3, 5], [null, 4, 5]], { shapes: [[null, 2, 3, 4]] }], // no rank limit in Keras
    [
      'Dot',
      { axes: 1 },
      [[null, 5], [null, 6]],
      { error: 'Incompatible input shapes: axis values 5 (at axis 1) != 6 (at axis 1). Full input shapes: (None, 5), (None, 6)' },
    ],
    [
      'Dot',
      { axes: -1 },
      [[null, 3, 5], [null, 6]],
      { error: 'Incompatible input shapes: axis values 5 (at axis 2) != 6 (at axis 1). Full input shapes: (None, 3, 5), (None, 6)' },
    ],
    ['Dot', { axes: [1, 2, 3] }, [[null, 5], [null, 5]], { error: 'Invalid format for argument `axes`: it should contain two elements. Received: axes=(1, 2, 3)' }],
    ['Dot', { axes: 1 }, [[null, 5], [null, 5], [null, 5]], { error: 'A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=[(None, 5), (None, 5), (None, 5)]' }],
  ];
  for (const [cls, config, shapes, expected] of table) {
    it(`${cls}(${JSON.stringify(config)}) on ${JSON.stringify(shapes)}`, () => {
      const actual = kerasCatalogOutcome(cls, config, shapes);
      if (expected.error) assert.equal(actual.error, expected.error);
      else assert.deepEqual(actual, { shapes: expected.shapes, trainable: 0, nonTrainable: 0 });
    });
  }

  it('has no Subtract for TF.js files, as TF.js 4.22 has none', () => {
    assert.equal(layerByTfjsFactory('subtract'), undefined);
    assert.match(tfjsOutcome('subtract', {}, [[null, 2], [null, 2]], true).error ?? '', /does not exist/);
  });
});
