// Scenario 5: two inputs, branch and merge, two outputs. 205 parameters.
import * as tf from '@tensorflow/tfjs';

const inputA = tf.input({shape: [5]});
const inputB = tf.input({shape: [5]});
const branchA = tf.layers.dense({units: 10}).apply(inputA) as tf.SymbolicTensor;
const branchB = tf.layers.dense({units: 10}).apply(inputB) as tf.SymbolicTensor;
const merged = tf.layers.multiply().apply([branchA, branchB]) as tf.SymbolicTensor;
const hidden = tf.layers.dense({units: 5}).apply(merged) as tf.SymbolicTensor;
const output1 = tf.layers.activation({activation: 'softmax'}).apply(hidden) as tf.SymbolicTensor;
const hidden2 = tf.layers.dense({units: 5}).apply(hidden) as tf.SymbolicTensor;
const output2 = tf.layers.activation({activation: 'softmax'}).apply(hidden2) as tf.SymbolicTensor;
const model = tf.model({inputs: [inputA, inputB], outputs: [output1, output2]});
