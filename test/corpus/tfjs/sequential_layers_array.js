// tf.sequential({layers: [...]}) with a bare-number inputShape, as the regression tutorials write it.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({
  name: 'cars_mpg',
  layers: [
    tf.layers.dense({ inputShape: 1, units: 1, useBias: true }),
    tf.layers.dense({ units: 20, activation: 'sigmoid' }),
    tf.layers.dense({ units: 1, useBias: true }),
  ],
});
model.compile({ optimizer: tf.train.adam(), loss: tf.losses.meanSquaredError, metrics: ['mse'] });
