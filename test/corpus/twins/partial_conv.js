// TF.js twin of python/partial_conv.py (bottleneck 784 // 49 = 16).
module.exports = (tf) => {
  const conv = (filters, strides = 1) => tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', strides });
  const inputs = tf.input({ shape: [28, 28, 1] });
  let x = conv(16).apply(inputs);
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x);
  x = conv(32, 2).apply(x);
  x = tf.layers.flatten().apply(x);
  x = tf.layers.dense({ units: 16, activation: 'relu' }).apply(x);
  const outputs = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(x);
  return { model: tf.model({ inputs, outputs, name: 'partial_cnn' }) };
};
