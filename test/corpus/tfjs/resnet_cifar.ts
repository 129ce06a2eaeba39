// A small ResNet for 32x32 CIFAR images in TF.js: residual blocks from a helper function, stages from a loop.
import * as tf from '@tensorflow/tfjs';

function convBn(x: tf.SymbolicTensor, filters: number, kernelSize = 3, strides = 1): tf.SymbolicTensor {
  const y = tf.layers.conv2d({filters, kernelSize, strides, padding: 'same', useBias: false}).apply(x) as tf.SymbolicTensor;
  return tf.layers.batchNormalization().apply(y) as tf.SymbolicTensor;
}

function residualBlock(x: tf.SymbolicTensor, filters: number, strides = 1): tf.SymbolicTensor {
  let shortcut = x;
  let y = convBn(x, filters, 3, strides);
  y = tf.layers.reLU().apply(y) as tf.SymbolicTensor;
  y = convBn(y, filters);
  if (strides !== 1 || x.shape[3] !== filters) {
    shortcut = convBn(x, filters, 1, strides);
  }
  const sum = tf.layers.add().apply([y, shortcut]) as tf.SymbolicTensor;
  return tf.layers.reLU().apply(sum) as tf.SymbolicTensor;
}

export function buildResNet(numClasses = 10): tf.LayersModel {
  const input = tf.input({shape: [32, 32, 3]});
  let x = convBn(input, 16);
  x = tf.layers.reLU().apply(x) as tf.SymbolicTensor;
  const stages = [16, 32, 64];
  stages.forEach((filters, i) => {
    for (let b = 0; b < 3; b++) {
      x = residualBlock(x, filters, i > 0 && b === 0 ? 2 : 1);
    }
  });
  x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({units: numClasses, activation: 'softmax'}).apply(x) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: output, name: 'resnet20'});
}

const model = buildResNet();
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});
