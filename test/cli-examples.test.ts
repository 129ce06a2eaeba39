// The layergraph command on the bundled examples, end to end (real analyzer, real files, the bin script), checked
// against what Keras 3 prints (keras-facts) and what TF.js itself prints for the same model in a fresh process.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './support/analysis';
import { KERAS_SCENARIO_1 } from './support/kerasPrinted';

const BIN = join(ROOT, 'bin', 'layergraph.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('layergraph on the bundled examples', () => {
  it('summary of scenario 1 (Python) is Keras 3 model.summary() to the character', () => {
    const r = run('summary', 'examples/python/scenario1_basic_chain.py');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, KERAS_SCENARIO_1);
  });

  it('summary of scenario 1 (TS) is what TF.js prints for the same model', () => {
    const tfjsScript = `
      const tf = require('@tensorflow/tfjs');
      const input = tf.input({shape: [5]});
      const hidden = tf.layers.dense({units: 10}).apply(input);
      const output = tf.layers.activation({activation: 'softmax'}).apply(hidden);
      tf.model({inputs: input, outputs: output}).summary();`;
    const printed = execFileSync(process.execPath, ['-e', tfjsScript], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const tfjsTable = printed.slice(printed.indexOf('_'.repeat(20)));
    const r = run('summary', 'examples/tfjs/scenario1_basic_chain.ts');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `Model: "model1"\n${tfjsTable}`);
  });

  it('check: clean examples print nothing and exit 0; the shape errors exit 1 at the right lines', () => {
    const clean = run('check', 'examples/python/scenario1_basic_chain.py', 'examples/python/scenario5_two_inputs.py', 'examples/tfjs/scenario3_shared_dense.ts');
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '');
    const bad = run('check', 'examples/python/scenario4_shared_mismatch.py', 'examples/tfjs/scenario5_branch_mismatch.ts');
    assert.equal(bad.status, 1);
    const errorsOnly = bad.stdout.split('\n').filter((l) => l.includes(': error: '));
    assert.deepEqual(errorsOnly.map((l) => l.split(': error: ')[0]), ['examples/python/scenario4_shared_mismatch.py:8:5', 'examples/tfjs/scenario5_branch_mismatch.ts:8:16']);
  });

  it('summary --json gives the documented numbers for the shared-layer scenario', () => {
    const r = run('summary', '--json', 'examples/python/scenario3_shared_dense.py');
    const doc = JSON.parse(r.stdout);
    const model = doc.models[0];
    assert.equal(model.totalParams, 30);
    const dense = model.layers.find((l: { className: string }) => l.className === 'Dense');
    assert.deepEqual(dense.calls.map((c: { line: number; inputShapes: unknown; outputShapes: unknown }) => [c.line, c.inputShapes, c.outputShapes]), [
      [7, [[null, 5]], [[null, 5]]],
      [8, [[null, 5]], [[null, 5]]],
    ]);
    assert.deepEqual(doc.diagnostics, []);
  });
});

describe('summary of nested models', () => {
  it('--expand-nested lists a nested model\'s layers under its row, prefixed as Keras does', () => {
    const { mkdtempSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
    const dir = mkdtempSync(join(require('node:os').tmpdir(), 'lg-nested-'));
    const file = join(dir, 'gan.py');
    writeFileSync(file, `from keras import layers, Input, Model, Sequential
gen = Sequential([Input((4,)), layers.Dense(8), layers.Dense(6)], name="generator")
z = Input((4,))
combined = Model(z, layers.Dense(1)(gen(z)))
`);
    const plain = run('summary', file).stdout;
    const expanded = run('summary', '--expand-nested', file).stdout;
    assert.ok(!plain.includes('└ dense'));
    const rows = expanded.split('\n').filter((l) => l.startsWith('│ '));
    assert.deepEqual(rows.slice(-5).map((l) => l.split('│')[1].trim()), ['input_layer_1 (InputLayer)', 'generator (Sequential)', '└ dense (Dense)', '└ dense_1 (Dense)', 'dense_2 (Dense)']);
  });
});
