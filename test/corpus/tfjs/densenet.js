// DenseNet blocks in TF.js: each layer's output is concatenated onto the running features (a new array each time,
// so TF.js's apply keeping its input array does not rewire anything), transitions between blocks.
const tf = require('@tensorflow/tfjs');

const growthRate = 8;

function convBlock(x) {
  let y = tf.layers.batchNormalization().apply(x);
  y = tf.layers.activation({activation: 'relu'}).apply(y);
  y = tf.layers.conv2d({filters: 4 * growthRate, kernelSize: 1, useBias: false}).apply(y);
  y = tf.layers.batchNormalization().apply(y);
  y = tf.layers.activation({activation: 'relu'}).apply(y);
  y = tf.layers.conv2d({filters: growthRate, kernelSize: 3, padding: 'same', useBias: false}).apply(y);
  return tf.layers.concatenate().apply([x, y]);
}

function transition(x) {
  const channels = x.shape[x.shape.length - 1];
  x = tf.layers.batchNormalization().apply(x);
  x = tf.layers.conv2d({filters: Math.floor(channels / 2), kernelSize: 1, useBias: false}).apply(x);
  return tf.layers.averagePooling2d({poolSize: 2, strides: 2}).apply(x);
}

const input = tf.input({shape: [32, 32, 3]});
let x = tf.layers.conv2d({filters: 16, kernelSize: 3, padding: 'same', useBias: false}).apply(input);
const blocks = [3, 3, 3];
blocks.forEach((n, i) => {
  for (let j = 0; j < n; j++) x = convBlock(x);
  if (i < blocks.length - 1) x = transition(x);
});
x = tf.layers.globalAveragePooling2d({}).apply(x);
const densenet = tf.model({inputs: input, outputs: tf.layers.dense({units: 10, activation: 'softmax'}).apply(x)});
