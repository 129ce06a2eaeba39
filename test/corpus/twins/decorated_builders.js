// TF.js twin of python/decorated_builders.py (small: width 32; wide: 96 and 48).
module.exports = (tf) => {
  let inp = tf.input({ shape: [8] });
  let h = tf.layers.dense({ units: 32, activation: 'gelu' }).apply(inp);
  const small = tf.model({ inputs: inp, outputs: tf.layers.dense({ units: 1 }).apply(h), name: 'small_net' });
  inp = tf.input({ shape: [8] });
  h = tf.layers.dense({ units: 96, activation: 'relu' }).apply(inp);
  h = tf.layers.dense({ units: 48, activation: 'relu' }).apply(h);
  const wide = tf.model({ inputs: inp, outputs: tf.layers.dense({ units: 1 }).apply(h), name: 'wide_net' });
  return { small, wide };
};
