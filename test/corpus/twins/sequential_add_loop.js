// TF.js twin of python/sequential_add_loop.py.
module.exports = (tf) => {
  const hidden = [128, 64, 64, 32];
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: hidden[0], activation: 'relu', inputShape: [13] }));
  model.add(tf.layers.batchNormalization());
  hidden.slice(1).forEach((units, i) => {
    model.add(tf.layers.dense({ units, activation: 'relu' }));
    if (i % 2 === 0) model.add(tf.layers.dropout({ rate: 0.1 }));
  });
  model.add(tf.layers.dense({ units: 1 }));
  return { model };
};
