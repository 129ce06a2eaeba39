// A tabular classifier in TF.js grown with model.add in a loop over hidden sizes, dropout after every other layer.
import * as tf from '@tensorflow/tfjs';

const NUM_FEATURES = 30;
const HIDDEN = [64, 64, 32, 16];

const model = tf.sequential();
HIDDEN.forEach((units, i) => {
  const config: tf.layers.DenseLayerArgs = {units, activation: 'relu'};
  if (i === 0) config.inputShape = [NUM_FEATURES];
  model.add(tf.layers.dense(config));
  if (i % 2 === 1) model.add(tf.layers.dropout({rate: 0.25}));
});
model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});
