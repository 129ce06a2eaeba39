// Layer sizes computed with array callbacks: filter with index and array, reduce with an initial value, flatMap.
import * as tf from '@tensorflow/tfjs';

const candidates = [256, 192, 128, 96, 64, 48, 32];
const widths = candidates.filter((w, i, arr) => i % 2 === 0 && w >= arr[arr.length - 1]);
const blocks = widths.flatMap((w) => [w, w / 2]);
const inputDim = [4, 4, 2].reduce((acc, d) => acc * d, 1);
const ids = Array.from({ length: blocks.length }, (_, i) => `block${i}`);

const model = tf.sequential();
blocks.forEach((units, i, all) => {
  const config = { units, activation: i === all.length - 1 ? 'linear' : 'relu', name: ids[i] };
  model.add(tf.layers.dense(i === 0 ? { ...config, inputShape: [inputDim] } : config));
  if (i < all.length - 1 && blocks.some((b) => b > 300)) model.add(tf.layers.dropout({ rate: 0.5 }));
});
model.add(tf.layers.dense({ units: Math.max(...widths) / 64 }));
