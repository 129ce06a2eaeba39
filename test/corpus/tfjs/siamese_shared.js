// Siamese sentence encoder in TF.js with plain shared layers: one embedding and one LSTM object applied to two
// inputs in a map, then product/concat features.
const tf = require('@tensorflow/tfjs');

const maxLen = 25;
const left = tf.input({shape: [maxLen], name: 'left'});
const right = tf.input({shape: [maxLen], name: 'right'});

const embed = tf.layers.embedding({inputDim: 6000, outputDim: 32});
const encode = tf.layers.lstm({units: 48});
const [a, b] = [left, right].map((t) => encode.apply(embed.apply(t)));

const product = tf.layers.multiply().apply([a, b]);
const features = tf.layers.concatenate().apply([a, b, product]);
const hidden = tf.layers.dense({units: 32, activation: 'relu'}).apply(features);
const same = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(hidden);
const model = tf.model({inputs: [left, right], outputs: same});
