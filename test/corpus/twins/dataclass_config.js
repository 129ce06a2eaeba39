// TF.js twin of python/dataclass_config.py (embed_dim overridden to 64).
module.exports = (tf) => {
  const tokens = tf.input({ shape: [40], dtype: 'int32', name: 'tokens' });
  let x = tf.layers.embedding({ inputDim: 5000, outputDim: 64 }).apply(tokens);
  x = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 48 }) }).apply(x);
  x = tf.layers.dropout({ rate: 0.2 }).apply(x);
  const out = tf.layers.dense({ units: 4, activation: 'softmax' }).apply(x);
  return { model: tf.model({ inputs: tokens, outputs: out, name: 'tagger' }) };
};
