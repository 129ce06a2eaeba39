// TF.js twin of python/math_blocks.py (3 blocks of 15, 30, 45 filters; dense 7 + 10 = 17).
module.exports = (tf) => {
  const inp = tf.input({ shape: [100, 6] });
  let x = inp;
  for (let i = 0; i < 3; i++) {
    x = tf.layers.conv1d({ filters: 15 * (i + 1), kernelSize: 5, padding: 'same', activation: 'relu' }).apply(x);
    x = tf.layers.maxPooling1d({ poolSize: 2 }).apply(x);
  }
  x = tf.layers.globalMaxPooling1d({}).apply(x);
  x = tf.layers.dense({ units: 17 }).apply(x);
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(x);
  return { model: tf.model({ inputs: inp, outputs: out, name: 'signal_blocks' }) };
};
