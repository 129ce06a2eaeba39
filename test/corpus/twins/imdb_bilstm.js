// TF.js twin of python/imdb_bilstm.py.
module.exports = (tf) => {
  const inputs = tf.input({ shape: [null], dtype: 'int32' });
  let x = tf.layers.embedding({ inputDim: 20000, outputDim: 128 }).apply(inputs);
  x = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 64, returnSequences: true }) }).apply(x);
  x = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 64 }) }).apply(x);
  return { model: tf.model({ inputs, outputs: tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(x) }) };
};
