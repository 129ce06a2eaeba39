// TF.js twin of python/text_cnn.py.
module.exports = (tf) => {
  const tokens = tf.input({ shape: [200], dtype: 'int32' });
  const emb = tf.layers.embedding({ inputDim: 15000, outputDim: 128, name: 'embedding' }).apply(tokens);
  const pooled = [3, 4, 5].map((k) => {
    const conv = tf.layers.conv1d({ filters: 64, kernelSize: k, activation: 'relu', name: `conv_${k}` });
    const pool = tf.layers.globalMaxPooling1d({ name: `pool_${k}` });
    return pool.apply(conv.apply(emb));
  });
  let x = tf.layers.concatenate({ name: 'features' }).apply(pooled);
  x = tf.layers.dropout({ rate: 0.5 }).apply(x);
  return { model: tf.model({ inputs: tokens, outputs: tf.layers.dense({ units: 2, activation: 'softmax' }).apply(x), name: 'text_cnn' }) };
};
