// TF.js twin of python/luong_attention.py.
module.exports = (tf) => {
  const src = tf.input({ shape: [20], name: 'source_tokens' });
  const tgt = tf.input({ shape: [22], name: 'target_tokens' });
  const encEmb = tf.layers.embedding({ inputDim: 5000, outputDim: 64, name: 'src_embedding' }).apply(src);
  const [encSeq, h, c] = tf.layers.lstm({ units: 128, returnSequences: true, returnState: true, name: 'encoder' }).apply(encEmb);
  const decEmb = tf.layers.embedding({ inputDim: 6000, outputDim: 64, name: 'tgt_embedding' }).apply(tgt);
  const decSeq = tf.layers.lstm({ units: 128, returnSequences: true, name: 'decoder' }).apply(decEmb, { initialState: [h, c] });
  const scores = tf.layers.dot({ axes: [2, 2], name: 'scores' }).apply([decSeq, encSeq]);
  const weights = tf.layers.activation({ activation: 'softmax', name: 'attention' }).apply(scores);
  const context = tf.layers.dot({ axes: [2, 1], name: 'context' }).apply([weights, encSeq]);
  const combined = tf.layers.concatenate({ name: 'combined' }).apply([context, decSeq]);
  const hidden = tf.layers.dense({ units: 128, activation: 'tanh', name: 'attentional' }).apply(combined);
  const probs = tf.layers.dense({ units: 6000, activation: 'softmax', name: 'probs' }).apply(hidden);
  return { translator: tf.model({ inputs: [src, tgt], outputs: probs, name: 'luong_translator' }) };
};
