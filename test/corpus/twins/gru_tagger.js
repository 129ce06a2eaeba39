// TF.js twin of python/gru_tagger.py. TF.js 4.22 cannot build resetAfter: true, so the twin has TF.js's GRU (one bias
// vector per gate); the expected file states Keras 3's formula 3·(units·(in+units) + 2·units) for those rows.
module.exports = (tf) => {
  const words = tf.input({ shape: [50], name: 'words' });
  let x = tf.layers.embedding({ inputDim: 12000, outputDim: 64 }).apply(words);
  x = tf.layers.gru({ units: 64, returnSequences: true, resetAfter: false }).apply(x);
  x = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 32, returnSequences: true, resetAfter: false }), mergeMode: 'concat' }).apply(x);
  const tags = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 17, activation: 'softmax' }), name: 'tags' }).apply(x);
  return { tagger: tf.model({ inputs: words, outputs: tags, name: 'pos_tagger' }) };
};
