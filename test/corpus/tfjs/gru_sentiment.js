// A sentiment model in TF.js with stacked GRUs (TF.js's GRU: resetAfter false) and a timeDistributed dense before
// pooling.
const tf = require('@tensorflow/tfjs');

const MAXLEN = 60;
const model = tf.sequential({name: 'gru_sentiment'});
model.add(tf.layers.embedding({inputDim: 7000, outputDim: 32, inputLength: MAXLEN}));
model.add(tf.layers.gru({units: 32, returnSequences: true}));
model.add(tf.layers.gru({units: 16, returnSequences: true}));
model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 8, activation: 'relu'})}));
model.add(tf.layers.globalAveragePooling1d({}));
model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
