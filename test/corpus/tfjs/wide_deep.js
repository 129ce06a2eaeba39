// Wide & deep in TF.js: a wide input straight to the output, embeddings per categorical feature from an object of
// vocabulary sizes, deep dense stack, concatenated.
const tf = require('@tensorflow/tfjs');

const categorical = {user: 3000, item: 1500, region: 20};
const wide = tf.input({shape: [100], name: 'wide'});
const numeric = tf.input({shape: [4], name: 'numeric'});
const catInputs = Object.keys(categorical).map((key) => tf.input({shape: [1], name: key}));

const embedded = Object.entries(categorical).map(([key, vocab], i) => {
  const e = tf.layers.embedding({inputDim: vocab, outputDim: 8, name: `${key}_embedding`}).apply(catInputs[i]);
  return tf.layers.flatten({name: `${key}_flatten`}).apply(e);
});
let deep = tf.layers.concatenate({name: 'deep_features'}).apply([...embedded, numeric]);
for (const units of [64, 32]) {
  deep = tf.layers.dense({units, activation: 'relu'}).apply(deep);
}
const both = tf.layers.concatenate({name: 'wide_deep'}).apply([wide, deep]);
const click = tf.layers.dense({units: 1, activation: 'sigmoid', name: 'click'}).apply(both);
const model = tf.model({inputs: [wide, numeric, ...catInputs], outputs: click});
