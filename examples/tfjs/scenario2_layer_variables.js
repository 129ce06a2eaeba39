// Scenario 2: layer objects held in variables, created first and applied later (CommonJS).
const tf = require('@tensorflow/tfjs-node');

const dense = tf.layers.dense({units: 10});
const softmax = tf.layers.activation({activation: 'softmax'});

const input = tf.input({shape: [5]});
const hidden = dense.apply(input);
const output = softmax.apply(hidden);
const model = tf.model({inputs: input, outputs: output});
