// Registers TF.js's chained Tensor methods (`t.flatten()`, `t.sign()` …), which tfjs-layers calls in places (the
// Orthogonal initializer, i.e. every LSTM/GRU). Only the @tensorflow/tfjs umbrella registers them, and loading it costs
// over a second of trainer start-up (it brings WebGL, converter and data); this adds the methods, nothing else.

import * as tf from '@tensorflow/tfjs-core';

// tfjs-core's public/chained_ops whose method is `op(this, ...args)` with the op of the same name.
const SAME_NAME = `abs acos acosh add all any argMax argMin asin asinh atan atan2 atanh avgPool batchToSpaceNd broadcastTo
cast ceil clipByValue conv1d conv2d conv2dTranspose cos cosh cumprod cumsum depthToSpace depthwiseConv2d dilation2d div
divNoNan dot elu equal erf euclideanNorm exp expandDims expm1 floor floorDiv gather greater greaterEqual isFinite isInf
isNaN leakyRelu less lessEqual localResponseNormalization log log1p logSigmoid logSoftmax logSumExp logicalAnd logicalNot
logicalOr logicalXor matMul max maxPool maximum mean min minimum mirrorPad mod mul neg norm notEqual oneHot onesLike pad
pool pow prelu prod reciprocal relu relu6 reshape reverse round rsqrt selu separableConv2d sigmoid sign sin sinh slice
softmax softplus spaceToBatchNd split sqrt square squaredDifference squeeze step stridedSlice sub sum tan tanh tile
topk transpose unique unsortedSegmentSum unstack zerosLike`.split(/\s+/);

type Method = (this: tf.Tensor, ...args: unknown[]) => unknown;

let done = false;

export function registerChainedOps(): void {
  if (done) return;
  done = true;
  const proto = tf.Tensor.prototype as unknown as Record<string, Method | undefined>;
  const ops = tf as unknown as Record<string, unknown>;
  const define = (name: string, fn: Method) => {
    if (typeof proto[name] !== 'function') proto[name] = fn;
  };
  for (const name of SAME_NAME) {
    const op = ops[name];
    if (typeof op === 'function') define(name, function (...args) { return (op as (...a: unknown[]) => unknown)(this, ...args); });
  }
  const list = (self: tf.Tensor, x: unknown): tf.Tensor[] => (x instanceof tf.Tensor ? [self, x] : [self, ...(x as tf.Tensor[])]);
  define('flatten', function () { return tf.reshape(this, [this.size]); });
  define('asScalar', function () { return tf.reshape(this, []); });
  define('as1D', function () { return tf.reshape(this, [this.size]); });
  define('as2D', function (...s) { return tf.reshape(this, s as number[]); });
  define('as3D', function (...s) { return tf.reshape(this, s as number[]); });
  define('as4D', function (...s) { return tf.reshape(this, s as number[]); });
  define('as5D', function (...s) { return tf.reshape(this, s as number[]); });
  define('asType', function (dtype) { return tf.cast(this, dtype as tf.DataType); });
  define('toFloat', function () { return tf.cast(this, 'float32'); });
  define('toInt', function () { return tf.cast(this, 'int32'); });
  define('toBool', function () { return tf.cast(this, 'bool'); });
  define('concat', function (x, axis) { return tf.concat(list(this, x), axis as number | undefined); });
  define('stack', function (x, axis) { return tf.stack(list(this, x), axis as number | undefined); });
  define('where', function (condition, x) { return tf.where(condition as tf.Tensor, this, x as tf.Tensor); });
  define('reshapeAs', function (x) { return tf.reshape(this, (x as tf.Tensor).shape); });
}
