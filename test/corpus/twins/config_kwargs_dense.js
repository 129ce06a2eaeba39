// TF.js twin of python/config_kwargs_dense.py (the second hidden layer has no bias).
module.exports = (tf) => {
  const inputs = tf.input({ shape: [4], name: 'measurements' });
  let x = inputs;
  [16, 12, 8].forEach((units, i) => {
    x = tf.layers.dense({ units, activation: 'relu', kernelInitializer: 'heNormal', name: `dense_${i}`, useBias: i !== 1 }).apply(x);
  });
  const outputs = tf.layers.dense({ units: 3, activation: 'softmax', name: 'species' }).apply(x);
  return { model: tf.model({ inputs, outputs, name: 'iris_kwargs' }) };
};
