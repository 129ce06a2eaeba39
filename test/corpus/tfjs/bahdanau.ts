// Additive (Bahdanau) attention pooling in TF.js over a bidirectional GRU encoder, in a helper function.
import * as tf from '@tensorflow/tfjs';

function attentionPool(seq: tf.SymbolicTensor, units: number): tf.SymbolicTensor {
  const energy = tf.layers.dense({units, activation: 'tanh'}).apply(seq) as tf.SymbolicTensor;
  const score = tf.layers.dense({units: 1, useBias: false}).apply(energy) as tf.SymbolicTensor;
  const flat = tf.layers.flatten().apply(score) as tf.SymbolicTensor;
  const alphas = tf.layers.softmax().apply(flat) as tf.SymbolicTensor;
  return tf.layers.dot({axes: 1}).apply([alphas, seq]) as tf.SymbolicTensor;
}

const maxLen = 80;
const tokens = tf.input({shape: [maxLen], dtype: 'int32'});
let x = tf.layers.embedding({inputDim: 10000, outputDim: 48}).apply(tokens) as tf.SymbolicTensor;
x = tf.layers.bidirectional({layer: tf.layers.gru({units: 32, returnSequences: true}) as tf.RNN, mergeMode: 'concat'}).apply(x) as tf.SymbolicTensor;
const context = attentionPool(x, 32);
const output = tf.layers.dense({units: 4, activation: 'softmax'}).apply(context) as tf.SymbolicTensor;
const model = tf.model({inputs: tokens, outputs: output});
