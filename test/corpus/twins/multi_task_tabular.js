// TF.js twin of python/multi_task_tabular.py.
module.exports = (tf) => {
  const features = tf.input({ shape: [24], name: 'features' });
  let x = features;
  [64, 32].forEach((w, i) => {
    x = tf.layers.dense({ units: w, activation: 'relu', name: `trunk_dense_${i}` }).apply(x);
    x = tf.layers.batchNormalization({ name: `trunk_bn_${i}` }).apply(x);
    x = tf.layers.dropout({ rate: 0.2, name: `trunk_drop_${i}` }).apply(x);
  });
  const heads = [['price', 1, 'linear'], ['segment', 4, 'softmax'], ['churn', 1, 'sigmoid']]
    .map(([name, units, activation]) => tf.layers.dense({ units, activation, name }).apply(x));
  return { model: tf.model({ inputs: features, outputs: heads, name: 'multi_task' }) };
};
