// TF.js twin of python/mobilenet_v1.py. TF.js 4.22's globalAveragePooling2d has no keepdims: a reshape to
// (1, 1, C) stands in for it (a Keras-only option; the row's expectation is Keras's documented (None, 1, 1, C)).
module.exports = (tf) => {
  const A = 0.5;
  const blocks = [[64, 1], [128, 2], [128, 1], [256, 2], [256, 1], [512, 2], [512, 1], [512, 1], [1024, 2]];
  const input = tf.input({ shape: [96, 96, 3] });
  let x = tf.layers.conv2d({ filters: Math.trunc(32 * A), kernelSize: 3, padding: 'same', useBias: false, strides: 2, name: 'conv1' }).apply(input);
  x = tf.layers.batchNormalization({ name: 'conv1_bn' }).apply(x);
  x = tf.layers.reLU({ maxValue: 6, name: 'conv1_relu' }).apply(x);
  blocks.forEach(([f, s], i) => {
    const id = i + 1;
    x = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', strides: s, useBias: false, name: `conv_dw_${id}` }).apply(x);
    x = tf.layers.batchNormalization({ name: `conv_dw_${id}_bn` }).apply(x);
    x = tf.layers.reLU({ maxValue: 6, name: `conv_dw_${id}_relu` }).apply(x);
    x = tf.layers.conv2d({ filters: Math.trunc(f * A), kernelSize: 1, padding: 'same', useBias: false, name: `conv_pw_${id}` }).apply(x);
    x = tf.layers.batchNormalization({ name: `conv_pw_${id}_bn` }).apply(x);
    x = tf.layers.reLU({ maxValue: 6, name: `conv_pw_${id}_relu` }).apply(x);
  });
  x = tf.layers.globalAveragePooling2d({}).apply(x);
  x = tf.layers.reshape({ targetShape: [1, 1, 512], name: 'twin_only_keepdims' }).apply(x);
  x = tf.layers.dropout({ rate: 1e-3, name: 'dropout' }).apply(x);
  x = tf.layers.conv2d({ filters: 5, kernelSize: 1, padding: 'same', name: 'conv_preds' }).apply(x);
  x = tf.layers.reshape({ targetShape: [5], name: 'reshape_2' }).apply(x);
  x = tf.layers.activation({ activation: 'softmax', name: 'predictions' }).apply(x);
  return { model: tf.model({ inputs: input, outputs: x, name: 'mobilenet_0.50_96' }) };
};
