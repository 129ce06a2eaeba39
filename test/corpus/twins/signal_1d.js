// TF.js twin of python/signal_1d.py.
module.exports = (tf) => {
  const stages = [[16, 7, 2], [32, 5, 2], [64, 3, 3]];
  const signal = tf.input({ shape: [360, 1], name: 'ecg' });
  let x = signal;
  stages.forEach(([filters, kernelSize, pool], i) => {
    x = tf.layers.conv1d({ filters, kernelSize, padding: 'same', name: `conv${i}` }).apply(x);
    x = tf.layers.batchNormalization({ name: `bn${i}` }).apply(x);
    x = tf.layers.activation({ activation: 'relu', name: `relu${i}` }).apply(x);
    x = tf.layers.maxPooling1d({ poolSize: pool, name: `pool${i}` }).apply(x);
  });
  x = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 32 }), name: 'bilstm' }).apply(x);
  x = tf.layers.dense({ units: 32, activation: 'relu' }).apply(x);
  const out = tf.layers.dense({ units: 5, activation: 'softmax', name: 'beat_class' }).apply(x);
  return { model: tf.model({ inputs: signal, outputs: out, name: 'ecg_net' }) };
};
