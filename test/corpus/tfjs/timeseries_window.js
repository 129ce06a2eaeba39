// A time-series script: a long data-preparation loop (windows of a synthetic signal) before the model.
import * as tf from '@tensorflow/tfjs';

const SERIES = [];
for (let t = 0; t < 20000; t++) SERIES.push(Math.sin(t / 50) + 0.1 * Math.cos(t / 7));
const WINDOW = 24;
const windows = [];
const targets = [];
for (let i = 0; i + WINDOW < SERIES.length; i += 4) {
  windows.push(SERIES.slice(i, i + WINDOW));
  targets.push(SERIES[i + WINDOW]);
}

const model = tf.sequential();
model.add(tf.layers.conv1d({ inputShape: [WINDOW, 1], filters: 16, kernelSize: 5, activation: 'relu' }));
model.add(tf.layers.maxPooling1d({ poolSize: 2 }));
model.add(tf.layers.gru({ units: 20 }));
model.add(tf.layers.dense({ units: 1 }));
model.compile({ optimizer: 'adam', loss: 'meanAbsoluteError' });
