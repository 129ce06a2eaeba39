// The preview's loss curve data: incremental messages grow one curve, NaN/Infinity survive the JSON of postMessage,
// and a very long run (past the ~125k values a spread call takes) neither overflows nor draws every point.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeLoss, encodeLoss, isHostMessage, type HostMessage } from '../src/webview-protocol';
import { decimate, finiteRange, LossCurve } from '../webview/lossCurve';

describe('loss curve (webview)', () => {
  it('grows from incremental messages; from 0 replaces; an overlap is cut back', () => {
    const c = new LossCurve();
    c.add({ from: 0, history: [0.5, 0.4] });
    c.add({ from: 2, history: [0.3] });
    assert.deepEqual(c.points, [0.5, 0.4, 0.3]);
    c.add({ from: 1, history: [0.41, 0.31, 0.2] });
    assert.deepEqual(c.points, [0.5, 0.41, 0.31, 0.2]);
    c.add({ history: [9] });
    assert.deepEqual(c.points, [9]);
  });

  it('NaN and ±Infinity cross postMessage (JSON) as words and come back as numbers', () => {
    const m: HostMessage = { type: 'trainProgress', uri: 'file:///a.py', model: 'm', epoch: 3, epochs: 5, loss: encodeLoss(NaN), from: 0, history: [0.5, Infinity, NaN].map(encodeLoss), status: 'running' };
    const wire = JSON.parse(JSON.stringify(m)) as HostMessage;
    assert.ok(isHostMessage(wire));
    const c = new LossCurve();
    c.add(wire as Extract<HostMessage, { type: 'trainProgress' }>);
    assert.equal(c.points[0], 0.5);
    assert.equal(c.points[1], Infinity);
    assert.ok(Number.isNaN(c.points[2]));
    assert.ok(Number.isNaN(decodeLoss((wire as { loss: 'NaN' }).loss)));
    assert.equal(isHostMessage({ ...wire, history: [null] }), false);
  });

  it('1,000,000 points: range without a spread, at most ~3 drawn per pixel column, spikes kept', () => {
    const n = 1_000_000;
    const values = new Float64Array(n).map((_, i) => 1 / (1 + i / 1000));
    values[777_777] = 50;
    values[10] = NaN;
    const t0 = performance.now();
    const r = finiteRange(values)!;
    const idx = decimate(values, 204);
    const ms = performance.now() - t0;
    console.log(`# 1M points: range and decimation in ${ms.toFixed(1)} ms, ${idx.length} drawn`);
    assert.equal(r.hi, 50);
    assert.ok(r.lo > 0 && r.lo < 0.01);
    assert.ok(idx.length <= 3 * 204 + 1, `${idx.length} indices`);
    assert.ok(idx.includes(777_777), 'the spike is drawn');
    assert.equal(idx[0], 0);
    assert.equal(idx[idx.length - 1], n - 1);
    for (let i = 1; i < idx.length; i++) assert.ok(idx[i] > idx[i - 1]);
    assert.equal(finiteRange([NaN, Infinity]), null);
    assert.deepEqual(decimate([1, 2, 3], 100), [0, 1, 2]);
  });
});
