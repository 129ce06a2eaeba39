// TF.js twin of python/vgg_config.py.
module.exports = (tf) => {
  const cfg = [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'];
  const model = tf.sequential({ name: 'vgg11' });
  let first = true;
  for (const v of cfg) {
    const shape = first ? { inputShape: [32, 32, 3] } : {};
    first = false;
    model.add(v === 'M' ? tf.layers.maxPooling2d({ poolSize: 2, strides: 2, ...shape })
      : tf.layers.conv2d({ filters: v / 4, kernelSize: 3, padding: 'same', activation: 'relu', ...shape }));
  }
  model.add(tf.layers.flatten());
  for (const units of [256, 256]) {
    model.add(tf.layers.dense({ units, activation: 'relu' }));
    model.add(tf.layers.dropout({ rate: 0.5 }));
  }
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return { vgg11: model };
};
