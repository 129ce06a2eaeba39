// TF.js twin of python/argparse_mlp.py (argparse defaults: 20 features, 2 x 64 hidden, dropout 0.1, 3 classes).
module.exports = (tf) => {
  const inputs = tf.input({ shape: [20], name: 'features' });
  let x = inputs;
  for (let i = 0; i < 2; i++) {
    x = tf.layers.dense({ units: 64, activation: 'relu', name: `hidden_${i}` }).apply(x);
    x = tf.layers.dropout({ rate: 0.1 }).apply(x);
  }
  const outputs = tf.layers.dense({ units: 3, activation: 'softmax', name: 'probs' }).apply(x);
  return { model: tf.model({ inputs, outputs, name: 'mlp' }) };
};
