// The WebAssembly backend's matmul override (explicit transposes instead of transposeA/B) trains to the same weights
// as the backend's own kernels, to float32 rounding, on a small MLP with Adam; and it is really in place.

import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { wasmDir } from '../src/train/backend';
import { seededRandom } from '../src/train/data';
import { installWasmMatMul } from '../src/train/wasmMatMul';

/** Trains a 12-16-8-3 MLP for 3 epochs on seeded data; returns every weight's values. */
async function trainSmall(): Promise<Float32Array[]> {
  const rand = seededRandom(7);
  Math.random = seededRandom(11);
  const x = tf.tensor2d(Array.from({ length: 64 * 12 }, rand), [64, 12]);
  const y = tf.tensor2d(Array.from({ length: 64 * 3 }, rand), [64, 3]);
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [12], units: 16, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
      tfl.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
      tfl.layers.dense({ units: 3, kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }),
    ],
  });
  model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.01) });
  await model.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
  const out = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  x.dispose();
  y.dispose();
  return out;
}

describe('wasm backend: matmul without transposeA/B', () => {
  it('trains to the same weights (within 1e-5) with and without the override', async () => {
    setWasmPaths(wasmDir() + path.sep);
    assert.ok(await tf.setBackend('wasm'));
    const random = Math.random;
    try {
      const plain = await trainSmall();
      const kernelBefore = tf.getKernel(tf.BatchMatMul, 'wasm');
      assert.deepEqual(installWasmMatMul().sort(), [tf._FusedMatMul, tf.BatchMatMul].sort());
      assert.notEqual(tf.getKernel(tf.BatchMatMul, 'wasm'), kernelBefore, 'the kernel is replaced');
      assert.deepEqual(installWasmMatMul(), [], 'installing twice changes nothing');
      const fast = await trainSmall();
      let worst = 0;
      for (let i = 0; i < plain.length; i++) for (let j = 0; j < plain[i].length; j++) worst = Math.max(worst, Math.abs(plain[i][j] - fast[i][j]));
      console.log(`# largest weight difference after 3 epochs: ${worst.toExponential(2)}`);
      assert.ok(worst < 1e-5, `weights differ by ${worst}`);
      // Transposed products themselves: both flags, batched, against the CPU backend's result.
      const a = tf.tensor3d(Array.from({ length: 2 * 5 * 4 }, (_, i) => Math.sin(i)), [2, 5, 4]);
      const b = tf.tensor3d(Array.from({ length: 2 * 3 * 5 }, (_, i) => Math.cos(i)), [2, 3, 5]);
      const got = tf.matMul(a, b, true, true).arraySync();
      await tf.setBackend('cpu');
      const want = tf.matMul(tf.tensor3d(a.arraySync() as number[][][]), tf.tensor3d(b.arraySync() as number[][][]), true, true).arraySync();
      assert.deepEqual((got as number[][][]).flat(2).map((v) => v.toFixed(5)), (want as number[][][]).flat(2).map((v) => v.toFixed(5)));
    } finally {
      Math.random = random;
      await tf.setBackend('cpu');
    }
  });
});
