// TF.js twin of python/global_width.py (width 0.5: 16, 32, 64 filters).
module.exports = (tf) => {
  const convBn = (x, filters) => {
    x = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false }).apply(x);
    x = tf.layers.batchNormalization({ axis: -1 }).apply(x);
    return tf.layers.activation({ activation: 'relu' }).apply(x);
  };
  const img = tf.input({ shape: [48, 48, 1] });
  let x = convBn(img, 16);
  x = convBn(x, 32);
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x);
  x = convBn(x, 64);
  x = tf.layers.globalAveragePooling2d({}).apply(x);
  return { model: tf.model({ inputs: img, outputs: tf.layers.dense({ units: 7, activation: 'softmax' }).apply(x), name: 'emotion_net' }) };
};
