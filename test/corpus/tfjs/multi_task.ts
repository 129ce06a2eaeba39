// Multi-task tabular model in TF.js: a shared trunk from a helper and one head per task from a config object.
import * as tf from '@tensorflow/tfjs';

const TASKS: Record<string, {units: number; activation: 'linear' | 'softmax' | 'sigmoid'}> = {
  price: {units: 1, activation: 'linear'},
  segment: {units: 5, activation: 'softmax'},
  churn: {units: 1, activation: 'sigmoid'},
};

function trunk(x: tf.SymbolicTensor, widths = [48, 24]): tf.SymbolicTensor {
  widths.forEach((units, i) => {
    x = tf.layers.dense({units, activation: 'relu', name: `trunk_dense_${i}`}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({name: `trunk_bn_${i}`}).apply(x) as tf.SymbolicTensor;
  });
  return x;
}

const features = tf.input({shape: [18], name: 'features'});
const shared = trunk(features);
const heads = Object.entries(TASKS).map(([task, {units, activation}]) =>
  tf.layers.dense({units, activation, name: task}).apply(shared) as tf.SymbolicTensor);
const model = tf.model({inputs: features, outputs: heads, name: 'multiTask'});
