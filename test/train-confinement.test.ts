// The trainer reads data files only when they are regular files inside the root folder, below a size cap, and its
// errors never quote what a file holds. Each case prints how long it took and how much memory it grew by.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { runAsync } from '../src/cli/main';
import { TrainError, trainInChild } from '../src/train/client';
import { DataError, loadSpec, readConfined, seededRandom, type LoadOptions } from '../src/train/data';

const SECRET = 'hunter2-s3cr3t-token';
let dir: string;
let root: string;
let outside: string;

function opts(over: Partial<LoadOptions> = {}): LoadOptions {
  return { baseDir: root, root, seed: 1, ...over };
}

/** Runs `f`, expects a DataError, and returns its message with the time and heap growth it took. */
function refused(label: string, f: () => unknown): string {
  const heap = process.memoryUsage().rss;
  const t0 = performance.now();
  let message = '';
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof DataError, String(e));
    message = e.message;
    return true;
  });
  const ms = performance.now() - t0;
  const mb = (process.memoryUsage().rss - heap) / 2 ** 20;
  console.log(`# ${label}: refused in ${ms.toFixed(1)} ms, rss +${mb.toFixed(1)} MB: ${message}`);
  assert.ok(ms < 2000, `${label} took ${ms} ms`);
  assert.ok(!message.includes(SECRET), `the message quotes the file: ${message}`);
  return message;
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-confine-'));
  root = path.join(dir, 'project');
  outside = path.join(dir, 'elsewhere');
  fs.mkdirSync(path.join(root, 'data'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.csv'), `${SECRET}\n1,2\n`);
  fs.writeFileSync(path.join(root, 'data', 'ok.csv'), '1,2\n3,4\n');
  fs.writeFileSync(path.join(root, 'data', 'secret.csv'), `1,2\n${SECRET},4\n`);
  fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(root, 'data', 'link.csv'));
  fs.symlinkSync(outside, path.join(root, 'elsewhere-dir'));
  fs.symlinkSync('/dev/zero', path.join(root, 'data', 'zero.npy'));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('trainer data files: confinement', () => {
  const csv = (p: string) => ({ kind: 'csv' as const, path: p, delimiter: ',', skiprows: 0 });
  const rand = seededRandom(1);

  it('reads a regular file inside the root', () => {
    const a = loadSpec(csv('data/ok.csv'), opts({ baseDir: root }), rand)!;
    assert.deepEqual(a.shape, [2, 2]);
    assert.deepEqual(Array.from(a.data), [1, 2, 3, 4]);
  });

  it('refuses a path that leaves the root: ../, absolute, and /etc/passwd', () => {
    assert.match(refused('../elsewhere/secret.csv', () => loadSpec(csv('../elsewhere/secret.csv'), opts(), rand)), /outside .*project/);
    assert.match(refused('absolute path outside', () => loadSpec(csv(path.join(outside, 'secret.csv')), opts(), rand)), /outside/);
    assert.match(refused('/etc/passwd', () => loadSpec(csv('/etc/passwd'), opts(), rand)), /outside/);
  });

  it('refuses a symlink inside the root that points outside (file and folder)', () => {
    assert.match(refused('symlinked file', () => loadSpec(csv('data/link.csv'), opts(), rand)), /outside/);
    assert.match(refused('symlinked folder', () => loadSpec(csv('elsewhere-dir/secret.csv'), opts(), rand)), /outside/);
  });

  it('refuses devices: /dev/zero (through a symlink in the root, and with / as the root)', () => {
    assert.match(refused('/dev/zero via symlink', () => loadSpec({ kind: 'npy', path: 'data/zero.npy' }, opts(), rand)), /outside/);
    assert.match(refused('/dev/zero, root /', () => readConfined('/dev/zero', { baseDir: '/', root: '/', seed: 1 })), /not a regular file/);
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = path.join(root, 'data', 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    assert.match(refused('FIFO', () => loadSpec(csv('data/pipe.csv'), opts(), rand)), /not a regular file/);
  });

  it('refuses a file over the size cap before reading it', () => {
    const big = path.join(root, 'data', 'big.csv');
    fs.writeFileSync(big, '1,2\n'.repeat(300_000));
    assert.match(refused('1.2 MB file, 1 MB cap', () => loadSpec(csv('data/big.csv'), opts({ maxBytes: 1 << 20 }), rand)), /1200000 bytes, more than the 1048576/);
  });

  it('a parse error names the line and column, never the text there', () => {
    assert.match(refused('bad cell', () => loadSpec(csv('data/secret.csv'), opts(), rand)), /line 2, column 1: not a number/);
    const npy = path.join(root, 'data', 'bad.npy');
    fs.writeFileSync(npy, Buffer.concat([Buffer.from([0x93]), Buffer.from('NUMPY'), Buffer.from([1, 0, 40, 0]), Buffer.from(`{'x': '${SECRET}'}`.padEnd(40))]));
    refused('bad .npy header', () => loadSpec({ kind: 'npy', path: 'data/bad.npy' }, opts(), rand));
  });

  it('a random array past the element cap is an error in words, not an allocation', () => {
    refused('np.random.rand(10**6, 10**6)', () => loadSpec({ kind: 'random-uniform', shape: [1e6, 1e6], low: 0, high: 1 }, opts(), rand));
  });

  it('end to end: the trainer process refuses /etc/passwd and its error does not quote it', async () => {
    const file = path.join(root, 'leak.py');
    const code = "import keras\nimport numpy as np\nx = keras.Input(shape=(2,))\ny = keras.layers.Dense(1)(x)\nm = keras.Model(x, y)\nm.compile(loss='mse', optimizer='adam')\nm.fit(np.loadtxt('/etc/passwd', delimiter=':'), np.zeros((2, 1)))\n";
    const analysis = analyzeText(code, file);
    const t0 = performance.now();
    await assert.rejects(trainInChild({ analysis, backend: 'cpu', baseDir: root, root }), (e: unknown) => {
      assert.ok(e instanceof TrainError && e.kind === 'data', String(e));
      assert.match(e.message, /outside/);
      assert.ok(!/root:|nologin|bash/.test(e.message), e.message);
      return true;
    });
    console.log(`# trainer refused np.loadtxt('/etc/passwd') in ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('the CLI: --root bounds the data files (default: the current directory)', async () => {
    const file = path.join(root, 'cli.py');
    fs.writeFileSync(file, "import keras\nimport numpy as np\nx = keras.Input(shape=(2,))\ny = keras.layers.Dense(1)(x)\nm = keras.Model(x, y)\nm.compile(loss='mse', optimizer='sgd')\nm.fit(np.loadtxt('data/ok.csv', delimiter=','), np.zeros((2, 1)), epochs=1)\n");
    const run = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runAsync(argv, { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: (t: string) => ((err += t), true) } } as never);
      return { code, out, err };
    };
    const inside = await run(['train', file, '--root', root, '--backend', 'cpu']);
    assert.equal(inside.code, 0, inside.err);
    assert.match(inside.out, /on the TF\.js cpu backend/);
    const narrow = await run(['train', file, '--root', path.join(root, 'elsewhere-dir'), '--backend', 'cpu']);
    assert.equal(narrow.code, 1);
    assert.match(narrow.err, /cannot read the data file 'data\/ok\.csv': it is outside/);
  });
});
