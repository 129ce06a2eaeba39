// TF.js twin of python/subclassed_mlp.py: the subclassed model written out as a nested functional model (the same
// layers in tracking order; the residual `x + block(x)` is an Add layer here, a Keras operation, not a layer, there).
module.exports = (tf) => {
  const stem = tf.layers.dense({ units: 64, activation: 'relu' });
  const blocks = [0, 1].map(() => tf.layers.dense({ units: 64, activation: 'relu' }));
  const norm = tf.layers.layerNormalization();
  const head = tf.layers.dense({ units: 3, activation: 'softmax' });
  const inner = tf.input({ shape: [20] });
  let x = stem.apply(inner);
  for (const b of blocks) x = tf.layers.add({ name: `twin_only_add_${b.name}` }).apply([x, b.apply(x)]);
  const mlp = tf.model({ inputs: inner, outputs: head.apply(norm.apply(x)), name: 'residual_mlp' });
  const features = tf.input({ shape: [20], name: 'features' });
  return { model: tf.model({ inputs: features, outputs: mlp.apply(features), name: 'wrapper' }), mlp };
};
