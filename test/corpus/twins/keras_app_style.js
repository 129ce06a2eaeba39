// TF.js twin of python/keras_app_style.py (channels_last, Keras's default image_data_format).
module.exports = (tf) => {
  const convBn = (x, f, k, name, bnName, strides = 1, padding = 'valid') => {
    x = tf.layers.conv2d({ filters: f, kernelSize: k, strides, padding, kernelInitializer: 'heNormal', name }).apply(x);
    return tf.layers.batchNormalization({ axis: 3, name: bnName }).apply(x);
  };
  const relu = (x) => tf.layers.activation({ activation: 'relu' }).apply(x);
  const block = (x, k, [f1, f2, f3], stage, id, strides) => {
    const c = `res${stage}${id}_branch`, b = `bn${stage}${id}_branch`;
    let y = relu(convBn(x, f1, 1, c + '2a', b + '2a', strides ?? 1));
    y = relu(convBn(y, f2, k, c + '2b', b + '2b', 1, 'same'));
    y = convBn(y, f3, 1, c + '2c', b + '2c');
    const shortcut = strides === undefined ? x : convBn(x, f3, 1, c + '1', b + '1', strides);
    return relu(tf.layers.add().apply([y, shortcut]));
  };
  const img = tf.input({ shape: [64, 64, 3] });
  let x = tf.layers.zeroPadding2d({ padding: [3, 3], name: 'conv1_pad' }).apply(img);
  x = relu(convBn(x, 16, 7, 'conv1', 'bn_conv1', 2));
  x = tf.layers.zeroPadding2d({ padding: [1, 1], name: 'pool1_pad' }).apply(x);
  x = tf.layers.maxPooling2d({ poolSize: 3, strides: 2 }).apply(x);
  x = block(x, 3, [16, 16, 64], 2, 'a', 1);
  x = block(x, 3, [16, 16, 64], 2, 'b');
  x = block(x, 3, [32, 32, 128], 3, 'a', 2);
  for (const id of 'bc') x = block(x, 3, [32, 32, 128], 3, id);
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x);
  x = tf.layers.dense({ units: 10, activation: 'softmax', name: 'fc10' }).apply(x);
  return { model: tf.model({ inputs: img, outputs: x, name: 'resnet_mini' }) };
};
