// A shared encoder model used twice inside a larger functional model (its class is Model in TF.js).
import * as tf from '@tensorflow/tfjs';

function makeEncoder(dim: number): tf.LayersModel {
  const inp = tf.input({ shape: [dim] });
  const h = tf.layers.dense({ units: 32, activation: 'relu' }).apply(inp) as tf.SymbolicTensor;
  const z = tf.layers.dense({ units: 8, name: 'embedding' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: inp, outputs: z, name: 'encoder' });
}

const encoder = makeEncoder(20);
const left = tf.input({ shape: [20], name: 'left' });
const right = tf.input({ shape: [20], name: 'right' });
const merged = tf.layers.concatenate().apply([encoder.apply(left) as tf.SymbolicTensor, encoder.apply(right) as tf.SymbolicTensor]) as tf.SymbolicTensor;
const score = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'same' }).apply(merged) as tf.SymbolicTensor;
const model = tf.model({ inputs: [left, right], outputs: score, name: 'pair_matcher' });
