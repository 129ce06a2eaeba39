// Picks the TF.js backend in the trainer process: tfjs-node when installed (native TensorFlow), else WebAssembly,
// else the pure-JS CPU backend, and says which one runs and why. It does not train.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendName } from './protocol';
import { installWasmMatMul } from './wasmMatMul';

function canResolve(id: string): boolean {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}

async function tryTensorflow(notes: string[]): Promise<boolean> {
  if (!canResolve('@tensorflow/tfjs-node')) {
    notes.push('@tensorflow/tfjs-node is not installed');
    return false;
  }
  try {
    require('@tensorflow/tfjs-node');
    // tfjs-node registers into the tfjs-core it resolves; if npm gave it a private copy, ours does not see it.
    if (!tf.findBackendFactory('tensorflow')) {
      notes.push('@tensorflow/tfjs-node loaded but registered into another copy of @tensorflow/tfjs-core');
      return false;
    }
    return await tf.setBackend('tensorflow');
  } catch (e) {
    notes.push(`@tensorflow/tfjs-node failed to load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return false;
  }
}

/** Where the backend's .wasm files are: `wasm/` beside this file when bundled, else the installed package. */
export function wasmDir(): string {
  const shipped = path.join(__dirname, 'wasm');
  if (fs.existsSync(path.join(shipped, 'tfjs-backend-wasm.wasm'))) return shipped;
  // A variable, not a literal: the bundler must not try to resolve it (the bundle uses the shipped copy above).
  const pkg = '@tensorflow/tfjs-backend-wasm/package.json';
  return path.join(path.dirname(require.resolve(pkg)), 'dist');
}

async function tryWasm(notes: string[]): Promise<boolean> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
    // In Node the .wasm files are read from disk: the packaged extension ships them next to the bundled trainer;
    // from out/ (CLI, tests) they are the package's own.
    wasm.setWasmPaths(wasmDir() + path.sep);
    const ok = await tf.setBackend('wasm');
    if (!ok) {
      notes.push('the WebAssembly backend failed to initialize');
      return false;
    }
    installWasmMatMul();
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    notes.push(`WebAssembly ${simd ? 'with SIMD' : 'without SIMD (this Node has none)'}, one thread`);
    return true;
  } catch (e) {
    notes.push(`@tensorflow/tfjs-backend-wasm failed to load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return false;
  }
}

/** Sets the backend; `prefer` forces one (falling back along the same order if it cannot start). */
export async function selectBackend(prefer?: BackendName): Promise<{ name: BackendName; notes: string[] }> {
  const notes: string[] = [];
  const order: BackendName[] = prefer === 'cpu' ? ['cpu'] : prefer === 'wasm' ? ['wasm', 'cpu'] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    if (name === 'tensorflow' && (await tryTensorflow(notes))) return { name, notes };
    if (name === 'wasm' && (await tryWasm(notes))) return { name, notes };
    if (name === 'cpu' && (await tf.setBackend('cpu'))) return { name, notes };
  }
  throw new Error(`no TF.js backend could start: ${notes.join('; ')}`);
}
