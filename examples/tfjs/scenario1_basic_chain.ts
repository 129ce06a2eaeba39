// Scenario 1: input(5) -> dense(10) -> softmax. 60 parameters.
import * as tf from '@tensorflow/tfjs';

const input = tf.input({shape: [5]});
const hidden = tf.layers.dense({units: 10}).apply(input) as tf.SymbolicTensor;
const output = tf.layers.activation({activation: 'softmax'}).apply(hidden) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: output});
model.summary();
