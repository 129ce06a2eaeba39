// `layergraph fix`: a file with several diagnostics is fixed one preferred fix at a time until none is left — the
// printed text, the report lines, the exit status, --write, and a file whose errors have no fix. Runs the real
// analyzer in-process, and the bin shim once.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { fixText } from '../src/cli/fix';
import { run } from '../src/cli/main';

const ROOT = path.resolve(__dirname, '../..');

const SEVERAL = [
  'from keras.layers import Input, Dense, Activation, LSTM',
  'from keras.models import Model',
  '',
  'inputs = Input(shape=(5,))',
  'extra = Input(shape=(3,))',
  'shared = Dense(10)',
  'x = shared(inputs)',
  'x = shared(x)',
  'seq = LSTM(4)(x)',
  "outputs = Activation('softmax')(seq)",
  'model = Model(inputs=[inputs, extra], outputs=outputs)',
  '',
].join('\n');

const FIXED = [
  'from keras.layers import Input, Dense, Activation, LSTM, Reshape',
  'from keras.models import Model',
  '',
  'inputs = Input(shape=(5,))',
  'extra = Input(shape=(3,))',
  'shared = Dense(10)',
  'x = shared(inputs)',
  'x = Dense(10)(x)',
  'seq = LSTM(4)(Reshape((10, 1))(x))',
  "outputs = Activation('softmax')(seq)",
  'model = Model(inputs=[inputs], outputs=outputs)',
  '',
].join('\n');

function cli(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const code = run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readFile: (f) => {
      if (!(f in files)) throw Object.assign(new Error(`ENOENT: no such file '${f}'`), { code: 'ENOENT' });
      return files[f];
    },
  });
  return { code, stdout, stderr, written };
}

describe('layergraph fix', () => {
  it('fixes every diagnostic of a file, one preferred fix at a time, and prints the result', () => {
    const before = analyzeText(SEVERAL, 'model.py').diagnostics.map((d) => d.code).sort();
    // The LSTM's rank error shows only once the shared layer's call has a known output: a second round finds it.
    assert.deepEqual(before, ['shared-layer-input', 'unused-input']);
    const r = cli(['fix', 'model.py'], { 'model.py': SEVERAL });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, FIXED);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'model.py:8:5: fixed: Use a new layer for this call (shared no longer shares its weights here) [shared-layer-input]',
      'model.py:9:7: fixed: Insert Reshape((10, 1)) before this layer [rank-mismatch]',
      'model.py:5:9: fixed: Remove extra from the model\'s inputs [unused-input]',
    ]);
    assert.deepEqual(analyzeText(r.stdout, 'model.py').diagnostics, []);
  });

  it('--write writes the fixed file back and reports on stdout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-fix-'));
    try {
      const file = path.join(dir, 'model.py');
      fs.writeFileSync(file, SEVERAL);
      const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'layergraph.js'), 'fix', file, '--write'], { encoding: 'utf8' });
      assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
      assert.equal(out.split('\n').filter((l) => l.includes(': fixed: ')).length, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 and names the errors left when a diagnostic has no preferred fix', () => {
    const text = "from keras import layers, Input, Model\nx = Input(shape=(4,))\ny = layers.Dropout(1.5)(x)\nm = Model(x, y)\n";
    const r = cli(['fix', 'drop.py'], { 'drop.py': text });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, text, 'nothing to change: the text is printed as it was');
    assert.match(r.stderr, /^drop\.py:3:5: error: .*rate.* \[invalid-config\] \(no fix applied\)$/m);
  });

  it('applies nothing to a file without diagnostics', () => {
    const outcome = fixText('x = 1\n', 'plain.py', (t, f) => analyzeText(t, f));
    assert.deepEqual(outcome.applied, []);
    assert.equal(outcome.text, 'x = 1\n');
  });

  it('takes exactly one file and rejects --write elsewhere', () => {
    assert.equal(cli(['fix'], {}).code, 2);
    assert.equal(cli(['fix', 'a.py', 'b.py'], {}).code, 2);
    assert.equal(cli(['check', 'a.py', '--write'], { 'a.py': '' }).code, 2);
    assert.equal(cli(['fix', 'missing.py'], {}).code, 2);
  });

  it('is in --help', () => {
    const r = cli(['--help'], {});
    assert.match(r.stdout, /fix FILE \[--write\]/);
    assert.match(r.stdout, /--write .*\(fix\)|\(fix\) Write/);
  });
});
