const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const { wasmDir } = require('./out/src/train/backend.js');
const { installWasmMatMul } = require('./out/src/train/wasmMatMul.js');
wasm.setWasmPaths(wasmDir() + '/');
(async () => {
  await tf.setBackend('wasm'); installWasmMatMul();
  const a = tf.randomUniform([128, 784]);
  for (let r = 0; r < 5; r++) {
    for (let i = 0; i < 400; i++) tf.tidy(() => tf.matMul(a, tf.randomUniform([128, 512]), true, false).dataSync());
    console.log('rss MB', (process.memoryUsage().rss / 2 ** 20).toFixed(0), 'tensors', tf.memory().numTensors);
  }
})();
