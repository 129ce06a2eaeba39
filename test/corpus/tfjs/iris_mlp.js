// An iris-style MLP in TF.js written with an array of layers folded over the input (reduce), as JS code often does.
const tf = require('@tensorflow/tfjs');

const hiddenUnits = [16, 12];
const input = tf.input({shape: [4], name: 'measurements'});
const stack = [
  ...hiddenUnits.map((units, i) => tf.layers.dense({units, activation: 'relu', name: `hidden${i + 1}`})),
  tf.layers.dense({units: 3, activation: 'softmax', name: 'species'}),
];
const output = stack.reduce((x, layer) => layer.apply(x), input);
const model = tf.model({inputs: input, outputs: output, name: 'iris'});
