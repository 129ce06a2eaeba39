// Siamese image matcher in TF.js with the tower as a nested model: one tower model applied to both images.
import * as tf from '@tensorflow/tfjs';

function buildTower(inputShape: number[], embeddingDim = 32): tf.LayersModel {
  const input = tf.input({shape: inputShape});
  let x: tf.SymbolicTensor = input;
  for (const filters of [8, 16]) {
    x = tf.layers.conv2d({filters, kernelSize: 3, activation: 'relu', padding: 'same'}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.maxPooling2d({poolSize: 2}).apply(x) as tf.SymbolicTensor;
  }
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  const embedding = tf.layers.dense({units: embeddingDim}).apply(x) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: embedding, name: 'tower'});
}

const tower = buildTower([28, 28, 1]);
const imageA = tf.input({shape: [28, 28, 1], name: 'imageA'});
const imageB = tf.input({shape: [28, 28, 1], name: 'imageB'});
const embA = tower.apply(imageA) as tf.SymbolicTensor;
const embB = tower.apply(imageB) as tf.SymbolicTensor;
const joined = tf.layers.concatenate().apply([embA, embB]) as tf.SymbolicTensor;
const score = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(joined) as tf.SymbolicTensor;
const siamese = tf.model({inputs: [imageA, imageB], outputs: score, name: 'siamese'});
