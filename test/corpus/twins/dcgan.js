// TF.js twin of python/dcgan.py. TF.js's leakyReLU alpha is Keras 3's negative_slope.
module.exports = (tf) => {
  const generator = tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ units: 7 * 7 * 64, inputShape: [64] }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.reshape({ targetShape: [7, 7, 64] }),
      tf.layers.conv2dTranspose({ filters: 64, kernelSize: 4, strides: 2, padding: 'same' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2dTranspose({ filters: 32, kernelSize: 4, strides: 2, padding: 'same' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2d({ filters: 1, kernelSize: 7, padding: 'same', activation: 'sigmoid' }),
    ],
  });
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', inputShape: [28, 28, 1] }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, strides: 2, padding: 'same' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.globalMaxPooling2d({}),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  discriminator.trainable = false;
  const z = tf.input({ shape: [64], name: 'z' });
  const gan = tf.model({ inputs: z, outputs: discriminator.apply(generator.apply(z)), name: 'gan' });
  return { generator, discriminator, gan };
};
