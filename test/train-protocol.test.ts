// The trainer process protocol: NaN/Infinity losses arrive as numbers, progress is incremental and throttled, weights
// larger than one message come back whole, a run past its timeout is killed, and the trainer exits when its parent
// dies. Each case prints its size, time and memory.

import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult, TrainingIR } from '../src/graph/ir';
import { startTraining, TrainError, trainInChild } from '../src/train/client';
import type { NestedNumbers } from '../src/train/protocol';
import { seededRandom } from '../src/train/data';
import { shortestFloat32, WEIGHT_CHUNK } from '../src/train/weights';

const ROOT = path.resolve(__dirname, '../..');

function dense(inputs: number, units: number): AnalysisResult {
  const code = `import keras\nx = keras.Input(shape=(${inputs},))\ny = keras.layers.Dense(${units})(x)\nm = keras.Model(x, y)\n`;
  return analyzeText(code, path.join(ROOT, 'test', 'fixtures', 'train', 'proto.py'));
}

function training(over: Partial<TrainingIR>): TrainingIR {
  return { loss: 'mse', optimizer: 'sgd', learningRate: null, metrics: [], epochs: 1, batchSize: 32, x: null, y: null, compileRange: null, fitRange: null, ...over };
}

function flatLength(v: NestedNumbers): number {
  return Array.isArray(v) ? v.reduce<number>((n, x) => n + flatLength(x), 0) : 1;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('trainer protocol', () => {
  it('weights come back as the shortest decimals of their float32, as toPrecision finds them', () => {
    // The definition: the fewest significant digits (1-9) whose decimal reads back as the same float32.
    const reference = (x: number): number => {
      if (!Number.isFinite(x) || x === 0) return x;
      for (let p = 1; p < 9; p++) if (Math.fround(Number(x.toPrecision(p))) === x) return Number(x.toPrecision(p));
      return Number(x.toPrecision(9));
    };
    const rand = seededRandom(5);
    const xs = Array.from({ length: 200_000 }, () => Math.fround((rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20)));
    xs.push(...[1e-45, 1.17549435e-38, 3.4028235e38, 0.1, 1 / 3, 2.5, -2.5, 0.5, -0, NaN, Infinity, -47322.3125].map(Math.fround));
    const t0 = performance.now();
    const got = xs.map(shortestFloat32);
    console.log(`# shortest float32 decimals: ${((performance.now() - t0) / xs.length * 1000).toFixed(2)} µs per value`);
    const wrong = xs.filter((x, i) => !Object.is(got[i], reference(x)));
    assert.deepEqual(wrong.slice(0, 5), []);
  });

  it('NaN losses arrive as NaN (not null), in progress and in the history', async () => {
    const analysis = dense(2, 1);
    analysis.models[0].training = training({ epochs: 3, x: [{ kind: 'literal', values: [[NaN, 1], [2, 3]], shape: [2, 2] }], y: [{ kind: 'zeros', shape: [2, 1] }] });
    const losses: number[] = [];
    const r = await trainInChild({ analysis, backend: 'cpu' }, { onEpoch: (_e, _n, loss) => losses.push(loss) });
    assert.equal(losses.length, 3);
    assert.ok(losses.every((l) => typeof l === 'number' && Number.isNaN(l)), JSON.stringify(losses.map(String)));
    assert.ok(r.history.loss.every((l) => Number.isNaN(l)));
  });

  it('many fast epochs come as few messages, each with only the new epochs', async () => {
    const analysis = dense(2, 1);
    analysis.models[0].training = training({ epochs: 2000, batchSize: 4, x: [{ kind: 'ones', shape: [4, 2] }], y: [{ kind: 'zeros', shape: [4, 1] }] });
    const h = startTraining({ analysis, backend: 'cpu' });
    let messages = 0;
    let items = 0;
    h.child!.on('message', (m: { type: string; items?: unknown[] }) => {
      if (m.type !== 'epochs') return;
      messages++;
      items += m.items!.length;
    });
    const t0 = performance.now();
    const r = await h.result;
    const s = (performance.now() - t0) / 1000;
    console.log(`# 2,000 epochs in ${s.toFixed(2)} s: ${messages} progress messages (≤ 20/s allows ${Math.ceil(s * 20) + 1})`);
    assert.equal(items, 2000, 'every epoch exactly once');
    assert.equal(r.history.loss.length, 2000);
    assert.ok(messages <= Math.ceil(s * 20) + 2, `${messages} messages in ${s} s`);
  });

  it(`weights larger than one message (${WEIGHT_CHUNK} values) come back whole: a 1,500×1,500 Dense, 2.25M parameters in 3 chunks`, async () => {
    const analysis = dense(1500, 1500);
    analysis.models[0].training = training({ epochs: 1, x: [{ kind: 'ones', shape: [2, 1500] }], y: [{ kind: 'zeros', shape: [2, 1500] }] });
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await trainInChild({ analysis, backend: 'cpu' });
    const kernel = r.weights[0];
    assert.deepEqual(kernel.shape, [1500, 1500]);
    assert.equal(flatLength(kernel.values), 1500 * 1500);
    // The last row of the kernel is real trained data, not zeros left by a lost chunk.
    const last = (kernel.values as number[][])[1499];
    assert.ok(last.some((v) => v !== 0));
    assert.ok(Math.abs(kernel.stats.mean) < 0.01 && kernel.stats.std > 0.01);
    console.log(`# 2.25M parameters back in ${((performance.now() - t0) / 1000).toFixed(2)} s, parent rss +${((process.memoryUsage().rss - rss) / 2 ** 20).toFixed(0)} MB`);
  });

  it('a run past its timeout is killed and says so', async () => {
    const analysis = dense(64, 64);
    analysis.models[0].training = training({ epochs: 100000, x: [{ kind: 'ones', shape: [256, 64] }], y: [{ kind: 'zeros', shape: [256, 64] }] });
    const t0 = performance.now();
    const h = startTraining({ analysis, backend: 'cpu' }, {}, { timeoutMs: 1500 });
    await assert.rejects(h.result, (e: unknown) => e instanceof TrainError && e.kind === 'timeout' && /longer than 1\.5 s/.test(e.message));
    const exit = await h.exited;
    assert.equal(exit.signal, 'SIGKILL');
    console.log(`# timeout 1.5 s: stopped after ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  });

  it('the trainer exits when its parent is killed', async () => {
    // A parent process that starts a long run, prints the trainer's pid, then waits to be killed.
    const script = `
      const path = require('node:path');
      const { analyzeText } = require(${JSON.stringify(path.join(ROOT, 'out/src/analysis/analyze.js'))});
      const { startTraining } = require(${JSON.stringify(path.join(ROOT, 'out/src/train/client.js'))});
      const a = analyzeText('import keras\\nx = keras.Input(shape=(64,))\\ny = keras.layers.Dense(64)(x)\\nm = keras.Model(x, y)\\n', 'p.py');
      a.models[0].training = { loss: 'mse', optimizer: 'sgd', learningRate: null, metrics: [], epochs: 100000, batchSize: 32, x: [{ kind: 'ones', shape: [256, 64] }], y: [{ kind: 'zeros', shape: [256, 64] }], compileRange: null, fitRange: null };
      const h = startTraining({ analysis: a, backend: 'cpu' }, { onEpoch: (e) => { if (e === 0) console.log(h.child.pid); } });
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    assert.ok(alive(pid), 'the trainer runs');
    parent.kill('SIGKILL');
    const t0 = performance.now();
    while (alive(pid) && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
    const gone = !alive(pid);
    if (!gone) process.kill(pid, 'SIGKILL');
    assert.ok(gone, 'the trainer outlived its parent by 5 s');
    console.log(`# trainer exited ${(performance.now() - t0).toFixed(0)} ms after its parent was killed`);
    // And no orphan is left over in the process table.
    assert.equal(spawnSync('ps', ['-p', String(pid)]).status, 1);
  });
});
