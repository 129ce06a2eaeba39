// Scenario 3: one dense(5) layer applied twice: shared weights, 30 parameters.
import * as tf from '@tensorflow/tfjs';

const input = tf.input({shape: [5]});
const shared = tf.layers.dense({units: 5});
let x = shared.apply(input) as tf.SymbolicTensor;
x = shared.apply(x) as tf.SymbolicTensor;
const output = tf.layers.activation({activation: 'softmax'}).apply(x) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: output});

model.compile({loss: 'meanSquaredError', optimizer: 'adam'});
const xs = tf.randomUniform([10, 5]);
const ys = tf.randomUniform([10, 5]);
await model.fit(xs, ys, {epochs: 5});
