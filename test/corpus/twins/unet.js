// TF.js twin of python/unet.py.
module.exports = (tf) => {
  const doubleConv = (x, filters, name) => {
    for (let i = 0; i < 2; i++) {
      x = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', name: `${name}_conv${i + 1}` }).apply(x);
      x = tf.layers.batchNormalization({ name: `${name}_bn${i + 1}` }).apply(x);
      x = tf.layers.reLU({ name: `${name}_relu${i + 1}` }).apply(x);
    }
    return x;
  };
  const depth = 3, base = 16;
  const inputs = tf.input({ shape: [64, 64, 1], name: 'image' });
  const skips = [];
  let x = inputs;
  for (let level = 0; level < depth; level++) {
    x = doubleConv(x, base * 2 ** level, `down${level}`);
    skips.push(x);
    x = tf.layers.maxPooling2d({ poolSize: 2, name: `pool${level}` }).apply(x);
  }
  x = doubleConv(x, base * 2 ** depth, 'bottleneck');
  for (let level = depth - 1; level >= 0; level--) {
    const filters = base * 2 ** level;
    x = level === 0
      ? tf.layers.upSampling2d({ size: [2, 2], name: `up${level}` }).apply(x)
      : tf.layers.conv2dTranspose({ filters, kernelSize: 2, strides: 2, padding: 'same', name: `up${level}` }).apply(x);
    x = tf.layers.concatenate({ name: `skip${level}` }).apply([x, skips[level]]);
    x = doubleConv(x, filters, `dec${level}`);
  }
  const outputs = tf.layers.conv2d({ filters: 3, kernelSize: 1, activation: 'softmax', name: 'mask' }).apply(x);
  return { unet: tf.model({ inputs, outputs, name: 'unet' }) };
};
