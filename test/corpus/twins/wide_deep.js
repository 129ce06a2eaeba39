// TF.js twin of python/wide_deep.py.
module.exports = (tf) => {
  const cats = { user_id: 5000, item_id: 2000, category: 40 };
  const wide = tf.input({ shape: [300], name: 'wide' });
  const numeric = tf.input({ shape: [6], name: 'numeric' });
  const catInputs = Object.fromEntries(Object.keys(cats).map((n) => [n, tf.input({ shape: [1], name: n, dtype: 'int32' })]));
  const embedded = Object.entries(cats).map(([n, vocab]) => {
    const e = tf.layers.embedding({ inputDim: vocab, outputDim: 16, name: `${n}_emb` }).apply(catInputs[n]);
    return tf.layers.flatten({ name: `${n}_flat` }).apply(e);
  });
  let deep = tf.layers.concatenate({ name: 'deep_concat' }).apply([...embedded, numeric]);
  [128, 64].forEach((units, i) => { deep = tf.layers.dense({ units, activation: 'relu', name: `deep_${i}` }).apply(deep); });
  const both = tf.layers.concatenate({ name: 'wide_and_deep' }).apply([wide, deep]);
  const click = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'click' }).apply(both);
  return { model: tf.model({ inputs: [wide, numeric, ...Object.values(catInputs)], outputs: click, name: 'wide_deep' }) };
};
