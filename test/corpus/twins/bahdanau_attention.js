// TF.js twin of python/bahdanau_attention.py.
module.exports = (tf) => {
  const tokens = tf.input({ shape: [120], dtype: 'int32', name: 'tokens' });
  let x = tf.layers.embedding({ inputDim: 20000, outputDim: 100 }).apply(tokens);
  x = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 64, returnSequences: true }) }).apply(x);
  const energy = tf.layers.dense({ units: 64, activation: 'tanh', name: 'attn_energy' }).apply(x);
  let scores = tf.layers.dense({ units: 1, useBias: false, name: 'attn_score' }).apply(energy);
  scores = tf.layers.flatten({ name: 'attn_flatten' }).apply(scores);
  const alphas = tf.layers.activation({ activation: 'softmax', name: 'attn_weights' }).apply(scores);
  const context = tf.layers.dot({ axes: [1, 1], name: 'attn_context' }).apply([alphas, x]);
  x = tf.layers.dropout({ rate: 0.3 }).apply(context);
  const out = tf.layers.dense({ units: 5, activation: 'softmax', name: 'label' }).apply(x);
  return { classifier: tf.model({ inputs: tokens, outputs: out, name: 'han_lite' }) };
};
