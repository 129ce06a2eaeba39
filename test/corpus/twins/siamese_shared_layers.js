// TF.js twin of python/siamese_shared_layers.py.
module.exports = (tf) => {
  const q1 = tf.input({ shape: [30], name: 'question1' });
  const q2 = tf.input({ shape: [30], name: 'question2' });
  const emb = tf.layers.embedding({ inputDim: 8000, outputDim: 50 });
  const lstm = tf.layers.lstm({ units: 64 });
  const [a, b] = [q1, q2].map((q) => lstm.apply(emb.apply(q)));
  const product = tf.layers.multiply().apply([a, b]);
  const features = tf.layers.concatenate().apply([a, b, product]);
  let x = tf.layers.dropout({ rate: 0.2 }).apply(features);
  x = tf.layers.dense({ units: 64, activation: 'relu' }).apply(x);
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(x);
  return { model: tf.model({ inputs: [q1, q2], outputs: out }) };
};
