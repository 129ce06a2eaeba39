// TF.js twin of python/densenet_blocks.py.
module.exports = (tf) => {
  const G = 12, BLOCKS = [4, 4, 4];
  const bn = (name) => tf.layers.batchNormalization({ epsilon: 1.001e-5, name });
  const relu = (name) => tf.layers.activation({ activation: 'relu', name });
  const convBlock = (x, name) => {
    let y = bn(`${name}_0_bn`).apply(x);
    y = relu(`${name}_0_relu`).apply(y);
    y = tf.layers.conv2d({ filters: 4 * G, kernelSize: 1, useBias: false, name: `${name}_1_conv` }).apply(y);
    y = bn(`${name}_1_bn`).apply(y);
    y = relu(`${name}_1_relu`).apply(y);
    y = tf.layers.conv2d({ filters: G, kernelSize: 3, padding: 'same', useBias: false, name: `${name}_2_conv` }).apply(y);
    return tf.layers.concatenate({ name: `${name}_concat` }).apply([x, y]);
  };
  const transition = (x, name) => {
    x = bn(`${name}_bn`).apply(x);
    x = relu(`${name}_relu`).apply(x);
    x = tf.layers.conv2d({ filters: Math.trunc(x.shape[3] * 0.5), kernelSize: 1, useBias: false, name: `${name}_conv` }).apply(x);
    return tf.layers.averagePooling2d({ poolSize: 2, strides: 2, name: `${name}_pool` }).apply(x);
  };
  const input = tf.input({ shape: [32, 32, 3] });
  let x = tf.layers.conv2d({ filters: 2 * G, kernelSize: 3, padding: 'same', useBias: false, name: 'conv1' }).apply(input);
  BLOCKS.forEach((n, i) => {
    for (let b = 0; b < n; b++) x = convBlock(x, `conv${i + 2}_block${b + 1}`);
    if (i !== BLOCKS.length - 1) x = transition(x, `pool${i + 2}`);
  });
  x = bn('bn').apply(x);
  x = relu('relu').apply(x);
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x);
  x = tf.layers.dense({ units: 10, activation: 'softmax', name: 'predictions' }).apply(x);
  return { densenet: tf.model({ inputs: input, outputs: x, name: 'densenet_bc' }) };
};
