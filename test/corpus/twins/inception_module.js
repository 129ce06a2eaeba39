// TF.js twin of python/inception_module.py.
module.exports = (tf) => {
  const cfgs = { '3a': [16, 24, 32, 4, 8, 8], '3b': [32, 32, 48, 8, 24, 16], '4a': [48, 24, 52, 4, 12, 16] };
  const conv = (f, k, x) => tf.layers.conv2d({ filters: f, kernelSize: k, padding: 'same', activation: 'relu' }).apply(x);
  const module_ = (x, [f1, f3r, f3, f5r, f5, proj], name) => {
    const b1 = conv(f1, 1, x);
    const b2 = conv(f3, 3, conv(f3r, 1, x));
    const b3 = conv(f5, 5, conv(f5r, 1, x));
    let b4 = tf.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(x);
    b4 = conv(proj, 1, b4);
    return tf.layers.concatenate({ axis: -1, name }).apply([b1, b2, b3, b4]);
  };
  const inputs = tf.input({ shape: [64, 64, 3] });
  let x = tf.layers.conv2d({ filters: 32, kernelSize: 7, strides: 2, padding: 'same', activation: 'relu' }).apply(inputs);
  x = tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }).apply(x);
  for (const [key, cfg] of Object.entries(cfgs)) {
    x = module_(x, cfg, `inception_${key}`);
    if (key === '3b') x = tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }).apply(x);
  }
  x = tf.layers.globalAveragePooling2d({}).apply(x);
  x = tf.layers.dropout({ rate: 0.4 }).apply(x);
  const outputs = tf.layers.dense({ units: 100, activation: 'softmax' }).apply(x);
  return { model: tf.model({ inputs, outputs, name: 'mini_googlenet' }) };
};
