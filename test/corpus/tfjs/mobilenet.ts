// MobileNet-style stack in TF.js: depthwise + pointwise blocks from a table, then separable convolutions.
import * as tf from '@tensorflow/tfjs';

type Block = [filters: number, strides: number];
const BLOCKS: Block[] = [[32, 1], [64, 2], [64, 1], [128, 2], [128, 1]];

function dwBlock(x: tf.SymbolicTensor, [filters, strides]: Block, id: number): tf.SymbolicTensor {
  x = tf.layers.depthwiseConv2d({kernelSize: 3, strides, padding: 'same', useBias: false, name: `dw${id}`}).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({name: `dw${id}_bn`}).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU({maxValue: 6, name: `dw${id}_relu`}).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({filters, kernelSize: 1, useBias: false, name: `pw${id}`}).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({name: `pw${id}_bn`}).apply(x) as tf.SymbolicTensor;
  return tf.layers.reLU({maxValue: 6, name: `pw${id}_relu`}).apply(x) as tf.SymbolicTensor;
}

const input = tf.input({shape: [64, 64, 3]});
let x = tf.layers.conv2d({filters: 16, kernelSize: 3, strides: 2, padding: 'same', useBias: false, name: 'stem'}).apply(input) as tf.SymbolicTensor;
x = tf.layers.batchNormalization({name: 'stem_bn'}).apply(x) as tf.SymbolicTensor;
x = tf.layers.reLU({maxValue: 6, name: 'stem_relu'}).apply(x) as tf.SymbolicTensor;
BLOCKS.forEach((block, i) => {
  x = dwBlock(x, block, i + 1);
});
for (const filters of [192, 256]) {
  x = tf.layers.separableConv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu', depthMultiplier: 1}).apply(x) as tf.SymbolicTensor;
}
x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
x = tf.layers.dropout({rate: 0.2}).apply(x) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: tf.layers.dense({units: 3, activation: 'softmax'}).apply(x) as tf.SymbolicTensor, name: 'mobilenet_mini'});
