// TF.js twin of python/layer_specs.py.
module.exports = (tf) => {
  const inp = tf.input({ shape: [12] });
  let x = tf.layers.dense({ units: 48, activation: 'relu' }).apply(inp);
  x = tf.layers.layerNormalization({}).apply(x);
  x = tf.layers.dropout({ rate: 0.25 }).apply(x);
  x = tf.layers.dense({ units: 24, activation: 'relu' }).apply(x);
  x = tf.layers.dense({ units: 6 }).apply(x);
  return { model: tf.model({ inputs: inp, outputs: x, name: 'spec_net' }) };
};
