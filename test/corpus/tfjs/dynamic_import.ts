// Loads its settings module lazily with import(...).then, then builds the model in the callback.
import * as tf from '@tensorflow/tfjs';

const SHAPE = [16, 16, 3];
let model: tf.LayersModel | null = null;

function residualUnit(x: tf.SymbolicTensor, filters: number, id: number): tf.SymbolicTensor {
  const a = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', name: `res${id}_a` }).apply(x) as tf.SymbolicTensor;
  const b = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', name: `res${id}_b` }).apply(a) as tf.SymbolicTensor;
  return tf.layers.add({ name: `res${id}_add` }).apply([x, b]) as tf.SymbolicTensor;
}

import('./lib/config').then((settings) => {
  console.log(settings);
  const input = tf.input({ shape: SHAPE });
  let x = tf.layers.conv2d({ filters: 12, kernelSize: 1, name: 'stem' }).apply(input) as tf.SymbolicTensor;
  for (let i = 1; i <= 2; i++) x = residualUnit(x, 12, i);
  const out = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 4 }).apply(out) as tf.SymbolicTensor, name: 'lazy_resnet' });
});
