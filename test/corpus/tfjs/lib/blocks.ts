// Helper module of multi_file_project.ts: reusable blocks, imported by the entry file.
import * as tf from '@tensorflow/tfjs';

export const DEFAULT_WIDTH = 16;

export function convBlock(x: tf.SymbolicTensor, filters: number, name: string): tf.SymbolicTensor {
  const y = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false, name: `${name}_conv` }).apply(x) as tf.SymbolicTensor;
  const z = tf.layers.batchNormalization({ name: `${name}_bn` }).apply(y) as tf.SymbolicTensor;
  return tf.layers.activation({ activation: 'relu', name: `${name}_relu` }).apply(z) as tf.SymbolicTensor;
}

export function head(x: tf.SymbolicTensor, classes: number): tf.SymbolicTensor {
  const p = tf.layers.globalMaxPooling2d({ name: 'pool' }).apply(x) as tf.SymbolicTensor;
  return tf.layers.dense({ units: classes, activation: 'softmax', name: 'logits' }).apply(p) as tf.SymbolicTensor;
}
