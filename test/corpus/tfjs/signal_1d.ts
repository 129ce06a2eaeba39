// A 1-D signal classifier in TF.js (accelerometer windows): conv1d stages from a config array, a bidirectional
// LSTM and a dense head.
import * as tf from '@tensorflow/tfjs';

interface Stage { filters: number; kernelSize: number; pool: number }
const stages: Stage[] = [
  {filters: 16, kernelSize: 5, pool: 2},
  {filters: 32, kernelSize: 3, pool: 2},
];

const windowLength = 128;
const channels = 3;

const model = tf.sequential({name: 'har'});
stages.forEach(({filters, kernelSize, pool}, i) => {
  model.add(tf.layers.conv1d({
    filters, kernelSize, activation: 'relu', padding: 'same',
    ...(i === 0 ? {inputShape: [windowLength, channels]} : {}),
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.maxPooling1d({poolSize: pool}));
});
model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 24}) as tf.RNN}));
model.add(tf.layers.dense({units: 6, activation: 'softmax'}));
