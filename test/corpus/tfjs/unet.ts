// A small U-Net in TF.js: encoder levels in a loop keep their skips; the decoder upsamples (conv2dTranspose, and
// upSampling2d on the last level) and concatenates the skip of the same level.
import * as tf from '@tensorflow/tfjs';

const doubleConv = (x: tf.SymbolicTensor, filters: number, name: string): tf.SymbolicTensor => {
  for (let i = 1; i <= 2; i++) {
    x = tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu', name: `${name}_conv${i}`}).apply(x) as tf.SymbolicTensor;
  }
  return x;
};

function unet(size = 64, depth = 3, base = 8): tf.LayersModel {
  const image = tf.input({shape: [size, size, 3], name: 'image'});
  const skips: tf.SymbolicTensor[] = [];
  let x = image;
  for (let level = 0; level < depth; level++) {
    x = doubleConv(x, base * 2 ** level, `enc${level}`);
    skips.push(x);
    x = tf.layers.maxPooling2d({poolSize: 2, name: `pool${level}`}).apply(x) as tf.SymbolicTensor;
  }
  x = doubleConv(x, base * 2 ** depth, 'bridge');
  for (let level = depth - 1; level >= 0; level--) {
    const up = level === 0
      ? tf.layers.upSampling2d({size: [2, 2], name: `up${level}`})
      : tf.layers.conv2dTranspose({filters: base * 2 ** level, kernelSize: 2, strides: 2, padding: 'same', name: `up${level}`});
    x = up.apply(x) as tf.SymbolicTensor;
    x = tf.layers.concatenate({name: `merge${level}`}).apply([x, skips[level]]) as tf.SymbolicTensor;
    x = doubleConv(x, base * 2 ** level, `dec${level}`);
  }
  const mask = tf.layers.conv2d({filters: 1, kernelSize: 1, activation: 'sigmoid', name: 'mask'}).apply(x) as tf.SymbolicTensor;
  return tf.model({inputs: image, outputs: mask, name: 'unet'});
}

const model = unet();
