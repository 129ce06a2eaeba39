// Defers building to a timer (a common trick to let the page paint first).
import * as tf from '@tensorflow/tfjs';

const settings = { inputSize: 6, sizes: [24, 12], outputs: 2 };
let model = null;

setTimeout(() => {
  model = tf.sequential({ name: 'delayed' });
  settings.sizes.forEach((units, i) => {
    model.add(tf.layers.dense(i === 0 ? { units, activation: 'tanh', inputShape: [settings.inputSize] } : { units, activation: 'tanh' }));
  });
  model.add(tf.layers.dense({ units: settings.outputs, activation: 'sigmoid' }));
}, 0);
