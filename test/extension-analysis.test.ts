// Analysis off the extension host, without an editor: the runner (real analysis processes, real heap caps and
// budgets), the per-version store (stale answers dropped, failures cached, the last good graph kept), the
// worker's confined workspace reads, and the preview's last-good-graph choice.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { AnalysisRunner, type RunOutcome } from '../src/extension/analysisRunner';
import { AnalysisStore } from '../src/extension/analysisStore';
import { answer, editorWorkspace } from '../src/extension/analysisWorker';
import { callsAt } from '../src/extension/cursor';
import { severityOverrides } from '../src/extension/diagnosticsModel';
import { shapeHints } from '../src/extension/lensModel';
import { isHalfTyped, LastGoodGraphs, previewTitle } from '../src/extension/previewState';
import { formatMessage } from '../src/extension/text';
import { ROOT } from './support/analysis';

const WORKER = join(ROOT, 'out', 'src', 'extension', 'analysisWorker.js');
const example = (relative: string) => {
  const fileName = join(ROOT, 'examples', relative);
  return { text: readFileSync(fileName, 'utf8'), fileName, version: 1 };
};

/** An analysis process that answers like the real one, except for three texts: `hog` allocates until the heap cap
 *  kills it, `huge` makes one allocation larger than the cap (what aborts a worker thread's whole process) and
 *  `spin` never answers. It stands in for files that do that to the real analyzer, whichever those are this week. */
const HOG = join(mkdtempSync(join(tmpdir(), 'lg-hog-')), 'hog.js');
writeFileSync(
  HOG,
  `process.on('message', (m) => {
  if (m.text === 'hog') { const keep = []; for (;;) keep.push(new Array(1e5).fill(m.id)); }
  if (m.text === 'huge') { const s = 'a'.repeat(1e5).repeat(5000); process.send({ id: m.id, ok: true, result: { n: [...s].length } }); }
  if (m.text === 'spin') { for (;;) {} }
  process.send({ id: m.id, ok: true, result: { file: m.fileName, version: m.version, models: [], layers: [], diagnostics: [] } });
});`,
);

function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  return f().then((value) => ({ value, ms: performance.now() - t0 }));
}

describe('analysis runner (separate processes)', () => {
  it('the real analysis process analyzes scenario 3', async () => {
    const runner = new AnalysisRunner({ workerPath: WORKER });
    try {
      const o = await runner.run('a', example('python/scenario3_shared_dense.py'));
      assert.equal(o.kind, 'result');
      assert.ok(o.kind === 'result' && o.result.models.length === 1 && o.result.layers.some((l) => l.calls.length === 2));
    } finally {
      runner.dispose();
    }
  });

  it('a process killed by the heap cap (growing, or one huge allocation) gives a memory outcome; the next request gets a new process and works', async () => {
    const runner = new AnalysisRunner({ workerPath: HOG, heapMb: 32, budgetMs: 20000 });
    try {
      for (const text of ['hog', 'huge']) {
        const { value: killed, ms } = await timed(() => runner.run('big', { text, fileName: 'big.py', version: 1 }));
        assert.deepEqual({ kind: killed.kind, reason: killed.kind === 'limit' && killed.reason }, { kind: 'limit', reason: 'memory' });
        const next = await runner.run('other', { text: 'fine', fileName: 'other.py', version: 1 });
        assert.equal(next.kind, 'result');
        console.log(`${text}: heap cap 32 MB hit after ${ms.toFixed(0)} ms; the next file answered`);
      }
      assert.equal(runner.spawned, 3);
    } finally {
      runner.dispose();
    }
  });

  it('an analysis over its wall-clock budget is stopped (process killed) and the next one works', async () => {
    const runner = new AnalysisRunner({ workerPath: HOG, heapMb: 32, budgetMs: 1500, startupAllowanceMs: 0 });
    try {
      const o = await runner.run('slow', { text: 'spin', fileName: 'slow.py', version: 1 });
      assert.deepEqual(o, { kind: 'limit', reason: 'time', elapsedMs: 1500 });
      assert.equal((await runner.run('slow', { text: 'fine', fileName: 'slow.py', version: 2 })).kind, 'result');
      assert.equal(runner.spawned, 2);
    } finally {
      runner.dispose();
    }
  });

  it('a queued request replaced by a newer version of the same document resolves superseded', async () => {
    const runner = new AnalysisRunner({ workerPath: HOG, heapMb: 32, budgetMs: 5000 });
    try {
      const busy = runner.run('x', { text: 'fine', fileName: 'x.py', version: 1 });
      const old = runner.run('y', { text: 'fine', fileName: 'y.py', version: 1 });
      const newer = runner.run('y', { text: 'fine', fileName: 'y.py', version: 2 });
      assert.deepEqual(await old, { kind: 'superseded' });
      const n = await newer;
      assert.ok(n.kind === 'result' && n.result.version === 2);
      assert.equal((await busy).kind, 'result');
    } finally {
      runner.dispose();
    }
  });

  it('the string blow-ups of a hostile file leave the caller alive and the next file gets its graph', async () => {
    const runner = new AnalysisRunner({ workerPath: WORKER, budgetMs: 8000, startupAllowanceMs: 0, heapMb: 256 });
    try {
      for (const text of ["import keras\nt = 'a' * 100000\nv = t * 5000\nw = v[0]\n", 'import keras\nb = [0] * 100000\nc = b * 1000\n']) {
        const { value, ms } = await timed(() => runner.run('bad', { text, fileName: 'bad.py', version: 1 }));
        // Either the analyzer copes (a result, maybe with its own limit diagnostic) or the budget stops it.
        assert.ok(value.kind === 'result' || value.kind === 'limit', value.kind);
        console.log(`${JSON.stringify(text.split('\n')[2])}: ${value.kind}${value.kind === 'limit' ? ` (${value.reason})` : ''} in ${ms.toFixed(0)} ms`);
        const next = await runner.run('good', example('python/scenario4_shared_mismatch.py'));
        assert.ok(next.kind === 'result' && next.result.diagnostics.some((d) => d.code === 'shared-layer-input'));
      }
    } finally {
      runner.dispose();
    }
  });
});

describe('analysis store (versions, failures, last good graph)', () => {
  const good = analyzeText(readFileSync(join(ROOT, 'examples/python/scenario3_shared_dense.py'), 'utf8'), 'm.py');
  const deferred = () => {
    let resolve!: (o: RunOutcome) => void;
    const promise = new Promise<RunOutcome>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('a stale answer is dropped: waiting for v1 after v2 was asked gives v2, and only v2 is announced', async () => {
    const announced: number[] = [];
    const store = new AnalysisStore({ onResult: (_k, v) => announced.push(v) });
    const v1 = deferred();
    const v2 = deferred();
    const p1 = store.get('m', 1, 'm.py', () => v1.promise);
    const p2 = store.get('m', 2, 'm.py', () => v2.promise);
    v2.resolve({ kind: 'result', result: { ...good, version: 2 } });
    v1.resolve({ kind: 'result', result: { ...good, version: 1 } });
    assert.equal((await p1)!.version, 2);
    assert.equal((await p2)!.version, 2);
    assert.deepEqual(announced, [2]);
    assert.equal(store.staleDropped, 1);
  });

  it('a failure is cached like a result (asked twice, run once) and says so in one diagnostic', async () => {
    const store = new AnalysisStore({ onResult: () => undefined });
    let runs = 0;
    const start = () => (runs++, Promise.resolve<RunOutcome>({ kind: 'failed', message: 'boom' }));
    const a = await store.get('m', 1, 'm.py', start);
    const b = await store.get('m', 1, 'm.py', start);
    assert.equal(runs, 1);
    assert.equal(a, b);
    assert.deepEqual(a!.diagnostics.map((d) => [d.severity, d.code]), [['information', 'internal-error']]);
  });

  it('over the budget: the last good graph stays, with one analysis-limit information diagnostic', async () => {
    const store = new AnalysisStore({ onResult: () => undefined });
    await store.get('m', 1, 'm.py', () => Promise.resolve<RunOutcome>({ kind: 'result', result: good }));
    const limited = await store.get('m', 2, 'm.py', () => Promise.resolve<RunOutcome>({ kind: 'limit', reason: 'memory', elapsedMs: 900 }));
    assert.equal(limited!.version, 2);
    assert.equal(limited!.layers.length, good.layers.length);
    assert.deepEqual(limited!.diagnostics.map((d) => [d.severity, d.code]), [['information', 'analysis-limit']]);
    assert.match(limited!.diagnostics[0].message, /more than 512 MB.*last complete analysis/);
    // A first file over the budget has no graph to keep: an empty one, same single diagnostic.
    const fresh = await store.get('n', 1, 'n.py', () => Promise.resolve<RunOutcome>({ kind: 'limit', reason: 'time', elapsedMs: 8000 }));
    assert.deepEqual([fresh!.layers.length, fresh!.diagnostics.length], [0, 1]);
  });

  it('runner and store together: a process killed by the heap cap → one diagnostic, the last good graph, then the next version works', async () => {
    const runner = new AnalysisRunner({ workerPath: HOG, heapMb: 32, budgetMs: 20000 });
    const announced: string[] = [];
    const store = new AnalysisStore({ onResult: (_k, v, r) => announced.push(`${v}:${r?.diagnostics.map((d) => d.code).join(',')}`) });
    try {
      const run = (text: string, version: number) => store.get('m', version, 'm.py', () => runner.run('m', { text, fileName: 'm.py', version }));
      assert.deepEqual((await run('fine', 1))!.diagnostics, []);
      const killed = await run('hog', 2);
      assert.deepEqual(killed!.diagnostics.map((d) => [d.severity, d.code]), [['information', 'analysis-limit']]);
      assert.equal(killed!.version, 2);
      assert.equal(await run('hog', 2), killed, 'the failure is cached: the same version is not run again');
      assert.deepEqual((await run('fine', 3))!.diagnostics, []);
      assert.deepEqual(announced, ['1:', '2:analysis-limit', '3:']);
      assert.equal(runner.spawned, 2);
    } finally {
      runner.dispose();
    }
  });

  it('files that are not model code are never sent to the worker', async () => {
    const store = new AnalysisStore({ onResult: () => undefined });
    assert.equal(await store.get('p', 1, 'p.py', () => null), null);
    assert.equal(store.current('p', 1), null);
  });
});

describe('the worker reads imports inside the workspace folder only', () => {
  const root = mkdtempSync(join(tmpdir(), 'lg-ws-'));
  const outside = mkdtempSync(join(tmpdir(), 'lg-outside-'));
  mkdirSync(join(root, 'pkg'));
  writeFileSync(join(root, 'pkg', 'blocks.py'), 'from keras import layers\n\ndef block(x):\n    return layers.Dense(3, name="from_disk")(x)\n');
  writeFileSync(join(outside, 'secret.py'), 'KEY = "hunter2"\n');
  symlinkSync(join(outside, 'secret.py'), join(root, 'pkg', 'link.py'));

  it('reads regular files under the root; not outside it, not through a symlink that leaves it', () => {
    const ws = editorWorkspace(root);
    assert.match(ws.read(join(root, 'pkg', 'blocks.py')) ?? '', /from_disk/);
    assert.equal(ws.read(join(outside, 'secret.py')), undefined);
    assert.equal(ws.read(join(root, 'pkg', 'link.py')), undefined);
    assert.equal(ws.read(join(root, '..', outside.split('/').pop()!, 'secret.py')), undefined);
    assert.equal(ws.read(join(root, 'pkg')), undefined);
  });

  it('an unsaved editor wins over the disk; the analysis follows the import', () => {
    const main = join(root, 'main.py');
    const text = 'from keras import Input, Model\nfrom pkg.blocks import block\ni = Input((4,))\nm = Model(i, block(i))\n';
    const fromDisk = answer({ id: 1, text, fileName: main, version: 1, root });
    assert.ok(fromDisk.ok && fromDisk.result.layers.some((l) => l.name === 'from_disk' && fromDisk.result.files[l.range.file] === join(root, 'pkg', 'blocks.py')));
    const unsaved = 'from keras import layers\n\ndef block(x):\n    return layers.Dense(7, name="unsaved")(x)\n';
    const fromEditor = answer({ id: 2, text, fileName: main, version: 2, root, overlays: [[join(root, 'pkg', 'blocks.py'), unsaved]] });
    assert.ok(fromEditor.ok && fromEditor.result.layers.some((l) => l.name === 'unsaved'));
    const noRoot = answer({ id: 3, text, fileName: main, version: 3 });
    assert.ok(noRoot.ok && !noRoot.result.layers.some((l) => l.name === 'from_disk'));
  });

  it('places inside the imported file are not drawn into the analyzed document (inline shapes, cursor)', () => {
    const main = join(root, 'main.py');
    const text = 'from keras import Input, Model\nfrom pkg.blocks import block\ni = Input((4,))\nm = Model(i, block(i))\n';
    const r = answer({ id: 4, text, fileName: main, version: 1, root });
    assert.ok(r.ok);
    const dense = r.result.calls.find((c) => r.result.layers[c.layer].name === 'from_disk')!;
    assert.equal(r.result.files[dense.range.file], join(root, 'pkg', 'blocks.py'));
    // blocks.py line 4 holds the Dense call; main.py's line 4 is `m = Model(...)`: no hint of the Dense there.
    assert.deepEqual(shapeHints(r.result).map((h) => h.callId).includes(dense.id), false);
    assert.deepEqual(callsAt(r.result, { line: dense.range.line - 1, character: dense.range.column + 1 }).includes(dense.id), false);
  });
});

describe('preview: last good graph while a line is half typed', () => {
  const py = (text: string) => analyzeText(text, 'm.py');
  const full = py('import keras\nx = keras.Input((4,))\ny = keras.layers.Dense(3)(x)\nz = keras.layers.Dense(2)(y)\nm = keras.Model(x, z)\n');
  const typing = py('import keras\nx = keras.Input((4,))\ny = keras.layers.Dense(3)(x\nz = keras.layers.Dense(2)(y)\nm = keras.Model(x, z)\n');

  it('a syntax error that loses layers keeps the last good graph; a good edit replaces it', () => {
    assert.ok(typing.diagnostics.some((d) => d.code === 'syntax-error'));
    assert.ok(isHalfTyped(typing, full));
    const graphs = new LastGoodGraphs();
    assert.deepEqual(graphs.choose('u', full), { result: full, lastGood: false });
    assert.deepEqual(graphs.choose('u', typing), { result: full, lastGood: true });
    const smaller = py('import keras\nx = keras.Input((4,))\ny = keras.layers.Dense(3)(x)\nm = keras.Model(x, y)\n');
    assert.deepEqual(graphs.choose('u', smaller), { result: smaller, lastGood: false });
    assert.equal(graphs.choose('other', typing).lastGood, false);
  });

  it('the title names the file, and says when it shows the last good graph', () => {
    assert.equal(previewTitle('/w/model.py', false, formatMessage), 'LayerGraph: model.py');
    assert.equal(previewTitle('Untitled-1', true, formatMessage), 'LayerGraph: Untitled-1 (showing last good graph)');
    assert.equal(previewTitle(undefined, false, formatMessage), 'LayerGraph');
  });
});

describe('settings', () => {
  it('per-code severity keeps only the five choices', () => {
    assert.deepEqual(severityOverrides({ 'unused-input': 'off', 'unknown-layer': 'hint', 'shape-mismatch': 'fatal', x: 3 }), { 'unused-input': 'off', 'unknown-layer': 'hint' });
    assert.deepEqual(severityOverrides(null), {});
    assert.deepEqual(severityOverrides(['error']), {});
  });
});
