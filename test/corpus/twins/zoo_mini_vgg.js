// TF.js twin of python/zoo_mini_vgg.py (32x32x3 input, 10 classes).
module.exports = (tf) => {
  const img = tf.input({ shape: [32, 32, 3] });
  let x = img;
  [1, 2, 2].forEach((convs, i) => {
    const b = i + 1;
    for (let c = 0; c < convs; c++) x = tf.layers.conv2d({ filters: 16 * 2 ** (b - 1), kernelSize: 3, padding: 'same', activation: 'relu', name: `block${b}_conv${c + 1}` }).apply(x);
    x = tf.layers.maxPooling2d({ poolSize: 2, name: `block${b}_pool` }).apply(x);
  });
  x = tf.layers.flatten({ name: 'flatten' }).apply(x);
  x = tf.layers.dense({ units: 10, activation: 'softmax', name: 'predictions' }).apply(x);
  return { model: tf.model({ inputs: img, outputs: x, name: 'mini_vgg' }) };
};
