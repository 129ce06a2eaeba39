// TF.js twin of python/isinstance_kernels.py.
module.exports = (tf) => {
  const conv = (x, filters, kernelSize, strides) => tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', activation: 'relu' }).apply(x);
  const image = tf.input({ shape: [40, 40, 3], name: 'image' });
  let x = conv(image, 8, [5, 5], [2, 2]);
  x = conv(x, 16, [3, 1], [1, 1]);
  x = conv(x, 16, [1, 3], [2, 2]);
  x = tf.layers.flatten().apply(x);
  const logits = tf.layers.dense({ units: 2 }).apply(x);
  return { model: tf.model({ inputs: image, outputs: logits, name: 'pair_conv' }) };
};
