// TF.js twin of python/siamese_nested_tower.py. TF.js has no Lambda layer: a minimal stand-in layer with the same
// output shape (elementwise |a-b| keeps its operands' shape; no weights).
module.exports = (tf) => {
  class L1Distance extends tf.layers.Layer {
    static className = 'Lambda';
    computeOutputShape(shapes) { return shapes[0]; }
    call(inputs) { return tf.abs(tf.sub(inputs[0], inputs[1])); }
  }
  const inp = tf.input({ shape: [32, 32, 1] });
  let x = inp;
  for (const filters of [16, 32, 64]) {
    x = tf.layers.conv2d({ filters, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(x);
    x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x);
  }
  x = tf.layers.flatten().apply(x);
  x = tf.layers.dense({ units: 64 }).apply(x);
  const tower = tf.model({ inputs: inp, outputs: x, name: 'tower' });
  const left = tf.input({ shape: [32, 32, 1], name: 'left' });
  const right = tf.input({ shape: [32, 32, 1], name: 'right' });
  const l1 = new L1Distance({ name: 'l1_distance' }).apply([tower.apply(left), tower.apply(right)]);
  const score = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'same' }).apply(l1);
  return { tower, siamese: tf.model({ inputs: [left, right], outputs: score, name: 'siamese' }) };
};
