// TF.js twin of python/uncalled_train.py (vocab 2000).
module.exports = (tf) => {
  const tokens = tf.input({ shape: [null], dtype: 'int32' });
  let x = tf.layers.embedding({ inputDim: 2000, outputDim: 16 }).apply(tokens);
  x = tf.layers.lstm({ units: 24 }).apply(x);
  return { model: tf.model({ inputs: tokens, outputs: tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(x), name: 'sentiment' }) };
};
