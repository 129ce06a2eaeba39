// TF.js twin of python/trainer_class.py (13 features, hidden 40, second layer 20, one output).
module.exports = (tf) => {
  const inp = tf.input({ shape: [13] });
  let h = tf.layers.dense({ units: 40, activation: 'tanh' }).apply(inp);
  h = tf.layers.dense({ units: 20, activation: 'relu' }).apply(h);
  const out = tf.layers.dense({ units: 1 }).apply(h);
  return { model: tf.model({ inputs: inp, outputs: out, name: 'regressor' }) };
};
