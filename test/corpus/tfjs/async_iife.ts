// A script whose whole body is an async IIFE (top-level await is not available in its bundler).
import * as tf from '@tensorflow/tfjs';

let model: tf.LayersModel;

(async () => {
  await tf.ready();
  const inputs = tf.input({ shape: [32, 32, 3] });
  let x = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(inputs) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({}).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
  const outputs = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(x) as tf.SymbolicTensor;
  model = tf.model({ inputs, outputs });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
})();
