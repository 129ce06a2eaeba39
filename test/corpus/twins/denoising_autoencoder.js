// TF.js twin of python/denoising_autoencoder.py.
module.exports = (tf) => {
  const input = tf.input({ shape: [28, 28, 1] });
  let x = input;
  for (let i = 0; i < 2; i++) {
    x = tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(x);
    x = tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }).apply(x);
  }
  for (let i = 0; i < 2; i++) x = tf.layers.conv2dTranspose({ filters: 32, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same' }).apply(x);
  x = tf.layers.conv2d({ filters: 1, kernelSize: 3, activation: 'sigmoid', padding: 'same' }).apply(x);
  return { autoencoder: tf.model({ inputs: input, outputs: x }) };
};
