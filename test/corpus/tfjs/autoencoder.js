// Convolutional autoencoder in TF.js: encoder and decoder models chained as layers; decoder upsamples with
// upSampling2d.
const tf = require('@tensorflow/tfjs');

function encoderModel() {
  const img = tf.input({shape: [28, 28, 1]});
  let x = img;
  for (const filters of [16, 8]) {
    x = tf.layers.conv2d({filters, kernelSize: 3, activation: 'relu', padding: 'same'}).apply(x);
    x = tf.layers.maxPooling2d({poolSize: 2, padding: 'same'}).apply(x);
  }
  return tf.model({inputs: img, outputs: x, name: 'encoder'});
}

function decoderModel() {
  const code = tf.input({shape: [7, 7, 8]});
  let x = code;
  for (const filters of [8, 16]) {
    x = tf.layers.conv2d({filters, kernelSize: 3, activation: 'relu', padding: 'same'}).apply(x);
    x = tf.layers.upSampling2d({size: [2, 2]}).apply(x);
  }
  const out = tf.layers.conv2d({filters: 1, kernelSize: 3, activation: 'sigmoid', padding: 'same'}).apply(x);
  return tf.model({inputs: code, outputs: out, name: 'decoder'});
}

const encoder = encoderModel();
const decoder = decoderModel();
const input = tf.input({shape: [28, 28, 1]});
const autoencoder = tf.model({inputs: input, outputs: decoder.apply(encoder.apply(input)), name: 'autoencoder'});
autoencoder.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
