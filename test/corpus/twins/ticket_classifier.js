// TF.js twin of python/ticket_classifier.py. Keras flattens a dict of outputs in sorted key order (department,
// priority), which decides the order of same-depth layers in model.layers; the twin lists them that way.
module.exports = (tf) => {
  const title = tf.input({ shape: [null], name: 'title' });
  const body = tf.input({ shape: [null], name: 'body' });
  const tags = tf.input({ shape: [12], name: 'tags' });
  let tf_ = tf.layers.embedding({ inputDim: 10000, outputDim: 64 }).apply(title);
  let bf = tf.layers.embedding({ inputDim: 10000, outputDim: 64 }).apply(body);
  tf_ = tf.layers.lstm({ units: 128 }).apply(tf_);
  bf = tf.layers.lstm({ units: 32 }).apply(bf);
  const x = tf.layers.concatenate().apply([tf_, bf, tags]);
  const priority = tf.layers.dense({ units: 1, name: 'priority' }).apply(x);
  const department = tf.layers.dense({ units: 4, name: 'department' }).apply(x);
  return { model: tf.model({ inputs: [title, body, tags], outputs: [department, priority] }) };
};
