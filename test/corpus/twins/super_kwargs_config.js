// TF.js twin of python/super_kwargs_config.py (96x96x3, filters 32/64/128, 5 classes).
module.exports = (tf) => {
  const inp = tf.input({ shape: [96, 96, 3] });
  let x = inp;
  for (const filters of [32, 64, 128]) {
    x = tf.layers.separableConv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(x);
    x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x);
  }
  x = tf.layers.globalAveragePooling2d({}).apply(x);
  const out = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(x);
  return { model: tf.model({ inputs: inp, outputs: out, name: 'sepconv_classifier' }) };
};
