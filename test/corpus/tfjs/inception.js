// Inception modules in TF.js (plain JavaScript): four branches from one helper, concatenated on the channel axis.
const tf = require('@tensorflow/tfjs');

const conv = (filters, kernelSize, x) =>
  tf.layers.conv2d({filters, kernelSize, padding: 'same', activation: 'relu'}).apply(x);

function inceptionModule(x, {f1, f3r, f3, f5r, f5, proj}) {
  const branch1 = conv(f1, 1, x);
  const branch3 = conv(f3, 3, conv(f3r, 1, x));
  const branch5 = conv(f5, 5, conv(f5r, 1, x));
  const pooled = tf.layers.maxPooling2d({poolSize: 3, strides: 1, padding: 'same'}).apply(x);
  const branchPool = conv(proj, 1, pooled);
  return tf.layers.concatenate({axis: -1}).apply([branch1, branch3, branch5, branchPool]);
}

const modules = [
  {f1: 16, f3r: 16, f3: 32, f5r: 4, f5: 8, proj: 8},
  {f1: 32, f3r: 32, f3: 48, f5r: 8, f5: 16, proj: 16},
];

const input = tf.input({shape: [48, 48, 3]});
let x = tf.layers.conv2d({filters: 32, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu'}).apply(input);
x = tf.layers.maxPooling2d({poolSize: 2}).apply(x);
for (const cfg of modules) {
  x = inceptionModule(x, cfg);
}
x = tf.layers.globalAveragePooling2d({}).apply(x);
const output = tf.layers.dense({units: 20, activation: 'softmax'}).apply(x);
const model = tf.model({inputs: input, outputs: output});
