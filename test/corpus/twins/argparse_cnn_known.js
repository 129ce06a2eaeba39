// TF.js twin of python/argparse_cnn_known.py (defaults: 32x32x3, 16 base filters, batch norm on, 10 classes).
module.exports = (tf) => {
  const model = tf.sequential({ name: 'cnn' });
  let filters = 16;
  for (let i = 0; i < 3; i++) {
    model.add(tf.layers.conv2d(i === 0 ? { filters, kernelSize: 3, padding: 'same', useBias: false, inputShape: [32, 32, 3] } : { filters, kernelSize: 3, padding: 'same', useBias: false }));
    model.add(tf.layers.batchNormalization({}));
    model.add(tf.layers.reLU({}));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    filters *= 2;
  }
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 10 }));
  return { model };
};
