// Video clip classifier in TF.js: a per-frame CNN in timeDistributed wrappers, then an LSTM over the frames.
const tf = require('@tensorflow/tfjs');

const [FRAMES, H, W, C] = [6, 24, 24, 3];
const clip = tf.input({shape: [FRAMES, H, W, C], name: 'clip'});
let x = clip;
for (const filters of [8, 16]) {
  x = tf.layers.timeDistributed({layer: tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'})}).apply(x);
  x = tf.layers.timeDistributed({layer: tf.layers.maxPooling2d({poolSize: 2})}).apply(x);
}
x = tf.layers.timeDistributed({layer: tf.layers.flatten()}).apply(x);
x = tf.layers.lstm({units: 16}).apply(x);
const action = tf.layers.dense({units: 4, activation: 'softmax', name: 'action'}).apply(x);
const model = tf.model({inputs: clip, outputs: action, name: 'cnnLstm'});
