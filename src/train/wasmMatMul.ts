// Faster matrix products on the WebAssembly backend: tfjs-backend-wasm 4.22's BatchMatMul (and _FusedMatMul) run
// 13–25× slower when asked to transpose an operand than on plain operands, and every Dense layer's backward pass asks
// for exactly that (dW = xᵀ·dy, dx = dy·Wᵀ). These overrides transpose the operand explicitly with the backend's own
// Transpose kernel, then call the original kernel without transposes: same arithmetic, same order of sums, so the
// same numbers. It changes nothing on other backends and does not train.

import * as tf from '@tensorflow/tfjs-core';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type Info = tf.TensorInfo;

interface WasmLikeBackend {
  disposeData(dataId: object): void;
}

function swapLast(rank: number): number[] {
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return perm;
}

/** Wraps one matmul kernel: explicit transposes in, the original kernel with transposeA/B false. */
function wrap(original: tf.KernelConfig, transpose: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs) => {
    const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean } & tf.NamedAttrMap;
    if (!attrs.transposeA && !attrs.transposeB) return original.kernelFunc(args);
    const inputs = { ...(args.inputs as Record<string, Info>) };
    const temps: Info[] = [];
    const flip = (key: 'a' | 'b') => {
      const x = inputs[key];
      const t = transpose({ inputs: { x }, backend: args.backend, attrs: { perm: swapLast(x.shape.length) } }) as Info;
      temps.push(t);
      inputs[key] = t;
    };
    if (attrs.transposeA) flip('a');
    if (attrs.transposeB) flip('b');
    try {
      return original.kernelFunc({ ...args, inputs, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temps) (args.backend as unknown as WasmLikeBackend).disposeData(t.dataId);
    }
  };
  return { kernelName: original.kernelName, backendName: original.backendName, kernelFunc: kernelFunc as tf.KernelFunc };
}

const installed = new Set<string>();

/** Replaces the wasm backend's matmul kernels by the transposing wrappers; call after `setBackend('wasm')` (the
 *  kernels' set-up has run then). Idempotent. Returns the kernels it replaced. */
export function installWasmMatMul(): string[] {
  const transpose = tf.getKernel(tf.Transpose, 'wasm')?.kernelFunc;
  if (!transpose) return [];
  const done: string[] = [];
  for (const name of [tf.BatchMatMul, tf._FusedMatMul]) {
    if (installed.has(name)) continue;
    const original = tf.getKernel(name, 'wasm');
    if (!original) continue;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(wrap(original, transpose));
    installed.add(name);
    done.push(name);
  }
  return done;
}
