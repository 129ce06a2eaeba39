// TF.js twin of python/resnet18_cifar.py: the same layers created in the same order (so Keras names follow).
module.exports = (tf) => {
  const convBn = (x, filters, kernelSize = 3, strides = 1) => {
    x = tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false }).apply(x);
    return tf.layers.batchNormalization().apply(x);
  };
  const basicBlock = (x, filters, strides = 1) => {
    let shortcut = x;
    let y = convBn(x, filters, 3, strides);
    y = tf.layers.activation({ activation: 'relu' }).apply(y);
    y = convBn(y, filters);
    if (strides !== 1 || shortcut.shape[shortcut.shape.length - 1] !== filters) shortcut = convBn(shortcut, filters, 1, strides);
    y = tf.layers.add().apply([y, shortcut]);
    return tf.layers.activation({ activation: 'relu' }).apply(y);
  };
  const widths = [16, 32, 64, 128];
  const inputs = tf.input({ shape: [32, 32, 3] });
  let x = convBn(inputs, widths[0]);
  x = tf.layers.activation({ activation: 'relu' }).apply(x);
  widths.forEach((filters, stage) => {
    for (let block = 0; block < 2; block++) x = basicBlock(x, filters, stage > 0 && block === 0 ? 2 : 1);
  });
  x = tf.layers.globalAveragePooling2d({}).apply(x);
  const outputs = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(x);
  return { model: tf.model({ inputs, outputs, name: 'resnet18' }) };
};
