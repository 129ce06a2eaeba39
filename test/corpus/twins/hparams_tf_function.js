// TF.js twin of python/hparams_tf_function.py.
module.exports = (tf) => {
  const inp = tf.input({ shape: [30, 8] });
  let x = tf.layers.lstm({ units: 32, returnSequences: true }).apply(inp);
  x = tf.layers.lstm({ units: 16 }).apply(x);
  return { model: tf.model({ inputs: inp, outputs: tf.layers.dense({ units: 5 }).apply(x), name: 'forecaster' }) };
};
