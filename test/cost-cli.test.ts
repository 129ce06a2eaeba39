// `layergraph summary --cost` and `--json` cost fields end to end, on real analyses of small programs.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { run, type CliIo } from '../src/cli/main';

function cli(argv: string[], files: Record<string, string>): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readFile: (f) => files[f],
  };
  return { code: run(argv, io), stdout, stderr };
}

const SEQUENTIAL = `import keras
from keras import layers
model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(10, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, batch_size=16, epochs=2)
`;

describe('summary --cost', () => {
  it('adds MACs, FLOPs and activation columns, and totals with the batch and training estimate', () => {
    const { code, stdout } = cli(['summary', '--cost', 'm.py'], { 'm.py': SEQUENTIAL });
    assert.equal(code, 0);
    assert.match(stdout, /┃ Layer \(type\)\s+┃ Output Shape\s+┃\s+Param # ┃\s+MACs ┃\s+FLOPs ┃\s+Act\. mem ┃/);
    // Dense(10) on 20 features: 200 MACs, 420 FLOPs (bias + relu), 10 floats = 40 B
    assert.match(stdout, /dense \(Dense\)\s+│ \(None, 10\)\s+│\s+210 │\s+200 │\s+420 │\s+40\.00 B │/);
    assert.match(stdout, / MACs: 210 per sample \(FLOPs: 441\)/);
    // Dense(1): 20 + 1 FLOPs more; weights 221 params = 884 B; adam: + 884 gradients + 1768 slots; activations (20+10+1)·4·16 = 1984
    assert.match(stdout, / Weights memory: 884\.00 B/);
    assert.match(stdout, / Per batch of 16: 3\.36 K MACs \(FLOPs: 7\.06 K\)/);
    assert.match(stdout, / Peak training memory \(batch 16, adam\): 5\.39 KB/);
  });

  it('prints ? where a size is unknown', () => {
    const src = 'import keras\nfrom keras import layers\nx = keras.Input(shape=(None, 20))\ny = layers.Dense(10)(x)\nm = keras.Model(x, y)\n';
    const { stdout } = cli(['summary', '--cost', 'u.py'], { 'u.py': src });
    assert.match(stdout, /dense \(Dense\)\s+│ \(None, None, 10\)\s+│\s+210 │\s+\? │\s+\? │\s+\? │/);
    assert.match(stdout, / MACs: \? per sample/);
  });

  it('works on the TF.js table too', () => {
    const src = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nmodel.add(tf.layers.dense({units: 10, inputShape: [20]}));\n";
    const { stdout } = cli(['summary', '--cost', 'm.ts'], { 'm.ts': src });
    assert.match(stdout, /MACs\s+FLOPs\s+Act\. mem/);
    assert.match(stdout, /^MACs: 200 per sample \(FLOPs: 410\)$/m);
  });

  it('is refused outside summary', () => {
    const { code, stderr } = cli(['check', '--cost', 'm.py'], { 'm.py': SEQUENTIAL });
    assert.equal(code, 2);
    assert.match(stderr, /--cost is only valid with 'summary'/);
  });

  it('--json carries numeric macs/flops on every call and model, and the memory figures', () => {
    const { stdout } = cli(['summary', '--json', 'm.py'], { 'm.py': SEQUENTIAL });
    const model = JSON.parse(stdout).models[0];
    assert.equal(model.macs, 210);
    assert.equal(model.flops, 441);
    assert.equal(model.weightBytes, 884);
    assert.equal(model.batchSize, 16);
    assert.equal(model.batchMacs, 3360);
    assert.equal(model.peakTrainingBytes, 884 + 884 + 1768 + 1984);
    const dense = model.layers.find((l: { name: string }) => l.name === 'dense');
    assert.deepEqual([dense.calls[0].macs, dense.calls[0].flops, dense.calls[0].activationBytes], [200, 420, 40]);
  });
});
