// TF.js twin of python/video_cnn_lstm.py.
module.exports = (tf) => {
  const clip = tf.input({ shape: [8, 32, 32, 3], name: 'clip' });
  let x = clip;
  for (const filters of [16, 32]) {
    x = tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' }) }).apply(x);
    x = tf.layers.timeDistributed({ layer: tf.layers.maxPooling2d({ poolSize: 2 }) }).apply(x);
  }
  x = tf.layers.timeDistributed({ layer: tf.layers.globalAveragePooling2d({}) }).apply(x);
  x = tf.layers.lstm({ units: 32 }).apply(x);
  const action = tf.layers.dense({ units: 6, activation: 'softmax', name: 'action' }).apply(x);
  return { model: tf.model({ inputs: clip, outputs: action, name: 'cnn_lstm' }) };
};
